import type { AnyReservation } from "../core/plans/findings.js";
import type { Workload } from "../core/plans/workload.js";
import type { RateCard } from "../core/rates/rate-card.js";
import { isShortWindow } from "../core/traffic/minute-traffic.js";
import { InputFileError, type InputProblem, UsageError } from "../errors.js";
import { loadRateCard } from "../readers/load-rate-card.js";
import type { PlanFile } from "../readers/read-plan-file.js";
import type { MeasurementNote } from "../render/measurement-notes.js";
import type { ReportFormat } from "./command-result.js";
import { resolveReservations, resolveWorkloads } from "./resolve-plan.js";

export interface PlanOptions {
  rates: string[];
  region?: string;
  ratesVersion?: string;
  hoursPerMonth?: number;
  format: ReportFormat;
  /** Let a plan's rates: and profile: lead outside the working folder. */
  allowOutsidePaths?: boolean;
  /** plan: USD of credits, to say how many months they fund. */
  credits?: number;
  /** --discount: percent off every list price. */
  discount?: number;
}

export interface PlanContext {
  plan: PlanFile;
  card: RateCard;
  hoursPerMonth: number;
  /** The workloads that could be priced; a workload with a problem is left out. */
  workloads: Workload[];
  /** The plan file's own reservations (not those tied to a Terraform resource) that could be priced. */
  reservations: AnyReservation[];
  /** Facts about the plan's measured traffic, for stderr (or the report's `notes` in JSON). */
  notes: MeasurementNote[];
  /** Every problem found so far, for the command to add its own to and end with (`endOnProblems`). */
  problems: InputProblem[];
}

/** A SHORT_WINDOW note for each workload measured over less than a week. */
function shortWindowNotes(workloads: readonly Workload[]): MeasurementNote[] {
  return workloads
    .filter((w) => w.measuredDays !== null && isShortWindow(w.measuredDays * MINUTES_PER_DAY))
    .map((w) => ({ code: "SHORT_WINDOW", minutes: Math.round((w.measuredDays as number) * MINUTES_PER_DAY), workload: w.name }));
}

const MINUTES_PER_DAY = 1440;

/**
 * The problems of a plan run, if any, as one error: the plan file's first, in the order of its
 * lines, then those of the files it names (traffic, rates, a Terraform plan) in the order found.
 */
export function endOnProblems(file: string, problems: readonly InputProblem[]): void {
  if (problems.length === 0) return;
  const sources = [file, ...new Set(problems.map((p) => p.source))];
  const rank = (p: InputProblem) => sources.indexOf(p.source);
  // A stable sort: problems on one line keep the order they were found in.
  throw new InputFileError([...problems].sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0)));
}

/**
 * A plan file with its rates (its own `rates:` first, then --rates), its workloads and reservations
 * resolved, and every problem found in them, so that one run lists them all. Stops early only when
 * nothing more can be checked: the file cannot be read, or its rates cannot be loaded.
 */
export async function loadPlanContext(file: string, options: Omit<PlanOptions, "format">): Promise<PlanContext> {
  // The plan reader brings YAML and zod: loaded only by the commands that read a plan.
  const { readPlanFileLeniently } = await import("../readers/read-plan-file.js");
  const { plan, problems } = readPlanFileLeniently(file, { cwd: process.cwd(), allowOutside: options.allowOutsidePaths === true });
  const planRegion = plan.data.region;
  if (options.region !== undefined && planRegion !== undefined && options.region !== planRegion) {
    throw new UsageError(`--region ${options.region} differs from region ${planRegion} in ${file}`);
  }
  // Without every rate file it names, nothing in the plan can be priced.
  if (problems.some((p) => p.source === file && p.path?.[0] === "rates")) endOnProblems(file, problems);
  let card: RateCard;
  try {
    card = await loadRateCard({
      region: options.region ?? planRegion,
      ratesVersion: options.ratesVersion,
      files: [...plan.rateFiles, ...options.rates],
      discountPercent: options.discount,
    });
  } catch (error) {
    if (error instanceof InputFileError) endOnProblems(file, [...problems, ...error.problems]);
    throw error;
  }
  const hoursPerMonth = options.hoursPerMonth ?? plan.data.hoursPerMonth ?? card.hoursPerMonth;
  const fileNotes: MeasurementNote[] = [];
  const workloads = await resolveWorkloads(plan, card, hoursPerMonth, problems, fileNotes);
  const reservations = resolveReservations(plan, card, problems);
  return { plan, card, hoursPerMonth, workloads, reservations, notes: [...shortWindowNotes(workloads), ...fileNotes], problems };
}
