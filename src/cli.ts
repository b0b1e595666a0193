// The bundle's entry point: the launcher (scripts/launcher.cjs, installed as dist/cli.cjs) calls main.
export { main } from "./main.js";
// The launcher removes unfinished temporary files when a signal ends the run.
export { removeTemporaryFiles } from "./writers/write-file-atomically.js";
