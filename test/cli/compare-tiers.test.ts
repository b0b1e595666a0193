import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

// example.sonnet-class, $3 / $15 Standard, PT $25 a unit-hour on 6 months (worked-example.yaml), with
// Priority at $5.25 / $26.25 and Flex at $1.50 / $7.50 (tiers-quote.yaml). 3B input + 600M output:
// Standard 3,000 × 3 + 600 × 15 = $18,000; Priority 3,000 × 5.25 + 600 × 26.25 = $31,500;
// Flex 3,000 × 1.5 + 600 × 7.5 = $9,000; PT, 2 units: 2 × 25 × 730 = $36,500.
const BASE = [
  "compare",
  "--rates",
  "test/fixtures/rates/worked-example.yaml",
  "--rates",
  "test/fixtures/rates/tiers-quote.yaml",
  "-m",
  "example.sonnet-class",
  "--input-tokens",
  "3B",
  "--output-tokens",
  "600M",
  "--units",
  "2",
];
const { file } = tempDir("tiers");

describe("compare prices the Priority and Flex tiers", () => {
  it("prices both, and names Flex where the work could take longer", () => {
    const report = runJson(BASE);
    expect(report).toMatchObject({
      tier: "standard",
      onDemand: { monthlyCost: 18_000 },
      priority: { monthlyCost: 31_500 },
      flex: { monthlyCost: 9_000 },
    });
    expect(report.recommendation).toMatchObject({ lane: "on-demand", monthlyCost: 18_000 });
    const flex = report.recommendation.reasons.find((r: { code: string }) => r.code === "FLEX_IF_SLOWER");
    expect(flex.message).toBe(
      "If this work can take longer, the Flex tier would cost $9,000.00 a month ($9,000.00 less): run with --latency flex.",
    );
  });

  it("sends work that can take longer to Flex", () => {
    const report = runJson([...BASE, "--latency", "flex"]);
    expect(report.recommendation).toMatchObject({ lane: "flex", term: null, monthlyCost: 9_000 });
    expect(report.recommendation.reasons[0].message).toBe(
      "On-demand at the Flex tier is the cheapest lane that fits: $9,000.00 a month, $9,000.00 less than on-demand ($18,000.00).",
    );
  });

  it("prices interactive traffic at Priority with --tier priority, against which PT is then weighed", () => {
    const report = runJson([...BASE, "--tier", "priority"]);
    expect(report.tier).toBe("priority");
    // $31,500 at Priority against $36,500 for 2 PT units: Priority stays the cheaper.
    expect(report.recommendation).toMatchObject({ lane: "priority", monthlyCost: 31_500 });
    expect(report.recommendation.reasons[0].message).toBe(
      "On-demand at the Priority tier is the cheapest lane that fits: $31,500.00 a month, $5,000.00 less than PT, 2 units on a 6-month term ($36,500.00).",
    );
    const csv = runCli([...BASE, "--tier", "priority", "--format", "csv"]).stdout.split("\n");
    expect(csv[2]).toBe("example.sonnet-class,priority,,,,3000000000,600000000,31500,,,,,,,,,true,,,");
  });

  it("refuses a tier the model has no price for, saying how to add one", () => {
    const run = runCli(["compare", "-m", "claude-instant", "--input-tokens", "3B", "--output-tokens", "600M", "--tier", "priority"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "error: --tier priority: no Priority tier price is known for anthropic.claude-instant-v1; add priority: {inputPerMTok, outputPerMTok} in a rate file (--rates FILE)\n",
    );
    const flex = runCli(["compare", "-m", "claude-instant", "--input-tokens", "3B", "--output-tokens", "600M", "--latency", "flex"]);
    expect(flex.code).toBe(2);
    expect(flex.stderr).toContain("--latency flex: no Flex tier price is known for anthropic.claude-instant-v1");
  });

  it("refuses a Flex price above Standard and a Priority price below it in a rate file", () => {
    const path = file(
      "bad-tiers.yaml",
      "schemaVersion: 1\nregion: us-east-1\nmodels:\n  - id: anthropic.claude-instant-v1\n    priority: {inputPerMTok: 0.5, outputPerMTok: 3}\n    flex: {inputPerMTok: 1, outputPerMTok: 1}\n",
    );
    const run = runCli(["compare", "-m", "claude-instant", "--input-tokens", "3B", "--output-tokens", "600M", "--rates", path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("models[0].priority.inputPerMTok: 0.5 is below the on-demand price 0.8: Priority is never cheaper");
    expect(run.stderr).toContain("models[0].flex.inputPerMTok: 1 is above the on-demand price 0.8: Flex is never dearer");
  });
});
