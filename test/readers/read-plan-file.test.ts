import { describe, expect, it } from "vitest";
import { resolveWorkloads } from "../../src/commands/resolve-plan.js";
import { formatProblem, type InputProblem } from "../../src/errors.js";
import { loadRateCard } from "../../src/readers/load-rate-card.js";
import { readPlanFile } from "../../src/readers/read-plan-file.js";
import { problemsOf } from "../helpers/problems.js";

const DIR = "test/fixtures/plans";

describe("readPlanFile", () => {
  it("reads workloads with every token-count form, defaults, and rate files relative to the plan", () => {
    const plan = readPlanFile(`${DIR}/plan.yaml`);
    expect(plan.rateFiles).toEqual([`${DIR}/quotes/sonnet-pt.yaml`]);
    expect(plan.data.workloads.map((w) => [w.name, w.monthly?.inputTokens, w.monthly?.outputTokens])).toEqual([
      ["support-copilot", 1_500_000_000, 300_000_000],
      ["search-assist", 1_500_000_000, 300_000_000],
      ["nightly-enrichment", 3_000_000_000, 600_000_000],
      ["payments-bot", 600_000_000, 120_000_000],
      ["tuned-classifier", 1_000_000_000, 200_000_000],
      ["titan-summaries", 2_000_000_000, 500_000_000],
    ]);
    expect(plan.data.workloads[0]).toMatchObject({ latency: "interactive", sla: "none", custom: false });
    // The defaults, with issue 11's minMeasuredDays and minSavingShare.
    expect(plan.data.policy).toEqual({
      minUtilization: "break-even",
      maxOverflowShare: 0,
      longTermNeedsMeasuredTraffic: true,
      minMeasuredDays: 28,
      minSavingShare: 0.05,
    });
  });

  it("names the file, the field path and the line of every schema problem", () => {
    expect(problemsOf(() => readPlanFile(`${DIR}/invalid-plan.yaml`))).toEqual([
      `${DIR}/invalid-plan.yaml:5: workloads[0].monthly.inputTokens: "3X" expected a whole number of tokens such as 3000000000, 3B, 600M, 250k, 1.5e9 or 3_000_000`,
      `${DIR}/invalid-plan.yaml:8: workloads[1].monthly.outputTokens: expected a whole number of tokens such as 3000000000, 3B, 600M, 250k, 1.5e9 or 3_000_000, got -5`,
      `${DIR}/invalid-plan.yaml:9: workloads[1].latency: expected one of interactive, async, flex, got "whenever"`,
      `${DIR}/invalid-plan.yaml:12: workloads[2].monthly.cacheReads: unknown field (a typo?); did you mean cacheReadTokens?`,
      `${DIR}/invalid-plan.yaml:16: reservations[0].units: expected at least 1 model unit, got 0`,
      `${DIR}/invalid-plan.yaml:19: policy.minUtilization: expected break-even or a fraction such as 0.6, got 1.5`,
    ]);
  });

  it("checks names, references and conflicting settings across the file", () => {
    expect(problemsOf(() => readPlanFile(`${DIR}/invalid-cross.yaml`))).toEqual([
      `${DIR}/invalid-cross.yaml:6: workloads[1].name: duplicate name "chat", also workloads[0]`,
      `${DIR}/invalid-cross.yaml:13: workloads[2].sla: no-throttling applies to interactive work; an async workload goes to Batch`,
      `${DIR}/invalid-cross.yaml:15: reservations[0].model: required (unless the reservation names a terraformAddress)`,
      `${DIR}/invalid-cross.yaml:15: reservations[0].units: required (unless the reservation names a terraformAddress)`,
      `${DIR}/invalid-cross.yaml:15: reservations[0].term: required (unless the reservation names a terraformAddress)`,
      `${DIR}/invalid-cross.yaml:16: reservations[0].serves[0]: no workload is named "nobody"`,
    ]);
  });

  it("checks workloads against the rates: models, custom models without PT, cache prices, peaks", async () => {
    const plan = readPlanFile(`${DIR}/invalid-models.yaml`);
    const card = await loadRateCard({ files: [] });
    const problems: InputProblem[] = [];
    resolveWorkloads(plan, card, 730, problems);
    expect(problems.map(formatProblem)).toEqual([
      `${DIR}/invalid-models.yaml:4: workloads[0].model: unknown model "claude-3.5-sonet-v2" in the us-east-1 rates; did you mean claude-3.5-sonnet-v2, claude-3.5-sonnet, claude-3.7-sonnet?`,
      `${DIR}/invalid-models.yaml:9: workloads[1].custom: a custom model is served on PT only, and no PT price is known for amazon.nova-pro-v1:0: add your quote as provisioned.hourlyPerUnit in a rate file listed under rates: (or --rates)`,
      `${DIR}/invalid-models.yaml:12: workloads[2].monthly.cacheReadTokens: anthropic.claude-3-haiku-20240307-v1:0 has no promptCache.readPerMTok price in these rates; add it in a rate file`,
      // 73B / (730 × 60) = 1,666,666 a minute
      `${DIR}/invalid-models.yaml:16: workloads[3].peakTpm.input: 1,000 is below the average of 1,666,666 input tokens a minute that its monthly volume implies over 730 hours; give at least 1,666,666`,
    ]);
  });
});
