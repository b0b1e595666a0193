import { monthlyLoad, peakLoad, unitsToCarry } from "../cost-model/capacity.js";
import type { UnitsBasis } from "../cost-model/provisioned-option.js";
import type { TokensPerMinute, Volume } from "../cost-model/volume.js";
import type { UnitThroughput } from "../rates/rate-card.js";

export interface UnitsRequest {
  /** Units the user asked for. */
  units?: number;
  /** Peak input-side and output tokens per minute. */
  peakTpm?: TokensPerMinute;
  volume: Volume;
  hoursPerMonth: number;
}

/**
 * The unit count to price: the user's own, else the fewest that carry the peak, else the fewest that
 * carry the volume spread evenly over the month, else one when the unit throughput is unknown.
 */
export function chooseUnits(request: UnitsRequest, throughput: UnitThroughput | undefined): { units: number; basis: UnitsBasis } {
  if (request.units !== undefined) return { units: request.units, basis: "flag" };
  if (!throughput) return { units: 1, basis: "default" };
  if (request.peakTpm) return { units: unitsToCarry(peakLoad(request.peakTpm, throughput)), basis: "peak" };
  return { units: unitsToCarry(monthlyLoad(request.volume, throughput, request.hoursPerMonth)), basis: "volume" };
}
