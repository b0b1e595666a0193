import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const { file } = tempDir("profile-reserved");

/**
 * A day of minutes, input alternating 200,000 and 50,000 tokens, output 20,000 every minute, on
 * Claude Sonnet 4.5 (Standard $3.30 / $16.50 per 1M) with the illustrative quote of
 * test/fixtures/rates/reserved-quote.yaml ($0.15 / $0.75 per 1,000 TPM an hour on 1 month).
 */
function day(): string {
  const rows = ["timestamp,inputTokens,outputTokens"];
  const start = Date.UTC(2026, 10, 2);
  for (let m = 0; m < 1_440; m++) {
    rows.push(`${new Date(start + m * 60_000).toISOString().replace(".000Z", "Z")},${m % 2 === 0 ? 200_000 : 50_000},20000`);
  }
  return `${rows.join("\n")}\n`;
}

const ARGS = ["-m", "claude-sonnet-4.5", "--rates", "test/fixtures/rates/reserved-quote.yaml"];

describe("profile sizes the Reserved tier minute by minute", () => {
  it("finds the best reservation on each side, and prices the one that carries the peak", () => {
    // A month is 43,800 / 1,440 = 30.4167 days. Input: a token a minute costs 0.15 / 1,000 × 730 =
    // $0.1095 a month, a token above it $3.30 / 1M × 30.4167 = $0.000100375: reserving pays while more
    // than 1,090 minutes lie above; 720 lie above 50,000, which is below the 100,000 minimum, so the
    // minimum: $10,950, and 720 minutes × 100,000 tokens over it = 72M × $3.30 / 1M × 30.4167 = $7,227.
    // Output: 20,000 every minute, $0.5475 against $0.000501875 (1,090 minutes): 20,000, $10,950, none over.
    // Best: $29,127.00 a month against $18,067.50 + $14,454.00 = $32,521.50 on Standard, at
    // (75,000 × 0.15 + 20,000 × 0.75) / (100,000 × 0.15 + 20,000 × 0.75) = 87.5% utilization.
    const report = runJson(["profile", file("day.csv", day()), ...ARGS]);
    expect(report.onDemand.monthlyCost).toBeCloseTo(32_521.5, 2);
    expect(report.reserved[0]).toEqual({
      term: "1-month",
      scope: "geo",
      best: {
        inputTpm: 100_000,
        outputTpm: 20_000,
        reservedCost: 21_900,
        overflowCost: 7_227,
        monthlyCost: 29_127,
        committedCost: 21_900,
        utilization: 0.875,
        overflowMinutes: 720,
      },
      // 200,000 and 20,000: 0.15 × 200 × 730 + 0.75 × 20 × 730 = $21,900 + $10,950, at
      // (125,000 × 0.15 + 20,000 × 0.75) / (200,000 × 0.15 + 20,000 × 0.75) = 33,750 / 45,000 = 75%.
      peakSized: {
        inputTpm: 200_000,
        outputTpm: 20_000,
        reservedCost: 32_850,
        overflowCost: 0,
        monthlyCost: 32_850,
        committedCost: 32_850,
        utilization: 0.75,
        overflowMinutes: 0,
      },
    });
    // 3 months at $0.135 / $0.675: the same levels; $9,855 + $9,855 + $7,227 = $26,937; $59,130 committed.
    expect(report.reserved[1]).toMatchObject({ term: "3-month", best: { monthlyCost: 26_937, committedCost: 59_130 } });
  });

  it("names the cheapest lane, the Reserved tier among them", () => {
    const run = runCli(["profile", file("day2.csv", day()), ...ARGS]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "Cheapest: the Reserved tier (geo) on a 3-month term, 100,000 input and 20,000 output tokens a minute (the rest at Standard), $26,937.00 a month.",
    );
  });
});
