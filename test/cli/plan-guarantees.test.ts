import { describe, expect, it } from "vitest";
import { runJson } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const { file } = tempDir("guarantees");

// Claude Sonnet 4.5 (regional, $3.30 / $16.50 Standard) with an illustrative quote: PT at $14 a
// unit-hour on 6 months, a unit carrying 70,000 / 14,000 tokens a minute; the Reserved tier as in
// test/fixtures/rates/reserved-quote.yaml; Priority at 1.75 times Standard, $5.775 / $28.875.
const QUOTE = `schemaVersion: 1
region: us-east-1
models:
  - id: "anthropic.claude-sonnet-4-5-20250929-v1:0"
    provisioned:
      hourlyPerUnit: {sixMonth: 14}
      unitThroughput: {inputTpm: 70000, outputTpm: 14000}
    priority: {inputPerMTok: 5.775, outputPerMTok: 28.875}
    reserved:
      geo:
        oneMonth: {inputPer1kTpmHour: 0.15, outputPer1kTpmHour: 0.75}
        threeMonth: {inputPer1kTpmHour: 0.135, outputPer1kTpmHour: 0.675}
`;

describe("plan: a no-throttling SLA sees every way to buy capacity side by side", () => {
  it("PT, the Reserved tier and Priority, each against Standard", () => {
    file("quote.yaml", QUOTE);
    const plan = file(
      "plan.yaml",
      "schemaVersion: 1\nrates: [quote.yaml]\nworkloads:\n  - {name: payments, model: claude-sonnet-4.5, monthly: {inputTokens: 3B, outputTokens: 600M}, sla: no-throttling}\n",
    );
    const report = runJson(["plan", plan, "--allow-outside-paths"]);
    const [payments] = report.workloads;
    // 3B / 3.066B and 600M / 613.2M of a unit: 1 unit, 14 × 730 = $10,220, against 3,000 × 3.30 +
    // 600 × 16.50 = $19,800 on Standard. The Reserved tier on 3 months: $16,605.18 (compare's worked
    // figure); Priority: 3,000 × 5.775 + 600 × 28.875 = $34,650.
    expect(payments).toMatchObject({ lane: "provisioned", term: "6-month", units: 1, monthlyCost: 10_220 });
    const guarantees = payments.reasons.find((r: { code: string }) => r.code === "GUARANTEES");
    expect(guarantees.message).toBe(
      "Ways to buy capacity for its no-throttling SLA, a month against $19,800.00 on Standard on-demand: PT, 1 unit on a 6-month term, $10,220.00 (-$9,580.00); the Reserved tier (geo) on a 3-month term, 100,000 input and 13,699 output tokens a minute, $16,605.18 (-$3,194.82); the Priority tier $34,650.00 (+$14,850.00).",
    );
  });

  it("takes the scope a workload names", () => {
    file("quote.yaml", QUOTE);
    const plan = file(
      "plan-global.yaml",
      "schemaVersion: 1\nrates: [quote.yaml]\nworkloads:\n  - {name: payments, model: claude-sonnet-4.5, monthly: {inputTokens: 3B, outputTokens: 600M}, sla: no-throttling, scope: global}\n",
    );
    const [payments] = runJson(["plan", plan, "--allow-outside-paths"]).workloads;
    // The quote prices geo only: no Reserved tier for the global scope.
    expect(payments.reasons.find((r: { code: string }) => r.code === "GUARANTEES").message).toContain("the Reserved tier: no price known");
  });
});
