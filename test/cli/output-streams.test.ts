import { spawnSync } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CLI = join(process.cwd(), "dist/cli.cjs");
// A profile whose CSV is 16 MB (a curve point for every unit count up to 210,000): far more than a pipe holds.
const BIG = [
  "profile",
  "test/fixtures/traffic/four.csv",
  "-m",
  "claude-3.5-sonnet-v2",
  "--unit-input-tpm",
  "1",
  "--unit-output-tpm",
  "1",
  "--unit-hourly",
  "1",
  "--term",
  "6-month",
  "--format",
  "csv",
];

describe("standard output that goes away", () => {
  it("ends quietly with the exit code the work earned when the reader closes the pipe (| head -c 1)", () => {
    const run = spawnSync("bash", ["-c", `node ${CLI} ${BIG.join(" ")} | head -c 1 >/dev/null; echo "exit \${PIPESTATUS[0]}"`], {
      encoding: "utf8",
    });
    expect(run.stdout).toBe("exit 0\n");
    // Only the run's own notes: no EPIPE, no stack trace.
    expect(
      run.stderr
        .trim()
        .split("\n")
        .every((line) => line.startsWith("note: ")),
    ).toBe(true);
  });

  it("is one error line and exit code 2 when the disk is full (> /dev/full)", () => {
    const full = openSync("/dev/full", "w");
    try {
      const run = spawnSync(process.execPath, [CLI, "rates", "list"], { stdio: ["ignore", full, "pipe"], encoding: "utf8" });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe("error: cannot write the report to standard output: no space left on device\n");
    } finally {
      closeSync(full);
    }
  });
});

describe("signals", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)("%s ends the run with exit code %i", async (signal, code) => {
    const { spawn } = await import("node:child_process");
    // profile waits on standard input that never ends, until the signal.
    const child = spawn(process.execPath, [CLI, "profile", "-", "-m", "claude-instant"], { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    child.kill(signal);
    const exit = await new Promise<number | null>((resolve) => child.on("exit", (status) => resolve(status)));
    expect(exit).toBe(code);
    expect(stderr).toBe("");
  });
});
