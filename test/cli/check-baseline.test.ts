import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const { file } = tempDir("check-baseline");

// example.sonnet-class: PT $25 a unit-hour on 6 months (worked-example.yaml) and, in this quote, $30 on
// 1 month. One unit on 6 months: 25 × 730 = $18,250 a month, $109,500 committed; two on 1 month:
// 2 × 30 × 730 = $43,800, committed for that month.
const QUOTE =
  "schemaVersion: 1\nregion: us-east-1\nmodels:\n  - id: example.sonnet-class\n    provisioned:\n      hourlyPerUnit: {oneMonth: 30}\n";
const WORKLOAD = "  - {name: w, model: example.sonnet-class, monthly: {inputTokens: 30B, outputTokens: 6B}}";
const r = (name: string, units: number, term: string) =>
  `  - {name: ${name}, model: example.sonnet-class, units: ${units}, term: ${term}, serves: [w]}`;

function plan(name: string, reservations: string[], policy: string[] = []): string {
  file("worked-example.yaml", readFileSync("test/fixtures/rates/worked-example.yaml", "utf8"));
  file("quote.yaml", QUOTE);
  return file(
    name,
    [
      "schemaVersion: 1",
      "rates: [worked-example.yaml, quote.yaml]",
      "workloads:",
      WORKLOAD,
      "reservations:",
      ...reservations,
      ...policy,
      "",
    ].join("\n"),
  );
}

const json = (args: string[]) => JSON.parse(runCli([...args, "--allow-outside-paths", "--format", "json"]).stdout);

describe("check --baseline: what the change adds", () => {
  it("totals before and after, and each reservation added, removed or changed", () => {
    // Base: r1 1 × 6-month ($18,250; $109,500), r2 the same, r3 2 × 1-month ($43,800; $43,800):
    // $80,300 a month, $262,800 committed. Proposed: r1 as it was, r2 removed, r3 2 × 6-month ($36,500;
    // $219,000), r4 1 × 1-month added ($21,900; $21,900): $76,650 a month, $350,400 committed.
    const base = plan("base.yaml", [r("r1", 1, "6-month"), r("r2", 1, "6-month"), r("r3", 2, "1-month")]);
    const head = plan("head.yaml", [r("r1", 1, "6-month"), r("r3", 2, "6-month"), r("r4", 1, "1-month")]);
    const report = json(["check", head, "--baseline", base]);
    expect(report.baseline).toEqual({ monthlyCost: 80_300, committedCost: 262_800 });
    expect(report.change).toEqual({
      monthlyCost: -3_650,
      committedCost: 87_600,
      reservations: [
        { name: "r3", change: "changed", monthlyCost: -7_300, committedCost: 175_200 },
        { name: "r4", change: "added", monthlyCost: 21_900, committedCost: 21_900 },
        { name: "r2", change: "removed", monthlyCost: -18_250, committedCost: -109_500 },
      ],
    });
    const table = runCli(["check", head, "--baseline", base, "--allow-outside-paths"]).stdout;
    expect(table).toContain(
      `Against the baseline (${base}): $76,650.00 a month (-$3,650.00), $350,400.00 committed (+$87,600.00); changed r3 (-$7,300.00 a month), added r4 (+$21,900.00 a month), removed r2 (-$18,250.00 a month).`,
    );
  });

  it("fails a budget: the month's total and the committed total over the policy's limits", () => {
    const head = plan(
      "budget.yaml",
      [r("r1", 1, "6-month"), r("r3", 2, "6-month"), r("r4", 1, "1-month")],
      ["policy:", "  maxMonthlyCost: 70000", "  maxCommittedCost: 300000"],
    );
    const budgets = json(["check", head]).findings.filter((f: { code: string }) => f.code === "BUDGET_EXCEEDED");
    // $76,650 a month against $70,000: $6,650 over; $350,400 committed against $300,000 (no monthly impact).
    expect(budgets).toEqual([
      {
        code: "BUDGET_EXCEEDED",
        severity: "error",
        subject: "policy.maxMonthlyCost",
        message: "The reservations cost $76,650.00 a month in all, $6,650.00 over the policy's maxMonthlyCost of $70,000.00.",
        monthlyImpact: 6_650,
      },
      {
        code: "BUDGET_EXCEEDED",
        severity: "error",
        subject: "policy.maxCommittedCost",
        message: "The reservations commit $350,400.00 over their terms, $50,400.00 over the policy's maxCommittedCost of $300,000.00.",
        monthlyImpact: 0,
      },
    ]);
  });

  it("fails an increase over the baseline past policy.maxMonthlyIncrease, which needs --baseline", () => {
    const base = plan("base-one.yaml", [r("r1", 1, "6-month")]);
    const head = plan("head-more.yaml", [r("r1", 1, "6-month"), r("r4", 1, "1-month")], ["policy:", "  maxMonthlyIncrease: 10000"]);
    // $40,150 against $18,250: $21,900 more a month, $11,900 over the $10,000 allowed.
    const increase = json(["check", head, "--baseline", base]).findings.find((f: { code: string }) => f.code === "INCREASE_EXCEEDED");
    expect(increase).toMatchObject({ subject: "policy.maxMonthlyIncrease", monthlyImpact: 11_900 });
    expect(increase.message).toBe(
      "The reservations cost $21,900.00 a month more than the baseline's $18,250.00, $11,900.00 over the policy's maxMonthlyIncrease of $10,000.00.",
    );
    const alone = runCli(["check", head, "--allow-outside-paths"]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toBe(
      `error: ${head}:9: policy.maxMonthlyIncrease: a limit on the increase over the base branch: run check with --baseline BASE_FILE\n`,
    );
    const terraformAlone = runCli(["check", head, "--baseline-terraform", "x.json", "--allow-outside-paths"]);
    expect(terraformAlone.code).toBe(2);
  });

  it("reads the baseline's Terraform plan with --baseline-terraform: the same resources change nothing", () => {
    const args = ["check", "test/fixtures/plans/check-terraform.yaml", "--terraform", "test/fixtures/plans/terraform-plan.json"];
    const base = [
      "--baseline",
      "test/fixtures/plans/check-terraform.yaml",
      "--baseline-terraform",
      "test/fixtures/plans/terraform-plan.json",
    ];
    const report = JSON.parse(runCli([...args, ...base, "--format", "json"]).stdout);
    expect(report.change).toEqual({ monthlyCost: 0, committedCost: 0, reservations: [] });
    expect(report.baseline.monthlyCost).toBe(report.totals.reservedMonthlyCost);
    // Without the baseline's Terraform plan, its plan file's own reservations are the baseline.
    const planOnly = JSON.parse(runCli([...args, "--baseline", "test/fixtures/plans/check-terraform.yaml", "--format", "json"]).stdout);
    expect(planOnly.change.reservations.length).toBeGreaterThan(0);
  });
});
