import { monthlyLoad, peakLoad, unitsToCarry } from "./capacity.js";
import { hourlyRateFor, pricedTerms, TERM_MONTHS, type ModelRates, type Term } from "./rates.js";
import { sizingLoad, sizingRate, sumRates, sumVolumes, type Workload } from "./workload.js";
import type { Volume } from "./volume.js";

/** Reserved units shared by workloads on one model, priced on one term. */
export interface PoolOption {
  term: Term;
  units: number;
  /** "sizing": units carry the sum of the members' peaks (or averages); "default": one unit per member, throughput unknown. */
  unitsBasis: "sizing" | "default";
  hourlyRate: number;
  reservedCost: number;
  committedCost: number;
  /** Mean monthly load on the units; null when the unit throughput is unknown. */
  utilization: number | null;
  volume: Volume;
}

/** Units that carry all members at once: the sum of their sizing rates (peaks add up, which is the safe side). */
export function poolUnits(model: ModelRates, members: readonly Workload[], hoursPerMonth: number): { units: number; basis: PoolOption["unitsBasis"] } {
  const throughput = model.provisioned?.unitThroughput;
  if (!throughput) return { units: Math.max(1, members.length), basis: "default" };
  const combined = sumRates(members.map((member) => sizingRate(member, hoursPerMonth)));
  return { units: unitsToCarry(peakLoad(combined, throughput)), basis: "sizing" };
}

/**
 * Each member's part of the pool's load, summing to 1: in proportion to its sizing load, or equal
 * parts when the unit throughput is unknown or nobody sends traffic.
 */
export function loadWeights(model: ModelRates, members: readonly Workload[], hoursPerMonth: number): number[] {
  const throughput = model.provisioned?.unitThroughput;
  const loads = throughput ? members.map((member) => sizingLoad(member, throughput, hoursPerMonth)) : members.map(() => 1);
  const total = loads.reduce((sum, load) => sum + load, 0);
  return total > 0 ? loads.map((load) => load / total) : members.map(() => 1 / members.length);
}

/** Terms a pool may be bought on: no-commit PT on a custom model is limited to one unit. */
function allowedTerms(model: ModelRates, members: readonly Workload[], units: number): Term[] {
  const custom = members.some((member) => member.custom);
  return pricedTerms(model).filter((term) => !(custom && term === "no-commit" && units > 1));
}

/** Every way to buy the pool's units, cheapest first (ties: the shorter term). */
export function poolOptions(model: ModelRates, members: readonly Workload[], hoursPerMonth: number): PoolOption[] {
  if (members.length === 0) return [];
  const { units, basis } = poolUnits(model, members, hoursPerMonth);
  const volume = sumVolumes(members.map((member) => member.volume));
  const throughput = model.provisioned?.unitThroughput;
  const utilization = throughput ? monthlyLoad(volume, throughput, hoursPerMonth) / units : null;
  return allowedTerms(model, members, units)
    .map((term) => {
      const hourlyRate = hourlyRateFor(model, term) as number;
      const reservedCost = units * hourlyRate * hoursPerMonth;
      return { term, units, unitsBasis: basis, hourlyRate, reservedCost, committedCost: reservedCost * TERM_MONTHS[term], utilization, volume };
    })
    .sort((a, b) => a.reservedCost - b.reservedCost);
}

/** The cheapest way to buy the pool, or undefined when the model has no allowed PT price. */
export function cheapestPool(model: ModelRates, members: readonly Workload[], hoursPerMonth: number): PoolOption | undefined {
  return poolOptions(model, members, hoursPerMonth)[0];
}
