import type { LaneChoice } from "../core/lanes/lanes.js";
import type { PlanResult } from "../core/plans/plan-lanes.js";
import type { RateCard } from "../core/rates/rate-card.js";
import type { Painter } from "./colors.js";
import { reasonMessage } from "./messages.js";
import { formatPercent, formatUsd, formatUsdDelta } from "./money.js";
import { ratesText } from "./rates-line.js";
import { renderTable } from "./render-table.js";

const CHARS = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };
const NONE = "-";

function laneText(choice: LaneChoice): string {
  if (choice.lane !== "provisioned") return choice.lane;
  return `PT ${choice.term}, ${choice.units === 1 ? "1 unit" : `${choice.units} units`}`;
}

/** Every workload in its lane, the reasons, and the account's totals. */
export function renderPlanTable(result: PlanResult, card: RateCard, hoursPerMonth: number, source: string, paint: Painter): string {
  const rows: string[][] = [];
  for (const plan of result.workloads) {
    const runnerUp = plan.runnerUp;
    rows.push([
      plan.workload.name,
      plan.workload.custom === null ? plan.workload.model.name : `${plan.workload.model.name}, custom model ${plan.workload.custom}`,
      plan.lane === "provisioned" ? paint.best(laneText(plan)) : laneText(plan),
      formatUsd(plan.monthlyCost),
      runnerUp ? laneText(runnerUp) : NONE,
      runnerUp ? formatUsd(runnerUp.monthlyCost) : NONE,
      runnerUp ? formatUsdDelta(runnerUp.monthlyCost - plan.monthlyCost) : NONE,
    ]);
  }
  const table = renderTable(
    {
      head: ["Workload", "Model", "Lane", "Monthly cost", "Runner-up", "Runner-up cost", "Difference"],
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
  const { monthlyCost, allOnDemandMonthlyCost, saving } = result.totals;
  const share = allOnDemandMonthlyCost > 0 ? ` (${formatPercent(saving / allOnDemandMonthlyCost)})` : "";
  const verdict =
    saving >= 0 ? `saving ${formatUsd(saving)} a month${share}` : `${formatUsd(-saving)} a month more${share.replace("-", "")}`;
  lines.push(
    "",
    paint.heading(
      `Total: ${formatUsd(monthlyCost)} a month in these lanes against ${formatUsd(allOnDemandMonthlyCost)} all on-demand: ${verdict}.`,
    ),
  );
  // One join with the final line break in it: a plan of thousands makes a report of tens of
  // megabytes, and appending the break to it would copy it whole once more.
  lines.push("");
  return lines.join("\n");
}
