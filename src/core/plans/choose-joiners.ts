/**
 * Which workloads that could stay on-demand should join the units reserved for a model.
 *
 * Every member adds its demand to the shared units; the units are bought whole, so the cost of a
 * set of joiners is a step function of their summed demand, and the question is a knapsack: which
 * joiners fill the units best, against what each would cost on-demand. Up to EXHAUSTIVE_LIMIT
 * candidates every subset is tried. Above it a branch-and-bound search finds the optimum, starting
 * from the best prefix of the candidates ordered by load and by saving per unit of load, and pruning
 * with a fractional bound; it stops after NODE_BUDGET steps with the best set found so far.
 */
import { addDemand, type Demand, loadOf, unitsForDemand } from "../cost-model/capacity.js";

interface JoinCandidate {
  demand: Demand;
  /** USD a month for this workload on-demand: what joining saves. */
  onDemandCost: number;
}

export interface JoinProblem {
  /** The summed demand of the members that are in whatever it costs (custom models, no-throttling SLAs). */
  required: Demand;
  requiredCount: number;
  candidates: readonly JoinCandidate[];
  /**
   * USD a month for the units that carry `demand` for `count` members: 0 for no members, Infinity
   * where no term may be bought. Never less for more demand or more members.
   */
  reservedCost(demand: Demand, count: number): number;
  /** The least one unit costs a month on any term: a floor on what extra demand costs. */
  cheapestUnitCost: number;
}

export const EXHAUSTIVE_LIMIT = 12;
const NODE_BUDGET = 100_000;
/**
 * Each step of the search costs a pass over the candidates (its floor), so the steps allowed shrink
 * as they grow: about this many candidate visits in all, a fraction of a second.
 */
const WORK_BUDGET = 5_000_000;
/**
 * Past this many candidates the search is not run (its depth is the number of candidates, and the
 * steps it may take would not reach a first complete set): the best prefix is the answer.
 */
const SEARCH_LIMIT = 2_000;

/** True when `a` is lower than `b` by more than floating-point noise. */
function lowerCost(a: number, b: number): boolean {
  return a < b - 1e-9 * Math.max(1, Math.abs(b));
}

/** USD a month with these candidates joined: the shared units plus everyone else on-demand. */
export function joinTotal(problem: JoinProblem, chosen: readonly number[]): number {
  const set = new Set(chosen);
  let demand = problem.required;
  let skipped = 0;
  problem.candidates.forEach((candidate, i) => {
    if (set.has(i)) demand = addDemand(demand, candidate.demand);
    else skipped += candidate.onDemandCost;
  });
  return problem.reservedCost(demand, problem.requiredCount + set.size) + skipped;
}

/** Every subset; the lowest total wins, and on a tie the fewest joiners. */
export function exhaustiveJoiners(problem: JoinProblem): number[] {
  const n = problem.candidates.length;
  let best: number[] = [];
  let bestTotal = joinTotal(problem, best);
  for (let mask = 1; mask < 1 << n; mask++) {
    const chosen: number[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) chosen.push(i);
    const total = joinTotal(problem, chosen);
    if (lowerCost(total, bestTotal) || (!lowerCost(bestTotal, total) && chosen.length < best.length)) {
      best = chosen;
      bestTotal = total;
    }
  }
  return best;
}

/** On-demand dollars saved per unit of demand on one side (or both); a candidate with no demand is free. */
function density(candidate: JoinCandidate, side: keyof Demand | "load"): number {
  const demand = side === "load" ? loadOf(candidate.demand) : candidate.demand[side];
  return demand > 0 ? candidate.onDemandCost / demand : Number.POSITIVE_INFINITY;
}

function byDescending(candidates: readonly JoinCandidate[], key: (candidate: JoinCandidate) => number): number[] {
  return candidates.map((_, i) => i).sort((a, b) => key(candidates[b] as JoinCandidate) - key(candidates[a] as JoinCandidate) || a - b);
}

/** The best prefix of each ordering: it captures what it takes to pay for the first unit. */
function bestPrefix(problem: JoinProblem, orders: readonly number[][]): { chosen: number[]; total: number } {
  let best = { chosen: [] as number[], total: joinTotal(problem, []) };
  const all = problem.candidates.reduce((sum, candidate) => sum + candidate.onDemandCost, 0);
  for (const order of orders) {
    let demand = problem.required;
    let saved = 0;
    for (let k = 0; k < order.length; k++) {
      const candidate = problem.candidates[order[k] as number] as JoinCandidate;
      demand = addDemand(demand, candidate.demand);
      saved += candidate.onDemandCost;
      const total = problem.reservedCost(demand, problem.requiredCount + k + 1) + (all - saved);
      if (lowerCost(total, best.total)) best = { chosen: order.slice(0, k + 1), total };
    }
  }
  return best;
}

/**
 * A floor on what the undecided candidates add, on one side: they fill the spare room of the units
 * already bought for nothing, the best savers first; beyond it each costs the lesser of its
 * on-demand price and the cheapest capacity for its demand. A valid floor because the units needed
 * are at least the demand on either side alone.
 */
