import type { CreditsRunway } from "../core/cost-model/credits.js";
import type { Lane, LaneChoice } from "../core/lanes/lanes.js";
import type { PlanResult } from "../core/plans/plan-lanes.js";
import type { RateCard } from "../core/rates/rate-card.js";
import { creditsJson, type JsonCredits, type JsonMessage, type JsonRates, jsonText, ratesJson, versioned } from "./json-envelope.js";
import { type MeasurementNote, measurementNoteMessage } from "./measurement-notes.js";
import { reasonMessage } from "./messages.js";
import { roundCents } from "./money.js";

interface JsonLaneCost {
  lane: Lane;
  term: LaneChoice["term"];
  units: number | null;
  monthlyCost: number;
}

/** The `--format json` contract of `bedrock-cost plan`; see docs/json.md. */
interface PlanJson {
  schemaVersion: number;
  rates: JsonRates;
  hoursPerMonth: number;
  workloads: {
    name: string;
    model: string;
    /** The custom model it runs on; null for the base model. */
    custom: string | null;
    lane: Lane;
    term: LaneChoice["term"];
    units: number | null;
    monthlyCost: number;
    onDemandMonthlyCost: number | null;
    runnerUp: JsonLaneCost | null;
    reasons: JsonMessage[];
  }[];
  totals: { monthlyCost: number; allOnDemandMonthlyCost: number; saving: number };
  /** With --credits only. */
  credits?: JsonCredits;
  notes: JsonMessage[];
}

function toPlanJson(
  result: PlanResult,
  card: RateCard,
  hoursPerMonth: number,
  notes: readonly MeasurementNote[],
  credits: CreditsRunway | undefined,
): PlanJson {
  return versioned({
    rates: ratesJson(card),
    hoursPerMonth,
    workloads: result.workloads.map((plan) => ({
      name: plan.workload.name,
      model: plan.workload.model.id,
      custom: plan.workload.custom,
      lane: plan.lane,
      term: plan.term,
      units: plan.units,
      monthlyCost: roundCents(plan.monthlyCost),
      onDemandMonthlyCost: plan.onDemandCost === null ? null : roundCents(plan.onDemandCost),
      runnerUp: plan.runnerUp && { ...plan.runnerUp, monthlyCost: roundCents(plan.runnerUp.monthlyCost) },
      reasons: plan.reasons.map((reason) => ({
        code: reason.code,
        message: reasonMessage(reason, { modelName: plan.workload.model.name, inputs: "plan" }),
      })),
    })),
    totals: {
      monthlyCost: roundCents(result.totals.monthlyCost),
      allOnDemandMonthlyCost: roundCents(result.totals.allOnDemandMonthlyCost),
      saving: roundCents(result.totals.saving),
    },
    ...(credits ? { credits: creditsJson(credits) } : {}),
    notes: notes.map((note) => ({ code: note.code, message: measurementNoteMessage(note) })),
  });
}

export function renderPlanJson(
  result: PlanResult,
  card: RateCard,
  hoursPerMonth: number,
  notes: readonly MeasurementNote[],
  credits?: CreditsRunway,
): string {
  return jsonText(toPlanJson(result, card, hoursPerMonth, notes, credits));
}
