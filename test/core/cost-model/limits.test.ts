import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inexactFigure } from "../../../src/core/cost-model/exact-figures.js";
import { MAX_EXACT_USD, MAX_TOKENS, MAX_USD_PER_MTOK, tokenCountProblem } from "../../../src/core/cost-model/limits.js";
import { onDemandCost as modelOnDemandCost } from "../../../src/core/cost-model/pricing.js";
import type { Volume } from "../../../src/core/cost-model/volume.js";
import type { CacheRates, TokenRates } from "../../../src/core/rates/rate-card.js";
import { workedExampleModel } from "../../helpers/builders.js";

const onDemandCost = (rates: TokenRates, cache: CacheRates, volume: Volume) =>
  modelOnDemandCost(workedExampleModel({ onDemand: rates, promptCache: cache }), volume) as number;

import { makeVolume } from "../../../src/core/cost-model/volume.js";

/** |float − exact| in USD, where exact = numerator / 10^12 USD, computed without losing the float's error. */
function errorUsd(float: number, numerator: bigint): number {
  const whole = numerator / 10n ** 12n;
  const fraction = numerator % 10n ** 12n;
  // Both terms are below 2^53 and close together, so the subtraction itself is exact.
  return Math.abs(float - Number(whole) - Number(fraction) / 1e12);
}

describe("limits keep money exact to the cent", () => {
  // Rates as published: decimals with at most 6 places, in micro-dollars per 1M tokens.
  const rate = fc.integer({ min: 1, max: MAX_USD_PER_MTOK * 1e6 });
  const tokens = fc.integer({ min: 0, max: MAX_TOKENS });

  it("prices any volume up to the limits within a hundredth of a cent of the exact figure", () => {
    fc.assert(
      fc.property(tokens, tokens, tokens, tokens, rate, rate, rate, rate, (ti, to, tr, tw, ri, ro, rr, rw) => {
        const cost = onDemandCost(
          { inputPerMTok: ri / 1e6, outputPerMTok: ro / 1e6 },
          { readPerMTok: rr / 1e6, writePerMTok: rw / 1e6 },
          makeVolume({ inputTokens: ti, outputTokens: to, cacheReadTokens: tr, cacheWriteTokens: tw }),
        );
        // tokens / 10^6 × micro-dollars / 10^6 = tokens × micro-dollars / 10^12 USD
        const exact = BigInt(ti) * BigInt(ri) + BigInt(to) * BigInt(ro) + BigInt(tr) * BigInt(rr) + BigInt(tw) * BigInt(rw);
        expect(errorUsd(cost, exact)).toBeLessThan(0.0001);
      }),
      { seed: 20261121, numRuns: 2000 },
    );
  });

  it("holds at the corners: 10^14 tokens of each kind at $1,000 per 1M is $400 billion, exactly", () => {
    const cost = onDemandCost(
      { inputPerMTok: 1000, outputPerMTok: 1000 },
      { readPerMTok: 1000, writePerMTok: 1000 },
      makeVolume({ inputTokens: MAX_TOKENS, outputTokens: MAX_TOKENS, cacheReadTokens: MAX_TOKENS, cacheWriteTokens: MAX_TOKENS }),
    );
    expect(cost).toBe(400_000_000_000);
    expect(cost).toBeLessThan(MAX_EXACT_USD);
  });
});

describe("tokenCountProblem", () => {
  it.each([
    [0, null],
    [3_000_000_000, null],
    [MAX_TOKENS, null],
    [MAX_TOKENS + 1, "expected at most 100 trillion tokens (the most bedrock-cost counts)"],
    [1e308, "expected at most 100 trillion tokens (the most bedrock-cost counts)"],
    [1.5, "expected a whole number of tokens"],
    [-1, "expected a number of tokens"],
    [Number.NaN, "expected a number of tokens"],
    [Number.POSITIVE_INFINITY, "expected a number of tokens"],
    ["12", "expected a number of tokens"],
  ])("%s → %s", (value, problem) => {
    expect(tokenCountProblem(value)).toBe(problem);
  });
});

describe("inexactFigure", () => {
  it("passes sound results and names the first figure that is not", () => {
    expect(inexactFigure({ options: [{ monthlyCost: 19_800, units: 2, inputTokens: 3e9 }], totals: { saving: -12.5 } })).toBeNull();
    expect(inexactFigure({ options: [{ monthlyCost: 19_800 }, { monthlyCost: 2e12 }] })).toEqual({
      path: "options[1].monthlyCost",
      value: 2e12,
      kind: "money",
    });
    expect(inexactFigure({ totals: { onDemandCost: Number.NaN } })).toEqual({
      path: "totals.onDemandCost",
      value: Number.NaN,
      kind: "money",
    });
    expect(inexactFigure({ volume: { inputTokens: 2 ** 60 } })).toEqual({ path: "volume.inputTokens", value: 2 ** 60, kind: "tokens" });
    expect(inexactFigure({ buckets: { cost: new Float64Array([1, Number.POSITIVE_INFINITY]) } })).toEqual({
      path: "buckets.cost[1]",
      value: Number.POSITIVE_INFINITY,
      kind: "money",
    });
    expect(inexactFigure({ byWorkload: new Map([["a", { reservedCost: -3e12 }]]) })).toEqual({
      path: "byWorkload.a.reservedCost",
      value: -3e12,
      kind: "money",
    });
  });

  it("does not read number series that are not money or tokens, and survives cycles", () => {
    const cyclic: Record<string, unknown> = { minutes: new Float64Array([Number.NaN]), load: [Number.POSITIVE_INFINITY] };
    cyclic.self = cyclic;
    expect(inexactFigure(cyclic)).toBeNull();
  });
});
