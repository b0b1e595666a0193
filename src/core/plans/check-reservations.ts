import { monthlyLoad, peakLoad, unitsToCarry } from "../cost-model/capacity.js";
import { batchCost, committedCost, overflowShare, termRate, unitsCost, reservedCost as unitsReservedCost } from "../cost-model/pricing.js";
import { type ReservedScope, type ReservedTerm, reservedCommittedCost } from "../cost-model/reserved-tier.js";
import type { Term } from "../cost-model/terms.js";
import { type Carried, needsPt, sumParts } from "./carried-traffic.js";
import { type AnyReservation, type Finding, makeFinding, type PlanPolicy, type Reservation } from "./findings.js";
import { judgeReservedTier, reservedTierMonth } from "./judge-reserved-tier.js";
import { reservationTotals } from "./reservation-change.js";
import { cheapestPool } from "./shared-units.js";
import { isProven, servedModelKey, type Workload, workloadPayAsYouGoCost } from "./workload.js";

export interface CheckInput {
  workloads: readonly Workload[];
  /** Model units (PT) and Reserved tier reservations. */
  reservations: readonly AnyReservation[];
  policy: PlanPolicy;
  hoursPerMonth: number;
  /** Findings already known before the reservations are judged (from a Terraform plan). */
  planFindings?: readonly Finding[];
  /** The base branch's reservations, for policy.maxMonthlyIncrease (check --baseline). */
  baseline?: { monthlyCost: number; committedCost: number } | undefined;
}

/** What a reservation costs and what it carries: reported for every reservation, passing or not. */
export interface ReservationSummary {
  /** pt: model units; reserved: the Reserved tier (tokens a minute). */
  type: "pt" | "reserved";
  name: string;
  modelId: string;
  /** The custom model the units serve; null for the base model. */
  custom: string | null;
  /** Model units; null for the Reserved tier. */
  units: number | null;
  term: Term | ReservedTerm;
  /** The Reserved tier's scope and tokens a minute; null for model units. */
  scope: ReservedScope | null;
  inputTpm: number | null;
  outputTpm: number | null;
  /** Mean load on the units; null when the unit throughput is unknown. */
  utilization: number | null;
  /** USD a month for the units (or the reserved tokens a minute). */
  reservedCost: number;
  /** USD a month on-demand for the traffic the units carry; null for a custom model (no on-demand lane). */
  onDemandCost: number | null;
  /**
   * onDemandCost − reservedCost; negative when the units cost more. For the Reserved tier, what it
   * leaves at Standard (tokens above it, cache reads) is counted with reservedCost.
   */
  saving: number | null;
  /** USD the term commits to; 0 for no-commit. */
  committedCost: number;
}

export interface CheckResult {
  passed: boolean;
  findings: Finding[];
  reservations: ReservationSummary[];
  /** Reservations whose traffic above the units is taken to spill to on-demand: that assumes the application falls back. */
  assumesFallback: string[];
  totals: {
    errors: number;
    warnings: number;
    info: number;
    reservations: number;
    /** USD a month for every reservation's units. */
    reservedMonthlyCost: number;
    /**
     * USD a month the errors waste or put at risk: the sum of the errors' impacts (docs/cost-model.md §10).
     * Each reservation has at most one verdict on its size, so no money is counted twice.
     */
    monthlyImpact: number;
  };
}

/**
 * The model a reservation's units serve: its base model, or, when the first workload it serves on
 * that base model runs on a custom model, that custom model. A PT serves one model only.
 */
function servedKeyOf(reservation: AnyReservation, byName: Map<string, Workload>): string {
  for (const name of reservation.serves) {
    const workload = byName.get(name);
    if (workload && workload.model.id === reservation.model.id) return servedModelKey(workload);
  }
  return reservation.model.id;
}

/** What a reservation's share of a workload is weighed by: its units, or its input tokens a minute. */
function capacityOf(reservation: AnyReservation): number {
  return reservation.type === "reserved" ? reservation.inputTpm : reservation.units;
}

