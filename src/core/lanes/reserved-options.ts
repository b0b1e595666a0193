import { onDemandCost, onDemandPrices, tokenCost } from "../cost-model/pricing.js";
import {
  RESERVED_TERM_KEYS,
  RESERVED_TERMS,
  type ReservedCosts,
  type ReservedScope,
  type ReservedTerm,
  reservedCommittedCost,
  reservedMonthlyCost,
} from "../cost-model/reserved-tier.js";
import type { TokensPerMinute, Volume } from "../cost-model/volume.js";
import type { ModelRates } from "../rates/rate-card.js";

/** One term of the Reserved tier, sized to carry a workload (at least `minimumTpm`). */
export interface ReservedOption extends ReservedCosts {
  term: ReservedTerm;
  scope: ReservedScope;
  /** What the reservation is sized to carry: the peak minute given, or the average minute. */
  basis: "peak" | "average";
  /** USD a month the same tokens cost on the Standard tier alone: what the guarantee costs over it is the difference. */
  standardCost: number;
  minimumTpm: { input: number; output: number };
}

/** The scope a model id implies: `global.` profiles are global, every other id geographic. */
export function defaultScope(modelId: string): ReservedScope {
  return modelId.startsWith("global.") ? "global" : "geo";
}

/**
 * The Reserved tier on every term priced for `scope`, sized to carry the peak minute when one is
 * given, else the average minute (the volume spread evenly), and at least AWS's minimums: so nothing
 * overflows, and the premium over Standard is the price of the guarantee. Input is counted with cache
 * writes, as AWS sizes it; a given input peak counts cache reads too, so it is scaled by the share of
 * plain input and cache writes in the month's input side. Cache reads are billed at their Standard
 * price (docs/cost-model.md, "The Reserved tier").
 */
export function reservedOptions(input: {
  model: ModelRates;
  volume: Volume;
  hoursPerMonth: number;
  scope: ReservedScope;
  peakTpm?: TokensPerMinute | undefined;
}): ReservedOption[] {
  const { model, volume, hoursPerMonth, scope, peakTpm } = input;
  const reserved = model.reserved;
  const standard = onDemandPrices(model, volume);
  if (!reserved || !standard) return [];
  const minutes = hoursPerMonth * 60;
  const counted = volume.inputTokens + volume.cacheWriteTokens + volume.cacheWrite1hTokens;
  const inputSide = counted + volume.cacheReadTokens;
  const average = { input: counted / minutes, output: volume.outputTokens / minutes };
  const carried = peakTpm ? { input: inputSide > 0 ? peakTpm.input * (counted / inputSide) : 0, output: peakTpm.output } : average;
  const tpm = {
    input: Math.max(reserved.minimumTpm.input, Math.ceil(carried.input)),
    output: Math.max(reserved.minimumTpm.output, Math.ceil(carried.output)),
  };
  const standardCost = onDemandCost(model, volume) as number;
  const cacheReads = tokenCost(standard, 0, 0, volume.cacheReadTokens, 0);
  const options: ReservedOption[] = [];
  for (const term of RESERVED_TERMS) {
    const prices = reserved[scope]?.[RESERVED_TERM_KEYS[term]];
    if (!prices) continue;
    const reservedCost = reservedMonthlyCost(prices, tpm, hoursPerMonth);
    const overflowCost = 0;
    const used = average.input * prices.inputPer1kTpmHour + average.output * prices.outputPer1kTpmHour;
    const paid = tpm.input * prices.inputPer1kTpmHour + tpm.output * prices.outputPer1kTpmHour;
    const monthlyCost = reservedCost + overflowCost + cacheReads;
    options.push({
      term,
      scope,
      basis: peakTpm ? "peak" : "average",
      inputTpm: tpm.input,
      outputTpm: tpm.output,
      reservedCost,
      overflowCost,
      monthlyCost,
      committedCost: reservedCommittedCost(reservedCost, term),
      utilization: paid > 0 ? used / paid : 0,
      standardCost,
      minimumTpm: reserved.minimumTpm,
    });
  }
  return options;
}
