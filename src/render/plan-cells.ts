import type { LaneChoice } from "../core/lanes/lanes.js";
import type { PlanResult, WorkloadPlan } from "../core/plans/plan-lanes.js";
import { formatPercent, formatUsd, formatUsdDelta } from "./money.js";

const NONE = "-";

/** The column heads of a plan's workloads, in every format that draws them. */
export const PLAN_HEADS = ["Workload", "Model", "Lane", "Monthly cost", "Runner-up", "Runner-up cost", "Difference"];

export function laneText(choice: LaneChoice): string {
  if (choice.lane !== "provisioned") return choice.lane;
  return `PT ${choice.term}, ${choice.units === 1 ? "1 unit" : `${choice.units} units`}`;
}

/** One workload's cells under PLAN_HEADS; names as given. */
export function planCells(plan: WorkloadPlan): string[] {
  const runnerUp = plan.runnerUp;
  return [
    plan.workload.name,
    plan.workload.custom === null ? plan.workload.model.name : `${plan.workload.model.name}, custom model ${plan.workload.custom}`,
    laneText(plan),
    formatUsd(plan.monthlyCost),
    runnerUp ? laneText(runnerUp) : NONE,
    runnerUp ? formatUsd(runnerUp.monthlyCost) : NONE,
    runnerUp ? formatUsdDelta(runnerUp.monthlyCost - plan.monthlyCost) : NONE,
  ];
}

/** "$45,250.00 a month in these lanes against $67,500.00 all on-demand: saving $22,250.00 a month (33.0%)" */
export function planTotalText(totals: PlanResult["totals"]): string {
  const { monthlyCost, allOnDemandMonthlyCost, saving } = totals;
  const share = allOnDemandMonthlyCost > 0 ? ` (${formatPercent(saving / allOnDemandMonthlyCost)})` : "";
  const verdict =
    saving >= 0 ? `saving ${formatUsd(saving)} a month${share}` : `${formatUsd(-saving)} a month more${share.replace("-", "")}`;
  return `${formatUsd(monthlyCost)} a month in these lanes against ${formatUsd(allOnDemandMonthlyCost)} all on-demand: ${verdict}`;
}
