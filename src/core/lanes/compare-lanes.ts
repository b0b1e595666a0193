import { batchCost, hasLongContext, type OverflowTo, onDemandCost, tierCost } from "../cost-model/pricing.js";
import { type ProvisionedOption, priceProvisioned } from "../cost-model/provisioned-option.js";
import type { ReservedScope } from "../cost-model/reserved-tier.js";
import { TERMS, type Term } from "../cost-model/terms.js";
import type { TokensPerMinute, Volume } from "../cost-model/volume.js";
import { hourlyRateFor, type ModelRates, pricedTerms } from "../rates/rate-card.js";
import { chooseUnits } from "./choose-units.js";
import type { CompareLatency, Tier } from "./lanes.js";
import type { Note, ProvisionedCeiling, Recommendation } from "./reasons.js";
import { DEFAULT_MIN_SAVING, recommendLane } from "./recommend-lane.js";
import { defaultScope, type ReservedOption, reservedOptions } from "./reserved-options.js";

export interface CompareInput {
  model: ModelRates;
  volume: Volume;
  hoursPerMonth: number;
  /** Units to price; chosen from the peak or the volume when absent. */
  units?: number;
  peakTpm?: TokensPerMinute;
  /** Only these terms; every priced term when absent. */
  terms?: readonly Term[];
  latency: CompareLatency;
  /** The on-demand tier interactive traffic is priced at (Standard by default). */
  tier?: Tier;
  /** Where traffic above the units goes; on-demand unless the application does not fall back. */
  overflow?: OverflowTo;
  /** The least share of on-demand reserved units must save to be recommended (--min-saving). */
  minSaving?: number;
  /** The Reserved tier's scope; that of the model id when absent (global. ids global, others geo). */
  scope?: ReservedScope;
}

export interface CompareResult {
  model: ModelRates;
  /** Where traffic above the units goes. */
  overflow: OverflowTo;
  hoursPerMonth: number;
  volume: Volume;
  latency: CompareLatency;
  tier: Tier;
  onDemand: { monthlyCost: number } | null;
  batch: { monthlyCost: number } | null;
  /** The Priority and Flex tiers of on-demand; null where the model has no price for them. */
  priority: { monthlyCost: number } | null;
  flex: { monthlyCost: number } | null;
  provisioned: ProvisionedOption[];
  /** The Reserved tier in `scope`, one option per priced term; empty when none is priced. */
  reserved: ReservedOption[];
  scope: ReservedScope;
  /** Terms the user asked for that have no price for this model. */
  unpricedTerms: Term[];
  /** The PT price worth negotiating: null when every term is priced, or there is no on-demand price. */
  provisionedCeiling: ProvisionedCeiling | null;
  recommendation: Recommendation;
  notes: Note[];
}

/**
 * PT for the steady base and on-demand above it (docs/cost-model.md §7): with the volume
 * spread evenly, the best whole unit count below the load is its floor, with the rest overflowing.
 */
function cheapestBlended(options: ProvisionedOption[], input: CompareInput, onDemand: number | null): ProvisionedOption | undefined {
  if (onDemand === null || input.overflow === "throttle") return undefined;
  let best: ProvisionedOption | undefined;
  for (const option of options) {
    if (option.utilization === null) continue;
    const units = Math.floor(option.utilization * option.units);
    if (units < 1 || units >= option.units) continue;
    const blended = priceProvisioned({
      term: option.term,
      hourlyRate: option.hourlyRate,
      units,
      unitsBasis: "volume",
      hoursPerMonth: input.hoursPerMonth,
      volume: input.volume,
      throughput: input.model.provisioned?.unitThroughput,
      onDemandCost: onDemand,
      overflowTo: "on-demand",
    });
    if (!best || blended.monthlyCost < best.monthlyCost) best = blended;
  }
  return best;
}

/**
 * The hourly price below which PT would pay off (docs/cost-model.md §6): the on-demand cost of the
 * month over its hours, lowered by --min-saving when given; per unit, over the units the traffic
 * needs, when the unit throughput says how many.
 */
