import { batchCost, onDemandCost } from "../cost-model/pricing.js";
import type { Term } from "../cost-model/terms.js";
import { makeVolume, type TokensPerMinute, type Volume } from "../cost-model/volume.js";
import type { LaneChoice, Latency } from "../lanes/lanes.js";
import type { Reason } from "../lanes/reasons.js";
import { checkReservations, type ReservationSummary } from "../plans/check-reservations.js";
import { DEFAULT_POLICY, type Finding, type PlanPolicy, type Reservation } from "../plans/findings.js";
import { planLanes } from "../plans/plan-lanes.js";
import type { Workload } from "../plans/workload.js";
import { type WorkloadProblem, workloadProblems } from "../plans/workload-problems.js";
import type { ModelRates } from "../rates/rate-card.js";
import { type MinuteTraffic, summarizeTraffic } from "../traffic/minute-traffic.js";
import type { ReservedProfile } from "../traffic/profile-reserved.js";
import { profileTraffic, type TermCurve, type TpmStats, type TrafficProfile } from "../traffic/profile-traffic.js";

const MINUTES_PER_DAY = 1440;

/** One model's measured traffic, on the account's window. */
export interface AuditModelInput {
  model: ModelRates;
  traffic: MinuteTraffic;
  /** async: the traffic can wait (Batch); from --latency-async. */
  latency: Latency;
}

/** A Provisioned Throughput of the account, with the traffic its ARN carried (null when none was read). */
export interface AuditReservationInput {
  name: string;
  provisionedModelArn: string;
  /** The base model, whose prices the units have. */
  model: ModelRates;
  /** The custom model it serves, by its ARN; null for the base model. */
  custom: string | null;
  units: number;
  term: Term;
  traffic: MinuteTraffic | null;
}

export interface AuditInput {
  models: readonly AuditModelInput[];
  reservations: readonly AuditReservationInput[];
  hoursPerMonth: number;
  policy?: PlanPolicy;
}

export interface AuditModel {
  model: ModelRates;
  monthly: Volume;
  tpm: { input: TpmStats; output: TpmStats };
  /** USD a month on-demand (Standard tier); null when a price its traffic needs is unknown. */
  onDemandCost: number | null;
  /** USD a month on Batch; null when the model has no Batch price. */
  batchCost: number | null;
  /** The lane it is best in, as plan decides it; null when a price its traffic needs is unknown. */
  best: LaneChoice | null;
  reasons: Reason[];
  /** What stops it being priced (a missing price); empty when priced. */
  problems: WorkloadProblem[];
  /** Mean tokens a minute in each hour of each weekday (UTC, Monday first): 168 values. */
  weekHours: number[];
  /** Its cost at each unit count on each priced term, minute by minute; empty when it cannot be priced. */
  curves: TermCurve[];
  /** Why there are no curves. */
  curvesMissing: TrafficProfile["provisionedMissing"];
  /** The Reserved tier sized minute by minute on each priced term of the model id's scope; empty without a price. */
  reserved: ReservedProfile[];
}

interface AuditReservation extends Omit<AuditReservationInput, "traffic"> {
  /** The traffic its ARN carried, a month of it, and its peak minute (zero when none was read). */
  monthly: Volume;
  peakTpm: TokensPerMinute;
  summary: ReservationSummary;
  findings: Finding[];
  /**
   * Where its traffic is best served, as plan decides it (PT again, maybe on another term or count,
   * or on-demand: released), with the reasons; null when its ARN carried nothing (released).
   */
  best: LaneChoice | null;
  reasons: Reason[];
}

export interface AuditResult {
  models: AuditModel[];
  reservations: AuditReservation[];
  totals: {
    /** USD a month today: the models' traffic on-demand and the reservations' units. */
    currentMonthlyCost: number;
    /** USD a month with every model and every reservation's traffic in its best lane. */
    recommendedMonthlyCost: number;
    saving: number;
  };
}

function measuredWorkload(name: string, model: ModelRates, traffic: MinuteTraffic, hoursPerMonth: number): Workload {
  const { volume, peakTpm } = summarizeTraffic(traffic, hoursPerMonth);
  return {
    name,
    model,
    volume,
    peakTpm,
    latency: "interactive",
    sla: "none",
    custom: null,
    measuredDays: traffic.minutes / MINUTES_PER_DAY,
    overflow: "on-demand",
  };
}