/** USD a month for a reservation: its units, or its reserved tokens a minute. */
function monthlyCostOf(reservation: AnyReservation, hours: number): number {
  return reservation.type === "reserved"
    ? reservedTierMonth(
        reservation,
        { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, cacheWrite1hTokens: 0 },
        hours,
      ).reservedCost
    : unitsCost(reservation.model, reservation.term, reservation.units, hours);
}

/**
 * A workload served by several reservations of its model is split between them by their capacity
 * (one kind of reservation serves a workload: a plan cannot send it to both).
 */
function carriedBy(
  reservation: AnyReservation,
  keys: Map<AnyReservation, string>,
  input: CheckInput,
  byName: Map<string, Workload>,
): Carried {
  const key = keys.get(reservation);
  const parts: Carried["parts"] = [];
  for (const name of reservation.serves) {
    const workload = byName.get(name);
    if (!workload || servedModelKey(workload) !== key) continue;
    const servers = input.reservations.filter((r) => keys.get(r) === key && r.serves.includes(name));
    const total = servers.reduce((sum, r) => sum + capacityOf(r), 0);
    parts.push({ workload, share: capacityOf(reservation) / total });
  }
  return sumParts(parts, input.hoursPerMonth);
}

/** Units that carry a sizing rate; while the unit throughput is unknown, one unit for each workload (as plan sizes them). */
function unitsFor(reservation: Reservation, carried: Carried): number {
  const throughput = reservation.model.provisioned?.unitThroughput;
  if (carried.parts.length === 0) return 0;
  return throughput ? unitsToCarry(peakLoad(carried.sizing, throughput)) : carried.parts.length;
}

