import { monthlyLoad, peakLoad, unitsToCarry } from "../cost-model/capacity.js";
import { batchCost, committedCost, overflowShare, termRate, unitsCost, reservedCost as unitsReservedCost } from "../cost-model/pricing.js";
import type { TokensPerMinute } from "../cost-model/volume.js";
import { scaleVolume, type Volume } from "../cost-model/volume.js";
import { type CheckPolicy, type Finding, makeFinding, type Reservation } from "./findings.js";
import { cheapestPool } from "./shared-units.js";
import { sizingTpm, sumTpm, sumVolumes, type Workload, workloadOnDemandCost } from "./workload.js";

export interface CheckInput {
  workloads: readonly Workload[];
  reservations: readonly Reservation[];
  policy: CheckPolicy;
  hoursPerMonth: number;
  /** Findings already known before the reservations are judged (from a Terraform plan). */
  planFindings?: readonly Finding[];
}

export interface CheckResult {
  passed: boolean;
  findings: Finding[];
  totals: {
    errors: number;
    warnings: number;
    info: number;
    reservations: number;
    /** USD a month for every reservation's units. */
    reservedMonthlyCost: number;
    /** USD a month: the impact of the errors. */
    monthlyImpact: number;
  };
}

/** What one reservation carries: its part of each served workload's traffic. */
interface Carried {
  parts: { workload: Workload; share: number }[];
  volume: Volume;
  sizing: TokensPerMinute;
  /** USD a month on-demand for the carried traffic; null when the model has no on-demand price. */
  onDemand: number | null;
}

const odOf = workloadOnDemandCost;

/** A workload served by several reservations of its model is split between them by their units. */
function carriedBy(reservation: Reservation, input: CheckInput, byName: Map<string, Workload>): Carried {
  const parts: Carried["parts"] = [];
  for (const name of reservation.serves) {
    const workload = byName.get(name);
    if (!workload || workload.model.id !== reservation.model.id) continue;
    const servers = input.reservations.filter((r) => r.model.id === workload.model.id && r.serves.includes(name));
    const totalUnits = servers.reduce((sum, r) => sum + r.units, 0);
    parts.push({ workload, share: reservation.units / totalUnits });
  }
  const volume = sumVolumes(parts.map((part) => scaleVolume(part.workload.volume, part.share)));
  const sizing = sumTpm(
    parts.map((part) => {
      const rate = sizingTpm(part.workload, input.hoursPerMonth);
      return { input: rate.input * part.share, output: rate.output * part.share };
    }),
  );
  let onDemand: number | null = 0;
  for (const part of parts) {
    const cost = odOf(part.workload);
    onDemand = cost === null || onDemand === null ? null : onDemand + cost * part.share;
  }
  return { parts, volume, sizing, onDemand };
}

function judgeReservation(reservation: Reservation, carried: Carried, input: CheckInput): Finding[] {
  const { policy, hoursPerMonth: hours } = input;
  const findings: Finding[] = [];
  const subject = reservation.name;
  const rate = termRate(reservation.model, reservation.term);
  const reservedCost = unitsReservedCost(reservation.units, rate, hours);
  const throughput = reservation.model.provisioned?.unitThroughput;
  const workloads = carried.parts.map((part) => part.workload);
  const sla = workloads.filter((w) => w.sla === "no-throttling");
  const custom = workloads.some((w) => w.custom);
  const utilization = throughput ? monthlyLoad(carried.volume, throughput, hours) / reservation.units : null;
  const neededUnits = throughput ? unitsToCarry(peakLoad(carried.sizing, throughput)) : null;
  // Full units carry only 1/utilization of the traffic: the rest overflows on-demand whatever is reserved.
  const carriedShare = utilization !== null && utilization > 1 ? 1 / utilization : 1;
  const carriedOnDemand = carried.onDemand === null ? null : carried.onDemand * carriedShare;
  const idle = (why: "costlier-than-on-demand" | "below-min-utilization" | "more-than-needed", over: number) =>
    findings.push(
      makeFinding(subject, over, {
        code: "IDLE_RESERVATION",
        why,
        reservedCost,
        onDemandCost: carriedOnDemand,
        carriedShare,
        utilization,
        minUtilization: typeof policy.minUtilization === "number" ? policy.minUtilization : null,
        neededUnits,
        units: reservation.units,
        term: reservation.term,
        committedOver: committedCost(over, reservation.term),
      }),
    );

  if (sla.length === 0 && !custom) {
    const over = carriedOnDemand === null ? 0 : Math.max(0, reservedCost - carriedOnDemand);
    if (carriedOnDemand !== null && reservedCost > carriedOnDemand) idle("costlier-than-on-demand", over);
    else if (typeof policy.minUtilization === "number" && utilization !== null && utilization < policy.minUtilization) {
      idle("below-min-utilization", over);
    }
  } else if (neededUnits !== null && reservation.units > neededUnits) {
    // An SLA or a custom model justifies reserved units, not units beyond what the peak needs.
    idle("more-than-needed", unitsReservedCost(reservation.units - neededUnits, rate, hours));
  }

  if (!throughput) findings.push(makeFinding(subject, 0, { code: "UNKNOWN_CAPACITY", modelId: reservation.model.id }));
  if (neededUnits !== null && utilization !== null && reservation.units < neededUnits) {
    const throttled = sla.length > 0 || custom || !reservation.model.onDemand;
    const share = overflowShare(utilization);
    if (throttled || policy.maxOverflowShare === 0 || share > policy.maxOverflowShare) {
      findings.push(
        makeFinding(subject, unitsReservedCost(neededUnits - reservation.units, rate, hours), {
          code: "UNDER_PROVISIONED",
          units: reservation.units,
          neededUnits,
          throttled,
          overflowShare: share,
          maxOverflowShare: policy.maxOverflowShare,
        }),
      );
    }
  }

  const unmeasured = workloads.filter((w) => !w.measured).map((w) => w.name);
  if (reservation.term === "6-month" && policy.longTermNeedsMeasuredTraffic && unmeasured.length > 0) {
    findings.push(
      makeFinding(subject, 0, { code: "UNPROVEN_LONG_TERM", committedCost: committedCost(reservedCost, reservation.term), unmeasured }),
    );
  }
  if (sla.length > 0 && carried.onDemand !== null && reservedCost > carried.onDemand) {
    findings.push(
      makeFinding(subject, reservedCost - carried.onDemand, {
        code: "SLA_PREMIUM",
        workloads: sla.map((w) => w.name),
        onDemandCost: carried.onDemand,
        reservedCost,
      }),
    );
  }
  return findings;
}

