import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

// The fixtures and their hand-worked figures: test/fixtures/traffic/s3/README.md.
const S3 = "test/fixtures/traffic/s3";
const BUCKET = `${S3}/bucket`;
const HOURS = `${BUCKET}/AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/2026/11/01`;
const GZ_FILES = ["00", "01"].map((hour) => {
  const folder = `${HOURS}/${hour}`;
  return join(folder, readdirSync(folder)[0] as string);
});
const SONNET = ["-m", "claude-3.5-sonnet-v2"];
// 140,000 input, 5,000 cache-read and 20,000 output tokens in 61 minutes, over 43,800 minutes.
const MONTHLY = { inputTokens: 100_524_590, outputTokens: 14_360_656, cacheReadTokens: 3_590_164, cacheWriteTokens: 0 };
const { file } = tempDir("profile-logs");
const folder = tempDir("folder");

function report(args: readonly string[], input?: Uint8Array) {
  const run = runCli(["profile", ...args, ...SONNET, "--format", "json"], {}, input);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}
const codes = (notes: { code: string }[]) => notes.map((note) => note.code);

describe("profile: invocation logs as they land in S3", () => {
  it("reads a synced bucket folder: gzip, mixed models, the permission-check object left out", () => {
    const r = report([BUCKET]);
    expect(r.window).toEqual({
      start: "2026-11-01T00:00:00Z",
      end: "2026-11-01T01:01:00Z",
      minutes: 61,
      periodSeconds: 60,
      gapMinutes: 59,
    });
    expect(r.monthly).toEqual(MONTHLY);
    expect(codes(r.notes)).toEqual(["SHORT_WINDOW", "GAPS", "OTHER_MODELS", "SKIPPED_FILES", "NO_PT_PRICE"]);
    const notes = Object.fromEntries(r.notes.map((n: { code: string; message: string }) => [n.code, n.message]));
    // The embeddings record has no output count, and the other models' records are only counted.
    expect(notes.OTHER_MODELS).toContain("Left out 3 invocation-log records of other models: amazon.titan-embed-text-v2:0 (1)");
    expect(notes.OTHER_MODELS).toContain("--profile-map FILE");
    expect(notes.SKIPPED_FILES).toBe(
      "Left out 1 file of the folders read: 1 AWS permission-check object (amazon-bedrock-logs-permission-check).",
    );
  });

  it("reads standard input (-), gzip or not, and a pipe given as a path", () => {
    const gz = Buffer.concat(GZ_FILES.map((path) => readFileSync(path)));
    expect(report(["-"], gz).monthly).toEqual(MONTHLY);
    const text = Buffer.concat(GZ_FILES.map((path) => spawnSync("gzip", ["-dc", path]).stdout as Buffer));
    expect(report(["-"], text).monthly).toEqual(MONTHLY);
    // A process substitution, as in: bedrock-cost profile <(zcat logs/*.gz) --model ...
    const cli = join(process.cwd(), "dist/cli.cjs");
    const bash = spawnSync("bash", ["-c", `node ${cli} profile <(gzip -dc ${GZ_FILES.join(" ")}) -m claude-3.5-sonnet-v2 --format json`], {
      encoding: "utf8",
    });
    expect(bash.stderr).toBe("");
    expect(JSON.parse(bash.stdout).monthly).toEqual(MONTHLY);
  });

  it.each([
    ["pretty-printed records", `${S3}/pretty-records.json`],
    ["a JSON array of records", `${S3}/records-array.json`],
    ["a CloudWatch Logs export task (gzip, <time> <record> lines)", `${S3}/logs-export-task-000000.gz`],
  ])("reads %s", (_, path) => {
    expect(report([path]).monthly).toEqual(MONTHLY);
  });

  it("reads one pretty-printed record: 50,000 / 6,000 tokens in one minute", () => {
    expect(report([`${S3}/one-record.json`]).monthly).toMatchObject({ inputTokens: 50_000 * 43_800, outputTokens: 6_000 * 43_800 });
  });

  it("maps application-inference-profile ARNs with --profile-map: 140,100 / 20,010 tokens, 58 minutes without traffic", () => {
    const r = report([BUCKET, "--profile-map", `${S3}/profile-map.yaml`]);
    expect(r.window.gapMinutes).toBe(58);
    expect(r.monthly.inputTokens).toBe(Math.round((140_100 * 43_800) / 61));
    expect(r.monthly.outputTokens).toBe(Math.round((20_010 * 43_800) / 61));
    expect(r.monthly.inputTokens).toBe(100_596_393);
  });

  it("refuses a --profile-map whose model is unknown, or whose key is not an inference-profile ARN", () => {
    const map = file(
      "bad-map.yaml",
      "profiles:\n  arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/x: claude-3.5-sonet\n  nova: amazon.nova-pro-v1:0\n",
    );
    const run = runCli(["profile", BUCKET, ...SONNET, "--profile-map", map]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: .*bad-map\.yaml:3: profiles\.nova: expected an inference-profile ARN/m);
    const unknown = file(
      "unknown-map.yaml",
      "profiles:\n  arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/x: claude-3.5-sonet\n",
    );
    expect(runCli(["profile", BUCKET, ...SONNET, "--profile-map", unknown]).stderr).toBe(
      `error: ${unknown}:2: profiles.arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/x: unknown model "claude-3.5-sonet" in the us-east-1 rates; did you mean claude-3.5-sonnet, claude-3.7-sonnet, claude-3-sonnet?\n`,
    );
  });

  it("reads a file named twice, or reached through its folder too, once, with a note", () => {
    const r = report([BUCKET, GZ_FILES[0] as string]);
    expect(r.monthly).toEqual(MONTHLY);
    expect(r.notes.find((n: { code: string }) => n.code === "REPEATED_FILES").message).toContain(GZ_FILES[0]);
  });

  it("leaves out hidden files and files of no traffic format in a folder, and counts them; a named one is an error", () => {
    const { dir, file: put } = folder;
    put("a.json.gz", readFileSync(GZ_FILES[0] as string));
    put("b.json.gz", readFileSync(GZ_FILES[1] as string));
    put(".DS_Store", Buffer.from([0, 0, 0, 1, 66, 117, 100, 49]));
    const notes = put("notes.txt", "synced on Monday\n");
    const r = report([dir]);
    expect(r.monthly).toEqual(MONTHLY);
    expect(r.notes.find((n: { code: string }) => n.code === "SKIPPED_FILES").message).toBe(
      "Left out 2 files of the folders read: 1 hidden file (a name starting with a dot), 1 file in no traffic format.",
    );
    const run = runCli(["profile", notes, ...SONNET]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: ${notes}: not a traffic file: expected CSV, CloudWatch get-metric-data or get-metric-statistics JSON, or invocation logs (JSON records, NDJSON, a CloudWatch Logs export), plain or gzip\n`,
    );
  });

  it("names a gzip file that is cut short", () => {
    const whole = readFileSync(GZ_FILES[0] as string);
    const cut = file("cut.json.gz", whole.subarray(0, whole.length - 20));
    const run = runCli(["profile", cut, ...SONNET]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^error: ${cut}: not valid gzip data: `));
  });

  it("stops at the first record that needs a price the rates lack, not after reading the rest", () => {
    // Claude 3 Haiku has no cache-read price: the second record stops the read, though line 3 on is not even JSON.
    const haiku = (cache: number) =>
      JSON.stringify({
        timestamp: "2026-11-01T00:00:00Z",
        modelId: "anthropic.claude-3-haiku-20240307-v1:0",
        input: { inputTokenCount: 10, cacheReadInputTokenCount: cache },
        output: { outputTokenCount: 1 },
      });
    const lines = [haiku(0), haiku(5), ...Array.from({ length: 50_000 }, () => "not json")];
    const logs = file("haiku.json.gz", gzipSync(`${lines.join("\n")}\n`));
    const run = runCli(["profile", logs, "-m", "claude-3-haiku"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: ${logs}:2: anthropic.claude-3-haiku-20240307-v1:0 has no promptCache.readPerMTok price in these rates; add it with --rates FILE\n`,
    );
  });

  it("validates the profiled model's records strictly, other models' only as far as modelId and timestamp", () => {
    const lines = [
      JSON.stringify({ timestamp: "2026-11-01T00:00:00Z", modelId: "amazon.titan-embed-text-v2:0", input: {} }),
      JSON.stringify({ timestamp: "2026-11-01T00:00:00Z", modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0", input: {} }),
      JSON.stringify({ modelId: "amazon.titan-embed-text-v2:0", input: { inputTokenCount: 5 } }),
    ];
    const logs = file("strict.ndjson", `${lines.join("\n")}\n`);
    const run = runCli(["profile", logs, ...SONNET]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: ${logs}:2: input.inputTokenCount: missing\nerror: ${logs}:3: timestamp: expected a time, got nothing\n`,
    );
  });
});

