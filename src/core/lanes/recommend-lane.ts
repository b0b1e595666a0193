import { peakLoad, unitsToCarry } from "../cost-model/capacity.js";
import type { ProvisionedOption } from "../cost-model/provisioned-option.js";
import { TERMS, type Term } from "../cost-model/terms.js";
import type { TokensPerMinute } from "../cost-model/volume.js";
import type { ModelRates } from "../rates/rate-card.js";
import type { CompareLatency, LaneChoice } from "./lanes.js";
import type { ProvisionedCeiling, Reason, Recommendation } from "./reasons.js";
import type { ReservedOption } from "./reserved-options.js";

export interface RecommendInput {
  model: ModelRates;
  latency: CompareLatency;
  /**
   * USD a month on each lane; null where the model has no such lane. `onDemand` is per token at the
   * workload's tier: Standard, or Priority when `paygLane` is "priority".
   */
  onDemand: number | null;
  paygLane?: "on-demand" | "priority" | undefined;
  batch: number | null;
  /** The Flex tier: for work that can take longer (latency flex), and named as an option otherwise. */
  flex?: number | null | undefined;
  provisioned: ProvisionedOption[];
  /** The Reserved tier, one option per priced term. */
  reserved?: ReservedOption[] | undefined;
  unpricedTerms: Term[];
  peakTpm?: TokensPerMinute | undefined;
  /** Fewer units than the volume needs, with on-demand taking the rest. */
  blended?: ProvisionedOption | undefined;
  /** The least share of the on-demand cost reserved units must save to be recommended over on-demand. */
  minSaving: number;
  /** The PT price worth negotiating, for the NO_PT_PRICE reason. */
  ceiling?: ProvisionedCeiling | null | undefined;
}

/** The default of --min-saving and of a plan's policy.minSavingShare: reserved units must save 5% of on-demand. */
export const DEFAULT_MIN_SAVING = 0.05;

/** Units that carry only part of the traffic and throttle the rest (no on-demand fallback). */
function throttles(option: ProvisionedOption): boolean {
  return option.overflow !== null && option.overflow.share > 0 && option.overflow.cost === null;
}

interface Candidate extends LaneChoice {
  option?: ProvisionedOption;
  reserved?: ReservedOption;
  /** Breaks ties: no commitment before commitment, shorter terms before longer. */
  rank: number;
}

function candidatesFor(input: RecommendInput): Candidate[] {
  const candidates: Candidate[] = [];
  if (input.onDemand !== null) {
    candidates.push({ lane: input.paygLane ?? "on-demand", term: null, units: null, monthlyCost: input.onDemand, rank: 0 });
  }
  if (input.latency === "flex" && input.flex !== null && input.flex !== undefined) {
    candidates.push({ lane: "flex", term: null, units: null, monthlyCost: input.flex, rank: 1 });
  }
  const batchFits = input.latency === "async" && input.batch !== null;
  if (batchFits) {
    candidates.push({ lane: "batch", term: null, units: null, monthlyCost: input.batch as number, rank: 1 });
  } else {
    // Work that can wait goes to Batch when the model has it; it never belongs on reserved units.
    for (const option of input.provisioned) {
      candidates.push({
        lane: "provisioned",
        term: option.term,
        units: option.units,
        monthlyCost: option.monthlyCost,
        option,
        rank: 2 + TERMS.indexOf(option.term),
      });
    }
    for (const [i, reserved] of (input.reserved ?? []).entries()) {
      candidates.push({
        lane: "reserved",
        term: reserved.term,
        units: null,
        monthlyCost: reserved.monthlyCost,
        reserved,
        rank: 2 + TERMS.length + i,
      });
    }
  }
  return candidates.sort((a, b) => a.monthlyCost - b.monthlyCost || a.rank - b.rank);
}

function choiceOf(candidate: Candidate): LaneChoice {
  return { lane: candidate.lane, term: candidate.term, units: candidate.units, monthlyCost: candidate.monthlyCost };
}

function breakEvenReason(option: ProvisionedOption): Reason | null {
  const be = option.breakEven;
  if (be.kind === "never") {
    return { code: "PT_NEVER_BREAKS_EVEN", term: option.term, units: option.units, breakEvenUtilization: be.utilization };
  }
  if (be.kind !== "found") return null;
  const details = {
    term: option.term,
    units: option.units,
    utilization: option.utilization,
    breakEvenUtilization: be.utilization,
    breakEvenVolume: be.volume,
  };
  // Above the break-even when the units cost no more than on-demand at the workload's own volume.
  return be.scale <= 1 ? { code: "ABOVE_BREAK_EVEN", ...details } : { code: "BELOW_BREAK_EVEN", ...details };
}

function capacityReasons(option: ProvisionedOption, input: Pick<RecommendInput, "model" | "peakTpm">): Reason[] {
  const reasons: Reason[] = [];
  const throughput = input.model.provisioned?.unitThroughput;
  const overflow = option.overflow;
  if (overflow && overflow.share > 0 && option.utilization !== null) {
    const needed = unitsToCarry(option.utilization * option.units);
    reasons.push(
      overflow.cost === null
        ? { code: "THROTTLED", term: option.term, units: option.units, share: overflow.share, unitsToCarry: needed }
        : { code: "OVERFLOW", term: option.term, units: option.units, share: overflow.share, cost: overflow.cost, unitsToCarry: needed },
    );
  }
  if (throughput && input.peakTpm && option.unitsBasis === "flag") {
    const peakUnits = unitsToCarry(peakLoad(input.peakTpm, throughput));
    if (peakUnits > option.units) reasons.push({ code: "UNITS_BELOW_PEAK", units: option.units, peakUnits });
  }
  return reasons;
}

