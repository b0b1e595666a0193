import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ModelRates } from "../../../src/core/rates/rate-card.js";
import type { MinuteTraffic } from "../../../src/core/traffic/minute-traffic.js";
import { profileTraffic } from "../../../src/core/traffic/profile-traffic.js";
import { workedExampleModel } from "../../helpers/builders.js";

function traffic(input: number[], output: number[]): MinuteTraffic {
  const zeros = new Float64Array(input.length);
  return {
    start: 1_790_812_800,
    minutes: input.length,
    periodSeconds: 60,
    gapMinutes: 0,
    inputTokens: Float64Array.from(input),
    outputTokens: Float64Array.from(output),
    cacheReadTokens: zeros,
    cacheWriteTokens: zeros,
  };
}

const model = (hourly: number): ModelRates =>
  workedExampleModel({
    batch: { inputPerMTok: 1.5, outputPerMTok: 7.5 },
    provisioned: { hourlyPerUnit: { sixMonth: hourly }, unitThroughput: { inputTpm: 70_000, outputTpm: 14_000 } },
  });

// Four minutes at loads 0, 1, 2 and 3 units (70k / 14k tokens a minute per unit):
//   on-demand per minute: 0, 0.42, 0.63, 1.05 dollars (e.g. 210k × $3/M + 28k × $15/M = 0.63 + 0.42)
//   a 730-hour month is 43,800 minutes: every window figure × 10,950.
const four = traffic([0, 70_000, 140_000, 210_000], [0, 14_000, 14_000, 28_000]);

