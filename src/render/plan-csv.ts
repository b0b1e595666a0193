import type { PlanResult } from "../core/plans/plan-lanes.js";
import { toCsv } from "./csv.js";
import { roundCents } from "./money.js";

const PLAN_CSV_HEADER = [
  "name",
  "model",
  "lane",
  "term",
  "units",
  "monthlyCost",
  "onDemandMonthlyCost",
  "runnerUpLane",
  "runnerUpTerm",
  "runnerUpMonthlyCost",
  "reasons",
] as const;

/** One row per workload; `reasons` holds the reason codes separated by spaces. */
export function renderPlanCsv(result: PlanResult): string {
  return toCsv(
    PLAN_CSV_HEADER,
    result.workloads.map((plan) => [
      plan.workload.name,
      plan.workload.model.id,
      plan.lane,
      plan.term,
      plan.units,
      roundCents(plan.monthlyCost),
      plan.onDemandCost === null ? null : roundCents(plan.onDemandCost),
      plan.runnerUp?.lane ?? null,
      plan.runnerUp?.term ?? null,
      plan.runnerUp ? roundCents(plan.runnerUp.monthlyCost) : null,
      plan.reasons.map((reason) => reason.code).join(" "),
    ]),
  );
}
