import { onDemandCost } from "../cost-model/pricing.js";
import { reservedCommittedCost, reservedMonthlyCost } from "../cost-model/reserved-tier.js";
import type { TokensPerMinute, Volume } from "../cost-model/volume.js";
import { type Carried, needsPt, sumParts } from "./carried-traffic.js";
import { type Finding, makeFinding, type PlanPolicy, type ReservedTierReservation } from "./findings.js";
import { isProven } from "./workload.js";

/** A Reserved tier reservation's month against the traffic it carries (docs/cost-model.md §10). */
export interface ReservedTierMonth {
  /** USD a month for the reserved tokens a minute. */
  reservedCost: number;
  /** USD a month at Standard for the tokens above the reservation, and for cache reads (never reserved). */
  standardCost: number;
  /** The share of the reservation's price that carries traffic, the volume spread evenly. */
  utilization: number;
}

/** Tokens a minute as AWS sizes the Reserved tier: input with cache writes, and output. */
function countedTpm(volume: Volume, minutes: number): TokensPerMinute {
  return {
    input: (volume.inputTokens + volume.cacheWriteTokens + volume.cacheWrite1hTokens) / minutes,
    output: volume.outputTokens / minutes,
  };
}

/**
 * The rate the Reserved tier must carry for some traffic: its peak (the input peak scaled to the
 * share of input and cache writes in its input side, as cache reads are not reserved), or its
 * average minute when no peak is known.
 */
function neededTpm(carried: Carried): TokensPerMinute {
  const v = carried.volume;
  const counted = v.inputTokens + v.cacheWriteTokens + v.cacheWrite1hTokens;
  const inputSide = counted + v.cacheReadTokens;
  return { input: inputSide > 0 ? carried.sizing.input * (counted / inputSide) : 0, output: carried.sizing.output };
}

/**
 * What a Reserved tier reservation costs with the traffic it carries, the volume spread evenly: the
 * reservation, the share of each side above it at Standard, and cache reads at Standard.
 */
export function reservedTierMonth(reservation: ReservedTierReservation, volume: Volume, hoursPerMonth: number): ReservedTierMonth {
  const minutes = hoursPerMonth * 60;
  const { prices, inputTpm, outputTpm } = reservation;
  const reservedCost = reservedMonthlyCost(prices, { input: inputTpm, output: outputTpm }, hoursPerMonth);
  const average = countedTpm(volume, minutes);
  const above = (avg: number, reserved: number) => (avg > reserved ? (avg - reserved) / avg : 0);
  const inputShare = above(average.input, inputTpm);
  const outputShare = above(average.output, outputTpm);
  const overflow = {
    inputTokens: volume.inputTokens * inputShare,
    cacheWriteTokens: volume.cacheWriteTokens * inputShare,
    cacheWrite1hTokens: volume.cacheWrite1hTokens * inputShare,
    outputTokens: volume.outputTokens * outputShare,
    cacheReadTokens: volume.cacheReadTokens,
  };
  const standardCost = onDemandCost(reservation.model, overflow) ?? 0;
  const used =
    Math.min(average.input, inputTpm) * prices.inputPer1kTpmHour + Math.min(average.output, outputTpm) * prices.outputPer1kTpmHour;
  const paid = inputTpm * prices.inputPer1kTpmHour + outputTpm * prices.outputPer1kTpmHour;
  return { reservedCost, standardCost, utilization: paid > 0 ? used / paid : 0 };
}

const HALF_A_CENT = 0.005;

/** The share of a slack reservation's price below which it is rounding, not waste. */
const SLACK_SHARE = 0.01;

/**
 * Judges a Reserved tier reservation like model units: idle where it costs more than the traffic it
 * carries would at Standard and no no-throttling SLA calls for it (or reserves more than the SLA
 * traffic needs), under-provisioned below the SLA traffic's peak (the rest is served at Standard,
 * without the guarantee), and a 3-month term on traffic never measured cautioned against.
 */