function sideFloor(problem: JoinProblem, side: keyof Demand, order: readonly number[], undecided: Uint8Array, spare: number): number {
  let room = Math.max(0, spare);
  let floor = 0;
  for (const i of order) {
    if (!undecided[i]) continue;
    const candidate = problem.candidates[i] as JoinCandidate;
    const demand = candidate.demand[side];
    const free = demand > 0 ? Math.min(1, room / demand) : 1;
    room -= free * demand;
    const rest = 1 - free;
    if (rest > 0) floor += Math.min(rest * candidate.onDemandCost, rest * demand * problem.cheapestUnitCost);
  }
  return floor;
}

/** Branch and bound over the candidates, from the best prefix; exact unless NODE_BUDGET runs out. */
export function boundedJoiners(problem: JoinProblem, budget = NODE_BUDGET): number[] {
  const { candidates } = problem;
  const n = candidates.length;
  const byLoad = byDescending(candidates, (c) => loadOf(c.demand));
  const byDensity = byDescending(candidates, (c) => density(c, "load"));
  const sides = {
    input: byDescending(candidates, (c) => density(c, "input")),
    output: byDescending(candidates, (c) => density(c, "output")),
  };
  // Without a term that can be bought for the members who must be in, nobody joins.
  if (!Number.isFinite(problem.reservedCost(problem.required, Math.max(1, problem.requiredCount)))) return [];
  const seed = bestPrefix(problem, [byLoad, byDensity]);
  let best = seed.chosen;
  let bestTotal = seed.total;
  const steps = n > SEARCH_LIMIT ? 0 : Math.min(budget, Math.max(1_000, Math.floor(WORK_BUDGET / Math.max(1, n))));

  const undecided = new Uint8Array(n).fill(1);
  const chosen: number[] = [];
  let nodes = 0;
  const visit = (k: number, demand: Demand, count: number, skipped: number): void => {
    if (++nodes > steps) return;
    const reserved = problem.reservedCost(demand, count);
    if (k === n) {
      const total = reserved + skipped;
      if (lowerCost(total, bestTotal)) {
        best = [...chosen];
        bestTotal = total;
      }
      return;
    }
    const units = unitsForDemand(demand, count);
    const floor = Math.max(
      sideFloor(problem, "input", sides.input, undecided, units - demand.input),
      sideFloor(problem, "output", sides.output, undecided, units - demand.output),
    );
    if (!lowerCost(reserved + skipped + floor, bestTotal)) return;
    const i = byDensity[k] as number;
    const candidate = candidates[i] as JoinCandidate;
    undecided[i] = 0;
    chosen.push(i);
    visit(k + 1, addDemand(demand, candidate.demand), count + 1, skipped);
    chosen.pop();
    visit(k + 1, demand, count, skipped + candidate.onDemandCost);
    undecided[i] = 1;
  };
  if (steps > 0) visit(0, problem.required, problem.requiredCount, 0);
  return fewestOnTie(problem, best, bestTotal);
}

/**
 * On a tie, fewer joiners: drops any whose leaving costs nothing. Leaving is first judged from sums
 * kept as candidates go (a pass over thousands of them for each would be quadratic); only a leave
 * that those sums show may cost nothing is checked exactly, from scratch.
 */
function fewestOnTie(problem: JoinProblem, best: readonly number[], total: number): number[] {
  let result = [...best].sort((a, b) => a - b);
  const kept = new Uint8Array(problem.candidates.length);
  for (const i of result) kept[i] = 1;
  let bestTotal = total;
  let demand = problem.required;
  let skipped = 0;
  problem.candidates.forEach((candidate, i) => {
    if (kept[i]) demand = addDemand(demand, candidate.demand);
    else skipped += candidate.onDemandCost;
  });
  let count = problem.requiredCount + result.length;
  for (const i of [...result].reverse()) {
    const candidate = problem.candidates[i] as JoinCandidate;
    const less = { input: demand.input - candidate.demand.input, output: demand.output - candidate.demand.output };
    const estimate = problem.reservedCost(less, count - 1) + skipped + candidate.onDemandCost;
    // Sums kept this way drift by far less than a millionth: anything further above is a real rise.
    if (estimate > bestTotal * (1 + 1e-6) + 1e-6) continue;
    const without = result.filter((j) => j !== i);
    const exact = joinTotal(problem, without);
    if (!lowerCost(bestTotal, exact)) {
      result = without;
      bestTotal = Math.min(bestTotal, exact);
      kept[i] = 0;
      demand = less;
      skipped += candidate.onDemandCost;
      count--;
    }
  }
  return result;
}

/** The candidates (by index, ascending) whose joining makes the model's total lowest. */
export function chooseJoiners(problem: JoinProblem): number[] {
  return problem.candidates.length <= EXHAUSTIVE_LIMIT ? exhaustiveJoiners(problem) : boundedJoiners(problem);
}
