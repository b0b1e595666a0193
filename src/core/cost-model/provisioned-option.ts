import type { UnitThroughput } from "../rates/rate-card.js";
import { type BreakEven, findBreakEven } from "./break-even.js";
import { monthlyLoad } from "./capacity.js";
import { committedCost, type OverflowTo, overflowCost, overflowShare, reservedCost as unitsReservedCost } from "./pricing.js";
import type { Term } from "./terms.js";
import { scaleVolume, type Volume } from "./volume.js";

/** How the unit count of a PT option was chosen. */
export type UnitsBasis = "flag" | "peak" | "volume" | "default";

export interface Overflow {
  /** The traffic above the units' capacity, at the volume's own mix. */
  volume: Volume;
  /** Its share of the whole volume, 0 to 1. */
  share: number;
  /** USD a month to serve it on-demand; null when the model has no on-demand price (it is throttled). */
  cost: number | null;
}

export interface ProvisionedOption {
  term: Term;
  units: number;
  unitsBasis: UnitsBasis;
  /** USD per unit per hour. */
  hourlyRate: number;
  /** USD a month for the units alone: units × hourly rate × hours. */
  reservedCost: number;
  /** USD a month: the units plus any overflow priced on-demand. */
  monthlyCost: number;
  /** USD the term commits to: the units' monthly cost times the term's months (0 for no-commit). */
  committedCost: number;
  /** Mean load on the units (may exceed 1); null when the unit throughput is unknown. */
  utilization: number | null;
  overflow: Overflow | null;
  breakEven: BreakEven;
}

export interface ProvisionedInput {
  term: Term;
  hourlyRate: number;
  units: number;
  unitsBasis: UnitsBasis;
  hoursPerMonth: number;
  volume: Volume;
  throughput: UnitThroughput | undefined;
  /** USD a month for the whole volume on-demand; null for a PT-only model. */
  onDemandCost: number | null;
  /** Where traffic above the units goes. */
  overflowTo: OverflowTo;
}

export function priceProvisioned(input: ProvisionedInput): ProvisionedOption {
  const { term, hourlyRate, units, hoursPerMonth, volume, throughput, onDemandCost } = input;
  const reservedCost = unitsReservedCost(units, hourlyRate, hoursPerMonth);
  const utilization = throughput ? monthlyLoad(volume, throughput, hoursPerMonth) / units : null;
  let overflow: Overflow | null = null;
  if (utilization !== null) {
    const share = overflowShare(utilization);
    overflow = {
      volume: scaleVolume(volume, share),
      share,
      cost: overflowCost(onDemandCost, share, input.overflowTo),
    };
  }
  return {
    term,
    units,
    unitsBasis: input.unitsBasis,
    hourlyRate,
    reservedCost,
    monthlyCost: reservedCost + (overflow?.cost ?? 0),
    committedCost: committedCost(reservedCost, term),
    utilization,
    overflow,
    breakEven: findBreakEven(reservedCost, onDemandCost, volume, utilization),
  };
}
