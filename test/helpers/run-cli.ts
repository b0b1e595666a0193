import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../../dist/cli.cjs", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface CliRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs the built CLI from the repository root with a minimal, pinned environment; `input` is its standard input. */
export function runCli(args: readonly string[], env: Record<string, string> = {}, input?: Uint8Array | string): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", TZ: "UTC", ...env },
    input,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** Runs the CLI and parses its JSON report, failing loudly if the run did not succeed. */
export function runJson<T = any>(args: readonly string[]): T {
  const run = runCli([...args, "--format", "json"]);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}
