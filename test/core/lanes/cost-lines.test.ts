import { describe, expect, it } from "vitest";
import { makeVolume } from "../../../src/core/cost-model/volume.js";
import { compareLanes } from "../../../src/core/lanes/compare-lanes.js";
import { costAt, costLines, niceCeil } from "../../../src/core/lanes/cost-lines.js";
import { workedExampleModel } from "../../helpers/builders.js";

// The worked example: $3 / $15, 2 units at $25 a unit-hour on 6 months ($36,500), 70k / 14k tokens a
// minute per unit, 3.0B + 0.6B tokens a month (3.6B in all).
const result = compareLanes({
  model: workedExampleModel({ batch: { inputPerMTok: 1.5, outputPerMTok: 7.5 } }),
  volume: makeVolume({ inputTokens: 3e9, outputTokens: 0.6e9 }),
  hoursPerMonth: 730,
  units: 2,
  latency: "interactive",
});
const chart = costLines(result);

describe("costLines", () => {
  it("runs the x-axis well past the break-even and the capacity, on round numbers", () => {
    // the largest of 1, the break-even scale 2.0278 and the capacity scale 1/0.4892 = 2.044, × 1.25 → 9.2B → 10B
    expect(chart.xMax).toBe(10e9);
    expect(chart.userX).toBe(3.6e9);
    // the on-demand line reaches $18,000 × 10 / 3.6 = $50,000: × 1.05 → 52,500 → $60,000
    expect(chart.yMax).toBe(60_000);
  });

  it("draws on-demand and Batch through the origin and PT flat until its units fill up", () => {
    const od = chart.lines.find((s) => s.key === "on-demand")!;
    const batch = chart.lines.find((s) => s.key === "batch")!;
    const pt = chart.lines.find((s) => s.key === "6-month")!;
    expect(costAt(od, 3.6e9)).toBeCloseTo(18_000, 6);
    expect(costAt(batch, 3.6e9)).toBeCloseTo(9_000, 6);
    expect(costAt(pt, 0)).toBe(36_500);
    // 2 units carry 6.132B input + 1.2264B output = 7.3584B tokens a month
    expect(pt.capacityX).toBeCloseTo(7.3584e9, -3);
    expect(costAt(pt, 7e9)).toBeCloseTo(36_500, 6);
    // above capacity the overflow is priced on-demand: $5 a million tokens at this mix
    expect(costAt(pt, 10e9)).toBeCloseTo(36_500 + (10e9 - 7.3584e9) * 5e-6, 3);
  });

  it("marks the break-even with its volume: 6.083B input + 1.217B output", () => {
    expect(chart.breakEvens).toHaveLength(1);
    const point = chart.breakEvens[0]!;
    expect(point.x).toBeCloseTo(7.3e9, -3);
    expect(point.y).toBe(36_500);
    expect(point.volume.inputTokens).toBeCloseTo(6_083_333_333, -1);
  });

  it("rounds axes up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 or 10 times a power of ten", () => {
    expect([niceCeil(52_500), niceCeil(9.2e9), niceCeil(1), niceCeil(101), niceCeil(0.07)]).toEqual([60_000, 10e9, 1, 120, 0.08]);
  });
});
