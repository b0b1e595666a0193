import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CLI = join(process.cwd(), "dist/cli.cjs");
/** A profile as CSV whose units carry `tpm` tokens a minute: a curve point for every unit count up to the peak. */
const profileCsv = (tpm: string) => [
  "profile",
  "test/fixtures/traffic/four.csv",
  "-m",
  "claude-3.5-sonnet-v2",
  "--unit-input-tpm",
  tpm,
  "--unit-output-tpm",
  tpm,
  "--unit-hourly",
  "1",
  "--term",
  "6-month",
  "--format",
  "csv",
];
// 16 MB (210,000 unit counts): far more than a pipe holds.
const BIG = profileCsv("1");

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

describe("standard output that is not a terminal", () => {
  // The same profile with units of 20 tokens a minute: 800 KB of CSV, still many times what a pipe holds.
  const REPORT = profileCsv("20");
  const sha = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");
  let report: Buffer | undefined;
  const expected = () => {
    if (!report) {
      const run = spawnSync(process.execPath, [CLI, ...REPORT], { maxBuffer: 64 * 1024 * 1024 });
      expect(run.status).toBe(0);
      report = run.stdout;
    }
    return report;
  };

  it("writes the whole report to a file", () => {
    const dir = mkdtempSync(join(tmpdir(), "bedrock-cost-out-"));
    try {
      const out = openSync(join(dir, "report.csv"), "w");
      const run = spawnSync(process.execPath, [CLI, ...REPORT], { stdio: ["ignore", out, "pipe"] });
      closeSync(out);
      expect(run.status).toBe(0);
      const written = readFileSync(join(dir, "report.csv"));
      expect(written.length).toBeGreaterThan(700_000);
      expect(sha(written)).toBe(sha(expected()));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes the whole report to a pipe left non-blocking, waiting while the reader is slow", () => {
    // Whoever starts the run can leave its output non-blocking: a full pipe then says EAGAIN.
    const script = [
      "import os, subprocess, sys, time",
      "r, w = os.pipe()",
      "os.set_blocking(w, False)",
      "p = subprocess.Popen(sys.argv[1:], stdout=w, stderr=subprocess.DEVNULL)",
      "os.close(w)",
      "time.sleep(0.5)",
      "chunks = []",
      "while True:",
      "    b = os.read(r, 65536)",
      "    if not b: break",
      "    chunks.append(b)",
      "sys.stdout.buffer.write(b''.join(chunks))",
      "sys.exit(p.wait())",
    ].join("\n");
    const dir = mkdtempSync(join(tmpdir(), "bedrock-cost-out-"));
    try {
      writeFileSync(join(dir, "slow-reader.py"), script);
      const run = spawnSync("python3", [join(dir, "slow-reader.py"), process.execPath, CLI, ...REPORT], { maxBuffer: 64 * 1024 * 1024 });
      expect(run.status).toBe(0);
      expect(sha(run.stdout)).toBe(sha(expected()));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ["compare", ["compare", "--model", "claude-3.5-sonnet-v2", "--input-tokens", "3B", "--output-tokens", "600M"]],
    ["plan", ["plan", "test/fixtures/plans/check-clean.yaml"]],
  ])("%s into a pipe loads none of Node's stream modules (2 ms of a start)", (_, args) => {
    const dir = mkdtempSync(join(tmpdir(), "bedrock-cost-modules-"));
    try {
      const hook = join(dir, "modules.cjs");
      const list = join(dir, "modules.txt");
      writeFileSync(
        hook,
        `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join("\\n")));`,
      );
      const loaded = (nodeArgs: string[]) => {
        const run = spawnSync(process.execPath, ["--require", hook, ...nodeArgs], { encoding: "utf8" });
        expect(run.status).toBe(0);
        return readFileSync(list, "utf8").split("\n");
      };
      const bare = new Set(loaded(["-e", "0"]));
      const added = loaded([CLI, ...args]).filter((name) => !bare.has(name));
      expect(added).toContain("NativeModule vm");
      expect(added.filter((name) => /^NativeModule (stream|internal\/streams\/)/.test(name))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
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
