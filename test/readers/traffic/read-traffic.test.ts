import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildMinuteTraffic } from "../../../src/core/traffic/minute-traffic.js";
import { readTraffic } from "../../../src/readers/traffic/read-traffic.js";
import { problemsOfAsync } from "../../helpers/problems.js";

const DIR = "test/fixtures/traffic";
const sonnet = {
  modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
  matches: (id: string) => id.includes("claude-3-5-sonnet-20241022-v2:0") && !id.includes("application-inference-profile"),
  needs: () => null,
};
const minutes = async (files: string[]) => {
  const traffic = buildMinuteTraffic((await readTraffic(files, sonnet)).series);
  return {
    start: traffic.start,
    minutes: traffic.minutes,
    period: traffic.periodSeconds,
    gaps: traffic.gapMinutes,
    input: [...traffic.inputTokens],
    output: [...traffic.outputTokens],
    read: [...traffic.cacheReadTokens],
  };
};
const FOUR = {
  start: 1_790_812_800,
  minutes: 4,
  period: 60,
  gaps: 0,
  input: [0, 70_000, 140_000, 210_000],
  output: [0, 14_000, 14_000, 28_000],
  read: [0, 0, 0, 0],
};

function temp(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "bedrock-cost-")), name);
  writeFileSync(path, text);
  return path;
}

