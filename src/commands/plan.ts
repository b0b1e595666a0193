import { creditsRunway } from "../core/cost-model/credits.js";
import { planLanes } from "../core/plans/plan-lanes.js";
import { measurementNoteMessage } from "../render/measurement-notes.js";
import { creditsMessage } from "../render/messages.js";
import { renderPlanCsv } from "../render/plan-csv.js";
import { renderPlanJson } from "../render/plan-json.js";
import { renderPlanMarkdown } from "../render/plan-markdown.js";
import { assertExact } from "./assert-exact.js";
import { type CommandResult, renderAs } from "./command-result.js";
import { endOnProblems, loadPlanContext, type PlanOptions } from "./load-plan-context.js";

export async function runPlan(file: string, options: PlanOptions, color: boolean): Promise<CommandResult> {
  // Reservations are not needed to plan, but a plan file with broken ones is still bad input.
  const { plan, card, hoursPerMonth, workloads, notes, problems } = await loadPlanContext(file, options);
  endOnProblems(file, problems);
  const result = planLanes(workloads, hoursPerMonth, plan.data.policy);
  assertExact(result, file);
  const credits =
    options.credits === undefined
      ? undefined
      : creditsRunway(options.credits, result.totals.monthlyCost, result.totals.allOnDemandMonthlyCost);
  const creditsLine = credits ? creditsMessage(credits, result.totals.monthlyCost, result.totals.allOnDemandMonthlyCost) : undefined;
  const stdout = await renderAs(
    options.format,
    {
      json: (r) => renderPlanJson(r, card, hoursPerMonth, notes, credits),
      csv: renderPlanCsv,
      markdown: (r) => renderPlanMarkdown(r, card, hoursPerMonth, file, creditsLine),
      // The table libraries (cli-table3, chalk) are loaded only for table output.
      table: async (r) => {
        const [{ renderPlanTable }, { makePainter }] = await Promise.all([
          import("../render/plan-table.js"),
          import("../render/colors.js"),
        ]);
        const table = renderPlanTable(r, card, hoursPerMonth, file, makePainter(color));
        return creditsLine ? `${table}${creditsLine}\n` : table;
      },
    },
    result,
  );
  // In JSON the notes are part of the report; in CSV the credits line goes with them to stderr.
  const stderr = options.format === "json" ? [] : notes.map((note) => `note: ${measurementNoteMessage(note)}`);
  if (options.format === "csv" && creditsLine) stderr.push(`note: ${creditsLine}`);
  return { stdout, stderr, exitCode: 0 };
}
