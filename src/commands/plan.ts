import { planLanes } from "../core/plan-lanes.js";
import { resolveReservations } from "../readers/resolve-plan.js";
import { makePainter } from "../render/colors.js";
import { renderPlanCsv } from "../render/plan-csv.js";
import { renderPlanJson } from "../render/plan-json.js";
import { renderPlanTable } from "../render/plan-table.js";
import type { CommandResult } from "./command-result.js";
import { loadPlanContext, type PlanOptions } from "./load-plan-context.js";

export function runPlan(file: string, options: PlanOptions, color: boolean): CommandResult {
  const { plan, card, hoursPerMonth, workloads } = loadPlanContext(file, options);
  // Reservations are not needed to plan, but a plan file with broken ones is still bad input.
  resolveReservations(plan, card);
  const result = planLanes(workloads, hoursPerMonth);
  switch (options.format) {
    case "json":
      return { stdout: renderPlanJson(result, card, hoursPerMonth), stderr: [], exitCode: 0 };
    case "csv":
      return { stdout: renderPlanCsv(result), stderr: [], exitCode: 0 };
    case "table":
      return { stdout: renderPlanTable(result, card, hoursPerMonth, file, makePainter(color)), stderr: [], exitCode: 0 };
  }
}