/**
 * The account at once: each model's measured traffic priced on-demand and on Batch, and put in its
 * best lane as plan decides it (PT only where a price is known); each Provisioned Throughput judged
 * as check judges a reservation against the traffic its ARN carried; and the run-rate today against
 * the run-rate with every workload in its lane.
 */
export function auditAccount(input: AuditInput): AuditResult {
  const { hoursPerMonth: hours } = input;
  const policy = input.policy ?? DEFAULT_POLICY;
  const models: AuditModel[] = [];
  const planned: { workload: Workload; model?: AuditModel; reservation?: string }[] = [];
  for (const { model, traffic, latency } of input.models) {
    const workload = { ...measuredWorkload(model.id, model, traffic, hours), latency };
    const problems = workloadProblems({ model, volume: workload.volume, peakTpm: workload.peakTpm, custom: false, hoursPerMonth: hours });
    // A model its traffic cannot be priced for is still measured: its tokens and tokens a minute, without prices.
    const measured = problems.length > 0 ? { ...model, onDemand: undefined, batch: undefined, provisioned: undefined } : model;
    const profile = profileTraffic(traffic, measured, { hoursPerMonth: hours, latency });
    const audited: AuditModel = {
      model,
      monthly: profile.monthly,
      tpm: profile.tpm,
      onDemandCost: problems.length > 0 ? null : onDemandCost(model, workload.volume),
      batchCost: problems.length > 0 ? null : batchCost(model, workload.volume),
      best: null,
      reasons: [],
      problems,
      weekHours: profile.weekHours,
      curves: profile.provisioned,
      curvesMissing: profile.provisionedMissing,
      reserved: profile.reserved,
    };
    models.push(audited);
    if (problems.length === 0) planned.push({ workload, model: audited });
  }

  // Each reservation's traffic is a workload of its own, judged against the units and planned with the rest.
  const reservationWorkloads: Workload[] = [];
  const reservations: Reservation[] = [];
  for (const entry of input.reservations) {
    const serves: string[] = [];
    if (entry.traffic && entry.traffic.minutes > 0) {
      const workload: Workload = {
        ...measuredWorkload(entry.name, entry.model, entry.traffic, hours),
        custom: entry.custom,
        // Calls to a provisioned model's ARN are throttled above its units: they do not fall back.
        overflow: "throttle",
      };
      reservationWorkloads.push(workload);
      serves.push(entry.name);
      planned.push({ workload, reservation: entry.name });
    }
    reservations.push({ type: "pt", name: entry.name, model: entry.model, units: entry.units, term: entry.term, serves });
  }
  const check = checkReservations({ workloads: reservationWorkloads, reservations, policy, hoursPerMonth: hours });
  const auditedReservations: AuditReservation[] = input.reservations.map((entry, i) => {
    const summary = check.reservations[i] as ReservationSummary;
    const workload = reservationWorkloads.find((w) => w.name === entry.name);
    const { traffic: _, ...reservation } = entry;
    return {
      ...reservation,
      monthly: workload?.volume ?? makeVolume({}),
      peakTpm: workload?.peakTpm ?? { input: 0, output: 0 },
      summary,
      findings: check.findings.filter((finding) => finding.subject === entry.name),
      best: null,
      reasons: [],
    };
  });

  const plan = planLanes(
    planned.map((p) => p.workload),
    hours,
    policy,
  );
  for (const [i, choice] of plan.workloads.entries()) {
    const best = { lane: choice.lane, term: choice.term, units: choice.units, monthlyCost: choice.monthlyCost };
    const target = planned[i]?.model ?? auditedReservations.find((r) => r.name === planned[i]?.reservation);
    if (!target) continue;
    target.best = best;
    target.reasons = choice.reasons;
  }

  // The largest bill first: what a FinOps lead reads the table for.
  models.sort((a, b) => (b.onDemandCost ?? -1) - (a.onDemandCost ?? -1));
  const current =
    models.reduce((sum, m) => sum + (m.onDemandCost ?? 0), 0) + auditedReservations.reduce((sum, r) => sum + r.summary.reservedCost, 0);
  // Reservations that carried nothing cost nothing once released.
  const recommended = plan.totals.monthlyCost;
  return {
    models,
    reservations: auditedReservations,
    totals: { currentMonthlyCost: current, recommendedMonthlyCost: recommended, saving: current - recommended },
  };
}
