import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const DIR = "test/fixtures/traffic";
// Claude 3.5 Sonnet v2 ($3 / $15, Batch $1.50 / $7.50) with the worked example's PT: $25 a unit-hour on
// 6 months, 70k / 14k tokens a minute per unit.
const FLAGS = [
  "-m",
  "claude-3.5-sonnet-v2",
  "--unit-hourly",
  "25",
  "--term",
  "6-month",
  "--unit-input-tpm",
  "70k",
  "--unit-output-tpm",
  "14k",
];

function profileJson(files: string[], extra: string[] = []) {
  const run = runCli(["profile", ...files, ...FLAGS, ...extra, "--format", "json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe("bedrock-cost profile", () => {
  it("reports the four-minute profile with the hand-worked curve (JSON contract)", () => {
    const report = profileJson([`${DIR}/four.csv`], ["--latency", "async"]);
    expect(report.schemaVersion).toBe(1);
    expect(report.window).toEqual({
      start: "2026-10-01T00:00:00Z",
      end: "2026-10-01T00:04:00Z",
      minutes: 4,
      periodSeconds: 60,
      gapMinutes: 0,
    });
    // 420,000 input and 56,000 output tokens in 4 minutes; a 730-hour month is 10,950 times as long
    expect(report.monthly).toEqual({ inputTokens: 4_599_000_000, outputTokens: 613_200_000, cacheReadTokens: 0, cacheWriteTokens: 0 });
    expect(report.tpm.input).toEqual({ avg: 105_000, p50: 70_000, p95: 210_000, p99: 210_000, peak: 210_000 });
    expect(report.activeShare).toBe(0.75);
    expect(report.onDemand).toEqual({ monthlyCost: 22_995 });
    expect(report.batch).toEqual({ monthlyCost: 11_497.5 });
    expect(report.provisioned).toHaveLength(1);
    const pt = report.provisioned[0];
    expect(pt.term).toBe("6-month");
    expect(pt.curve).toEqual([
      { units: 0, reservedCost: 0, overflowCost: 22_995, monthlyCost: 22_995, utilization: null, overflowMinutes: 3 },
      { units: 1, reservedCost: 18_250, overflowCost: 11_114.25, monthlyCost: 29_364.25, utilization: 0.75, overflowMinutes: 2 },
      { units: 2, reservedCost: 36_500, overflowCost: 3_832.5, monthlyCost: 40_332.5, utilization: 0.625, overflowMinutes: 1 },
      { units: 3, reservedCost: 54_750, overflowCost: 0, monthlyCost: 54_750, utilization: 0.5, overflowMinutes: 0 },
    ]);
    expect(pt.best.units).toBe(0);
    expect(pt.peakSized.units).toBe(3);
    expect(report.hourOfDay.input).toHaveLength(24);
  });

  it("finds the blended optimum when units are cheap enough", () => {
    const run = runCli([
      "profile",
      `${DIR}/four.csv`,
      "-m",
      "claude-3.5-sonnet-v2",
      "--unit-hourly",
      "6",
      "--term",
      "6-month",
      "--unit-input-tpm",
      "70k",
      "--unit-output-tpm",
      "14k",
      "--format",
      "json",
    ]);
    const pt = JSON.parse(run.stdout).provisioned[0];
    // 2 × 6 × 730 + 3,832.50
    expect(pt.best).toEqual({
      units: 2,
      reservedCost: 8_760,
      overflowCost: 3_832.5,
      monthlyCost: 12_592.5,
      utilization: 0.625,
      overflowMinutes: 1,
    });
  });

  it("gives the whole curve in CSV", () => {
    const run = runCli(["profile", `${DIR}/four.csv`, ...FLAGS, "--format", "csv"]);
    expect(run.stdout).toBe(
      [
        "lane,term,units,reservedCost,overflowCost,monthlyCost,utilization,overflowMinutes,best,peakSized,scope,reservedInputTpm,reservedOutputTpm,committedCost",
        "on-demand,,,,,22995,,,,,,,,",
        "provisioned,6-month,0,0,22995,22995,,3,true,false,,,,",
        "provisioned,6-month,1,18250,11114.25,29364.25,0.75,2,false,false,,,,",
        "provisioned,6-month,2,36500,3832.5,40332.5,0.625,1,false,false,,,,",
        "provisioned,6-month,3,54750,0,54750,0.5,0,false,true,,,,",
        "",
      ].join("\n"),
    );
  });

  it("prints the statistics, the hour-of-day chart and every unit count in the table", () => {
    const run = runCli(["profile", `${DIR}/five-minutes.csv`, ...FLAGS]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("10 minutes of 5-minute data");
    expect(run.stdout).toContain("Hour of day (UTC), mean input tokens a minute:");
    expect(run.stdout).toMatch(/PT 6-month at \$25\.00 a unit-hour, every unit count \(best: \d\):/);
    // Ten minutes are also a short window (issue 11): that note comes first, this one on its own line.
    expect(run.stderr).toMatch(/^note: The measured window is 10 minutes long/);
    expect(run.stderr).toMatch(
      /^note: The data comes in 5-minute periods, each spread evenly over its minutes: peaks inside a period are invisible/m,
    );
  });

  it("says what is missing when the unit throughput is unknown, and still prices on-demand", () => {
    const run = runCli(["profile", `${DIR}/four.csv`, "-m", "claude-instant", "--format", "json"]);
    const report = JSON.parse(run.stdout);
    expect(report.provisioned).toEqual([]);
    // (420,000 × $0.80 + 56,000 × $2.40) per million = $0.4704, × 10,950
    expect(report.onDemand.monthlyCost).toBe(5_150.88);
    expect(report.notes.map((n: { code: string }) => n.code)).toEqual(["SHORT_WINDOW", "UNKNOWN_THROUGHPUT"]);
  });

  it.each([
    [
      "a malformed row",
      [`${DIR}/bad-line.csv`, "-m", "nova-pro"],
      `error: ${DIR}/bad-line.csv:3: inputTokens: expected a number of tokens, got "abc"`,
    ],
    [
      "no records of the model",
      [`${DIR}/invocation-logs.ndjson`, "-m", "nova-pro"],
      `error: no invocation-log records of amazon.nova-pro-v1:0 in ${DIR}/invocation-logs.ndjson; found anthropic.claude-3-5-sonnet-20241022-v2:0 (1), us.anthropic.claude-3-5-sonnet-20241022-v2:0 (1), anthropic.claude-3-haiku-20240307-v1:0 (1), arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0 (1), arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3 (1)`,
    ],
    [
      "only input counts",
      [`${DIR}/metric-stats-input.json`, "-m", "nova-pro"],
      `error: no output token counts in ${DIR}/metric-stats-input.json (for CloudWatch, query OutputTokenCount with Stat Sum)`,
    ],
    ["a missing file", ["nope.csv", "-m", "nova-pro"], "error: nope.csv: cannot read: no such file"],
    ["no model", [`${DIR}/four.csv`], "error: required option '-m, --model <model>' not specified"],
  ])("exits 2 on %s", (_, args, message) => {
    const run = runCli(["profile", ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toBe(message.split("\n")[0]);
  });
});

describe("measured workloads in a plan", () => {
  it("takes volume and peak from the profile, but four minutes prove nothing for a 6-month term", () => {
    const run = runCli(["plan", "test/fixtures/plans/plan-measured.yaml", "--format", "json"]);
    expect(run.stderr).toBe("");
    const plan = JSON.parse(run.stdout);
    // peak 210k / 28k tokens a minute → 3 units × $14 × 730 = $30,660 against $22,995 on-demand
    expect(plan.workloads[0]).toMatchObject({
      lane: "provisioned",
      term: "6-month",
      units: 3,
      monthlyCost: 30_660,
      onDemandMonthlyCost: 22_995,
    });
    // Four minutes of traffic are shorter than policy.minMeasuredDays (28): the 6-month caution stays,
    // and a SHORT_WINDOW note says the window is under 7 days (issue 11).
    expect(plan.workloads[0].reasons.map((r: { code: string }) => r.code)).toEqual(["SLA_OVERRIDE", "UNPROVEN_LONG_TERM"]);
    expect(plan.notes.map((n: { code: string }) => n.code)).toEqual(["SHORT_WINDOW"]);
    const check = runCli(["check", "test/fixtures/plans/plan-measured.yaml", "--format", "json"]);
    expect(check.code).toBe(0);
    const report = JSON.parse(check.stdout);
    expect(report.findings.map((f: { code: string }) => f.code)).toEqual(["UNPROVEN_LONG_TERM", "SLA_PREMIUM"]);
    expect(report.notes.map((n: { code: string }) => n.code)).toEqual(["SHORT_WINDOW"]);
    const table = runCli(["check", "test/fixtures/plans/plan-measured.yaml"]);
    expect(table.stderr).toMatch(/^note: measured-copilot: the measured window is 4 minutes long/);
  });

  it("takes a window of policy.minMeasuredDays or more as proof for a long term", () => {
    const run = runCli(["plan", "test/fixtures/plans/plan-measured-short-policy.yaml", "--format", "json"]);
    const plan = JSON.parse(run.stdout);
    expect(plan.workloads[0].reasons.map((r: { code: string }) => r.code)).toEqual(["SLA_OVERRIDE"]);
  });

  it("notes a short window in profile too", () => {
    const run = runCli(["profile", `${DIR}/four.csv`, ...FLAGS, "--format", "json"]);
    expect(JSON.parse(run.stdout).notes.map((n: { code: string }) => n.code)).toContain("SHORT_WINDOW");
  });
});

describe("profile: a series of one data point (a day's total from CloudWatch)", () => {
  const ONE_DAY = `${DIR}/one-day`;
  const stats = [`${ONE_DAY}/statistics-input.json`, `${ONE_DAY}/statistics-output.json`];

  it.each([
    ["get-metric-statistics", stats],
    ["get-metric-data", [`${ONE_DAY}/metric-data.json`]],
  ])("refuses to guess the period of %s with one point, naming --period", (_, files) => {
    const run = runCli(["profile", ...files, ...FLAGS]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/one data point: the period it covers cannot be read from the data; give it with --period/);
    expect(
      run.stderr
        .split("\n")
        .filter(Boolean)
        .every((line) => line.startsWith("error: ")),
    ).toBe(true);
  });

  it.each([
    ["get-metric-statistics", stats],
    ["get-metric-data", [`${ONE_DAY}/metric-data.json`]],
  ])("takes --period 1d for %s: 2,848 and 348 tokens a day are 86,627 and 10,585 a 730-hour month", (_, files) => {
    const report = profileJson(files, ["--period", "1d"]);
    expect(report.window).toMatchObject({ minutes: 1440, periodSeconds: 86_400, gapMinutes: 0 });
    // 2,848 × 730 / 24 = 86,626.67; 348 × 730 / 24 = 10,585
    expect(report.monthly.inputTokens).toBeCloseTo((2_848 * 730) / 24, 0);
    expect(report.monthly.outputTokens).toBeCloseTo((348 * 730) / 24, 0);
    expect(Math.round(report.monthly.inputTokens)).toBe(86_627);
    expect(Math.round(report.monthly.outputTokens)).toBe(10_585);
    expect(profileJson(files, ["--period", "86400"]).monthly).toEqual(report.monthly);
  });

  it("checks --period against data with several points: hourly points agree with 1h, not with 1d", () => {
    const hourly = [`${DIR}/metric-stats-input.json`, `${DIR}/metric-stats-output.json`];
    expect(profileJson(hourly, ["--period", "1h"]).window).toMatchObject({ minutes: 120, periodSeconds: 3600 });
    const run = runCli(["profile", ...hourly, ...FLAGS, "--period", "1d"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/3600 seconds apart, closer than the period of 1 day given with --period/);
  });

  it.each([
    ["0", "expected a period such as 1m, 5m, 1h, 1d or a number of seconds"],
    ["90", "expected whole minutes"],
    ["1w", "expected a period such as 1m, 5m, 1h, 1d or a number of seconds"],
    ["500d", "expected at most 400 days"],
  ])("rejects --period %s", (value, message) => {
    const run = runCli(["profile", ...stats, ...FLAGS, "--period", value]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
