import type { PlanResult } from "../core/plans/plan-lanes.js";
import type { RateCard } from "../core/rates/rate-card.js";
import type { Painter } from "./colors.js";
import { reasonMessage } from "./messages.js";
import { laneText, PLAN_HEADS, planCells, planTotalText } from "./plan-cells.js";
import { ratesText } from "./rates-line.js";
import { renderTable } from "./render-table.js";

const CHARS = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };

/** Every workload in its lane, the reasons, and the account's totals. */
export function renderPlanTable(result: PlanResult, card: RateCard, hoursPerMonth: number, source: string, paint: Painter): string {
  const rows: string[][] = [];
  for (const plan of result.workloads) {
    const cells = planCells(plan);
    if (plan.lane === "provisioned") cells[2] = paint.best(laneText(plan));
    rows.push(cells);
  }
  const table = renderTable(
    {
      head: PLAN_HEADS,
      colAligns: ["left", "left", "left", "right", "left", "right", "right"],
      chars: CHARS,
      style: { head: [], border: [] },
    },
    rows,
  );
  const lines = [paint.heading(`Plan: ${source}`), `Rates: ${ratesText(card)} · ${hoursPerMonth} hours a month`, "", table, ""];
  for (const plan of result.workloads) {
    lines.push(paint.heading(plan.workload.name));
    const context = { modelName: plan.workload.model.name, inputs: "plan" as const };
    for (const reason of plan.reasons) lines.push(`  - ${reasonMessage(reason, context)} ${paint.dim(`[${reason.code}]`)}`);
    if (plan.reasons.length === 0) lines.push("  - On-demand: it sends no traffic.");
  }
  lines.push("", paint.heading(`Total: ${planTotalText(result.totals)}.`));
  // One join with the final line break in it: a plan of thousands makes a report of tens of
  // megabytes, and appending the break to it would copy it whole once more.
  lines.push("");
  return lines.join("\n");
}
