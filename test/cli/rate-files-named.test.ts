import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

// A printed table must say which prices it used: the bundled version and every overlay, in order.
const QUOTE = "test/fixtures/rates/quote-sonnet-pt.yaml";
const FILES = `rates/us-east-1/2026-11-30.yaml, ${QUOTE}`;

describe("every table names the rate files it used", () => {
  it.each([
    ["compare", ["compare", "-m", "claude-3.5-sonnet-v2", "--input-tokens", "3B", "--output-tokens", "600M", "--rates", QUOTE]],
    ["profile", ["profile", "test/fixtures/traffic/four.csv", "-m", "claude-3.5-sonnet-v2", "--rates", QUOTE]],
    ["plan", ["plan", "test/fixtures/plans/plan.yaml"]],
    ["check", ["check", "test/fixtures/plans/check-clean.yaml"]],
  ])("%s", (command, args) => {
    const run = runCli(args);
    const files =
      command === "plan" || command === "check" ? "rates/us-east-1/2026-11-30.yaml, test/fixtures/plans/quotes/sonnet-pt.yaml" : FILES;
    expect(run.stdout).toContain(`Rates: us-east-1, 2026-11-30 (${files})`);
  });
});
