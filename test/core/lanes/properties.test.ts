import fc from "fast-check";
import { describe, it } from "vitest";
import { onDemandCost as modelOnDemandCost } from "../../../src/core/cost-model/pricing.js";
import { priceProvisioned } from "../../../src/core/cost-model/provisioned-option.js";
import { makeVolume, scaleVolume, type Volume } from "../../../src/core/cost-model/volume.js";
import { compareLanes } from "../../../src/core/lanes/compare-lanes.js";
import type { ModelRates } from "../../../src/core/rates/rate-card.js";

const SEED = 20261121;
const RUNS = 500;

const price = fc.double({ min: 0.01, max: 100, noNaN: true });
const tokens = fc.integer({ min: 1, max: 1e12 });
const volumeArb = fc.record({ inputTokens: tokens, outputTokens: tokens }).map((v) => makeVolume(v));
const throughputArb = fc.record({
  inputTpm: fc.integer({ min: 1_000, max: 10_000_000 }),
  outputTpm: fc.integer({ min: 100, max: 2_000_000 }),
});
const hoursArb = fc.oneof(fc.constant(730), fc.constant(744), fc.integer({ min: 1, max: 744 }));
const modelArb = fc
  .record({ pIn: price, pOut: price, hourly: fc.double({ min: 0.5, max: 500, noNaN: true }), throughput: throughputArb })
  .map(
    ({ pIn, pOut, hourly, throughput }): ModelRates => ({
      id: "prop.model",
      name: "Property model",
      provider: "Test",
      aliases: [],
      onDemand: { inputPerMTok: pIn, outputPerMTok: pOut },
      provisioned: { hourlyPerUnit: { oneMonth: hourly }, unitThroughput: throughput },
      files: [],
    }),
  );

function relClose(actual: number, expected: number, tolerance = 1e-9): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

function option(model: ModelRates, volume: Volume, units: number, hours: number) {
  const od = modelOnDemandCost(model, volume) as number;
  return priceProvisioned({
    overflowTo: "on-demand",
    term: "1-month",
    hourlyRate: model.provisioned!.hourlyPerUnit.oneMonth!,
    units,
    unitsBasis: "flag",
    hoursPerMonth: hours,
    volume,
    throughput: model.provisioned!.unitThroughput,
    onDemandCost: od,
  });
}

const params = { seed: SEED, numRuns: RUNS };

describe("invariants", () => {
  it("on-demand is linear in volume", () => {
    fc.assert(
      fc.property(modelArb, volumeArb, volumeArb, fc.double({ min: 0, max: 1000, noNaN: true }), (model, a, b, k) => {
        const od = (v: Volume) => modelOnDemandCost(model, v) as number;
        const sum = makeVolume({ inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens });
        return relClose(od(scaleVolume(a, k)), k * od(a)) && relClose(od(sum), od(a) + od(b));
      }),
      params,
    );
  });

  it("both lanes cost the same at the break-even volume", () => {
    fc.assert(
      fc.property(modelArb, volumeArb, fc.integer({ min: 1, max: 20 }), hoursArb, (model, volume, units, hours) => {
        const be = option(model, volume, units, hours).breakEven;
        if (be.kind !== "found") return true;
        const atBreakEven = option(model, be.volume, units, hours);
        const od = modelOnDemandCost(model, be.volume) as number;
        return relClose(od, atBreakEven.reservedCost) && relClose(atBreakEven.monthlyCost, od);
      }),
      params,
    );
  });

  it("the cheaper lane flips across the break-even", () => {
    fc.assert(
      fc.property(modelArb, volumeArb, fc.integer({ min: 1, max: 20 }), hoursArb, (model, volume, units, hours) => {
        const be = option(model, volume, units, hours).breakEven;
        // Leave a margin on both sides so that the comparison is not decided by rounding.
        fc.pre(be.kind === "found" && be.utilization !== null && be.utilization < 0.99);
        if (be.kind !== "found") return true;
        const lane = (scale: number) =>
          compareLanes({ model, volume: scaleVolume(be.volume, scale), hoursPerMonth: hours, units, latency: "interactive", minSaving: 0 })
            .recommendation.lane;
        return lane(0.99) === "on-demand" && lane(1.01) === "provisioned";
      }),
      params,
    );
  });

  it("PT never costs less than on-demand when there is no break-even", () => {
    fc.assert(
      fc.property(
        modelArb,
        volumeArb,
        fc.integer({ min: 1, max: 20 }),
        hoursArb,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (model, volume, units, hours, k) => {
          fc.pre(option(model, volume, units, hours).breakEven.kind === "never");
          const scaled = scaleVolume(volume, k);
          const pt = option(model, scaled, units, hours).monthlyCost;
          const od = modelOnDemandCost(model, scaled) as number;
          return pt >= od * (1 - 1e-9);
        },
      ),
      params,
    );
  });

  it("utilization scales with volume and inversely with units", () => {
    fc.assert(
      fc.property(
        modelArb,
        volumeArb,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 10 }),
        hoursArb,
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (model, volume, units, k, hours, s) => {
          const base = option(model, volume, units, hours).utilization!;
          const scaled = option(model, scaleVolume(volume, s), units, hours).utilization!;
          const more = option(model, volume, units * k, hours).utilization!;
          return relClose(scaled, s * base) && relClose(more, base / k);
        },
      ),
      params,
    );
  });

  it("overflow plus carried traffic is the whole volume, and the carried part fits the units", () => {
    fc.assert(
      fc.property(modelArb, volumeArb, fc.integer({ min: 1, max: 20 }), hoursArb, (model, volume, units, hours) => {
        const pt = option(model, volume, units, hours);
        const carriedShare = 1 - pt.overflow!.share;
        return (
          pt.utilization! * carriedShare <= 1 + 1e-9 && relClose(pt.overflow!.volume.inputTokens, volume.inputTokens * pt.overflow!.share)
        );
      }),
      params,
    );
  });
});
