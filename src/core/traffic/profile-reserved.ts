import { onDemandPrices, tokenCost } from "../cost-model/pricing.js";
import {
  lowestSideLevel,
  RESERVED_TERM_KEYS,
  RESERVED_TERMS,
  type ReservedCosts,
  type ReservedPrices,
  type ReservedScope,
  type ReservedTerm,
  reservedCommittedCost,
  type SideLoads,
  sideMonthlyCost,
} from "../cost-model/reserved-tier.js";
import { makeVolume } from "../cost-model/volume.js";
import type { ModelRates } from "../rates/rate-card.js";
import type { MinuteTraffic } from "./minute-traffic.js";

/** One reservation priced over a month of the measured traffic, its overflow minute by minute. */
export interface ReservedPoint extends ReservedCosts {
  /** Minutes in the window with tokens above the reservation on either side. */
  overflowMinutes: number;
}

export interface ReservedProfile {
  term: ReservedTerm;
  scope: ReservedScope;
  /** The reservation that costs least with its overflow, at least AWS's minimums. */
  best: ReservedPoint;
  /** The reservation that carries the peak minute on both sides: nothing overflows. */
  peakSized: ReservedPoint;
}

/**
 * The Reserved tier on every term priced for `scope`, sized minute by minute (docs/cost-model.md,
 * "The Reserved tier"): each side's best level from its sorted loads, and the level that carries the
 * peak. The input side counts plain input and cache writes, its overflow priced at their blend of
 * Standard prices over the window; cache reads are billed at their Standard price.
 */
export function profileReserved(traffic: MinuteTraffic, model: ModelRates, hoursPerMonth: number, scope: ReservedScope): ReservedProfile[] {
  const reserved = model.reserved;
  const minutes = traffic.minutes;
  if (!reserved || minutes === 0) return [];
  const input = new Float64Array(minutes);
  let plain = 0;
  let writes = 0;
  let reads = 0;
  let output = 0;
  for (let m = 0; m < minutes; m++) {
    input[m] = (traffic.inputTokens[m] as number) + (traffic.cacheWriteTokens[m] as number);
    plain += traffic.inputTokens[m] as number;
    writes += traffic.cacheWriteTokens[m] as number;
    reads += traffic.cacheReadTokens[m] as number;
    output += traffic.outputTokens[m] as number;
  }
  const standard = onDemandPrices(
    model,
    makeVolume({ inputTokens: plain, outputTokens: output, cacheReadTokens: reads, cacheWriteTokens: writes }),
  );
  if (!standard) return [];
  const inputPrice = plain + writes > 0 ? (plain * standard.input + writes * standard.cacheWrite) / (plain + writes) : standard.input;
  const sides = {
    input: { loads: input, windowMinutes: minutes } satisfies SideLoads,
    output: { loads: traffic.outputTokens, windowMinutes: minutes } satisfies SideLoads,
  };
  const scale = (hoursPerMonth * 60) / minutes;
  const cacheReads = tokenCost(standard, 0, 0, reads, 0) * scale;
  const peak = { input: maxOf(input), output: maxOf(traffic.outputTokens) };

  const point = (term: ReservedTerm, prices: ReservedPrices, tpm: { input: number; output: number }): ReservedPoint => {
    const inSide = sideMonthlyCost(sides.input, tpm.input, prices.inputPer1kTpmHour, inputPrice, hoursPerMonth);
    const outSide = sideMonthlyCost(sides.output, tpm.output, prices.outputPer1kTpmHour, standard.output, hoursPerMonth);
    const reservedCost = inSide.reservedCost + outSide.reservedCost;
    const overflowCost = inSide.overflowCost + outSide.overflowCost;
    let carriedIn = 0;
    let carriedOut = 0;
    let overflowMinutes = 0;
    for (let m = 0; m < minutes; m++) {
      const i = input[m] as number;
      const o = traffic.outputTokens[m] as number;
      carriedIn += Math.min(i, tpm.input);
      carriedOut += Math.min(o, tpm.output);
      if (i > tpm.input || o > tpm.output) overflowMinutes++;
    }
    const paid = tpm.input * prices.inputPer1kTpmHour + tpm.output * prices.outputPer1kTpmHour;
    const used = (carriedIn / minutes) * prices.inputPer1kTpmHour + (carriedOut / minutes) * prices.outputPer1kTpmHour;
    return {
      inputTpm: tpm.input,
      outputTpm: tpm.output,
      reservedCost,
      overflowCost,
      monthlyCost: reservedCost + overflowCost + cacheReads,
      committedCost: reservedCommittedCost(reservedCost, term),
      utilization: paid > 0 ? used / paid : 0,
      overflowMinutes,
    };
  };

  const profiles: ReservedProfile[] = [];
  for (const term of RESERVED_TERMS) {
    const prices = reserved[scope]?.[RESERVED_TERM_KEYS[term]];
    if (!prices) continue;
    const best = {
      input: lowestSideLevel(sides.input, prices.inputPer1kTpmHour, inputPrice, hoursPerMonth, reserved.minimumTpm.input),
      output: lowestSideLevel(sides.output, prices.outputPer1kTpmHour, standard.output, hoursPerMonth, reserved.minimumTpm.output),
    };
    const peakSized = {
      input: Math.max(reserved.minimumTpm.input, Math.ceil(peak.input)),
      output: Math.max(reserved.minimumTpm.output, Math.ceil(peak.output)),
    };
    profiles.push({ term, scope, best: point(term, prices, best), peakSized: point(term, prices, peakSized) });
  }
  return profiles;
}

function maxOf(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > max) max = values[i] as number;
  return max;
}
