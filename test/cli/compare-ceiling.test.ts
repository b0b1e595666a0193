import { describe, expect, it } from "vitest";
import { runJson } from "../helpers/run-cli.js";

const SONNET = ["compare", "-m", "claude-sonnet-4.5", "--input-tokens", "3B", "--output-tokens", "600M"];
const reason = (report: { recommendation: { reasons: { code: string; message: string }[] } }, code: string) =>
  report.recommendation.reasons.find((r) => r.code === code)?.message;

describe("compare: the PT price worth negotiating, where AWS publishes none", () => {
  it("Claude Sonnet 4.5 (regional) at 3B + 600M, $19,800 a month on-demand: PT pays off only below $27.12 an hour in all", () => {
    // 19,800 / 730 = 27.1233.
    const report = runJson(SONNET);
    expect(report.provisionedCeiling).toEqual({ hourlyTotal: 27.12, units: null, hourlyPerUnit: null });
    expect(reason(report, "NO_PT_PRICE")).toContain("PT pays off only below $27.12 an hour in all: the price to ask the account team for.");
  });

  it("per unit, where the unit throughput says how many units the traffic needs", () => {
    // The plan fixture's quote prices Claude 3.5 Sonnet v2 ($3 / $15) on 1 and 6 months, not without
    // commitment, and gives 70,000 / 14,000 tokens a minute a unit: 6B + 1.2B cost $36,000 a month
    // on-demand, $49.32 an hour (36,000 / 730 = 49.3151), and need 2 units (1.957): $24.66 a unit-hour.
    const report = runJson([
      "compare",
      "-m",
      "claude-3.5-sonnet-v2",
      "--input-tokens",
      "6B",
      "--output-tokens",
      "1.2B",
      "--rates",
      "test/fixtures/plans/quotes/sonnet-pt.yaml",
    ]);
    expect(report.provisionedCeiling).toEqual({ hourlyTotal: 49.32, units: 2, hourlyPerUnit: 24.66 });
  });

  it("lowered by --min-saving when it is given", () => {
    // 19,800 × 0.9 / 730 = 24.4110.
    const report = runJson([...SONNET, "--min-saving", "0.1"]);
    expect(report.provisionedCeiling.hourlyTotal).toBe(24.41);
    expect(reason(report, "NO_PT_PRICE")).toContain("below $24.41 an hour in all, to save the 10.0% asked of a commitment (--min-saving)");
  });

  it("is null where every term has a price, or there is no on-demand price", () => {
    expect(runJson(["compare", "-m", "claude-instant", "--input-tokens", "3B", "--output-tokens", "600M"]).provisionedCeiling).toBeNull();
  });
});

describe("plan: the PT price worth negotiating, for a workload whose model has none", () => {
  it("says the hourly price below which PT would pay off", () => {
    const [copilot] = runJson(["plan", "test/fixtures/plans/plan-no-pt-price.yaml"]).workloads;
    expect(copilot).toMatchObject({ lane: "on-demand", monthlyCost: 19_800 });
    expect(reason({ recommendation: { reasons: copilot.reasons } }, "NO_PT_PRICE")).toContain(
      "PT pays off only below $27.12 an hour in all: the price to ask the account team for.",
    );
  });
});
