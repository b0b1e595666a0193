import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bestSideReservation,
  reservedCommittedCost,
  reservedMonthlyCost,
  type SideLoads,
  sideMonthlyCost,
} from "../../../src/core/cost-model/reserved-tier.js";

const H = 730;
const MONTH_MINUTES = H * 60; // 43,800

describe("the Reserved tier's price", () => {
  it("is price × (tokens a minute / 1,000) × hours on each side, and the term's months in all", () => {
    // 100,000 input TPM at $0.15 and 13,699 output TPM at $0.75 per 1,000 TPM an hour, 730 hours:
    // 0.15 × 100 × 730 = 10,950 and 0.75 × 13.699 × 730 = 7,500.2025.
    const monthly = reservedMonthlyCost({ inputPer1kTpmHour: 0.15, outputPer1kTpmHour: 0.75 }, { input: 100_000, output: 13_699 }, H);
    expect(monthly).toBeCloseTo(18_450.2025, 9);
    expect(reservedCommittedCost(monthly, "1-month")).toBeCloseTo(18_450.2025, 9);
    expect(reservedCommittedCost(monthly, "3-month")).toBeCloseTo(55_350.6075, 9);
  });
});

describe("the best reservation on one side", () => {
  // Half the month's minutes at 200,000 input tokens, half at 50,000; Standard $3 per 1M input tokens;
  // the reservation $0.10 per 1,000 TPM an hour, so a token a minute costs 0.10 / 1,000 × 730 = $0.073
  // a month, and a minute above it $0.000003 a token: reserving pays while more than
  // 0.073 / 0.000003 = 24,333 minutes lie above. 21,900 minutes lie above 50,000: that is the best
  // level, below the 100,000 minimum, so the choice is none ($16,425) or the minimum:
  // 0.073 × 100,000 = $7,300 + 21,900 × 100,000 × $0.000003 = $6,570 of overflow = $13,870.
  const loads = new Float64Array(MONTH_MINUTES).map((_, i) => (i % 2 === 0 ? 200_000 : 50_000));
  const side: SideLoads = { loads, windowMinutes: MONTH_MINUTES };

  it("is the minimum when the best level lies below it and reserving still pays", () => {
    expect(bestSideReservation(side, 0.1, 3, H, 100_000)).toBe(100_000);
    const at = sideMonthlyCost(side, 100_000, 0.1, 3, H);
    expect(at.reservedCost).toBeCloseTo(7_300, 9);
    expect(at.overflowCost).toBeCloseTo(6_570, 6);
    const none = sideMonthlyCost(side, 0, 0.1, 3, H);
    expect(none.overflowCost).toBeCloseTo(16_425, 6);
  });

  it("is the level itself without a minimum", () => {
    // 0.073 × 50,000 = 3,650 + 21,900 × 150,000 × 0.000003 = 9,855: $13,505.
    expect(bestSideReservation(side, 0.1, 3, H, 0)).toBe(50_000);
    const at = sideMonthlyCost(side, 50_000, 0.1, 3, H);
    expect(at.reservedCost + at.overflowCost).toBeCloseTo(13_505, 6);
  });

  it("is none when a reserved token a minute costs what the Standard tier charges for a month of it", () => {
    // $3.00 per 1M × 60 minutes = $0.18 per 1,000 TPM an hour: never cheaper, so never reserved.
    expect(bestSideReservation(side, 0.18, 3, H, 100_000)).toBe(0);
    expect(bestSideReservation(side, 0.18, 3, H, 0)).toBe(0);
  });

  it("scales a shorter window to a month: a day of the same loads gives the same level", () => {
    const day = { loads: loads.subarray(0, 1_440), windowMinutes: 1_440 };
    expect(bestSideReservation(day, 0.1, 3, H, 0)).toBe(50_000);
  });

  it("costs no more than any other level, 0 or at least the minimum (brute force)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400_000 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 300, max: 2_000 }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.constantFrom(0, 10_000, 100_000),
        (values, windowMinutes, price, standard, minimum) => {
          const side = { loads: values, windowMinutes: Math.max(windowMinutes, values.length) };
          const cost = (tpm: number) => {
            const c = sideMonthlyCost(side, tpm, price, standard, H);
            return c.reservedCost + c.overflowCost;
          };
          const candidates = [0, minimum, ...values.filter((v) => v >= minimum)];
          const lowest = Math.min(...candidates.map(cost));
          const best = bestSideReservation(side, price, standard, H, minimum);
          expect(best === 0 || best >= minimum).toBe(true);
          expect(cost(best)).toBeLessThanOrEqual(lowest + 1e-9 * Math.max(1, lowest));
        },
      ),
      { numRuns: 300, seed: 20261130 },
    );
  });
});