/**
 * The cheapest lane that fits the workload, with its reasons (docs/cost-model.md §8). Reserved units
 * that throttle part of the traffic do not fit while on-demand could serve it; reserved units that save
 * less than `minSaving` of the on-demand cost are declined in favour of on-demand.
 */
export function recommendLane(input: RecommendInput): Recommendation {
  const onDemand = input.onDemand;
  const candidates = candidatesFor(input).filter((c) => !(c.option && onDemand !== null && throttles(c.option)));
  let best = candidates[0];
  if (!best) throw new Error(`no lane can price ${input.model.id}`);
  const reasons: Reason[] = [];
  // A commitment (PT units or a Reserved tier reservation) that saves too little is declined.
  let declined: Candidate | undefined;
  if ((best.option || best.reserved) && onDemand !== null && onDemand - best.monthlyCost < input.minSaving * onDemand) {
    declined = best;
    best = candidates.find((c) => c.lane === (input.paygLane ?? "on-demand")) as Candidate;
  }
  const runnerUp = candidates.find((c) => c !== best && !(declined && (c.option || c.reserved)));

  if (input.onDemand === null) reasons.push({ code: "PT_ONLY_MODEL" });
  // A declined commitment is cheaper than on-demand: SAVING_BELOW_THRESHOLD, not CHEAPEST, says why on-demand.
  if (!declined) reasons.push({ code: "CHEAPEST", choice: choiceOf(best), runnerUp: runnerUp ? choiceOf(runnerUp) : null });
  if (declined?.option && onDemand !== null) {
    const saving = onDemand - declined.option.monthlyCost;
    reasons.push({
      code: "SAVING_BELOW_THRESHOLD",
      term: declined.option.term,
      units: declined.option.units,
      monthlyCost: declined.option.monthlyCost,
      saving,
      share: saving / onDemand,
      minSaving: input.minSaving,
    });
  }
  // The Reserved tier: the option chosen, else the cheapest on offer, with what it costs over Standard.
  const reservedShown = best.reserved ?? candidatesFor(input).find((candidate) => candidate.reserved)?.reserved;
  if (reservedShown) {
    reasons.push({
      code: "RESERVED_TIER",
      term: reservedShown.term,
      scope: reservedShown.scope,
      inputTpm: reservedShown.inputTpm,
      outputTpm: reservedShown.outputTpm,
      monthlyCost: reservedShown.monthlyCost,
      committedCost: reservedShown.committedCost,
      utilization: reservedShown.utilization,
      premium: reservedShown.monthlyCost - reservedShown.standardCost,
      chosen: best.reserved === reservedShown,
      minSaving: declined?.reserved === reservedShown ? input.minSaving : null,
    });
  }

  if (input.latency === "async") {
    if (input.batch !== null) reasons.push({ code: "ASYNC_TO_BATCH", batchCost: input.batch, onDemandCost: input.onDemand });
    else reasons.push({ code: "NO_BATCH_PRICE" });
  } else if (input.batch !== null && input.batch < best.monthlyCost) {
    reasons.push({ code: "BATCH_IF_ASYNC", batchCost: input.batch, saving: best.monthlyCost - input.batch });
  }
  const flex = input.flex;
  if (input.latency === "interactive" && flex !== null && flex !== undefined && flex < best.monthlyCost) {
    reasons.push({ code: "FLEX_IF_SLOWER", flexCost: flex, saving: best.monthlyCost - flex });
  }

  if (best.lane !== "batch") {
    if (!input.model.provisioned) reasons.push({ code: "NO_PT_PRICE", ceiling: input.ceiling ?? null });
    else if (input.unpricedTerms.length > 0) reasons.push({ code: "NO_PT_PRICE_FOR_TERM", terms: input.unpricedTerms });

    // Explain PT through the option that was chosen, or else the cheapest one on offer.
    const cheapestPt = candidatesFor(input).find((candidate) => candidate.option)?.option;
    const shown = best.option ?? cheapestPt;
    if (shown) {
      const reason = breakEvenReason(shown);
      if (reason) reasons.push(reason);
      if (best.option) reasons.push(...capacityReasons(best.option, input));
      else if (throttles(shown)) reasons.push(...capacityReasons(shown, input).filter((r) => r.code === "THROTTLED"));
      if (shown.utilization === null) reasons.push({ code: "CAPACITY_UNKNOWN", units: shown.units });
      // The same rule as the recommendation: fewer units with on-demand above them are suggested only
      // where they would also save the least share asked of reserved units.
      const blended = input.blended;
      const blendedSaves = blended !== undefined && (onDemand === null || onDemand - blended.monthlyCost >= input.minSaving * onDemand);
      if (blended && blendedSaves && blended.monthlyCost < best.monthlyCost && blended.overflow) {
        reasons.push({
          code: "BLENDED_CHEAPER",
          term: blended.term,
          units: blended.units,
          monthlyCost: blended.monthlyCost,
          overflowShare: blended.overflow.share,
        });
      }
      if (best.option && best.option.term === "6-month") {
        reasons.push({ code: "UNPROVEN_LONG_TERM", term: best.option.term, committedCost: best.option.committedCost });
      }
    }
  }

  return { ...choiceOf(best), reasons };
}
