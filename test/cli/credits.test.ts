import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/run-cli.js";

describe("--credits: how many months credits fund", () => {
  it("plan: at the recommended run-rate and all on-demand", () => {
    // check-clean.yaml plans 1 unit of Claude 3.5 Sonnet v2 on 6 months at $14: 14 × 730 = $10,220 a
    // month, against $18,000 all on-demand: $100,000 funds 100,000 / 10,220 = 9.78 months and
    // 100,000 / 18,000 = 5.56 months.
    const report = runJson(["plan", "test/fixtures/plans/check-clean.yaml", "--credits", "100000"]);
    expect(report.totals).toMatchObject({ monthlyCost: 10_220, allOnDemandMonthlyCost: 18_000 });
    expect(report.credits).toEqual({ amount: 100_000, monthsInLanes: 9.78, monthsAllOnDemand: 5.56 });
    expect(runCli(["plan", "test/fixtures/plans/check-clean.yaml", "--credits", "100000"]).stdout).toContain(
      "$100,000.00 of credits fund 9.8 months at the recommended $10,220.00 a month, and 5.6 months all on-demand ($18,000.00 a month).",
    );
  });

  it("compare: Claude Sonnet 4.5 at 3B + 600M, $19,800 a month: $100,000 funds 5.05 months", () => {
    const report = runJson([
      "compare",
      "-m",
      "claude-sonnet-4.5",
      "--input-tokens",
      "3B",
      "--output-tokens",
      "600M",
      "--credits",
      "100000",
    ]);
    expect(report.credits).toEqual({ amount: 100_000, monthsInLanes: 5.05, monthsAllOnDemand: 5.05 });
    const csv = runCli([
      "compare",
      "-m",
      "claude-sonnet-4.5",
      "--input-tokens",
      "3B",
      "--output-tokens",
      "600M",
      "--credits",
      "100000",
      "--format",
      "csv",
    ]);
    expect(csv.stderr).toContain("note: $100,000.00 of credits fund 5.1 months at the recommended $19,800.00 a month");
  });

  it("refuses an amount that is not US dollars", () => {
    const run = runCli(["compare", "-m", "claude-instant", "--input-tokens", "1B", "--output-tokens", "1M", "--credits", "lots"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: option '--credits <usd>' argument 'lots' is invalid. expected US dollars such as 100000\n");
  });
});
