import { addDemand, type Demand, loadOf, monthlyLoad, unitsForDemand } from "../cost-model/capacity.js";
import { committedCost, reservedCost, termRate, unitsCost } from "../cost-model/pricing.js";
import type { Term } from "../cost-model/terms.js";
import type { Volume } from "../cost-model/volume.js";
import { type ModelRates, pricedTerms } from "../rates/rate-card.js";
import { sizingTpm, sumVolumes, type Workload } from "./workload.js";

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

/**
 * What a member asks of the shared units, in units: its sizing rate (its peak, or its average)
 * against one unit's input and output capacity. While the unit throughput is unknown, a unit each.
 */
export function memberDemand(model: ModelRates, member: Workload, hoursPerMonth: number): Demand {
  const throughput = model.provisioned?.unitThroughput;
  if (!throughput) return { input: 1, output: 1 };
  const rate = sizingTpm(member, hoursPerMonth);
  return { input: rate.input / throughput.inputTpm, output: rate.output / throughput.outputTpm };
}

/** The summed demand of members: peaks add up, which is the safe side. */
export function poolDemand(model: ModelRates, members: readonly Workload[], hoursPerMonth: number): Demand {
  return members.reduce((sum, member) => addDemand(sum, memberDemand(model, member, hoursPerMonth)), { input: 0, output: 0 });
}

/**
 * Each member's part of the pool's load, summing to 1: in proportion to its sizing load, or equal
 * parts when the unit throughput is unknown or nobody sends traffic.
 */
export function loadWeights(model: ModelRates, members: readonly Workload[], hoursPerMonth: number): number[] {
  const loads = members.map((member) => loadOf(memberDemand(model, member, hoursPerMonth)));
  const total = loads.reduce((sum, load) => sum + load, 0);
  return total > 0 ? loads.map((load) => load / total) : members.map(() => 1 / members.length);
}

/** Terms units may be bought on: no-commit PT on a custom model is limited to one unit. */
function allowedTerms(model: ModelRates, custom: boolean, units: number): Term[] {
  return pricedTerms(model).filter((term) => !(custom && term === "no-commit" && units > 1));
}

/** USD a month for the cheapest allowed way to buy `units`; Infinity when no term may be bought, 0 for none. */
export function cheapestReservedCost(model: ModelRates, custom: boolean, units: number, hoursPerMonth: number): number {
  if (units === 0) return 0;
  let cheapest = Number.POSITIVE_INFINITY;
  for (const term of allowedTerms(model, custom, units)) cheapest = Math.min(cheapest, unitsCost(model, term, units, hoursPerMonth));
  return cheapest;
}

/** Every way to buy the pool's units, cheapest first (ties: the shorter term). */
export function poolOptions(model: ModelRates, members: readonly Workload[], hoursPerMonth: number): PoolOption[] {
  if (members.length === 0) return [];
  const units = unitsForDemand(poolDemand(model, members, hoursPerMonth), members.length);
  const basis = model.provisioned?.unitThroughput ? "sizing" : "default";
  const volume = sumVolumes(members.map((member) => member.volume));
  const throughput = model.provisioned?.unitThroughput;
  const utilization = throughput ? monthlyLoad(volume, throughput, hoursPerMonth) / units : null;
  const custom = members.some((member) => member.custom);
  return allowedTerms(model, custom, units)
    .map((term) => {
      const hourlyRate = termRate(model, term);
      const reserved = reservedCost(units, hourlyRate, hoursPerMonth);
      return {
        term,
        units,
        unitsBasis: basis,
        hourlyRate,
        reservedCost: reserved,
        committedCost: committedCost(reserved, term),
        utilization,
        volume,
      } as PoolOption;
    })
    .sort((a, b) => a.reservedCost - b.reservedCost);
}

/** The cheapest way to buy the pool, or undefined when the model has no allowed PT price. */
export function cheapestPool(model: ModelRates, members: readonly Workload[], hoursPerMonth: number): PoolOption | undefined {
  return poolOptions(model, members, hoursPerMonth)[0];
}