describe("readTraffic", () => {
  it("reads the same four minutes from a CSV, a shuffled CSV (CRLF, offsets, epoch seconds, quotes) and two get-metric-data pages", async () => {
    expect(await minutes([`${DIR}/four.csv`])).toEqual(FOUR);
    expect(await minutes([`${DIR}/four-shuffled.csv`])).toEqual(FOUR);
    expect(await minutes([`${DIR}/metric-data-page2.json`, `${DIR}/metric-data-page1.json`])).toEqual(FOUR);
  });

  it("reads the model's rows of a CSV with a modelId column and counts the others' rows", async () => {
    const csv = temp(
      "account.csv",
      [
        "timestamp,modelId,inputTokens,outputTokens",
        "2026-10-01T00:00:00Z,anthropic.claude-3-5-sonnet-20241022-v2:0,0,0",
        "2026-10-01T00:00:00Z,anthropic.claude-3-haiku-20240307-v1:0,5,1",
        "2026-10-01T00:01:00Z,us.anthropic.claude-3-5-sonnet-20241022-v2:0,70000,14000",
        "2026-10-01T00:02:00Z,anthropic.claude-3-5-sonnet-20241022-v2:0,140000,14000",
        "2026-10-01T00:01:00Z,anthropic.claude-3-haiku-20240307-v1:0,5,1",
        "2026-10-01T00:03:00Z,anthropic.claude-3-5-sonnet-20241022-v2:0,210000,28000",
      ].join("\n"),
    );
    // The same minute in two rows of one model id is an error; two ids of one model are two series, summed.
    expect(await minutes([csv])).toEqual(FOUR);
    const read = await readTraffic([csv], sonnet);
    expect(read.otherModels).toEqual([["anthropic.claude-3-haiku-20240307-v1:0", 2]]);
    const twice = temp(
      "twice.csv",
      "timestamp,modelId,inputTokens,outputTokens\n2026-10-01T00:00:00Z,a.b,1,1\n2026-10-01T00:00:00Z,a.b,1,1\n",
    );
    expect(await problemsOfAsync(() => readTraffic([twice], sonnet))).toEqual([
      `${twice}:3: duplicate timestamp 2026-10-01T00:00:00Z of "a.b", also on line 2`,
    ]);
  });

  it("names each file's format and leaves out metrics that are not token counts", async () => {
    const read = await readTraffic([`${DIR}/metric-data-page1.json`, `${DIR}/metric-data-page2.json`], sonnet);
    expect(read.formats.map((f) => f.format)).toEqual(["get-metric-data", "get-metric-data"]);
    expect(read.ignoredMetrics).toEqual([{ file: `${DIR}/metric-data-page1.json`, label: "Invocations" }]);
  });

  it("reads hourly get-metric-statistics, one file per metric, datapoints in any order", async () => {
    const traffic = await minutes([`${DIR}/metric-stats-input.json`, `${DIR}/metric-stats-output.json`]);
    expect(traffic).toMatchObject({ minutes: 120, period: 3600, gaps: 0 });
    // 3,000,000 then 6,000,000 tokens an hour: 50k then 100k a minute
    expect(traffic.input[0]).toBe(50_000);
    expect(traffic.input[119]).toBe(100_000);
    expect(traffic.output[60]).toBe(10_000);
  });

  it("spreads 5-minute periods over their minutes and reads empty cache cells as zero", async () => {
    const traffic = await minutes([`${DIR}/five-minutes.csv`]);
    expect(traffic).toMatchObject({ minutes: 10, period: 300 });
    expect(traffic.input).toEqual([100_000, 100_000, 100_000, 100_000, 100_000, 200_000, 200_000, 200_000, 200_000, 200_000]);
  });

  it("counts minutes without data as gaps", async () => {
    expect(await minutes([`${DIR}/gaps.csv`])).toMatchObject({ minutes: 5, period: 60, gaps: 3, input: [70_000, 0, 0, 0, 70_000] });
  });

  it("sums invocation-log records per minute, from NDJSON or a CloudWatch Logs export, and counts other models", async () => {
    // minute 00:01: 30,000 + 40,000 input, 4,000 + 10,000 output, 5,000 cache read; 00:02 none; 00:03: 210,000 / 28,000
    const expected = {
      start: 1_790_812_860,
      minutes: 3,
      period: 60,
      gaps: 1,
      input: [70_000, 0, 210_000],
      output: [14_000, 0, 28_000],
      read: [5_000, 0, 0],
    };
    expect(await minutes([`${DIR}/invocation-logs.ndjson`])).toEqual(expected);
    expect(await minutes([`${DIR}/logs-export.json`])).toEqual(expected);
    const read = await readTraffic([`${DIR}/invocation-logs.ndjson`], sonnet);
    expect(read.logRecords).toBe(3);
    expect(read.otherModels).toEqual([
      ["anthropic.claude-3-haiku-20240307-v1:0", 1],
      ["arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3", 1],
    ]);
  });

  it("names the file and line of every malformed row or record", async () => {
    expect(await problemsOfAsync(() => readTraffic([`${DIR}/bad-line.csv`], sonnet))).toEqual([
      `${DIR}/bad-line.csv:3: inputTokens: expected a number of tokens, got "abc"`,
      `${DIR}/bad-line.csv:4: timestamp: 2026-10-01T00:02:00 has no time zone: add Z or an offset such as +02:00`,
      `${DIR}/bad-line.csv:5: expected 3 columns, got 2`,
    ]);
    expect(await problemsOfAsync(() => readTraffic([`${DIR}/bad-record.ndjson`], sonnet))).toEqual([
      `${DIR}/bad-record.ndjson:2: input.inputTokenCount: missing`,
      `${DIR}/bad-record.ndjson:3: input.inputTokenCount: expected a number of tokens, got "many"`,
      `${DIR}/bad-record.ndjson:4: not a JSON record`,
    ]);
  });

  it("rejects a CSV header it does not know, duplicate times, overlapping pages and unknown JSON", async () => {
    const header = temp("h.csv", "timestamp,inputTokens,outputTokens,invocations\n");
    expect(await problemsOfAsync(() => readTraffic([header], sonnet))).toEqual([
      `${header}:1: header: unknown column "invocations" (expected timestamp,inputTokens,outputTokens and optionally cacheReadTokens,cacheWriteTokens,modelId)`,
    ]);
    const dup = temp(
      "d.csv",
      "timestamp,inputTokens,outputTokens\n2026-10-01T00:01:00Z,1,1\n2026-10-01T00:00:00Z,1,1\n2026-10-01T00:01:00Z,2,2\n",
    );
    expect(await problemsOfAsync(() => readTraffic([dup], sonnet))).toEqual([
      `${dup}:4: duplicate timestamp 2026-10-01T00:01:00Z, also on line 2`,
    ]);
    const copy = temp("page1-again.json", readFileSync(`${DIR}/metric-data-page1.json`, "utf8"));
    expect((await problemsOfAsync(() => readTraffic([`${DIR}/metric-data-page1.json`, copy], sonnet)))[0]).toMatch(
      /InputTokenCount: two data points at 2026-10-01T00:02:00.000Z \(overlapping pages\?\)/,
    );
    const unknown = temp("u.json", '{"hello": 1}');
    expect(await problemsOfAsync(() => readTraffic([unknown], sonnet))).toEqual([
      `${unknown}: not a traffic file: expected CSV, CloudWatch get-metric-data or get-metric-statistics JSON, or invocation logs (JSON records, NDJSON, a CloudWatch Logs export), plain or gzip`,
    ]);
  });

  it("reports a CloudWatch query that did not complete, and statistics without Sum", async () => {
    const failed = temp(
      "f.json",
      JSON.stringify({ MetricDataResults: [{ Id: "in", Label: "InputTokenCount", Timestamps: [], Values: [], StatusCode: "Forbidden" }] }),
    );
    expect(await problemsOfAsync(() => readTraffic([failed], sonnet))).toEqual([
      `${failed}: MetricDataResults[0].StatusCode: CloudWatch returned "Forbidden" for InputTokenCount: rerun the query`,
    ]);
    const average = temp(
      "a.json",
      JSON.stringify({ Label: "InputTokenCount", Datapoints: [{ Timestamp: "2026-10-01T00:00:00Z", Average: 5 }] }),
    );
    expect(await problemsOfAsync(() => readTraffic([average], sonnet))).toEqual([
      `${average}: Datapoints[0].Sum: missing: run get-metric-statistics with --statistics Sum`,
    ]);
  });
});
