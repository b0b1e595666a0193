import { spawnSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const { dir, file } = tempDir("special");
const CLI = join(process.cwd(), "dist/cli.cjs");
const COMPARE = ["compare", "-m", "claude-instant", "--input-tokens", "1", "--output-tokens", "1"];

function fifo(name: string): string {
  const path = join(dir, name);
  spawnSync("mkfifo", [path]);
  return path;
}

describe("inputs that are not plain files are refused at once, never waited on", () => {
  it.each([
    [
      "a named pipe with no writer as --rates",
      () => [...COMPARE, "--rates", fifo("rates-fifo")],
      "it is a named pipe with nothing writing to it",
    ],
    [
      "a named pipe with no writer as traffic",
      () => ["profile", fifo("traffic-fifo"), "-m", "claude-instant"],
      "it is a named pipe with nothing writing to it",
    ],
    ["/dev/zero as a plan", () => ["plan", "/dev/zero"], "it is a character device (such as /dev/zero), not a file"],
    [
      "/dev/urandom as traffic",
      () => ["profile", "/dev/urandom", "-m", "claude-instant"],
      "it is a character device (such as /dev/zero), not a file",
    ],
    ["a folder as --rates", () => [...COMPARE, "--rates", dir], "it is a folder, not a file"],
  ])("%s", (_, args, message) => {
    const argv = args();
    const run = spawnSync(process.execPath, [CLI, ...argv], { encoding: "utf8", timeout: 10_000 });
    expect(run.signal).toBeNull(); // not killed by the timeout: nothing blocked
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });

  it("a socket as traffic or as --rates", async () => {
    const { createServer } = await import("node:net");
    const path = join(dir, "sock");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      for (const argv of [
        ["profile", path, "-m", "claude-instant"],
        [...COMPARE, "--rates", path],
      ]) {
        const run = spawnSync(process.execPath, [CLI, ...argv], { encoding: "utf8", timeout: 10_000 });
        expect(run.status).toBe(2);
        expect(run.stderr).toBe(`error: ${path}: cannot read: it is a socket, not a file\n`);
      }
    } finally {
      server.close();
    }
  });

  it("reads a pipe that has a writer, as a process substitution gives one", () => {
    const run = spawnSync(
      "bash",
      ["-c", `node ${CLI} ${COMPARE.join(" ")} --rates <(cat test/fixtures/rates/quote-sonnet-pt.yaml) --format json`],
      {
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).rates.files).toEqual(["rates/us-east-1/2026-11-30.yaml", "/dev/fd/63"]);
  });
});

describe("files read whole have a size cap; streams have none but a longest line", () => {
  function sparse(name: string, megabytes: number): string {
    const path = join(dir, name);
    const fd = openSync(path, "w");
    ftruncateSync(fd, megabytes * 1024 * 1024); // sparse: no disk used
    closeSync(fd);
    return path;
  }

  it("refuses a YAML file over 2 MB and a JSON file over 40 MB before reading them", () => {
    const yaml = sparse("huge.yaml", 3);
    const rates = runCli([...COMPARE, "--rates", yaml]);
    expect(rates.code).toBe(2);
    expect(rates.stderr).toBe(`error: ${yaml}: larger than 2 MB, the most bedrock-cost reads of a YAML file\n`);
    const json = sparse("huge-plan.json", 41);
    const terraform = runCli(["check", "test/fixtures/plans/check-clean.yaml", "--terraform", json]);
    expect(terraform.code).toBe(2);
    expect(terraform.stderr).toBe(`error: ${json}: larger than 40 MB, the most bedrock-cost reads of a JSON file\n`);
  });

  it("ends an endless stream given as a file read whole at the cap (yes | ... --rates /dev/stdin)", () => {
    const run = spawnSync("bash", ["-c", `yes | node ${CLI} ${COMPARE.join(" ")} --rates /dev/stdin`], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("error: /dev/stdin: larger than 2 MB, the most bedrock-cost reads of a YAML file\n");
  });

  it("refuses a line past 64 MB in a file read a line at a time, in linear time", () => {
    mkdirSync(join(dir, "long"), { recursive: true });
    const path = join(dir, "long", "long-line.csv");
    const fd = openSync(path, "w");
    writeSync(fd, "timestamp,inputTokens,outputTokens\n2026-11-01T00:00:00Z,1,");
    const block = Buffer.alloc(1 << 20, "9");
    for (let i = 0; i < 80; i++) writeSync(fd, block);
    closeSync(fd);
    const run = runCli(["profile", path, "-m", "claude-instant"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${path}:2: a line longer than 64 MB: not a file of one record or row a line\n`);
  });

  it("refuses CloudWatch JSON over 24 MB, saying how to split it", () => {
    const path = file("metrics.json", `{"MetricDataResults": [${"1,".repeat(13_000_000)}1]}`);
    const run = runCli(["profile", path, "-m", "claude-instant"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: ${path}: larger than 24 MB, the most read whole of a JSON traffic file: give CloudWatch data as several pages (files), and logs one record a line\n`,
    );
  });
});

describe("a window past 400 days is refused where it is seen, not after the whole file", () => {
  it("in a CSV: at the row that makes it, before the malformed rows after it", () => {
    const rows = [
      "timestamp,inputTokens,outputTokens",
      "2025-01-01T00:00:00Z,1,1",
      "2026-02-06T00:00:00Z,1,1",
      ...Array.from({ length: 1_000 }, () => "bad"),
    ];
    const path = file("long.csv", `${rows.join("\n")}\n`);
    const run = runCli(["profile", path, "-m", "claude-instant"]);
    expect(run.code).toBe(2);
    // 2025-01-01 to 2026-02-06 is 401 days: 577,441 minutes with the last one.
    expect(run.stderr).toBe(`error: ${path}:3: the data spans 577441 minutes; at most 576000 (400 days) can be profiled at once\n`);
  });

  it("in invocation logs: at the record that makes it", () => {
    const record = (timestamp: string) =>
      JSON.stringify({ timestamp, modelId: "anthropic.claude-instant-v1", input: { inputTokenCount: 1 }, output: { outputTokenCount: 1 } });
    const path = file("long.ndjson", `${[record("2025-01-01T00:00:00Z"), record("2026-02-06T00:00:00Z"), "not json"].join("\n")}\n`);
    const run = runCli(["profile", path, "-m", "claude-instant"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${path}:2: the data spans 577441 minutes; at most 576000 (400 days) can be profiled at once\n`);
  });
});
