import type { BreakEven } from "../core/cost-model/break-even.js";
import type { CreditsRunway } from "../core/cost-model/credits.js";
import type { Overflow, ProvisionedOption, UnitsBasis } from "../core/cost-model/provisioned-option.js";
import type { ReservedCosts, ReservedScope, ReservedTerm } from "../core/cost-model/reserved-tier.js";
import type { Term } from "../core/cost-model/terms.js";
import type { Volume } from "../core/cost-model/volume.js";
import type { CompareResult } from "../core/lanes/compare-lanes.js";
import type { CompareLatency, Lane, LaneChoice, Tier } from "../core/lanes/lanes.js";
import type { ReservedOption } from "../core/lanes/reserved-options.js";
import type { RateCard, RateSource } from "../core/rates/rate-card.js";
import { creditsJson, type JsonCredits, type JsonMessage, type JsonRates, jsonText, ratesJson, versioned } from "./json-envelope.js";
import { noteMessage, reasonMessage } from "./messages.js";
import { roundCents, roundFraction, roundPrice, roundTokens } from "./money.js";

interface JsonTokens {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  cacheWrite1hTokens: number;
}

export interface JsonProvisioned {
  term: Term;
  units: number;
  unitsBasis: UnitsBasis;
  hourlyRate: number;
  reservedCost: number;
  monthlyCost: number;
  committedCost: number;
  utilization: number | null;
  overflow: (JsonTokens & { share: number; cost: number | null }) | null;
  breakEven: (JsonTokens & { utilization: number | null }) | null;
  breakEvenStatus: "found" | "never" | "no-traffic" | "no-on-demand";
}

/** A Reserved tier reservation's figures, rounded as every report prints them (compare and profile). */
export function reservedCostsJson(costs: ReservedCosts): ReservedCosts {
  return {
    inputTpm: roundTokens(costs.inputTpm),
    outputTpm: roundTokens(costs.outputTpm),
    reservedCost: roundCents(costs.reservedCost),
    overflowCost: roundCents(costs.overflowCost),
    monthlyCost: roundCents(costs.monthlyCost),
    committedCost: roundCents(costs.committedCost),
    utilization: roundFraction(costs.utilization),
  };
}

interface JsonReserved extends ReservedCosts {
  term: ReservedTerm;
  scope: ReservedScope;
  basis: "peak" | "average";
  premiumOverStandard: number;
}

export function reservedJson(option: ReservedOption): JsonReserved {
  return {
    term: option.term,
    scope: option.scope,
    basis: option.basis,
    ...reservedCostsJson(option),
    premiumOverStandard: roundCents(option.monthlyCost - option.standardCost),
  };
}

/** The `--format json` contract of `bedrock-cost compare`; see docs/json.md. */
interface CompareJson {
  schemaVersion: number;
  model: { id: string; name: string; provider: string; source: RateSource | null };
  rates: JsonRates;
  hoursPerMonth: number;
  latency: CompareLatency;
  tier: Tier;
  volume: JsonTokens;
  onDemand: { monthlyCost: number } | null;
  batch: { monthlyCost: number } | null;
  priority: { monthlyCost: number } | null;
  flex: { monthlyCost: number } | null;
  provisioned: JsonProvisioned[];
  reserved: JsonReserved[];
  provisionedCeiling: { hourlyTotal: number; units: number | null; hourlyPerUnit: number | null } | null;
  /** With --credits only. */
  credits?: JsonCredits;
  recommendation: { lane: Lane; term: LaneChoice["term"]; units: number | null; monthlyCost: number; reasons: JsonMessage[] };
  notes: JsonMessage[];
}

function tokens(volume: Volume): JsonTokens {
  return {
    inputTokens: roundTokens(volume.inputTokens),
    outputTokens: roundTokens(volume.outputTokens),
    cacheReadTokens: roundTokens(volume.cacheReadTokens),
    cacheWriteTokens: roundTokens(volume.cacheWriteTokens),
    cacheWrite1hTokens: roundTokens(volume.cacheWrite1hTokens),
  };
}

function overflowJson(overflow: Overflow | null): JsonProvisioned["overflow"] {
  if (!overflow) return null;
  return {
    ...tokens(overflow.volume),
    share: roundFraction(overflow.share),
    cost: overflow.cost === null ? null : roundCents(overflow.cost),
  };
}

