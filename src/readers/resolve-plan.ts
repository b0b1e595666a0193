import { inputSideTokens } from "../core/volume.js";
import type { Reservation } from "../core/findings.js";
import { hourlyRateFor, pricedTerms, type ModelRates, type RateCard } from "../core/rates.js";
import { resolveModel } from "../core/resolve-model.js";
import { missingCachePrices } from "../core/pricing.js";
import { summarizeTraffic } from "../core/minute-traffic.js";
import { makeVolume } from "../core/volume.js";
import type { Workload } from "../core/workload.js";
import { InputFileError, UsageError, type InputProblem } from "../errors.js";
import type { PlanFile } from "./read-plan-file.js";
import { measureTraffic } from "./traffic/measure-traffic.js";

function modelAt(plan: PlanFile, card: RateCard, path: (string | number)[], name: string, problems: InputProblem[]): ModelRates | undefined {
  const lookup = resolveModel(card, name);
  if (lookup.found) return lookup.model;
  const hint = lookup.suggestions.length > 0 ? `; did you mean ${lookup.suggestions.join(", ")}?` : "";
  problems.push(plan.problem(path, `${lookup.reason}${hint}`));
  return undefined;
}

const count = (tokens: number) => Math.floor(tokens).toLocaleString("en-US");

const PT_PRICE_HINT = "add your quote as provisioned.hourlyPerUnit in a rate file listed under rates: (or --rates)";

/** The plan's workloads with their models resolved and their inputs checked against the rates. */
export function resolveWorkloads(plan: PlanFile, card: RateCard, hoursPerMonth: number): Workload[] {
  const problems: InputProblem[] = [];
  const workloads: Workload[] = [];
  plan.data.workloads.forEach((entry, i) => {
    const at = ["workloads", i];
    const model = modelAt(plan, card, [...at, "model"], entry.model, problems);
    if (!model) return;
    let volume = makeVolume(entry.monthly ?? {});
    let peakTpm = entry.peakTpm;
    if (entry.profile) {
      try {
        const measured = summarizeTraffic(measureTraffic(entry.profile.map(plan.relative), card, model).traffic, hoursPerMonth);
        volume = measured.volume;
        peakTpm = measured.peakTpm;
      } catch (error) {
        if (error instanceof InputFileError) problems.push(...error.problems);
        else if (error instanceof UsageError) problems.push(plan.problem([...at, "profile"], error.message));
        else throw error;
        return;
      }
    }
    if (model.onDemand && !entry.custom) {
      for (const field of missingCachePrices(model, volume)) {
        const key = field === "promptCache.readPerMTok" ? "cacheReadTokens" : "cacheWriteTokens";
        problems.push(plan.problem([...at, "monthly", key], `${model.id} has no ${field} price in these rates; add it in a rate file`));
      }
    }
    if (entry.custom && pricedTerms(model).length === 0) {
      problems.push(plan.problem([...at, "custom"], `a custom model is served on PT only, and no PT price is known for ${model.id}: ${PT_PRICE_HINT}`));
    }
    if (entry.peakTpm && !entry.profile) {
      const minutes = hoursPerMonth * 60;
      const averages = { input: inputSideTokens(volume) / minutes, output: volume.outputTokens / minutes };
      for (const side of ["input", "output"] as const) {
        if (entry.peakTpm[side] < Math.floor(averages[side])) {
          problems.push(
            plan.problem(
              [...at, "peakTpm", side],
              `${count(entry.peakTpm[side])} is below the average of ${count(averages[side])} ${side} tokens a minute that its monthly volume implies over ${hoursPerMonth} hours`,
            ),
          );
        }
      }
    }
    workloads.push({
      name: entry.name,
      model,
      volume,
      peakTpm,
      latency: entry.latency,
      sla: entry.sla,
      custom: entry.custom,
      measured: entry.profile !== undefined,
    });
  });
  if (problems.length > 0) throw new InputFileError(problems);
  return workloads;
}

/** A reservation's model and the price of its term, or the problems that stop it being priced. */
export function reservationModel(plan: PlanFile, card: RateCard, index: number, problems: InputProblem[]): ModelRates | undefined {
  const entry = plan.data.reservations[index];
  if (!entry?.model) return undefined;
  const model = modelAt(plan, card, ["reservations", index, "model"], entry.model, problems);
  if (model && entry.term && hourlyRateFor(model, entry.term) === undefined) {
    problems.push(plan.problem(["reservations", index, "term"], `no ${entry.term} PT price is known for ${model.id}: ${PT_PRICE_HINT}`));
  }
  return model;
}

/** The plan file's own reservations (those not tied to a Terraform resource). */
export function resolveReservations(plan: PlanFile, card: RateCard): Reservation[] {
  const problems: InputProblem[] = [];
  const reservations: Reservation[] = [];
  plan.data.reservations.forEach((entry, i) => {
    if (entry.terraformAddress !== undefined) return;
    const model = reservationModel(plan, card, i, problems);
    if (!model || !entry.name || !entry.units || !entry.term) return;
    reservations.push({ name: entry.name, model, units: entry.units, term: entry.term, serves: entry.serves });
  });
  if (problems.length > 0) throw new InputFileError(problems);
  return reservations;
}
