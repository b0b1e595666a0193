import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const { file } = tempDir("limits");

describe("figures too large to be exact are refused, not printed", () => {
  it("refuses a token count above 100 trillion", () => {
    const run = runCli(["compare", "-m", "claude-instant", "--input-tokens", "2e14", "--output-tokens", "1"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "error: option '--input-tokens <n>' argument '2e14' is invalid. expected at most 100 trillion tokens (the most bedrock-cost counts)\n",
    );
  });

  it("refuses a result whose cost would pass $1 trillion a month", () => {
    // 10^14 tokens a month at 1 token a minute per unit: 2.3 billion units at $39.60 an hour.
    const run = runCli([
      "compare",
      "-m",
      "claude-instant",
      "--input-tokens",
      "1e14",
      "--output-tokens",
      "1e14",
      "--unit-input-tpm",
      "1",
      "--unit-output-tpm",
      "1",
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^error: the volumes and rates given: these figures give a cost of about \$[0-9.]+e\+\d+ \(provisioned\[0\]\.\w+\), beyond the \$1 trillion up to which bedrock-cost computes exactly to the cent; check the token counts, throughput and prices\n$/,
    );
  });

  it("refuses prices beyond $1,000 per 1M tokens and $10,000 per unit-hour", () => {
    const rates = file(
      "big.yaml",
      "schemaVersion: 1\nregion: us-east-1\nmodels:\n  - id: claude-instant\n    onDemand: {inputPerMTok: 5000}\n    provisioned:\n      hourlyPerUnit: {noCommit: 1e308}\n",
    );
    const run = runCli(["rates", "validate", rates]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: ${rates}:5: models[0].onDemand.inputPerMTok: must be at most $1,000 per 1M tokens, got 5000\n` +
        `error: ${rates}:7: models[0].provisioned.hourlyPerUnit.noCommit: must be at most $10,000 per unit-hour, got 1e+308\n`,
    );
    expect(
      runCli([
        "compare",
        "-m",
        "claude-instant",
        "--input-tokens",
        "1B",
        "--output-tokens",
        "1",
        "--unit-hourly",
        "20000",
        "--term",
        "6-month",
      ]).stderr,
    ).toBe("error: option '--unit-hourly <usd>' argument '20000' is invalid. expected at most $10,000 per unit-hour\n");
  });

  it("takes token counts in traffic as whole, non-negative and at most 100 trillion", () => {
    const csv = file(
      "t.csv",
      "timestamp,inputTokens,outputTokens\n2026-01-01T00:00:00Z,1e308,5\n2026-01-01T00:01:00Z,-5,5\n2026-01-01T00:02:00Z,1.5,5\n2026-01-01T00:03:00Z,NaN,5\n",
    );
    const run = runCli(["profile", csv, "-m", "claude-instant"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      [
        `error: ${csv}:2: inputTokens: expected at most 100 trillion tokens (the most bedrock-cost counts), got "1e308"`,
        `error: ${csv}:3: inputTokens: expected a number of tokens, got "-5"`,
        `error: ${csv}:4: inputTokens: expected a whole number of tokens, got "1.5"`,
        `error: ${csv}:5: inputTokens: expected a number of tokens, got "NaN"`,
        "",
      ].join("\n"),
    );
  });
});
