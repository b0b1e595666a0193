import { AWS_RESERVED_MINIMUM, RESERVED_TERM_KEYS, RESERVED_TERMS, type ReservedTerm } from "../core/cost-model/reserved-tier.js";
import { TERMS, type Term } from "../core/cost-model/terms.js";
import { makeVolume } from "../core/cost-model/volume.js";
import { quote } from "../core/input/quote.js";
import { defaultScope } from "../core/lanes/reserved-options.js";
import type { AnyReservation, ReservedTierReservation } from "../core/plans/findings.js";
import type { Workload } from "../core/plans/workload.js";
import { peakProblems, type WorkloadProblem, workloadProblems } from "../core/plans/workload-problems.js";
import { hourlyRateFor, type ModelRates, type RateCard } from "../core/rates/rate-card.js";
import { resolveModel } from "../core/rates/resolve-model.js";
import { summarizeTraffic } from "../core/traffic/minute-traffic.js";
import { InputFileError, type InputProblem, UsageError } from "../errors.js";
import type { PlanFile } from "../readers/read-plan-file.js";
import { ptPriceHint } from "../render/hints.js";
import type { MeasurementNote } from "../render/measurement-notes.js";
import { formatCount } from "../render/money.js";
import { workloadProblemMessage } from "../render/workload-problem-message.js";
import { unknownModelMessage } from "./model-flags.js";
import { priceNeeds } from "./price-needs.js";
import { readingThreads } from "./reading-threads.js";

const MINUTES_PER_DAY = 1440;

function modelAt(
  plan: PlanFile,
  card: RateCard,
  path: (string | number)[],
  name: string,
  problems: InputProblem[],
): ModelRates | undefined {
  const lookup = resolveModel(card, name);
  if (lookup.found) return lookup.model;
  problems.push(plan.problem(path, unknownModelMessage(lookup)));
  return undefined;
}

/**
 * The plan's workloads with their models resolved, measured traffic read for those that give
 * `profile`, and their inputs checked against the rates. Every problem is added to `problems`;
 * a workload with a problem that stops it being priced is left out.
 */
export async function resolveWorkloads(
  plan: PlanFile,
  card: RateCard,
  hoursPerMonth: number,
  problems: InputProblem[],
  notes: MeasurementNote[] = [],
): Promise<Workload[]> {
  const workloads: Workload[] = [];
  const customBase = new Map<string, { model: ModelRates; index: number }>();
  const report = (at: (string | number)[], problem: WorkloadProblem) =>
    problems.push(plan.problem([...at, ...problem.path], workloadProblemMessage(problem, "plan")));
  for (const entry of plan.data.workloads) {
    const i = entry.index;
    const at = ["workloads", i];
    const model = modelAt(plan, card, [...at, "model"], entry.model, problems);
    if (!model) {
      // The peak can be checked without the model's rates.
      for (const problem of peakProblems(makeVolume(entry.monthly ?? {}), entry.peakTpm, hoursPerMonth)) report(at, problem);
      continue;
    }
    let volume = makeVolume(entry.monthly ?? {});
    let peakTpm = entry.peakTpm;
    let measuredDays: number | null = null;
    if (entry.profile) {
      try {
        // Loaded here, not at start-up: most plans give their volumes, and the traffic readers bring
        // in zlib and the stream modules.
        const { measureTraffic } = await import("../readers/traffic/measure-traffic.js");
        const { read, traffic } = await measureTraffic(entry.profile.map(plan.relative), card, model, {
          period: { seconds: entry.period, flag: "period beside profile in the plan" },
          needs: priceNeeds(model, entry.custom !== false, "plan"),
          threads: readingThreads(),
        });
        const measured = summarizeTraffic(traffic, hoursPerMonth);
        measuredDays = traffic.minutes / MINUTES_PER_DAY;
        // What profile says about the files read, said of this workload.
        const workload = entry.name;
        if (read.otherModels.length > 0) notes.push({ code: "OTHER_MODELS", records: read.otherModels, workload });
        if (read.skipped.length > 0) notes.push({ code: "SKIPPED_FILES", skipped: read.skipped, workload });
        if (read.repeated.length > 0) notes.push({ code: "REPEATED_FILES", files: read.repeated, workload });
        volume = measured.volume;
        peakTpm = measured.peakTpm;
      } catch (error) {
        if (error instanceof InputFileError) problems.push(...error.problems);
        else if (error instanceof UsageError) problems.push(plan.problem([...at, "profile"], error.message));
        else throw error;
        continue;
      }
    }
    const custom = entry.custom === true ? entry.name : entry.custom === false ? null : entry.custom;
    const sameCustom = custom === null ? undefined : customBase.get(custom);
    if (sameCustom && sameCustom.model.id !== model.id) {
      problems.push(
        plan.problem(
          [...at, "custom"],
          `${quote(custom as string)} is also the custom model of workloads[${sameCustom.index}] on ${sameCustom.model.id}; a custom model has one base model`,
        ),
      );
    } else if (custom !== null && !sameCustom) customBase.set(custom, { model, index: i });
    const tiers = { latency: entry.latency, tier: entry.tier };
    for (const problem of workloadProblems({ model, volume, peakTpm, custom: custom !== null, hoursPerMonth, ...tiers })) {
      // A measured workload's volume and peak come from its traffic files.
      report(at, entry.profile && problem.path[0] !== "custom" ? { ...problem, path: ["profile"] } : problem);
    }
    workloads.push({
      name: entry.name,
      model,
      volume,
      peakTpm,
      latency: entry.latency,
      tier: entry.tier,
      sla: entry.sla,
      custom,
      measuredDays,
      overflow: entry.overflow,
      scope: entry.scope,
    });
  }
  return workloads;
}

