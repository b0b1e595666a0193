import { describe, expect, it } from "vitest";
import { makeVolume, type Volume } from "../../../src/core/cost-model/volume.js";
import { sumParts } from "../../../src/core/plans/carried-traffic.js";
import { DEFAULT_POLICY, type ReservedTierReservation } from "../../../src/core/plans/findings.js";
import { judgeReservedTier, reservedTierMonth } from "../../../src/core/plans/judge-reserved-tier.js";
import type { Workload } from "../../../src/core/plans/workload.js";
import { workedExampleModel } from "../../helpers/builders.js";

// A Sonnet-class model at $3.30 / $16.50 Standard, with Reserved tier prices at the Standard price of
// a full minute of use (1-month geo 0.198 / 0.99 per 1,000 tokens a minute an hour, $3.30 × 0.06 and
// $16.50 × 0.06) and 3-month 0.18 / 0.90. 730 hours: 43,800 minutes.
const H = 730;
const model = workedExampleModel({
  onDemand: { inputPerMTok: 3.3, outputPerMTok: 16.5 },
  reserved: {
    geo: {
      oneMonth: { inputPer1kTpmHour: 0.198, outputPer1kTpmHour: 0.99 },
      threeMonth: { inputPer1kTpmHour: 0.18, outputPer1kTpmHour: 0.9 },
    },
    minimumTpm: { input: 100_000, output: 10_000 },
  },
});

function workload(name: string, volume: Volume, extra: Partial<Workload> = {}): Workload {
  return { name, model, volume, latency: "interactive", sla: "none", custom: null, measuredDays: null, overflow: "on-demand", ...extra };
}

function reservation(inputTpm: number, outputTpm: number, term: "1-month" | "3-month" = "1-month"): ReservedTierReservation {
  const prices = term === "1-month" ? model.reserved?.geo?.oneMonth : model.reserved?.geo?.threeMonth;
  return { type: "reserved", name: "r", model, term, scope: "geo", inputTpm, outputTpm, prices: prices!, serves: [] };
}

const judge = (r: ReservedTierReservation, workloads: Workload[]) =>
  judgeReservedTier(
    r,
    sumParts(
      workloads.map((w) => ({ workload: w, share: 1 })),
      H,
    ),
    DEFAULT_POLICY,
    H,
  );

describe("the Reserved tier's month", () => {
  it("prices the reservation and leaves the tokens above it at Standard", () => {
    // 8.76B input = 200,000 a minute against 100,000 reserved: half of it above, 4.38B × $3.30 = $14,454.
    // 438M output = 10,000 a minute, all carried. Reserved: 0.198 × 100 × 730 + 0.99 × 10 × 730 = 14,454 + 7,227.
    const month = reservedTierMonth(reservation(100_000, 10_000), makeVolume({ inputTokens: 8.76e9, outputTokens: 4.38e8 }), H);
    expect(month.reservedCost).toBeCloseTo(21_681, 6);
    expect(month.standardCost).toBeCloseTo(14_454, 6);
    expect(month.utilization).toBeCloseTo(1, 9);
  });
});

describe("judgeReservedTier", () => {
  it("finds a reservation no SLA calls for idle by what it costs over Standard", () => {
    // 1B + 200M: Standard 1,000 × 3.30 + 200 × 16.50 = $6,600. 150,000 / 20,000 on 3 months:
    // 0.18 × 150 × 730 + 0.90 × 20 × 730 = 19,710 + 13,140 = $32,850; $26,250 over, $78,750 over the term.
    const findings = judge(reservation(150_000, 20_000, "3-month"), [
      workload("chat", makeVolume({ inputTokens: 1e9, outputTokens: 2e8 })),
    ]);
    expect(findings.map((f) => f.code)).toEqual(["IDLE_RESERVATION", "UNPROVEN_LONG_TERM"]);
    expect(findings[0]).toMatchObject({ why: "costlier-than-on-demand", severity: "error", onDemandCost: 6_600 });
    expect(findings[0]?.monthlyImpact).toBeCloseTo(26_250, 6);
    expect((findings[0] as { committedOver: number }).committedOver).toBeCloseTo(78_750, 6);
    // A 3-month term commits 3 × $32,850.
    expect((findings[1] as { committedCost: number }).committedCost).toBeCloseTo(98_550, 6);
  });

  it("does not call a fully used reservation idle: at full use it costs what Standard does", () => {
    const findings = judge(reservation(100_000, 10_000), [workload("bulk", makeVolume({ inputTokens: 8.76e9, outputTokens: 4.38e8 }))]);
    expect(findings).toEqual([]);
  });

  it("prices the guarantee of a no-throttling SLA, and the part of its peak not reserved", () => {
    // Peak 150,000 input against 100,000 reserved: 50,000 short, 0.198 × 50 × 730 = $7,227.
    // The SLA's capacity: $21,681 against 600 × 3.30 + 120 × 16.50 = $3,960 Standard: $17,721 over.
    const payments = workload("payments", makeVolume({ inputTokens: 6e8, outputTokens: 1.2e8 }), {
      sla: "no-throttling",
      peakTpm: { input: 150_000, output: 6_000 },
    });
    const findings = judge(reservation(100_000, 10_000), [payments]);
    expect(findings.map((f) => f.code)).toEqual(["UNDER_PROVISIONED", "SLA_PREMIUM"]);
    expect(findings[0]).toMatchObject({ neededTpm: { input: 150_000, output: 10_000 }, workloads: ["payments"] });
    expect(findings[0]?.monthlyImpact).toBeCloseTo(7_227, 6);
    expect(findings[1]?.monthlyImpact).toBeCloseTo(17_721, 6);
  });

  it("finds capacity beyond what the SLA needs idle, unless other traffic fills it", () => {
    // Peak 30,000 / 6,000, raised to the minimums 100,000 / 10,000; 300,000 reserved: 200,000 beyond,
    // 0.198 × 200 × 730 = $28,908 a month with no other traffic to fill it.
    const refunds = workload("refunds", makeVolume({ inputTokens: 6e8, outputTokens: 1.2e8 }), {
      sla: "no-throttling",
      peakTpm: { input: 30_000, output: 6_000 },
    });
    const alone = judge(reservation(300_000, 10_000), [refunds]);
    expect(alone[0]).toMatchObject({ code: "IDLE_RESERVATION", why: "more-than-needed" });
    expect(alone[0]?.monthlyImpact).toBeCloseTo(28_908, 6);
    // 8.76B of other input a month (200,000 a minute) fills the 200,000 beyond: worth its $28,908 at Standard.
    const filled = judge(reservation(300_000, 10_000), [refunds, workload("bulk", makeVolume({ inputTokens: 8.76e9 }))]);
    expect(filled.map((f) => f.code)).toEqual(["SLA_PREMIUM"]);
  });
});