function judgeReservation(reservation: Reservation, carried: Carried, input: CheckInput): { findings: Finding[]; spills: boolean } {
  const { policy, hoursPerMonth: hours } = input;
  const findings: Finding[] = [];
  const subject = reservation.name;
  const units = reservation.units;
  const rate = termRate(reservation.model, reservation.term);
  const reservedCost = unitsReservedCost(units, rate, hours);
  const throughput = reservation.model.provisioned?.unitThroughput;
  const utilization = throughput ? monthlyLoad(carried.volume, throughput, hours) / units : null;
  const neededUnits = throughput ? unitsToCarry(peakLoad(carried.sizing, throughput)) : null;
  // The traffic that needs reserved units whatever they cost, and the rest, which must pay its way.
  const required = sumParts(
    carried.parts.filter((part) => needsPt(part.workload)),
    hours,
  );
  const rest = sumParts(
    carried.parts.filter((part) => !needsPt(part.workload)),
    hours,
  );
  const requiredUnits = unitsFor(reservation, required);
  const minUtilization = typeof policy.minUtilization === "number" ? policy.minUtilization : null;
  const idle = (
    over: number,
    detail: { why: "costlier-than-on-demand" | "below-min-utilization" | "more-than-needed" } & Record<string, unknown>,
  ) =>
    findings.push(
      makeFinding(subject, over, {
        code: "IDLE_RESERVATION",
        reservedCost,
        onDemandCost: null,
        carriedShare: 1,
        extraCost: null,
        utilization,
        minUtilization,
        neededUnits,
        units,
        term: reservation.term,
        committedOver: committedCost(over, reservation.term),
        ...detail,
      } as Extract<Finding, { code: "IDLE_RESERVATION" }>),
    );

  if (required.parts.length === 0) {
    // Full units carry only 1/utilization of the traffic: the rest overflows on-demand whatever is reserved.
    const carriedShare = utilization !== null && utilization > 1 ? 1 / utilization : 1;
    const carriedOnDemand = carried.onDemand === null ? null : carried.onDemand * carriedShare;
    if (carriedOnDemand !== null && reservedCost > carriedOnDemand) {
      idle(reservedCost - carriedOnDemand, { why: "costlier-than-on-demand", onDemandCost: carriedOnDemand, carriedShare });
    } else if (minUtilization !== null && utilization !== null && utilization < minUtilization) {
      idle(0, { why: "below-min-utilization", onDemandCost: carriedOnDemand, carriedShare });
    }
  } else if (units > requiredUnits) {
    // A no-throttling SLA or a custom model justifies the units its traffic needs; units beyond them
    // must pay their way against on-demand for the rest of the traffic, like any others.
    const extraCost = unitsReservedCost(units - requiredUnits, rate, hours);
    const otherOnDemand = rest.onDemand ?? 0;
    if (extraCost > otherOnDemand) {
      idle(extraCost - otherOnDemand, { why: "more-than-needed", onDemandCost: otherOnDemand, extraCost, neededUnits: requiredUnits });
    }
  }
  const idleFound = findings.length > 0;

  if (!throughput) findings.push(makeFinding(subject, 0, { code: "UNKNOWN_CAPACITY", modelId: reservation.model.id }));
  if (units < requiredUnits) {
    // Traffic that cannot spill to on-demand: an SLA's or a custom model's.
    findings.push(
      makeFinding(subject, unitsReservedCost(requiredUnits - units, rate, hours), {
        code: "UNDER_PROVISIONED",
        units,
        neededUnits: requiredUnits,
        throttled: true,
        overflowShare: utilization === null ? 0 : overflowShare(utilization),
        maxOverflowShare: policy.maxOverflowShare,
      }),
    );
  }
  let spills = false;
  if (units >= requiredUnits && !idleFound && neededUnits !== null && utilization !== null && units < neededUnits) {
    // One verdict on a reservation's size: units that do not pay off are idle, however spiky the traffic.
    // Traffic above the units is throttled unless the model has an on-demand lane and the application falls back to it.
    const throttled = !reservation.model.onDemand || rest.parts.some((part) => part.workload.overflow === "throttle");
    const share = overflowShare(utilization);
    spills = !throttled;
    if (throttled || policy.maxOverflowShare === 0 || share > policy.maxOverflowShare) {
      findings.push(
        makeFinding(subject, unitsReservedCost(neededUnits - units, rate, hours), {
          code: "UNDER_PROVISIONED",
          units,
          neededUnits,
          throttled,
          overflowShare: share,
          maxOverflowShare: policy.maxOverflowShare,
        }),
      );
    }
  }

  const fromAverages = carried.parts
    .filter((part) => !part.workload.peakTpm && part.workload.measuredDays === null)
    .map((part) => part.workload.name);
  if (fromAverages.length > 0 && utilization !== null && utilization > SIZED_ON_AVERAGES_ABOVE) {
    findings.push(makeFinding(subject, 0, { code: "SIZED_ON_AVERAGES", units, utilization, workloads: fromAverages }));
  }

  const workloads = carried.parts.map((part) => part.workload);
  const unmeasured = workloads.filter((w) => !isProven(w, policy.minMeasuredDays)).map((w) => w.name);
  if (reservation.term === "6-month" && policy.longTermNeedsMeasuredTraffic && unmeasured.length > 0) {
    findings.push(
      makeFinding(subject, 0, {
        code: "UNPROVEN_LONG_TERM",
        term: reservation.term,
        committedCost: committedCost(reservedCost, reservation.term),
        unmeasured,
        minMeasuredDays: policy.minMeasuredDays,
      }),
    );
  }
  const sla = required.parts.filter((part) => part.workload.sla === "no-throttling" && part.workload.custom === null);
  if (sla.length > 0 && required.onDemand !== null) {
    // The premium of the units the SLA needs, not of any beyond them.
    const slaCost = unitsReservedCost(Math.min(units, requiredUnits), rate, hours);
    if (slaCost > required.onDemand) {
      findings.push(
        makeFinding(subject, slaCost - required.onDemand, {
          code: "SLA_PREMIUM",
          workloads: sla.map((part) => part.workload.name),
          onDemandCost: required.onDemand,
          reservedCost: slaCost,
        }),
      );
    }
  }
  return { findings, spills };
}

/** Above this utilization, units sized on monthly averages will overflow or throttle at real peaks. */
const SIZED_ON_AVERAGES_ABOVE = 0.8;

