import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

// Claude Sonnet 4.5 (regional), Standard $3.30 / $16.50 per 1M tokens, with the illustrative Reserved
// tier quote of test/fixtures/rates/reserved-quote.yaml: $0.15 / $0.75 per 1,000 TPM an hour on 1
// month, $0.135 / $0.675 on 3 months. 3B input + 600M output a month = $9,900 + $9,900 = $19,800.
const SONNET = ["compare", "-m", "claude-sonnet-4.5", "--input-tokens", "3B", "--output-tokens", "600M"];
const QUOTE = ["--rates", "test/fixtures/rates/reserved-quote.yaml"];
const { file } = tempDir("reserved");

describe("compare prices the Reserved tier", () => {
  it("sizes it to the average minute and AWS's minimums, and recommends it where it costs least", () => {
    // 3B / 43,800 = 68,493 input TPM, under the 100,000 minimum; 600M / 43,800 = 13,698.6 → 13,699.
    // 1 month: 0.15 × 100 × 730 + 0.75 × 13.699 × 730 = 10,950 + 7,500.2025 = $18,450.20.
    // 3 months: 0.135 × 100 × 730 + 0.675 × 13.699 × 730 = 9,855 + 6,750.18 = $16,605.18; × 3 = $49,815.55.
    // Utilization: (68,493.15 × 0.15 + 13,698.63 × 0.75) / (100,000 × 0.15 + 13,699 × 0.75) = 0.8130.
    const report = runJson([...SONNET, ...QUOTE]);
    expect(report.onDemand).toEqual({ monthlyCost: 19_800 });
    expect(report.reserved).toEqual([
      {
        term: "1-month",
        scope: "geo",
        basis: "average",
        inputTpm: 100_000,
        outputTpm: 13_699,
        reservedCost: 18_450.2,
        overflowCost: 0,
        monthlyCost: 18_450.2,
        committedCost: 18_450.2,
        utilization: 0.813,
        premiumOverStandard: -1_349.8,
      },
      {
        term: "3-month",
        scope: "geo",
        basis: "average",
        inputTpm: 100_000,
        outputTpm: 13_699,
        reservedCost: 16_605.18,
        overflowCost: 0,
        monthlyCost: 16_605.18,
        committedCost: 49_815.55,
        utilization: 0.813,
        premiumOverStandard: -3_194.82,
      },
    ]);
    expect(report.recommendation).toMatchObject({ lane: "reserved", term: "3-month", units: null, monthlyCost: 16_605.18 });
    expect(report.recommendation.reasons.map((r: { code: string }) => r.code)).toEqual(["CHEAPEST", "RESERVED_TIER", "NO_PT_PRICE"]);
  });

  it("sizes it to the peak given, and says what the guarantee costs over on-demand", () => {
    // 150,000 and 30,000 TPM: 1 month 0.15 × 150 × 730 + 0.75 × 30 × 730 = $32,850; 3 months $29,565,
    // $9,765 over on-demand, at (10,273.97 + 10,273.97) / (22,500 + 22,500) = 45.66% utilization.
    const report = runJson([...SONNET, ...QUOTE, "--peak-input-tpm", "150000", "--peak-output-tpm", "30000"]);
    expect(report.reserved.map((r: { monthlyCost: number }) => r.monthlyCost)).toEqual([32_850, 29_565]);
    expect(report.reserved[1]).toMatchObject({ basis: "peak", inputTpm: 150_000, outputTpm: 30_000, utilization: 0.4566 });
    expect(report.recommendation).toMatchObject({ lane: "on-demand", monthlyCost: 19_800 });
    const reserved = report.recommendation.reasons.find((r: { code: string }) => r.code === "RESERVED_TIER");
    expect(reserved.message).toBe(
      "The Reserved tier (geo) on a 3-month term, 150,000 input and 30,000 output tokens a minute, would cost $29,565.00 a month ($88,695.00 committed over the term) at 45.7% utilization, $9,765.00 a month over on-demand: the price of capacity guaranteed at AWS's 99.5% target, with traffic above it billed at Standard.",
    );
  });

  it("declines a reservation that saves less than --min-saving, saying so", () => {
    // The 3-month reservation saves $3,194.82, 16.1% of $19,800: below 20%.
    const report = runJson([...SONNET, ...QUOTE, "--min-saving", "0.2"]);
    expect(report.recommendation).toMatchObject({ lane: "on-demand", monthlyCost: 19_800 });
    const codes = report.recommendation.reasons.map((r: { code: string }) => r.code);
    expect(codes).not.toContain("CHEAPEST");
    const reserved = report.recommendation.reasons.find((r: { code: string }) => r.code === "RESERVED_TIER");
    expect(reserved.message).toContain("$3,194.82 less than on-demand: below the 20.0% a commitment must save (--min-saving)");
  });

  it("takes the scope of the model id given, and --scope picks the other", () => {
    // The quote prices geo only: a global. id (its own entry) or --scope global has no Reserved price.
    expect(runJson([...SONNET, ...QUOTE, "--scope", "global"]).reserved).toEqual([]);
    const global = file(
      "global.yaml",
      'schemaVersion: 1\nregion: us-east-1\nmodels:\n  - id: "global.anthropic.claude-sonnet-4-5-20250929-v1:0"\n    reserved:\n      global:\n        oneMonth: {inputPer1kTpmHour: 0.15, outputPer1kTpmHour: 0.75}\n',
    );
    const report = runJson([
      "compare",
      "-m",
      "claude-sonnet-4.5-global",
      "--input-tokens",
      "3B",
      "--output-tokens",
      "600M",
      "--rates",
      global,
    ]);
    expect(report.reserved).toMatchObject([{ term: "1-month", scope: "global", monthlyCost: 18_450.2 }]);
  });

  it("writes a CSV row for each reservation", () => {
    const run = runCli([...SONNET, ...QUOTE, "--format", "csv"]);
    expect(run.stdout.split("\n").slice(2, 4)).toEqual([
      "anthropic.claude-sonnet-4-5-20250929-v1:0,reserved,1-month,,,3000000000,600000000,18450.2,18450.2,0.813,,,0,,,,false,geo,100000,13699",
      "anthropic.claude-sonnet-4-5-20250929-v1:0,reserved,3-month,,,3000000000,600000000,16605.18,49815.55,0.813,,,0,,,,true,geo,100000,13699",
    ]);
  });
});

