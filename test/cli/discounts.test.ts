import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const { file } = tempDir("discounts");
const SONNET = ["compare", "-m", "claude-sonnet-4.5", "--input-tokens", "3B", "--output-tokens", "600M"];
const rates = (name: string, discounts: string) => file(name, `schemaVersion: 1\nregion: us-east-1\nmodels: []\ndiscounts:\n${discounts}`);

describe("private pricing", () => {
  it("10% on Anthropic: Claude Sonnet 4.5 (regional) at 3B + 600M costs $17,820 instead of $19,800", () => {
    // (3,000 × 3.30 + 600 × 16.50) × 0.9 = 19,800 × 0.9.
    const path = rates("edp.yaml", "  - {provider: Anthropic, percent: 10}\n");
    const report = runJson([...SONNET, "--rates", path]);
    expect(report.onDemand).toEqual({ monthlyCost: 17_820 });
    expect(report.rates.discounts).toEqual([{ provider: "Anthropic", model: null, lane: null, percent: 10, from: path }]);
    expect(runCli([...SONNET, "--rates", path]).stdout).toContain(`· discounts: 10% off Anthropic`);
  });

  it("--discount takes one off every price for a run", () => {
    const report = runJson([...SONNET, "--discount", "10"]);
    expect(report.onDemand).toEqual({ monthlyCost: 17_820 });
    expect(report.rates.discounts).toEqual([{ provider: null, model: null, lane: null, percent: 10, from: "--discount" }]);
  });

  it("the most specific discount wins, and discounts do not stack", () => {
    // A model's 20% over its provider's 10%: 19,800 × 0.8 = 15,840; a Batch-only discount leaves on-demand alone.
    const path = rates(
      "specific.yaml",
      "  - {provider: Anthropic, percent: 10}\n  - {model: claude-sonnet-4.5, percent: 20}\n  - {provider: Anthropic, lane: batch, percent: 50}\n",
    );
    expect(runJson([...SONNET, "--rates", path]).onDemand).toEqual({ monthlyCost: 15_840 });
    // Claude 3 Haiku ($0.25 / $1.25) takes the provider's 10%: (1,000 × 0.25 + 100 × 1.25) × 0.9 = $337.50.
    const haiku = runJson(["compare", "-m", "claude-3-haiku", "--input-tokens", "1B", "--output-tokens", "100M", "--rates", path]);
    expect(haiku.onDemand).toEqual({ monthlyCost: 337.5 });
  });

  it("lowers a PT quote where the lane is provisioned", () => {
    // The plan fixture's quote: 1 unit of Claude 3.5 Sonnet v2 on 6 months at $14, less 25%: 14 × 0.75 × 730 = $7,665.
    const path = rates("pt.yaml", "  - {model: claude-3.5-sonnet-v2, lane: provisioned, percent: 25}\n");
    const report = runJson([
      "compare",
      "-m",
      "claude-3.5-sonnet-v2",
      "--input-tokens",
      "1.5B",
      "--output-tokens",
      "300M",
      "--rates",
      "test/fixtures/plans/quotes/sonnet-pt.yaml",
      "--rates",
      path,
      "--term",
      "6-month",
    ]);
    expect(report.provisioned[0]).toMatchObject({ term: "6-month", units: 1, hourlyRate: 10.5, reservedCost: 7_665 });
    expect(report.onDemand).toEqual({ monthlyCost: 9_000 });
  });

  it("refuses a discount that matches nothing, naming the file, line and what is known", () => {
    const path = rates("typo.yaml", "  - {provider: Antropic, percent: 10}\n");
    const run = runCli([...SONNET, "--rates", path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: ${path}:5: discounts[0]: no provider "Antropic" in these rates (AI21 Labs, Amazon, Anthropic, `);
  });
});
