import { appendFileSync } from "node:fs";
import { checkReservations, type ReservationSummary } from "../core/plans/check-reservations.js";
import type { AnyReservation, Finding } from "../core/plans/findings.js";
import { reservationChange, reservationTotals } from "../core/plans/reservation-change.js";
import { InputFileError, UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { readTerraformPlan, type TerraformPt } from "../readers/read-terraform-plan.js";
import { renderCheckCsv } from "../render/check-csv.js";
import { type FindingPlace, renderCheckGithub } from "../render/check-github.js";
import { renderCheckJson } from "../render/check-json.js";
import { renderCheckMarkdown } from "../render/check-markdown.js";
import { type MeasurementNote, measurementNoteMessage } from "../render/measurement-notes.js";
import { assertExact } from "./assert-exact.js";
import { type CheckFormat, type CommandResult, renderAs } from "./command-result.js";
import { endOnProblems, loadPlanContext, type PlanOptions } from "./load-plan-context.js";
import { terraformReservations } from "./terraform-reservations.js";

export interface CheckOptions extends Omit<PlanOptions, "format"> {
  terraform?: string;
  /** The base branch's plan file (and its Terraform plan), to report what the change adds. */
  baseline?: string;
  baselineTerraform?: string;
  format: CheckFormat;
}

/** Exit code 0 when no finding is an error, 1 when any is. */
type PlanContext = Awaited<ReturnType<typeof loadPlanContext>>;

/** A plan's reservations, those of a Terraform plan replacing its model units; problems go to the context's. */
function reservationsOf(context: PlanContext, terraform: string | undefined): { reservations: AnyReservation[]; planFindings: Finding[] } {
  const { plan, card, hoursPerMonth, workloads, problems } = context;
  if (terraform === undefined) return { reservations: context.reservations, planFindings: [] };
  let resources: TerraformPt[] | undefined;
  try {
    resources = readTerraformPlan(terraform);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    problems.push(...error.problems);
  }
  if (!resources) return { reservations: context.reservations, planFindings: [] };
  // The Terraform plan's resources replace the plan file's reservations of model units.
  const fromTerraform = terraformReservations(resources, terraform, plan, card, workloads, hoursPerMonth, problems);
  // The Reserved tier is not a Terraform resource: the plan file's Reserved tier reservations stay.
  return {
    reservations: [...fromTerraform.reservations, ...context.reservations.filter((r) => r.type === "reserved")],
    planFindings: fromTerraform.findings,
  };
}

/** The base branch's plan (and Terraform plan): its reservations as they are judged, for the change. */
async function baselineOf(options: CheckOptions): Promise<ReservationSummary[] | undefined> {
  if (options.baseline === undefined) {
    if (options.baselineTerraform !== undefined)
      throw new UsageError("--baseline-terraform goes with --baseline: the base branch's plan file");
    return undefined;
  }
  const context = await loadPlanContext(options.baseline, options);
  const { reservations, planFindings } = reservationsOf(context, options.baselineTerraform);
  endOnProblems(options.baseline, context.problems);
  const { plan, workloads, hoursPerMonth } = context;
  return checkReservations({ workloads, reservations, policy: plan.data.policy, hoursPerMonth, planFindings }).reservations;
}

/** Exit code 0 when no finding is an error, 1 when any is. */
export async function runCheck(file: string, options: CheckOptions, color: boolean): Promise<CommandResult> {
  const context = await loadPlanContext(file, options);
  const { plan, card, hoursPerMonth, workloads, notes, problems } = context;
  const { reservations, planFindings } = reservationsOf(context, options.terraform);
  const source = options.terraform === undefined ? file : `${file} with ${options.terraform}`;
  if (plan.data.policy.maxMonthlyIncrease !== undefined && options.baseline === undefined) {
    problems.push(
      plan.problem(["policy", "maxMonthlyIncrease"], "a limit on the increase over the base branch: run check with --baseline BASE_FILE"),
    );
  }
  endOnProblems(file, problems);
  const baseline = await baselineOf(options);
  const result = checkReservations({
    workloads,
    reservations,
    policy: plan.data.policy,
    hoursPerMonth,
    planFindings,
    baseline: baseline ? reservationTotals(baseline) : undefined,
  });
  const change = baseline ? { baseline: reservationTotals(baseline), change: reservationChange(baseline, result.reservations) } : undefined;
  assertExact(result, source);
  const stdout = await renderAs(
    options.format,
    {
      json: (r) =>
        renderCheckJson(
          r,
          card,
          change,
          r.assumesFallback.length > 0 ? [...notes, { code: "OVERFLOW_FALLBACK", reservations: r.assumesFallback }] : notes,
        ),
      csv: renderCheckCsv,
      markdown: (r) => renderCheckMarkdown(r, source, card, hoursPerMonth, change && { ...change, source: options.baseline as string }),
      github: (r) => renderCheckGithub(r, placeOfFinding(context, options.terraform)),
      // The table libraries (cli-table3, chalk) are loaded only for table output.
      table: async (r) => {
        const [{ renderCheckTable }, { makePainter }] = await Promise.all([
          import("../render/check-table.js"),
          import("../render/colors.js"),
        ]);
        return renderCheckTable(
          r,
          source,
          card,
          hoursPerMonth,
          makePainter(color),
          change && { ...change, source: options.baseline as string },
        );
      },
    },
    result,
  );
  // In a GitHub Actions job, the annotations' report also goes to the job summary.
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (options.format === "github" && summary)
    appendSummary(
      summary,
      renderCheckMarkdown(result, source, card, hoursPerMonth, change && { ...change, source: options.baseline as string }),
    );
  // The exit code does not depend on the format.
  // In JSON the notes are part of the report.
  const all: MeasurementNote[] = [...notes];
  if (result.assumesFallback.length > 0) all.push({ code: "OVERFLOW_FALLBACK", reservations: result.assumesFallback });
  const stderr = options.format === "json" ? [] : all.map((note) => `note: ${measurementNoteMessage(note)}`);
  return { stdout, stderr, exitCode: result.passed ? EXIT.OK : EXIT.FAILED_CHECK };
}

/** Appends the markdown report to the job summary file GitHub Actions names; never replaces it. */
function appendSummary(path: string, markdown: string): void {
  try {
    appendFileSync(path, `${markdown}\n`);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`GITHUB_STEP_SUMMARY: cannot append the report to ${path} (${reason})`);
  }
}

/**
 * Where a finding points for an annotation: the plan-file line of the reservation or workload it
 * names (a custom model: its first workload), a Terraform resource's plan file, else the plan file.
 */
function placeOfFinding(
  context: Awaited<ReturnType<typeof loadPlanContext>>,
  terraform: string | undefined,
): (finding: Finding) => FindingPlace {
  const { plan } = context;
  const lines = new Map<string, number>();
  const add = (name: string, path: (string | number)[]) => {
    const line = plan.lineOf(path);
    if (line !== undefined && !lines.has(name)) lines.set(name, line);
  };
  for (const r of plan.data.reservations) if (r.name) add(r.name, ["reservations", r.index]);
  for (const w of plan.data.workloads) add(w.name, ["workloads", w.index]);
  for (const w of plan.data.workloads) if (typeof w.custom === "string") add(w.custom, ["workloads", w.index]);
  return (finding) => {
    const line = lines.get(finding.subject);
    if (line !== undefined) return { file: plan.source, line };
    // What the plan file does not name is a Terraform resource, by its address.
    return { file: terraform ?? plan.source, line: null };
  };
}
