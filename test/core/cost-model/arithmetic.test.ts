import { describe, expect, it } from "vitest";
import { findBreakEven } from "../../../src/core/cost-model/break-even.js";
import { monthlyLoad, peakLoad, unitMonthlyCapacity, unitsToCarry } from "../../../src/core/cost-model/capacity.js";
import { batchCost, missingPrices, onDemandCost as modelOnDemandCost, overflowShare } from "../../../src/core/cost-model/pricing.js";
import { priceProvisioned } from "../../../src/core/cost-model/provisioned-option.js";
import type { Volume } from "../../../src/core/cost-model/volume.js";
import { makeVolume } from "../../../src/core/cost-model/volume.js";
import type { CacheRates, TokenRates } from "../../../src/core/rates/rate-card.js";
import { workedExampleModel } from "../../helpers/builders.js";

// Every expected figure below is worked by hand in the comment beside it (docs/cost-model.md §2 to §6 and §12).
const sonnet = { inputPerMTok: 3, outputPerMTok: 15 };
const onDemandCost = (rates: TokenRates, cache: CacheRates | undefined, volume: Volume) =>
  modelOnDemandCost(workedExampleModel({ onDemand: rates, promptCache: cache }), volume);
const throughput = { inputTpm: 70_000, outputTpm: 14_000 };
const halfBusy = makeVolume({ inputTokens: 3e9, outputTokens: 0.6e9 });
const heavy = makeVolume({ inputTokens: 8e9, outputTokens: 1.6e9 });

describe("on-demand and batch", () => {
  it("prices 3.0B in + 0.6B out at $3/$15 as $18,000", () => {
    // 3,000 × 3 + 600 × 15 = 9,000 + 9,000
    expect(onDemandCost(sonnet, undefined, halfBusy)).toBeCloseTo(18_000, 9);
  });

  it("prices 8.0B in + 1.6B out at $3/$15 as $48,000", () => {
    // 8,000 × 3 + 1,600 × 15 = 24,000 + 24,000
    expect(onDemandCost(sonnet, undefined, heavy)).toBeCloseTo(48_000, 9);
  });

  it("prices cache reads and writes at the cache rates instead of the input rate", () => {
    // 1,000 × 3 + 100 × 15 + 2,000 × 0.30 + 400 × 3.75 = 3,000 + 1,500 + 600 + 1,500
    const volume = makeVolume({ inputTokens: 1e9, outputTokens: 1e8, cacheReadTokens: 2e9, cacheWriteTokens: 4e8 });
    expect(onDemandCost(sonnet, { readPerMTok: 0.3, writePerMTok: 3.75 }, volume)).toBeCloseTo(6_600, 9);
  });

  it("names the cache rate a volume needs but the model lacks", () => {
    const model = workedExampleModel({ promptCache: { readPerMTok: 0.3 } });
    const volume = makeVolume({ inputTokens: 1, cacheReadTokens: 5, cacheWriteTokens: 5 });
    expect(missingPrices(model, volume)).toEqual(["promptCache.writePerMTok"]);
    expect(missingPrices(model, makeVolume({ inputTokens: 1, cacheReadTokens: 5 }))).toEqual([]);
  });

  it("prices Batch per token, cache tokens as batch input", () => {
    // (3,000 + 1,000) × 1.50 + 600 × 7.50 = 6,000 + 4,500
    const volume = makeVolume({ inputTokens: 3e9, outputTokens: 0.6e9, cacheReadTokens: 1e9 });
    expect(batchCost(workedExampleModel({ batch: { inputPerMTok: 1.5, outputPerMTok: 7.5 } }), volume)).toBeCloseTo(10_500, 9);
  });
});

describe("capacity and load", () => {
  it("gives one 70k/14k unit 3.066B input and 613.2M output tokens in 730 hours", () => {
    // 70,000 × 60 × 730 and 14,000 × 60 × 730
    expect(unitMonthlyCapacity(throughput, 730)).toEqual({ input: 3_066_000_000, output: 613_200_000 });
  });

  it("runs 2 units at 48.9% for 3.0B / 0.6B", () => {
    // 3.0B / 6.132B = 0.48924
    expect(monthlyLoad(halfBusy, throughput, 730) / 2).toBeCloseTo(0.489237, 6);
  });

  it("takes the larger of the input and output ratios", () => {
    // input 3.066B / 3.066B = 1; output 1.2264B / 0.6132B = 2
    const outputHeavy = makeVolume({ inputTokens: 3_066_000_000, outputTokens: 1_226_400_000 });
    expect(monthlyLoad(outputHeavy, throughput, 730)).toBeCloseTo(2, 12);
  });

  it("counts cache reads and writes as input-side load", () => {
    // (1B + 1B + 1.066B) / 3.066B = 1
    const volume = makeVolume({ inputTokens: 1e9, cacheReadTokens: 1e9, cacheWriteTokens: 1.066e9 });
    expect(monthlyLoad(volume, throughput, 730)).toBeCloseTo(1, 12);
  });

  it("sizes units from a peak minute: ceil(max(150k/70k, 20k/14k)) = 3", () => {
    expect(unitsToCarry(peakLoad({ input: 150_000, output: 20_000 }, throughput))).toBe(3);
  });

  it("needs exactly 2 units for exactly two units' capacity, and at least 1 for no traffic", () => {
    expect(unitsToCarry(6_132_000_000 / 3_066_000_000)).toBe(2);
    expect(unitsToCarry(2.0001)).toBe(3);
    expect(unitsToCarry(0)).toBe(1);
  });

  it("overflows the share 1 − 1/util", () => {
    // 8.0B on 6.132B: 1 − 6.132 / 8 = 0.2335
    expect(overflowShare(8 / 6.132)).toBeCloseTo(0.2335, 12);
    expect(overflowShare(0.99)).toBe(0);
  });
});