function ceilingOf(input: CompareInput, onDemand: number | null, units: number | null): ProvisionedCeiling | null {
  if (onDemand === null || pricedTerms(input.model).length === TERMS.length) return null;
  const minSaving = input.minSaving ?? 0;
  const hourlyTotal = (onDemand * (1 - minSaving)) / input.hoursPerMonth;
  return { hourlyTotal, units, hourlyPerUnit: units === null || units === 0 ? null : hourlyTotal / units, minSaving };
}

/** Prices one workload on every lane its model has and recommends the cheapest lane that fits. */
export function compareLanes(input: CompareInput): CompareResult {
  const { model, volume, hoursPerMonth } = input;
  const onDemand = onDemandCost(model, volume);
  const batch = batchCost(model, volume);
  const throughput = model.provisioned?.unitThroughput;
  const { units, basis } = chooseUnits(input, throughput);

  const wanted = input.terms ?? TERMS;
  const priced = pricedTerms(model);
  const provisioned = wanted
    .filter((term) => priced.includes(term))
    .map((term) =>
      priceProvisioned({
        term,
        hourlyRate: hourlyRateFor(model, term) as number,
        units,
        unitsBasis: basis,
        hoursPerMonth,
        volume,
        throughput,
        onDemandCost: onDemand,
        overflowTo: input.overflow ?? "on-demand",
      }),
    );
  const unpricedTerms = input.terms && model.provisioned ? wanted.filter((term) => !priced.includes(term)) : [];

  const notes: Note[] = [];
  if (basis === "volume") notes.push({ code: "UNITS_FROM_VOLUME", units });
  if (basis === "peak") notes.push({ code: "UNITS_FROM_PEAK", units });
  if (basis === "default" && model.provisioned) notes.push({ code: "UNITS_DEFAULT", units, peakGiven: input.peakTpm !== undefined });
  if (hasLongContext(volume)) {
    const lanes = (["Batch", "Priority", "Flex"] as const).filter((lane) => model[lane.toLowerCase() as "batch" | "priority" | "flex"]);
    if (lanes.length > 0) notes.push({ code: "LONG_CONTEXT_ON_DEMAND_ONLY", lanes: [...lanes] });
  }

  const blended = basis === "volume" ? cheapestBlended(provisioned, input, onDemand) : undefined;
  const provisionedCeiling = ceilingOf(input, onDemand, throughput ? chooseUnits({ ...input, units: undefined }, throughput).units : null);
  const scope = input.scope ?? defaultScope(model.id);
  const reserved = reservedOptions({ model, volume, hoursPerMonth, scope, peakTpm: input.peakTpm });
  const tier = input.tier ?? "standard";
  const priority = tierCost(model, volume, "priority");
  const flex = tierCost(model, volume, "flex");
  const recommendation = recommendLane({
    ceiling: provisionedCeiling,
    reserved,
    model,
    latency: input.latency,
    onDemand: tier === "priority" ? priority : onDemand,
    paygLane: tier === "priority" ? "priority" : "on-demand",
    flex,
    batch,
    provisioned,
    unpricedTerms,
    peakTpm: input.peakTpm,
    blended,
    minSaving: input.minSaving ?? DEFAULT_MIN_SAVING,
  });
  // Overflow priced on-demand assumes the application falls back to the on-demand model id.
  const blendedShown = recommendation.reasons.some((reason) => reason.code === "BLENDED_CHEAPER");
  const pricedOverflow = provisioned.some((option) => (option.overflow?.cost ?? 0) > 0);
  if (pricedOverflow || blendedShown) notes.push({ code: "OVERFLOW_FALLBACK" });

  return {
    model,
    reserved,
    scope,
    overflow: input.overflow ?? "on-demand",
    hoursPerMonth,
    volume,
    latency: input.latency,
    tier,
    onDemand: onDemand === null ? null : { monthlyCost: onDemand },
    batch: batch === null ? null : { monthlyCost: batch },
    priority: priority === null ? null : { monthlyCost: priority },
    flex: flex === null ? null : { monthlyCost: flex },
    provisioned,
    unpricedTerms,
    provisionedCeiling,
    recommendation,
    notes,
  };
}
