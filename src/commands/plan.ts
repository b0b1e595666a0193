import { planLanes } from "../core/plans/plan-lanes.js";
import { measurementNoteMessage } from "../render/measurement-notes.js";
import { renderPlanCsv } from "../render/plan-csv.js";
import { renderPlanJson } from "../render/plan-json.js";
import { assertExact } from "./assert-exact.js";
import { type CommandResult, renderAs } from "./command-result.js";
import { endOnProblems, loadPlanContext, type PlanOptions } from "./load-plan-context.js";

export async function runPlan(file: string, options: PlanOptions, color: boolean): Promise<CommandResult> {
  // Reservations are not needed to plan, but a plan file with broken ones is still bad input.
  const { plan, card, hoursPerMonth, workloads, notes, problems } = await loadPlanContext(file, options);
  endOnProblems(file, problems);
  const result = planLanes(workloads, hoursPerMonth, plan.data.policy);
  assertExact(result, file);
  const stdout = await renderAs(
    options.format,
    {
      json: (r) => renderPlanJson(r, card, hoursPerMonth, notes),
      csv: renderPlanCsv,
      // The table libraries (cli-table3, chalk) are loaded only for table output.
      table: async (r) => {
        const [{ renderPlanTable }, { makePainter }] = await Promise.all([
          import("../render/plan-table.js"),
          import("../render/colors.js"),
        ]);
        return renderPlanTable(r, card, hoursPerMonth, file, makePainter(color));
      },
    },
    result,
  );
  // In JSON the notes are part of the report.
  return { stdout, stderr: options.format === "json" ? [] : notes.map((note) => `note: ${measurementNoteMessage(note)}`), exitCode: 0 };
}