function servingProblems(reservation: Reservation, carried: Carried, byName: Map<string, Workload>, hours: number): Finding[] {
  const findings: Finding[] = [];
  const others = reservation.serves.filter((name) => byName.get(name)?.model.id !== reservation.model.id);
  for (const name of others) {
    const workload = byName.get(name);
    if (!workload) continue;
    findings.push(
      makeFinding(reservation.name, 0, {
        code: "WRONG_MODEL",
        workload: name,
        workloadModelId: workload.model.id,
        modelId: reservation.model.id,
      }),
    );
  }
  if (carried.parts.length === 0) {
    findings.push(
      makeFinding(reservation.name, unitsCost(reservation.model, reservation.term, reservation.units, hours), {
        code: "UNSERVED_RESERVATION",
        why: reservation.serves.length === 0 ? "serves-nothing" : "other-models",
        modelId: reservation.model.id,
        others,
      }),
    );
  }
  return findings;
}

function workloadFindings(
  workload: Workload,
  input: CheckInput,
  carriers: Map<Workload, { reservation: Reservation; carried: Carried }[]>,
): Finding[] {
  const hours = input.hoursPerMonth;
  const serving = carriers.get(workload) ?? [];
  const findings: Finding[] = [];
  if (workload.custom && serving.length === 0) {
    const option = cheapestPool(workload.model, [workload], hours);
    findings.push(
      makeFinding(workload.name, option?.reservedCost ?? 0, {
        code: "CUSTOM_MODEL_UNSERVED",
        modelId: workload.model.id,
        neededUnits: option && option.unitsBasis === "sizing" ? option.units : null,
        term: option?.term ?? null,
      }),
    );
  }
  if (workload.sla === "no-throttling" && serving.length === 0 && !workload.custom) {
    findings.push(makeFinding(workload.name, 0, { code: "SLA_UNRESERVED", modelId: workload.model.id }));
  }
  if (workload.latency === "async" && serving.length > 0 && workload.model.batch && !workload.custom) {
    const od = odOf(workload);
    let reservedShare = 0;
    for (const { reservation, carried } of serving) {
      const part = carried.parts.find((p) => p.workload === workload);
      if (!part || od === null || !carried.onDemand) continue;
      reservedShare += unitsCost(reservation.model, reservation.term, reservation.units, hours) * ((od * part.share) / carried.onDemand);
    }
    const batch = batchCost(workload.model, workload.volume) as number;
    findings.push(
      makeFinding(workload.name, Math.max(0, reservedShare - batch), {
        code: "ASYNC_ON_RESERVATION",
        reservations: serving.map((s) => s.reservation.name),
        reservedShare,
        batchCost: batch,
      }),
    );
  }
  return findings;
}

/**
 * Judges proposed reservations against the workloads they serve and the policy. Reservations are
 * judged on the traffic they carry: the sum of their workloads' traffic, a workload served by
 * several reservations being split between them by their units.
 */
export function checkReservations(input: CheckInput): CheckResult {
  const byName = new Map(input.workloads.map((workload) => [workload.name, workload]));
  const findings: Finding[] = [...(input.planFindings ?? [])];
  const carriers = new Map<Workload, { reservation: Reservation; carried: Carried }[]>();
  let reservedMonthlyCost = 0;
  for (const reservation of input.reservations) {
    const carried = carriedBy(reservation, input, byName);
    reservedMonthlyCost += unitsCost(reservation.model, reservation.term, reservation.units, input.hoursPerMonth);
    for (const part of carried.parts) carriers.set(part.workload, [...(carriers.get(part.workload) ?? []), { reservation, carried }]);
    findings.push(...servingProblems(reservation, carried, byName, input.hoursPerMonth));
    if (carried.parts.length > 0) findings.push(...judgeReservation(reservation, carried, input));
  }
  for (const workload of input.workloads) findings.push(...workloadFindings(workload, input, carriers));

  const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
  const errors = count("error");
  return {
    passed: errors === 0,
    findings,
    totals: {
      errors,
      warnings: count("warning"),
      info: count("info"),
      reservations: input.reservations.length,
      reservedMonthlyCost,
      monthlyImpact: findings.filter((f) => f.severity === "error").reduce((sum, f) => sum + f.monthlyImpact, 0),
    },
  };
}