/** A reservation's model and the price of its term, or the problems that stop it being priced. */
export function reservationModel(plan: PlanFile, card: RateCard, index: number, problems: InputProblem[]): ModelRates | undefined {
  const entry = plan.data.reservations.find((r) => r.index === index);
  if (!entry?.model) return undefined;
  const model = modelAt(plan, card, ["reservations", index, "model"], entry.model, problems);
  if (entry.type === "reserved") return model;
  if (model && entry.term && isPtTerm(entry.term) && hourlyRateFor(model, entry.term) === undefined) {
    problems.push(
      plan.problem(["reservations", index, "term"], `no ${entry.term} PT price is known for ${model.id}: ${ptPriceHint("plan")}`),
    );
  }
  return model;
}

const isPtTerm = (term: string): term is Term => (TERMS as readonly string[]).includes(term);
const isReservedTerm = (term: string): term is ReservedTerm => (RESERVED_TERMS as readonly string[]).includes(term);

/**
 * A Reserved tier reservation with its model's prices for its scope and term, or the problems that
 * stop it being priced: no price, or fewer tokens a minute than AWS sells.
 */
function reservedTierReservation(
  plan: PlanFile,
  entry: PlanFile["data"]["reservations"][number],
  model: ModelRates,
  problems: InputProblem[],
): ReservedTierReservation | undefined {
  const { name, term, inputTpm, outputTpm } = entry;
  if (!name || !term || !isReservedTerm(term) || inputTpm === undefined || outputTpm === undefined || !entry.model) return undefined;
  const at = (field: string) => ["reservations", entry.index, field];
  const scope = entry.scope ?? defaultScope(entry.model);
  const prices = model.reserved?.[scope]?.[RESERVED_TERM_KEYS[term]];
  if (!prices) {
    problems.push(
      plan.problem(
        at("term"),
        `no ${term} Reserved tier price (${scope}) is known for ${model.id}: add reserved: {${scope}: {${RESERVED_TERM_KEYS[term]}: {inputPer1kTpmHour, outputPer1kTpmHour}}} in a rate file listed under rates:`,
      ),
    );
    return undefined;
  }
  const minimum = model.reserved?.minimumTpm ?? AWS_RESERVED_MINIMUM;
  let below = false;
  for (const [field, given, least, side] of [
    ["inputTpm", inputTpm, minimum.input, "input"],
    ["outputTpm", outputTpm, minimum.output, "output"],
  ] as const) {
    if (given < least) {
      below = true;
      problems.push(
        plan.problem(
          at(field),
          `${formatCount(given)} is below the Reserved tier's minimum of ${formatCount(least)} ${side} tokens a minute`,
        ),
      );
    }
  }
  if (below) return undefined;
  return { type: "reserved", name, model, term, scope, inputTpm, outputTpm, prices, serves: entry.serves };
}

/** The plan file's own reservations (those not tied to a Terraform resource); their problems are added to `problems`. */
export function resolveReservations(plan: PlanFile, card: RateCard, problems: InputProblem[]): AnyReservation[] {
  const reservations: AnyReservation[] = [];
  for (const entry of plan.data.reservations) {
    if (entry.terraformAddress !== undefined) continue;
    const model = reservationModel(plan, card, entry.index, problems);
    if (!model) continue;
    if (entry.type === "reserved") {
      const reserved = reservedTierReservation(plan, entry, model, problems);
      if (reserved) reservations.push(reserved);
      continue;
    }
    if (!entry.name || !entry.units || !entry.term || !isPtTerm(entry.term)) continue;
    reservations.push({ name: entry.name, model, units: entry.units, term: entry.term, serves: entry.serves });
  }
  return reservations;
}
