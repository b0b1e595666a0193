import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const { file } = tempDir("long-context");

// Claude Sonnet 4.5 (regional): $3.30 / $16.50; above 200,000 input tokens a request is priced at
// $6.60 / $24.75 (the long-context prices LiteLLM lists; one source, so a quote file gives them here).
// Claude 3.5 Sonnet v2 ($3 / $15, Batch $1.50 / $7.50) with an illustrative long-context price of $6 / $22.50.
const QUOTE = `schemaVersion: 1
region: us-east-1
models:
  - id: "anthropic.claude-sonnet-4-5-20250929-v1:0"
    longContext: {aboveInputTokens: 200000, inputPerMTok: 6.60, outputPerMTok: 24.75}
  - id: "anthropic.claude-3-5-sonnet-20241022-v2:0"
    longContext: {inputPerMTok: 6.00, outputPerMTok: 22.50}
`;
const FLAGS = [
  "--input-tokens",
  "3B",
  "--output-tokens",
  "600M",
  "--long-context-input-tokens",
  "1B",
  "--long-context-output-tokens",
  "100M",
];

describe("long-context requests are priced at the model's longContext prices", () => {
  it("on-demand: the rest at Standard, the long-context part at its own prices", () => {
    const report = runJson(["compare", "-m", "claude-sonnet-4.5", ...FLAGS, "--rates", file("quote.yaml", QUOTE)]);
    // 2,000 × 3.30 + 500 × 16.50 = $14,850, plus 1,000 × 6.60 + 100 × 24.75 = $9,075: $23,925.
    expect(report.onDemand).toEqual({ monthlyCost: 23_925 });
    expect(report.volume).toMatchObject({ longContextInputTokens: 1e9, longContextOutputTokens: 1e8 });
  });

  it("leaves Batch, Priority and Flex unpriced for such a volume, and says so", () => {
    const run = runCli(["compare", "-m", "claude-3.5-sonnet-v2", ...FLAGS, "--rates", file("quote.yaml", QUOTE), "--format", "json"]);
    const report = JSON.parse(run.stdout);
    // 2,000 × 3 + 500 × 15 = $13,500, plus 1,000 × 6 + 100 × 22.50 = $8,250: $21,750.
    expect(report.onDemand).toEqual({ monthlyCost: 21_750 });
    expect(report.batch).toBeNull();
    expect(report.notes).toContainEqual({
      code: "LONG_CONTEXT_ON_DEMAND_ONLY",
      message:
        "Long-context requests are priced on Standard on-demand only: no Batch price for them is known, so that lane is not priced for this volume.",
    });
  });

  it("in a plan, as monthly.longContextInputTokens and longContextOutputTokens", () => {
    file("quote.yaml", QUOTE);
    const plan = file(
      "plan.yaml",
      "schemaVersion: 1\nrates: [quote.yaml]\nworkloads:\n  - {name: research, model: claude-sonnet-4.5, monthly: {inputTokens: 3B, outputTokens: 600M, longContextInputTokens: 1B, longContextOutputTokens: 100M}}\n",
    );
    expect(runJson(["plan", plan, "--allow-outside-paths"]).workloads[0]).toMatchObject({ lane: "on-demand", monthlyCost: 23_925 });
  });

  it("refuses long-context tokens without a price, above the month's tokens, or on a lane without long-context prices", () => {
    const bundled = runCli(["compare", "-m", "claude-sonnet-4.5", ...FLAGS]);
    expect(bundled.code).toBe(2);
    expect(bundled.stderr).toContain(
      "error: --long-context-input-tokens: no long-context price is known for anthropic.claude-sonnet-4-5-20250929-v1:0; add longContext: {inputPerMTok, outputPerMTok} in a rate file (--rates FILE)",
    );
    const quote = file("quote.yaml", QUOTE);
    const flags = ["--input-tokens", "3B", "--output-tokens", "600M", "--long-context-input-tokens", "4B", "--latency", "async"];
    const run = runCli(["compare", "-m", "claude-3.5-sonnet-v2", ...flags, "--rates", quote]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      "error: --long-context-input-tokens: 4,000,000,000 long-context input tokens are more than the month's 3,000,000,000 input tokens, of which they are a part",
      "error: --latency async: no long-context price is known for Batch: price long-context requests on Standard on-demand",
    ]);
  });

  it("refuses a long-context price below on-demand in a rate file", () => {
    const bad = file(
      "bad.yaml",
      'schemaVersion: 1\nregion: us-east-1\nmodels:\n  - id: "anthropic.claude-sonnet-4-5-20250929-v1:0"\n    longContext: {inputPerMTok: 2, outputPerMTok: 24.75}\n',
    );
    const run = runCli(["rates", "validate", bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: ${bad}:5: models[0].longContext.inputPerMTok: 2 is below the on-demand price 3.3: a long-context price is never cheaper\n`,
    );
  });

  it("rates show and rates list say the long-context prices", () => {
    const quote = file("quote.yaml", QUOTE);
    expect(runCli(["rates", "show", "claude-sonnet-4.5", "--rates", quote]).stdout).toContain(
      "Long context: $6.60 input, $24.75 output per 1M tokens above 200,000 input tokens",
    );
    const listed = runJson(["rates", "list", "--rates", quote]).models.find(
      (m: { id: string }) => m.id === "anthropic.claude-sonnet-4-5-20250929-v1:0",
    );
    expect(listed.longContext).toEqual({ aboveInputTokens: 200_000, inputPerMTok: 6.6, outputPerMTok: 24.75 });
    expect(listed.promptCache).toEqual({ readPerMTok: 0.33, writePerMTok: 4.125, write1hPerMTok: 6.6 });
  });
});