describe("profileTraffic", () => {
  it("prices every unit count minute by minute: the worked four-minute profile", () => {
    const profile = profileTraffic(four, model(25), { hoursPerMonth: 730, latency: "async" });
    expect(profile.window).toMatchObject({ minutes: 4, periodSeconds: 60, gapMinutes: 0 });
    expect(profile.onDemand?.monthlyCost).toBeCloseTo(22_995, 6); // 2.10 × 10,950
    expect(profile.batch?.monthlyCost).toBeCloseTo(11_497.5, 6);
    expect(profile.monthly.inputTokens).toBeCloseTo(420_000 * 10_950, 0);
    expect(profile.peakUnits).toBe(3);
    const [curve] = profile.provisioned;
    expect(curve?.term).toBe("6-month");
    const points = curve!.curve.map((p) => [p.units, p.reservedCost, p.overflowCost, p.monthlyCost, p.utilization, p.overflowMinutes]);
    const expected = [
      [0, 0, 22_995, 22_995, null, 3],
      // 1 unit: minute 2 overflows 1 − 1/2 of $0.63, minute 3 1 − 1/3 of $1.05: $1.015 → $11,114.25; 18,250 reserved;
      // utilization (0 + 1 + 1 + 1) / 4
      [1, 18_250, 11_114.25, 29_364.25, 0.75, 2],
      // 2 units: minute 3 overflows 1/3 of $1.05 = $0.35 → $3,832.50; utilization (0 + 1 + 2 + 2) / 8
      [2, 36_500, 3_832.5, 40_332.5, 0.625, 1],
      [3, 54_750, 0, 54_750, 0.5, 0],
    ];
    points.forEach((point, i) => {
      point.forEach((value, j) => {
        const want = expected[i]![j];
        if (want === null) expect(value).toBeNull();
        else expect(value as number).toBeCloseTo(want as number, 6);
      });
    });
    expect(curve!.best.units).toBe(0);
    expect(curve!.peakSized.units).toBe(3);
  });

  it("finds a blended optimum between none and the peak", () => {
    // at $6 an hour (4,380 a unit-month): 1 unit 15,494.25, 2 units 8,760 + 3,832.50 = 12,592.50, 3 units 13,140
    const curve = profileTraffic(four, model(6), { hoursPerMonth: 730, latency: "interactive" }).provisioned[0]!;
    expect(curve.best.units).toBe(2);
    expect(curve.best.monthlyCost).toBeCloseTo(12_592.5, 6);
    expect(curve.peakSized.monthlyCost).toBeCloseTo(13_140, 6);
  });

  it("reports the tokens-per-minute statistics, activity and hour of day", () => {
    const profile = profileTraffic(four, model(25), { hoursPerMonth: 730, latency: "interactive" });
    // nearest rank over 0, 70k, 140k, 210k: p50 is rank 2, p95 and p99 rank 4
    expect(profile.tpm.input).toEqual({ avg: 105_000, p50: 70_000, p95: 210_000, p99: 210_000, peak: 210_000 });
    expect(profile.tpm.output).toEqual({ avg: 14_000, p50: 14_000, p95: 28_000, p99: 28_000, peak: 28_000 });
    expect(profile.activeShare).toBe(0.75);
    expect(profile.batch).toBeNull();
    expect(profile.hourOfDay.input[0]).toBe(105_000);
    expect(profile.hourOfDay.input[1]).toBe(0);
  });

  it("says why there is no curve: no PT price, or no unit throughput", () => {
    expect(
      profileTraffic(four, workedExampleModel({ provisioned: undefined }), { hoursPerMonth: 730, latency: "interactive" }),
    ).toMatchObject({
      provisioned: [],
      provisionedMissing: "no-pt-price",
      peakUnits: null,
    });
    expect(
      profileTraffic(four, workedExampleModel({ provisioned: { hourlyPerUnit: { sixMonth: 1 } } }), {
        hoursPerMonth: 730,
        latency: "interactive",
      }),
    ).toMatchObject({
      provisioned: [],
      provisionedMissing: "no-throughput",
    });
  });

  it("takes nearest-rank percentiles over every minute, zero-traffic minutes included", () => {
    // ten minutes of 0, 10k, ..., 90k input tokens: p50 is rank ceil(0.5 × 10) = 5, p95 rank 10, p99 rank 10
    const ten = traffic([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000, 90_000].reverse(), new Array(10).fill(0));
    const profile = profileTraffic(ten, model(25), { hoursPerMonth: 730, latency: "interactive" });
    expect(profile.tpm.input).toEqual({ avg: 45_000, p50: 40_000, p95: 90_000, p99: 90_000, peak: 90_000 });
  });

  it("prices cache tokens at the cache rates, and refuses them where the model has none, as the monthly path does", () => {
    const cached: MinuteTraffic = {
      ...four,
      cacheReadTokens: Float64Array.from([0, 100_000, 0, 0]),
      cacheWriteTokens: Float64Array.from([0, 0, 0, 20_000]),
    };
    const options = { hoursPerMonth: 730, latency: "interactive" } as const;
    // 100k reads at $0.30 / 1M = $0.03 and 20k writes at $3.75 / 1M = $0.075, on top of $2.10: × 10,950 = $24,144.75
    const withCache = { ...model(25), promptCache: { readPerMTok: 0.3, writePerMTok: 3.75 } };
    expect(profileTraffic(cached, withCache, options).onDemand?.monthlyCost).toBeCloseTo(24_144.75, 6);
    expect(() => profileTraffic(cached, model(25), options)).toThrow(/promptCache\.readPerMTok/);
    expect(() => profileTraffic(cached, { ...model(25), promptCache: { readPerMTok: 0.3 } }, options)).toThrow(/promptCache\.writePerMTok/);
  });

  it("matches a brute-force computation on generated profiles", () => {
    const minuteArb = fc.record({ input: fc.integer({ min: 0, max: 400_000 }), output: fc.integer({ min: 0, max: 60_000 }) });
    fc.assert(
      fc.property(fc.array(minuteArb, { minLength: 1, maxLength: 60 }), fc.double({ min: 1, max: 60, noNaN: true }), (minutes, hourly) => {
        const t = traffic(
          minutes.map((m) => m.input),
          minutes.map((m) => m.output),
        );
        const profile = profileTraffic(t, model(hourly), { hoursPerMonth: 730, latency: "interactive" });
        const scale = (730 * 60) / minutes.length;
        const loads = minutes.map((m) => Math.max(m.input / 70_000, m.output / 14_000));
        const costs = minutes.map((m) => (m.input * 3 + m.output * 15) / 1e6);
        const curve = profile.provisioned[0]!;
        for (const point of curve.curve) {
          const u = point.units;
          const overflow = loads.reduce((sum, load, i) => sum + (load > u + 1e-9 ? (1 - u / load) * costs[i]! : 0), 0) * scale;
          const over = loads.filter((load) => load > u + 1e-9).length;
          expect(point.overflowCost!).toBeCloseTo(overflow, 6);
          expect(point.overflowMinutes).toBe(over);
          if (u > 0) {
            const util = loads.reduce((sum, load) => sum + Math.min(load, u) / u, 0) / loads.length;
            expect(point.utilization!).toBeCloseTo(util, 9);
          }
        }
        const cheapest = Math.min(...curve.curve.map((p) => p.monthlyCost));
        expect(curve.best.monthlyCost).toBeCloseTo(cheapest, 6);
        expect(curve.peakSized.units).toBe(Math.max(1, Math.ceil(Math.max(...loads) - 1e-9)));
      }),
      { seed: 20261121, numRuns: 300 },
    );
  });
});

describe("profileTraffic with overflow throttled", () => {
  it("prices no overflow and takes the units that carry the peak minute", () => {
    // Without a fallback the traffic above the units is throttled, not served: no overflow cost at any
    // count, and only 3 units (the peak minute's 3 units of load) serve it all: 3 × 25 × 730 = $54,750.
    const curve = profileTraffic(four, model(25), { hoursPerMonth: 730, latency: "interactive", overflow: "throttle" }).provisioned[0]!;
    expect(curve.curve.map((point) => point.overflowCost)).toEqual([null, null, null, null]);
    expect(curve.curve.map((point) => point.overflowMinutes)).toEqual([3, 2, 1, 0]);
    expect(curve.best.units).toBe(3);
    expect(curve.best.monthlyCost).toBeCloseTo(54_750, 6);
  });
});
