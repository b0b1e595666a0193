// The bundle's entry point: the launcher (scripts/launcher.cjs, installed as dist/cli.cjs) calls main.
export { main } from "./main.js";
