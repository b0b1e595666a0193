import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { valuesAtRanks } from "../../../src/core/traffic/percentiles.js";

describe("valuesAtRanks", () => {
  it("agrees with sorting on any input", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1e9, noNaN: true })), { minLength: 1, maxLength: 400 }),
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 5 }),
        (values, ranks) => {
          const sorted = [...values].sort((a, b) => a - b);
          const got = valuesAtRanks(Float64Array.from(values), ranks);
          for (const [i, rank] of ranks.entries()) expect(got[i]).toBe(sorted[Math.min(values.length, rank) - 1]);
        },
      ),
      { seed: 20261121, numRuns: 1000 },
    );
  });

  it("handles the sorted, reversed and constant inputs that defeat naive pivots", () => {
    const n = 100_000;
    const ascending = Float64Array.from({ length: n }, (_, i) => i);
    const descending = Float64Array.from({ length: n }, (_, i) => n - i);
    const constant = new Float64Array(n).fill(7);
    expect(valuesAtRanks(ascending, [50_000, 95_000, 99_000, n])).toEqual([49_999, 94_999, 98_999, n - 1]);
    expect(valuesAtRanks(descending, [1, 50_000])).toEqual([1, 50_000]);
    expect(valuesAtRanks(constant, [1, 50_000, n])).toEqual([7, 7, 7]);
  });
});
