import type { UnitThroughput } from "../rates/rate-card.js";
import { inputSideTokens, type TokensPerMinute, type Volume } from "./volume.js";

const MINUTES_PER_HOUR = 60;
// Unit counts come from divisions whose exact result may be a whole number; allow for the last bit
// of floating-point error so that a volume of exactly two units' capacity needs two units, not three.
const CEIL_TOLERANCE = 1e-9;

/** Tokens one unit carries in a month, input and output. */
export function unitMonthlyCapacity(throughput: UnitThroughput, hoursPerMonth: number): { input: number; output: number } {
  return {
    input: throughput.inputTpm * MINUTES_PER_HOUR * hoursPerMonth,
    output: throughput.outputTpm * MINUTES_PER_HOUR * hoursPerMonth,
  };
}

/**
 * The load a month's volume puts on the units, in units: the larger of the input and output ratios
 * (AWS defines a unit by both figures). With `u` units the utilization is `load / u`.
 */
export function monthlyLoad(volume: Volume, throughput: UnitThroughput, hoursPerMonth: number): number {
  const capacity = unitMonthlyCapacity(throughput, hoursPerMonth);
  return Math.max(inputSideTokens(volume) / capacity.input, volume.outputTokens / capacity.output);
}

/** The load of a peak minute, in units. */
export function peakLoad(peak: TokensPerMinute, throughput: UnitThroughput): number {
  return Math.max(peak.input / throughput.inputTpm, peak.output / throughput.outputTpm);
}

/** The fewest whole units that carry a load, and never fewer than one. */
export function unitsToCarry(load: number): number {
  return Math.max(1, Math.ceil(load - CEIL_TOLERANCE));
}

/** A sizing rate in model units: the input side and the output side, each against one unit's capacity. */
export interface Demand {
  input: number;
  output: number;
}

export function addDemand(a: Demand, b: Demand): Demand {
  return { input: a.input + b.input, output: a.output + b.output };
}

/** The load of a demand in units: the larger side. */
export function loadOf(demand: Demand): number {
  return Math.max(demand.input, demand.output);
}

/** Units that carry a demand shared by `count` members: none for no members, else at least one. */
export function unitsForDemand(demand: Demand, count: number): number {
  return count === 0 ? 0 : unitsToCarry(loadOf(demand));
}
