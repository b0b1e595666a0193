import type { Workload } from "../core/plans/workload.js";
import type { RateCard } from "../core/rates/rate-card.js";
import { isShortWindow } from "../core/traffic/minute-traffic.js";
import { UsageError } from "../errors.js";
import { loadRateCard } from "../readers/load-rate-card.js";
import type { PlanFile } from "../readers/read-plan-file.js";
import type { MeasurementNote } from "../render/measurement-notes.js";
import type { Format } from "./command-result.js";
import { resolveWorkloads } from "./resolve-plan.js";

export interface PlanOptions {
  rates: string[];
  region?: string;
  ratesVersion?: string;
  hoursPerMonth?: number;
  format: Format;
}

export interface PlanContext {
  plan: PlanFile;
  card: RateCard;
  hoursPerMonth: number;
  workloads: Workload[];
  /** Facts about the plan's measured traffic, for stderr (or the report's `notes` in JSON). */
  notes: MeasurementNote[];
}

/** A SHORT_WINDOW note for each workload measured over less than a week. */
function shortWindowNotes(workloads: readonly Workload[]): MeasurementNote[] {
  return workloads
    .filter((w) => w.measuredDays !== null && isShortWindow(w.measuredDays * MINUTES_PER_DAY))
    .map((w) => ({ code: "SHORT_WINDOW", minutes: Math.round((w.measuredDays as number) * MINUTES_PER_DAY), workload: w.name }));
}

const MINUTES_PER_DAY = 1440;

/** A plan file with its rates (its own `rates:` first, then --rates) and its workloads resolved. */
export async function loadPlanContext(file: string, options: PlanOptions): Promise<PlanContext> {
  // The plan reader brings YAML and zod: loaded only by the commands that read a plan.
  const { readPlanFile } = await import("../readers/read-plan-file.js");
  const plan = readPlanFile(file);
  const planRegion = plan.data.region;
  if (options.region !== undefined && planRegion !== undefined && options.region !== planRegion) {
    throw new UsageError(`--region ${options.region} differs from region ${planRegion} in ${file}`);
  }
  const card = await loadRateCard({
    region: options.region ?? planRegion,
    ratesVersion: options.ratesVersion,
    files: [...plan.rateFiles, ...options.rates],
  });
  const hoursPerMonth = options.hoursPerMonth ?? plan.data.hoursPerMonth ?? card.hoursPerMonth;
  const workloads = resolveWorkloads(plan, card, hoursPerMonth);
  return { plan, card, hoursPerMonth, workloads, notes: shortWindowNotes(workloads) };
}