function breakEvenJson(breakEven: BreakEven): Pick<JsonProvisioned, "breakEven" | "breakEvenStatus"> {
  switch (breakEven.kind) {
    case "found":
      return {
        breakEven: {
          ...tokens(breakEven.volume),
          utilization: breakEven.utilization === null ? null : roundFraction(breakEven.utilization),
        },
        breakEvenStatus: "found",
      };
    case "never":
      return { breakEven: null, breakEvenStatus: "never" };
    case "none":
      return { breakEven: null, breakEvenStatus: breakEven.why };
  }
}

export function provisionedJson(option: ProvisionedOption): JsonProvisioned {
  return {
    term: option.term,
    units: option.units,
    unitsBasis: option.unitsBasis,
    hourlyRate: roundPrice(option.hourlyRate),
    reservedCost: roundCents(option.reservedCost),
    monthlyCost: roundCents(option.monthlyCost),
    committedCost: roundCents(option.committedCost),
    utilization: option.utilization === null ? null : roundFraction(option.utilization),
    overflow: overflowJson(option.overflow),
    ...breakEvenJson(option.breakEven),
  };
}

/** Builds the JSON report field by field, so that the contract does not follow internal types. */
function toCompareJson(result: CompareResult, card: RateCard, credits?: CreditsRunway): CompareJson {
  const context = { modelName: result.model.name };
  const recommendation = result.recommendation;
  return versioned({
    model: { id: result.model.id, name: result.model.name, provider: result.model.provider, source: result.model.source ?? null },
    rates: ratesJson(card),
    hoursPerMonth: result.hoursPerMonth,
    latency: result.latency,
    tier: result.tier,
    volume: {
      ...tokens(result.volume),
      longContextInputTokens: roundTokens(result.volume.longContextInputTokens ?? 0),
      longContextOutputTokens: roundTokens(result.volume.longContextOutputTokens ?? 0),
    },
    onDemand: result.onDemand && { monthlyCost: roundCents(result.onDemand.monthlyCost) },
    batch: result.batch && { monthlyCost: roundCents(result.batch.monthlyCost) },
    priority: result.priority && { monthlyCost: roundCents(result.priority.monthlyCost) },
    flex: result.flex && { monthlyCost: roundCents(result.flex.monthlyCost) },
    provisioned: result.provisioned.map(provisionedJson),
    reserved: result.reserved.map(reservedJson),
    provisionedCeiling: result.provisionedCeiling && {
      hourlyTotal: roundCents(result.provisionedCeiling.hourlyTotal),
      units: result.provisionedCeiling.units,
      hourlyPerUnit: result.provisionedCeiling.hourlyPerUnit === null ? null : roundCents(result.provisionedCeiling.hourlyPerUnit),
    },
    recommendation: {
      lane: recommendation.lane,
      term: recommendation.term,
      units: recommendation.units,
      monthlyCost: roundCents(recommendation.monthlyCost),
      reasons: recommendation.reasons.map((reason) => ({ code: reason.code, message: reasonMessage(reason, context) })),
    },
    ...(credits ? { credits: creditsJson(credits) } : {}),
    notes: result.notes.map((note) => ({ code: note.code, message: noteMessage(note) })),
  });
}

export function renderCompareJson(result: CompareResult, card: RateCard, credits?: CreditsRunway): string {
  return jsonText(toCompareJson(result, card, credits));
}

/** One comparison for each model; credits for each, when given. */
export interface CompareRun {
  result: CompareResult;
  card: RateCard;
  credits?: CreditsRunway | undefined;
}

/** The model whose recommendation costs least (the first given on a tie). */
function cheapestRun(runs: readonly CompareRun[]): CompareRun {
  return runs.reduce((best, run) => (run.result.recommendation.monthlyCost < best.result.recommendation.monthlyCost ? run : best));
}

/** Several models: `{ schemaVersion, comparisons: [one compare report each], cheapest }`; see docs/json.md. */
export function renderCompareSetJson(runs: readonly CompareRun[]): string {
  const cheapest = cheapestRun(runs).result;
  return jsonText(
    versioned({
      comparisons: runs.map((run) => toCompareJson(run.result, run.card, run.credits)),
      cheapest: {
        model: cheapest.model.id,
        lane: cheapest.recommendation.lane,
        term: cheapest.recommendation.term,
        units: cheapest.recommendation.units,
        monthlyCost: roundCents(cheapest.recommendation.monthlyCost),
      },
    }),
  );
}
