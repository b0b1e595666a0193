import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const { file } = tempDir("cache-1h");

// Claude Sonnet 4.5 (regional): $3.30 / $16.50, cache writes kept 5 minutes $4.125; a quote adds
// writes kept 1 hour at $6.60 (twice the input price, the ratio AWS documents for Claude 4.5).
const QUOTE =
  'schemaVersion: 1\nregion: us-east-1\nmodels:\n  - id: "anthropic.claude-sonnet-4-5-20250929-v1:0"\n    promptCache: {write1hPerMTok: 6.60}\n';
const FLAGS = ["-m", "claude-sonnet-4.5", "--input-tokens", "3B", "--output-tokens", "600M", "--cache-write-1h-tokens", "200M"];

describe("prompt-cache writes kept 1 hour are priced apart", () => {
  it("at promptCache.write1hPerMTok: 3,000 × 3.30 + 600 × 16.50 + 200 × 6.60 = $21,120", () => {
    const report = runJson(["compare", ...FLAGS, "--rates", file("quote.yaml", QUOTE)]);
    expect(report.volume).toMatchObject({ cacheWriteTokens: 0, cacheWrite1hTokens: 200_000_000 });
    expect(report.onDemand).toEqual({ monthlyCost: 21_120 });
  });

  it("at the bundled price since 2026-11-30, the same $21,120 without a quote", () => {
    expect(runJson(["compare", ...FLAGS]).onDemand).toEqual({ monthlyCost: 21_120 });
  });

  it("and a model without that price is an error naming the flag and the field", () => {
    // Claude Sonnet 4: its 1-hour price has one source, so none is bundled.
    const run = runCli(["compare", ...FLAGS.map((flag) => (flag === "claude-sonnet-4.5" ? "claude-sonnet-4" : flag))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "--cache-write-1h-tokens: anthropic.claude-sonnet-4-20250514-v1:0 has no promptCache.write1hPerMTok price in these rates",
    );
  });

  it("in a plan, as monthly.cacheWrite1hTokens", () => {
    file("quote.yaml", QUOTE);
    const plan = file(
      "plan.yaml",
      "schemaVersion: 1\nrates: [quote.yaml]\nworkloads:\n  - {name: agent, model: claude-sonnet-4.5, monthly: {inputTokens: 3B, outputTokens: 600M, cacheWrite1hTokens: 200M}}\n",
    );
    expect(runJson(["plan", plan, "--allow-outside-paths"]).workloads[0]).toMatchObject({ lane: "on-demand", monthlyCost: 21_120 });
  });
});