function servingProblems(
  reservation: AnyReservation,
  key: string,
  carried: Carried,
  byName: Map<string, Workload>,
  hours: number,
): Finding[] {
  const findings: Finding[] = [];
  const others = reservation.serves.filter((name) => byName.get(name)?.model.id !== reservation.model.id);
  const carriedNames = new Set(carried.parts.map((part) => part.workload.name));
  for (const name of reservation.serves) {
    const workload = byName.get(name);
    if (!workload || carriedNames.has(name)) continue;
    const reservedCustom = key === reservation.model.id ? null : (carried.parts[0]?.workload.custom ?? null);
    findings.push(
      makeFinding(reservation.name, 0, {
        code: "WRONG_MODEL",
        workload: name,
        workloadModelId: workload.model.id,
        workloadCustom: workload.custom,
        modelId: reservation.model.id,
        reservedCustom,
      }),
    );
  }
  if (carried.parts.length === 0) {
    findings.push(
      makeFinding(reservation.name, monthlyCostOf(reservation, hours), {
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
  carriers: Map<Workload, { reservation: AnyReservation; carried: Carried }[]>,
): Finding[] {
  const hours = input.hoursPerMonth;
  const serving = carriers.get(workload) ?? [];
  const findings: Finding[] = [];
  if (workload.sla === "no-throttling" && serving.length === 0 && workload.custom === null) {
    findings.push(makeFinding(workload.name, 0, { code: "SLA_UNRESERVED", modelId: workload.model.id }));
  }
  if (workload.latency === "async" && serving.length > 0 && workload.model.batch && workload.custom === null) {
    const od = workloadPayAsYouGoCost(workload);
    let reservedShare = 0;
    for (const { reservation, carried } of serving) {
      const part = carried.parts.find((p) => p.workload === workload);
      if (!part || od === null || !carried.onDemand) continue;
      reservedShare += monthlyCostOf(reservation, hours) * ((od * part.share) / carried.onDemand);
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

/** One finding for each custom model that no reservation serves, with the units all its workloads need. */
function unservedCustomModels(input: CheckInput, carriers: Map<Workload, unknown[]>): Finding[] {
  const unserved = new Map<string, Workload[]>();
  for (const workload of input.workloads) {
    if (workload.custom === null || (carriers.get(workload) ?? []).length > 0) continue;
    const key = servedModelKey(workload);
    unserved.set(key, [...(unserved.get(key) ?? []), workload]);
  }
  return [...unserved.values()].map((members) => {
    const first = members[0] as Workload;
    const option = cheapestPool(first.model, members, input.hoursPerMonth);
    return makeFinding(first.custom as string, option?.reservedCost ?? 0, {
      code: "CUSTOM_MODEL_UNSERVED",
      modelId: first.model.id,
      workloads: members.map((member) => member.name),
      neededUnits: option && option.unitsBasis === "sizing" ? option.units : null,
      term: option?.term ?? null,
    });
  });
}

function summaryOf(reservation: AnyReservation, key: string, carried: Carried, hours: number): ReservationSummary {
  const common = {
    name: reservation.name,
    modelId: reservation.model.id,
    custom: key === reservation.model.id ? null : (carried.parts[0]?.workload.custom ?? null),
    term: reservation.term,
  };
  const onDemandCost = carried.parts.length === 0 ? 0 : carried.onDemand;
  if (reservation.type === "reserved") {
    const month = reservedTierMonth(reservation, carried.volume, hours);
    return {
      type: "reserved",
      ...common,
      units: null,
      scope: reservation.scope,
      inputTpm: reservation.inputTpm,
      outputTpm: reservation.outputTpm,
      utilization: month.utilization,
      reservedCost: month.reservedCost,
      onDemandCost,
      saving: onDemandCost === null ? null : onDemandCost - month.reservedCost - month.standardCost,
      committedCost: reservedCommittedCost(month.reservedCost, reservation.term),
    };
  }
  const throughput = reservation.model.provisioned?.unitThroughput;
  const reservedCost = unitsCost(reservation.model, reservation.term, reservation.units, hours);
  return {
    type: "pt",
    ...common,
    units: reservation.units,
    scope: null,
    inputTpm: null,
    outputTpm: null,
    utilization: throughput ? monthlyLoad(carried.volume, throughput, hours) / reservation.units : null,
    reservedCost,
    onDemandCost,
    saving: onDemandCost === null ? null : onDemandCost - reservedCost,
    committedCost: committedCost(reservedCost, reservation.term),
  };
}

/** The policy's limits on what the reservations cost in all, a month, committed, and over the baseline. */
function budgetFindings(input: CheckInput, totals: { monthlyCost: number; committedCost: number }): Finding[] {
  const { policy, baseline } = input;
  const findings: Finding[] = [];
  const monthly = policy.maxMonthlyCost;
  if (monthly !== undefined && totals.monthlyCost > monthly) {
    findings.push(
      makeFinding("policy.maxMonthlyCost", totals.monthlyCost - monthly, {
        code: "BUDGET_EXCEEDED",
        budget: "monthly",
        total: totals.monthlyCost,
        limit: monthly,
      }),
    );
  }
  const committed = policy.maxCommittedCost;
  if (committed !== undefined && totals.committedCost > committed) {
    // Money committed over the terms, not a month: no monthly impact.
    findings.push(
      makeFinding("policy.maxCommittedCost", 0, {
        code: "BUDGET_EXCEEDED",
        budget: "committed",
        total: totals.committedCost,
        limit: committed,
      }),
    );
  }
  const increase = policy.maxMonthlyIncrease;
  if (increase !== undefined && baseline && totals.monthlyCost - baseline.monthlyCost > increase) {
    const more = totals.monthlyCost - baseline.monthlyCost;
    findings.push(
      makeFinding("policy.maxMonthlyIncrease", more - increase, {
        code: "INCREASE_EXCEEDED",
        increase: more,
        limit: increase,
        baseline: baseline.monthlyCost,
      }),
    );
  }
  return findings;
}

/**
 * Judges proposed reservations against the workloads they serve and the policy (docs/cost-model.md
 * §10). Reservations are judged on the traffic they carry: the sum of their workloads' traffic, a
 * workload served by several reservations being split between them by their units.
 */
export function checkReservations(input: CheckInput): CheckResult {
  const byName = new Map(input.workloads.map((workload) => [workload.name, workload]));
  const keys = new Map(input.reservations.map((reservation) => [reservation, servedKeyOf(reservation, byName)]));
  const findings: Finding[] = [...(input.planFindings ?? [])];
  const carriers = new Map<Workload, { reservation: AnyReservation; carried: Carried }[]>();
  const summaries: ReservationSummary[] = [];
  const assumesFallback: string[] = [];
  for (const reservation of input.reservations) {
    const key = keys.get(reservation) as string;
    const carried = carriedBy(reservation, keys, input, byName);
    summaries.push(summaryOf(reservation, key, carried, input.hoursPerMonth));
    for (const part of carried.parts) carriers.set(part.workload, [...(carriers.get(part.workload) ?? []), { reservation, carried }]);
    findings.push(...servingProblems(reservation, key, carried, byName, input.hoursPerMonth));
    if (carried.parts.length === 0) continue;
    if (reservation.type === "reserved") findings.push(...judgeReservedTier(reservation, carried, input.policy, input.hoursPerMonth));
    else {
      const judged = judgeReservation(reservation, carried, input);
      findings.push(...judged.findings);
      if (judged.spills) assumesFallback.push(reservation.name);
    }
  }
  findings.push(...unservedCustomModels(input, carriers));
  for (const workload of input.workloads) findings.push(...workloadFindings(workload, input, carriers));
  findings.push(...budgetFindings(input, reservationTotals(summaries)));

  const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
  const errors = count("error");
  return {
    passed: errors === 0,
    findings,
    reservations: summaries,
    assumesFallback,
    totals: {
      errors,
      warnings: count("warning"),
      info: count("info"),
      reservations: input.reservations.length,
      reservedMonthlyCost: summaries.reduce((sum, summary) => sum + summary.reservedCost, 0),
      monthlyImpact: findings.filter((f) => f.severity === "error").reduce((sum, f) => sum + f.monthlyImpact, 0),
    },
  };
}