export function judgeReservedTier(
  reservation: ReservedTierReservation,
  carried: Carried,
  policy: PlanPolicy,
  hoursPerMonth: number,
): Finding[] {
  const findings: Finding[] = [];
  const minutes = hoursPerMonth * 60;
  const subject = reservation.name;
  const { prices, term, scope, inputTpm, outputTpm } = reservation;
  const capacity = { scope, inputTpm, outputTpm };
  const month = reservedTierMonth(reservation, carried.volume, hoursPerMonth);
  const total = month.reservedCost + month.standardCost;
  const minUtilization = typeof policy.minUtilization === "number" ? policy.minUtilization : null;
  const sla = sumParts(
    carried.parts.filter((part) => needsPt(part.workload)),
    hoursPerMonth,
  );
  const rest = sumParts(
    carried.parts.filter((part) => !needsPt(part.workload)),
    hoursPerMonth,
  );
  const idle = (over: number, detail: Partial<Extract<Finding, { code: "IDLE_RESERVATION" }>>) =>
    findings.push(
      makeFinding(subject, over, {
        code: "IDLE_RESERVATION",
        why: "costlier-than-on-demand",
        reserved: capacity,
        reservedCost: month.reservedCost,
        onDemandCost: carried.onDemand,
        carriedShare: 1,
        extraCost: null,
        utilization: month.utilization,
        minUtilization,
        neededUnits: null,
        units: 0,
        term,
        committedOver: reservedCommittedCost(over, term),
        ...detail,
      } as Extract<Finding, { code: "IDLE_RESERVATION" }>),
    );

  if (sla.parts.length === 0) {
    // At full use the Reserved tier costs what Standard does: less than a cent over is that, not waste.
    if (carried.onDemand !== null && total - carried.onDemand > HALF_A_CENT) idle(total - carried.onDemand, { reservedCost: total });
    else if (minUtilization !== null && month.utilization < minUtilization) idle(0, { why: "below-min-utilization" });
  } else {
    const minimum = reservation.model.reserved?.minimumTpm ?? { input: 0, output: 0 };
    const raw = neededTpm(sla);
    const need = { input: Math.max(minimum.input, Math.ceil(raw.input)), output: Math.max(minimum.output, Math.ceil(raw.output)) };
    const short = { input: Math.max(0, need.input - inputTpm), output: Math.max(0, need.output - outputTpm) };
    if (short.input > 0 || short.output > 0) {
      findings.push(
        makeFinding(subject, reservedMonthlyCost(prices, short, hoursPerMonth), {
          code: "UNDER_PROVISIONED",
          reserved: capacity,
          neededTpm: need,
          workloads: sla.parts.map((part) => part.workload.name),
        }),
      );
    }
    // Capacity beyond the SLA's need pays its way only as far as the other traffic fills it.
    const extra = { input: Math.max(0, inputTpm - need.input), output: Math.max(0, outputTpm - need.output) };
    const extraCost = reservedMonthlyCost(prices, extra, hoursPerMonth);
    const restAverage = countedTpm(rest.volume, minutes);
    const weigh = (tpm: TokensPerMinute) => tpm.input * prices.inputPer1kTpmHour + tpm.output * prices.outputPer1kTpmHour;
    const filled = weigh({ input: Math.min(extra.input, restAverage.input), output: Math.min(extra.output, restAverage.output) });
    const restValue = weigh(restAverage) > 0 ? (rest.onDemand ?? 0) * (filled / weigh(restAverage)) : 0;
    const waste = extraCost - restValue;
    if (waste > SLACK_SHARE * month.reservedCost) {
      idle(waste, { why: "more-than-needed", extraCost, onDemandCost: rest.onDemand ?? 0 });
    }
    const slaCost = reservedMonthlyCost(
      prices,
      { input: Math.min(inputTpm, need.input), output: Math.min(outputTpm, need.output) },
      hoursPerMonth,
    );
    if (sla.onDemand !== null && slaCost > sla.onDemand) {
      findings.push(
        makeFinding(subject, slaCost - sla.onDemand, {
          code: "SLA_PREMIUM",
          workloads: sla.parts.map((part) => part.workload.name),
          onDemandCost: sla.onDemand,
          reservedCost: slaCost,
        }),
      );
    }
  }

  const unmeasured = carried.parts.map((part) => part.workload).filter((w) => !isProven(w, policy.minMeasuredDays));
  if (term === "3-month" && policy.longTermNeedsMeasuredTraffic && unmeasured.length > 0) {
    findings.push(
      makeFinding(subject, 0, {
        code: "UNPROVEN_LONG_TERM",
        term,
        committedCost: reservedCommittedCost(month.reservedCost, term),
        unmeasured: unmeasured.map((w) => w.name),
        minMeasuredDays: policy.minMeasuredDays,
      }),
    );
  }
  return findings;
}