describe("break-even", () => {
  it("crosses at 36,500 / 30 = 1,216.67 blocks of 5M in + 1M out, at 99.2% utilization", () => {
    const result = findBreakEven(36_500, 18_000, halfBusy, 3e9 / 6.132e9);
    expect(result.kind).toBe("found");
    if (result.kind !== "found") return;
    expect(result.volume.inputTokens).toBeCloseTo(6_083_333_333.33, 1);
    expect(result.volume.outputTokens).toBeCloseTo(1_216_666_666.67, 1);
    // (36,500 / 18,000) × (3.0 / 6.132) = 109,500 / 110,376 = 0.9920635
    expect(result.utilization).toBeCloseTo(109_500 / 110_376, 12);
    expect(result.utilization).toBeCloseTo(0.992, 3);
  });

  it("still gives the volume when the utilization is unknown", () => {
    const result = findBreakEven(36_500, 18_000, halfBusy, null);
    expect(result).toMatchObject({ kind: "found", utilization: null });
  });

  it("says never when the units are full before on-demand catches up", () => {
    // 1 unit at $25 × 730 = $18,250 against a unit's capacity worth 3,066 × 3 + 613.2 × 15 = $18,396 on-demand
    // → crosses at 99.2%; at $30 an hour ($21,900) the crossing would need 119% of the unit.
    expect(findBreakEven(21_900, 18_000, halfBusy, 3e9 / 3.066e9)).toMatchObject({ kind: "never" });
    expect(findBreakEven(18_250, 18_000, halfBusy, 3e9 / 3.066e9).kind).toBe("found");
  });

  it("has no break-even without traffic or without an on-demand price", () => {
    expect(findBreakEven(100, 0, makeVolume({}), 0)).toEqual({ kind: "none", why: "no-traffic" });
    expect(findBreakEven(100, null, halfBusy, 0.5)).toEqual({ kind: "none", why: "no-on-demand" });
  });
});

describe("a provisioned option", () => {
  const base = { term: "6-month" as const, hourlyRate: 25, unitsBasis: "flag" as const, hoursPerMonth: 730, throughput };

  it("costs 2 × 25 × 730 = $36,500 a month and commits 6 × that", () => {
    const option = priceProvisioned({
      overflowTo: "on-demand",
      ...base,
      units: 2,
      volume: halfBusy,
      onDemandCost: 18_000,
    });
    expect(option.reservedCost).toBeCloseTo(36_500, 9);
    expect(option.monthlyCost).toBeCloseTo(36_500, 9);
    expect(option.committedCost).toBeCloseTo(219_000, 9);
    expect(option.utilization).toBeCloseTo(0.489237, 6);
    expect(option.overflow?.cost).toBe(0);
  });

  it("prices the heavy row at 130%: $11,208 overflow, $47,708 in all", () => {
    const option = priceProvisioned({
      overflowTo: "on-demand",
      ...base,
      units: 2,
      volume: heavy,
      onDemandCost: 48_000,
    });
    expect(option.utilization).toBeCloseTo(1.304631, 6);
    expect(option.overflow?.share).toBeCloseTo(0.2335, 12);
    expect(option.overflow?.cost).toBeCloseTo(11_208, 6);
    // 8.0B × 0.2335 and 1.6B × 0.2335
    expect(option.overflow?.volume.inputTokens).toBeCloseTo(1_868_000_000, 0);
    expect(option.overflow?.volume.outputTokens).toBeCloseTo(373_600_000, 0);
    expect(option.monthlyCost).toBeCloseTo(47_708, 6);
  });

  it("prices 3 units for the heavy row at 3 × 25 × 730 = $54,750 with no overflow", () => {
    const option = priceProvisioned({
      overflowTo: "on-demand",
      ...base,
      units: 3,
      volume: heavy,
      onDemandCost: 48_000,
    });
    expect(option.monthlyCost).toBeCloseTo(54_750, 9);
    expect(option.overflow?.cost).toBe(0);
  });

  it("reproduces AWS's 744-hour examples", () => {
    // Titan Text Express: 2 × 18.40 × 744; Claude Instant: 1 × 39.60 × 744
    const common = { unitsBasis: "flag" as const, hoursPerMonth: 744, volume: halfBusy, throughput: undefined, onDemandCost: 1 };
    expect(
      priceProvisioned({
        overflowTo: "on-demand",
        ...common,
        term: "1-month",
        hourlyRate: 18.4,
        units: 2,
      }).monthlyCost,
    ).toBeCloseTo(27_379.2, 9);
    expect(
      priceProvisioned({
        overflowTo: "on-demand",
        ...common,
        term: "1-month",
        hourlyRate: 39.6,
        units: 1,
      }).monthlyCost,
    ).toBeCloseTo(29_462.4, 9);
  });

  it("commits nothing on no-commit and leaves utilization and overflow unknown without throughput", () => {
    const option = priceProvisioned({
      overflowTo: "on-demand",
      ...base,
      term: "no-commit",
      throughput: undefined,
      units: 1,
      volume: halfBusy,
      onDemandCost: 18_000,
    });
    expect(option.committedCost).toBe(0);
    expect(option.utilization).toBeNull();
    expect(option.overflow).toBeNull();
    expect(option.breakEven).toMatchObject({ kind: "found", utilization: null });
  });

  it("throttles rather than prices overflow for a PT-only model", () => {
    const option = priceProvisioned({
      overflowTo: "on-demand",
      ...base,
      units: 2,
      volume: heavy,
      onDemandCost: null,
    });
    expect(option.overflow?.cost).toBeNull();
    expect(option.monthlyCost).toBeCloseTo(36_500, 9);
  });
});
