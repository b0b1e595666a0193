import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Demand, unitsForDemand } from "../../../src/core/cost-model/capacity.js";
import {
  boundedJoiners,
  chooseJoiners,
  EXHAUSTIVE_LIMIT,
  exhaustiveJoiners,
  type JoinProblem,
  joinTotal,
} from "../../../src/core/plans/choose-joiners.js";

/** Units at `unitCost` a month each; past one unit, `unitCost × longer` (as no-commit PT on a custom model is one unit at most). */
function problem(
  required: Demand,
  requiredCount: number,
  candidates: { demand: Demand; onDemandCost: number }[],
  unitCost: number,
  longer = 1,
): JoinProblem {
  return {
    required,
    requiredCount,
    candidates,
    reservedCost: (demand, count) => {
      const units = unitsForDemand(demand, count);
      return units * unitCost * (units > 1 ? longer : 1);
    },
    cheapestUnitCost: unitCost,
  };
}

const load = (share: number, onDemandCost: number) => ({ demand: { input: share, output: share / 2 }, onDemandCost });

describe("chooseJoiners", () => {
  it("finds the pair that fills a unit where every prefix by load misses it", () => {
    // Loads 0.6, 0.5, 0.5 at $1,000 a unit and $700 / $600 / $600 on-demand. By load: 0.6 alone ($1,000
    // + $1,200 = $2,200), then 1.1 needs 2 units ($2,000 + $600). Best: the two halves in one unit ($1,000 + $700 = $1,700).
    const p = problem({ input: 0, output: 0 }, 0, [load(0.6, 700), load(0.5, 600), load(0.5, 600)], 1_000);
    expect(exhaustiveJoiners(p)).toEqual([1, 2]);
    expect(boundedJoiners(p)).toEqual([1, 2]);
    expect(joinTotal(p, [1, 2])).toBe(1_700);
  });

  it("stays exhaustive up to the limit and bounded above it, with the same answer on both sides", () => {
    // 0.0702 of a unit and $600 each, $3,650 a unit: 14 fit in one.
    const each = load(400e6 / 43_800 / 130_000, 600);
    for (const count of [EXHAUSTIVE_LIMIT, EXHAUSTIVE_LIMIT + 1]) {
      const p = problem(
        { input: 0, output: 0 },
        0,
        Array.from({ length: count }, () => each),
        3_650,
      );
      expect(chooseJoiners(p)).toHaveLength(count);
      expect(boundedJoiners(p)).toHaveLength(count);
      expect(joinTotal(p, chooseJoiners(p))).toBe(3_650);
    }
  });

  it("lets nobody join when the members who must be in cannot be bought", () => {
    const p = problem({ input: 1.5, output: 0 }, 1, [load(0.1, 500)], 1_000, Number.POSITIVE_INFINITY);
    expect(boundedJoiners(p)).toEqual([]);
    expect(exhaustiveJoiners(p)).toEqual([]);
  });

  it("matches exhaustive search on random small plans", () => {
    const share = fc.double({ min: 0, max: 1.3, noNaN: true });
    const candidate = fc.record({
      demand: fc.record({ input: share, output: share }),
      onDemandCost: fc.double({ min: 1, max: 20_000, noNaN: true }),
    });
    const arb = fc.record({
      required: fc.record({ input: fc.double({ min: 0, max: 2, noNaN: true }), output: fc.double({ min: 0, max: 2, noNaN: true }) }),
      requiredCount: fc.integer({ min: 0, max: 2 }),
      candidates: fc.array(candidate, { minLength: 1, maxLength: 10 }),
      unitCost: fc.double({ min: 100, max: 20_000, noNaN: true }),
      longer: fc.constantFrom(1, 1.5),
    });
    fc.assert(
      fc.property(arb, ({ required, requiredCount, candidates, unitCost, longer }) => {
        const p = problem(requiredCount === 0 ? { input: 0, output: 0 } : required, requiredCount, candidates, unitCost, longer);
        const exact = joinTotal(p, exhaustiveJoiners(p));
        const bounded = joinTotal(p, boundedJoiners(p));
        expect(Math.abs(bounded - exact)).toBeLessThanOrEqual(1e-6 * Math.max(1, exact));
      }),
      { seed: 20261124, numRuns: 400 },
    );
  });
});