describe("profile: a get-metric-data result of SEARCH expressions, one series per model under one Id", () => {
  const SEARCH = "test/fixtures/traffic/search/search-result.json";

  it("reads the series whose label names the profiled model", () => {
    const r = report([SEARCH]);
    expect(r.window).toMatchObject({ start: "2026-11-01T00:00:00Z", minutes: 3, periodSeconds: 60, gapMinutes: 0 });
    // 420,000 input and 56,000 output tokens in 3 minutes, over 43,800 minutes
    expect(r.monthly).toMatchObject({ inputTokens: 420_000 * 14_600, outputTokens: 56_000 * 14_600 });
    const haiku = runCli(["profile", SEARCH, "-m", "claude-3-haiku", "--format", "json"]);
    expect(JSON.parse(haiku.stdout).monthly).toMatchObject({ inputTokens: 6_000 * 14_600, outputTokens: 600 * 14_600 });
  });

  it("says the result holds several series, with their labels, when none names the model", () => {
    const run = runCli(["profile", SEARCH, "-m", "titan-text-express"]);
    expect(run.code).toBe(2);
    const labels = "anthropic.claude-3-5-sonnet-20241022-v2:0, anthropic.claude-3-haiku-20240307-v1:0, amazon.nova-pro-v1:0";
    expect(run.stderr).toBe(
      `error: ${SEARCH}: input: the result holds 3 series (a SEARCH expression), and none of their labels name amazon.titan-text-express-v1: ${labels}\n` +
        `error: ${SEARCH}: output: the result holds 3 series (a SEARCH expression), and none of their labels name amazon.titan-text-express-v1: ${labels}\n`,
    );
  });
});
