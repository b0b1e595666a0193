import { checkReservations } from "../core/plans/check-reservations.js";
import { InputFileError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { readTerraformPlan, type TerraformPt } from "../readers/read-terraform-plan.js";
import { renderCheckCsv } from "../render/check-csv.js";
import { renderCheckJson } from "../render/check-json.js";
import { type MeasurementNote, measurementNoteMessage } from "../render/measurement-notes.js";
import { assertExact } from "./assert-exact.js";
import { type CommandResult, renderAs } from "./command-result.js";
import { endOnProblems, loadPlanContext, type PlanOptions } from "./load-plan-context.js";
import { terraformReservations } from "./terraform-reservations.js";

export interface CheckOptions extends PlanOptions {
  terraform?: string;
}

/** Exit code 0 when no finding is an error, 1 when any is. */
export async function runCheck(file: string, options: CheckOptions, color: boolean): Promise<CommandResult> {
  const context = await loadPlanContext(file, options);
  const { plan, card, hoursPerMonth, workloads, notes, problems } = context;
  let reservations = context.reservations;
  let planFindings: ReturnType<typeof terraformReservations>["findings"] = [];
  let source = file;
  if (options.terraform !== undefined) {
    let resources: TerraformPt[] | undefined;
    try {
      resources = readTerraformPlan(options.terraform);
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      problems.push(...error.problems);
    }
    // The Terraform plan's resources replace the plan file's reservations of model units.
    if (resources) {
      const fromTerraform = terraformReservations(resources, options.terraform, plan, card, workloads, hoursPerMonth, problems);
      // The Reserved tier is not a Terraform resource: the plan file's Reserved tier reservations stay.
      reservations = [...fromTerraform.reservations, ...context.reservations.filter((r) => r.type === "reserved")];
      planFindings = fromTerraform.findings;
    }
    source = `${file} with ${options.terraform}`;
  }
  endOnProblems(file, problems);
  const result = checkReservations({ workloads, reservations, policy: plan.data.policy, hoursPerMonth, planFindings });
  assertExact(result, source);
  const stdout = await renderAs(
    options.format,
    {
      json: (r) =>
        renderCheckJson(
          r,
          card,
          r.assumesFallback.length > 0 ? [...notes, { code: "OVERFLOW_FALLBACK", reservations: r.assumesFallback }] : notes,
        ),
      csv: renderCheckCsv,
      // The table libraries (cli-table3, chalk) are loaded only for table output.
      table: async (r) => {
        const [{ renderCheckTable }, { makePainter }] = await Promise.all([
          import("../render/check-table.js"),
          import("../render/colors.js"),
        ]);
        return renderCheckTable(r, source, card, hoursPerMonth, makePainter(color));
      },
    },
    result,
  );
  // The exit code does not depend on the format.
  // In JSON the notes are part of the report.
  const all: MeasurementNote[] = [...notes];
  if (result.assumesFallback.length > 0) all.push({ code: "OVERFLOW_FALLBACK", reservations: result.assumesFallback });
  const stderr = options.format === "json" ? [] : all.map((note) => `note: ${measurementNoteMessage(note)}`);
  return { stdout, stderr, exitCode: result.passed ? EXIT.OK : EXIT.FAILED_CHECK };
}
