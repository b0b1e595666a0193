import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const { file } = tempDir("plan-tiers");

// example.sonnet-class: $3 / $15 Standard, PT $25 a unit-hour on 6 months with 70,000 / 14,000 tokens
// a minute a unit (worked-example.yaml); Priority $5.25 / $26.25 and Flex $1.50 / $7.50
// (tiers-quote.yaml). Each workload: 3B input + 600M output a month, 68,493 / 13,699 a minute, 97.8%
// of one unit. Standard 3,000 × 3 + 600 × 15 = $18,000; Priority 3,000 × 5.25 + 600 × 26.25 = $31,500;
// Flex 3,000 × 1.5 + 600 × 7.5 = $9,000; one unit 25 × 730 = $18,250.
function planFile(reservations: string[] = []): string {
  for (const name of ["worked-example.yaml", "tiers-quote.yaml"]) file(name, readFileSync(`test/fixtures/rates/${name}`, "utf8"));
  const volume = "monthly: {inputTokens: 3B, outputTokens: 600M}";
  return file(
    "plan.yaml",
    [
      "schemaVersion: 1",
      "rates: [worked-example.yaml, tiers-quote.yaml]",
      "workloads:",
      `  - {name: summaries, model: example.sonnet-class, ${volume}, latency: flex}`,
      `  - {name: checkout, model: example.sonnet-class, ${volume}, tier: priority}`,
      `  - {name: chat, model: example.sonnet-class, ${volume}}`,
      ...reservations,
      "",
    ].join("\n"),
  );
}

describe("plan: workloads on the Flex and Priority tiers", () => {
  it("puts work that can take longer on Flex, weighs PT against Priority, and counts savings against each one's tier", () => {
    const report = runJson(["plan", planFile(), "--allow-outside-paths"]);
    const [summaries, checkout, chat] = report.workloads;
    // Flex $9,000 against $18,000 on Standard; one unit ($18,250) would need 18,250 / 9,000 × 97.8% = 198.4%.
    expect(summaries).toMatchObject({ lane: "flex", monthlyCost: 9_000, onDemandMonthlyCost: 18_000 });
    expect(summaries.reasons.map((r: { message: string }) => r.message)).toEqual([
      "On-demand at the Flex tier is the cheapest lane that fits: $9,000.00 a month, $9,000.00 less than on-demand ($18,000.00).",
      "PT on a 6-month term never beats on-demand at this mix: 1 unit would need 198.4% utilization to cost no more, so it is full before on-demand catches up.",
    ]);
    // Priority $31,500 against one unit's $18,250: PT; break-even 18,250 / 31,500 of the volume, 1.74B + 348M.
    expect(checkout).toMatchObject({ lane: "provisioned", term: "6-month", units: 1, monthlyCost: 18_250, onDemandMonthlyCost: 31_500 });
    expect(checkout.runnerUp).toEqual({ lane: "priority", term: null, units: null, monthlyCost: 31_500 });
    expect(checkout.reasons[0].message).toBe(
      "PT with 1 unit on a 6-month term runs at 97.8%, above the break-even of 1.74B input + 348M output tokens a month (56.7% utilization).",
    );
    // Standard $18,000 against $18,250: on-demand (a second unit to share would cost another $18,250).
    expect(chat).toMatchObject({ lane: "on-demand", monthlyCost: 18_000, onDemandMonthlyCost: 18_000 });
    // 9,000 + 18,250 + 18,000 = $45,250 against 18,000 + 31,500 + 18,000 = $67,500.
    expect(report.totals).toEqual({ monthlyCost: 45_250, allOnDemandMonthlyCost: 67_500, saving: 22_250 });
  });

  it("refuses a tier its model has no price for, naming the field", () => {
    const plan = file(
      "no-tier.yaml",
      [
        "schemaVersion: 1",
        "workloads:",
        "  - {name: a, model: amazon.titan-embed-text-v2:0, monthly: {inputTokens: 3B, outputTokens: 0}, latency: flex}",
        "  - {name: b, model: amazon.titan-embed-text-v2:0, monthly: {inputTokens: 3B, outputTokens: 0}, tier: fast}",
        "",
      ].join("\n"),
    );
    const run = runCli(["plan", plan, "--allow-outside-paths"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      `error: ${plan}:3: workloads[0].latency: no Flex tier price is known for amazon.titan-embed-text-v2:0; add flex: {inputPerMTok, outputPerMTok} in a rate file listed under rates: (or --rates)`,
      `error: ${plan}:4: workloads[1].tier: expected one of standard, priority, got "fast"`,
    ]);
  });

  it("check weighs a reservation against the traffic's own tier", () => {
    const plan = planFile([
      "reservations:",
      "  - {name: for-summaries, model: example.sonnet-class, units: 1, term: 6-month, serves: [summaries]}",
      "  - {name: for-checkout, model: example.sonnet-class, units: 1, term: 6-month, serves: [checkout]}",
    ]);
    const run = runCli(["check", plan, "--allow-outside-paths", "--format", "json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    // One unit, $18,250, against $9,000 on Flex: idle by $9,250; against $31,500 on Priority: saves $13,250.
    expect(report.reservations.map((r: { onDemandCost: number; saving: number }) => [r.onDemandCost, r.saving])).toEqual([
      [9_000, -9_250],
      [31_500, 13_250],
    ]);
    expect(report.findings.filter((f: { severity: string }) => f.severity === "error")).toMatchObject([
      { code: "IDLE_RESERVATION", subject: "for-summaries", monthlyImpact: 9_250 },
    ]);
  });
});