describe("a rate file's reserved block", () => {
  const bad = (body: string) =>
    file("bad-reserved.yaml", `schemaVersion: 1\nregion: us-east-1\nmodels:\n  - id: "anthropic.claude-sonnet-4-5-20250929-v1:0"\n${body}`);

  it("needs both prices of a term, and a 3-month price no dearer than the 1-month one", () => {
    const path = bad(
      "    reserved:\n      geo:\n        oneMonth: {inputPer1kTpmHour: 0.15}\n        threeMonth: {inputPer1kTpmHour: 0.2, outputPer1kTpmHour: 0.7}\n",
    );
    const run = runCli([...SONNET, "--rates", path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("models[0].reserved.geo.oneMonth: needs outputPer1kTpmHour as well");
    expect(run.stderr).toContain(
      "models[0].reserved.geo.threeMonth.inputPer1kTpmHour: 0.2 is above oneMonth at 0.15: a longer term is never dearer",
    );
  });

  it("refuses a misspelt field, naming the right one", () => {
    const path = bad("    reserved:\n      geo:\n        oneMonth: {inputPer1kTpmHr: 0.15, outputPer1kTpmHour: 0.75}\n");
    const run = runCli([...SONNET, "--rates", path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown field (a typo?); did you mean inputPer1kTpmHour?");
  });
});
