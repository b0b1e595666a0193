import type { PlanResult } from "../core/plans/plan-lanes.js";
import type { RateCard } from "../core/rates/rate-card.js";
import { MARKDOWN_MARKER, markdownText } from "./check-markdown.js";
import { reasonMessage } from "./messages.js";
import { PLAN_HEADS, planCells, planTotalText } from "./plan-cells.js";
import { ratesText } from "./rates-line.js";

const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;

/**
 * A plan as markdown for a pull request or a shared report: the account's total in the heading, the
 * rates and hours, every workload in its lane, and the reasons in a details block. Stable, under the
 * same hidden marker line as check's report.
 */
export function renderPlanMarkdown(result: PlanResult, card: RateCard, hoursPerMonth: number, source: string, credits?: string): string {
  const lines = [
    MARKDOWN_MARKER,
    `### bedrock-cost plan: ${planTotalText(result.totals)}`,
    "",
    `Plan \`${markdownText(source)}\` · rates ${markdownText(ratesText(card))} · ${hoursPerMonth} hours a month`,
    "",
    row(PLAN_HEADS),
    row(["---", "---", "---", "---:", "---", "---:", "---:"]),
  ];
  for (const plan of result.workloads) {
    const [name = "", model = "", ...rest] = planCells(plan);
    lines.push(row([markdownText(name), markdownText(model), ...rest]));
  }
  lines.push("");
  if (credits) lines.push(credits, "");
  lines.push("<details><summary>Why each lane</summary>", "");
  for (const plan of result.workloads) {
    const context = { modelName: plan.workload.model.name, inputs: "plan" as const };
    const reasons = plan.reasons.map((reason) => `${markdownText(reasonMessage(reason, context))} (\`${reason.code}\`)`);
    lines.push(`- **${markdownText(plan.workload.name)}**: ${reasons.length > 0 ? reasons.join(" ") : "on-demand: it sends no traffic."}`);
  }
  lines.push("", "</details>", "");
  return lines.join("\n");
}
