import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const { file } = tempDir("regions");

describe("the bundled rates of a region", () => {
  it("compare prices a model at its region's rate", () => {
    // Kimi K2.5 in ap-south-1: 1,000 × $0.72 + 200 × $3.60 = $1,440 (us-east-1 would be $1,200).
    const report = runJson(["compare", "-m", "kimi-k2.5", "--region", "ap-south-1", "--input-tokens", "1B", "--output-tokens", "200M"]);
    expect(report.rates).toMatchObject({ region: "ap-south-1", effectiveDate: "2026-11-30" });
    expect(report.onDemand.monthlyCost).toBe(1_440);
  });

  it("a plan file's region picks its rates, PT terms included", () => {
    // Claude Instant in us-west-2: 2 units on 6 months, 2 × 22.00 × 730 = $32,120; a custom model is PT only.
    const plan = file(
      "plan.yaml",
      "schemaVersion: 1\nregion: us-west-2\nworkloads:\n  - {name: tuned, model: claude-instant, monthly: {inputTokens: 1B, outputTokens: 100M}, custom: true}\nreservations:\n  - {name: tuned-pt, model: claude-instant, units: 2, term: 6-month, serves: [tuned]}\n",
    );
    const run = runCli(["check", plan, "--allow-outside-paths", "--format", "json"]);
    expect(run.stderr).not.toContain("error:");
    const report = JSON.parse(run.stdout);
    expect(report.rates).toMatchObject({ region: "us-west-2" });
    expect(report.reservations[0]).toMatchObject({ units: 2, term: "6-month", reservedCost: 32_120 });
  });

  it("a model the region's file does not hold is bad input, naming the region", () => {
    const run = runCli(["compare", "-m", "claude-sonnet-4.5", "--region", "eu-west-3", "--input-tokens", "1B", "--output-tokens", "200M"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: --model: unknown model "claude-sonnet-4.5" in the eu-west-3 rates');
  });
});
