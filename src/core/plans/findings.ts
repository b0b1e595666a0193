import type { ReservedPrices, ReservedScope, ReservedTerm } from "../cost-model/reserved-tier.js";
import type { Term } from "../cost-model/terms.js";
import { DEFAULT_MIN_SAVING } from "../lanes/recommend-lane.js";
import type { ModelRates } from "../rates/rate-card.js";

const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A proposed (or planned) reservation of model units, with its model resolved. */
export interface Reservation {
  type?: "pt";
  /** What findings name it by: the plan's reservation name or the Terraform address. */
  name: string;
  model: ModelRates;
  units: number;
  term: Term;
  /** Names of the workloads whose traffic it carries. */
  serves: string[];
}

/** A proposed reservation of the Reserved tier: tokens a minute, apart for input and output. */
export interface ReservedTierReservation {
  type: "reserved";
  name: string;
  model: ModelRates;
  term: ReservedTerm;
  scope: ReservedScope;
  /** Input (with cache writes) and output tokens a minute reserved. */
  inputTpm: number;
  outputTpm: number;
  /** The model's Reserved tier prices for this scope and term. */
  prices: ReservedPrices;
  serves: string[];
}

/** Either kind of reserved capacity a plan may propose. */
export type AnyReservation = Reservation | ReservedTierReservation;

/** The Reserved tier capacity a finding is about, for its sentence; absent for model units. */
export interface ReservedCapacity {
  scope: ReservedScope;
  inputTpm: number;
  outputTpm: number;
}

export interface PlanPolicy {
  /** "break-even": units must cost no more than on-demand for their traffic; a fraction: also a utilization floor. */
  minUtilization: "break-even" | number;
  /** Share of a served workload's traffic allowed to spill over to on-demand, 0 to 1. */
  maxOverflowShare: number;
  /** Whether a 6-month term needs measured traffic. */
  longTermNeedsMeasuredTraffic: boolean;
  /** Days a measured window must span to prove a utilization for a long term. */
  minMeasuredDays: number;
  /** The least share of the on-demand cost reserved units must save to be recommended over on-demand. */
  minSavingShare: number;
  /** USD a month the reservations may cost in all (check); absent: no limit. */
  maxMonthlyCost?: number | undefined;
  /** USD the reservations' terms may commit to in all (check); absent: no limit. */
  maxCommittedCost?: number | undefined;
  /** USD a month the reservations may cost over the baseline's (check --baseline); absent: no limit. */
  maxMonthlyIncrease?: number | undefined;
}

export const DEFAULT_POLICY: PlanPolicy = {
  minUtilization: "break-even",
  maxOverflowShare: 0,
  longTermNeedsMeasuredTraffic: true,
  minMeasuredDays: 28,
  minSavingShare: DEFAULT_MIN_SAVING,
};

/** Details of each finding; the sentence is written by the renderer. */
export type FindingDetail =
  | {
      code: "IDLE_RESERVATION";
      why: "costlier-than-on-demand" | "below-min-utilization" | "more-than-needed";
      /** Set for a Reserved tier reservation: what it reserves (its `units` is then 0). */
      reserved?: ReservedCapacity;
      reservedCost: number;
      /**
       * USD a month on-demand for the share of the traffic the units carry; for "more-than-needed", for
       * the traffic beside the SLA's and custom models' that the extra units would carry.
       */
      onDemandCost: number | null;
      /** The share of the served traffic the units carry: 1 unless they are full. */
      carriedShare: number;
      /** For "more-than-needed": USD a month for the units beyond those the SLA and custom models need. */
      extraCost: number | null;
      utilization: number | null;
      minUtilization: number | null;
      /** Units the served peak needs; for "more-than-needed", units the SLA and custom-model traffic needs. */
      neededUnits: number | null;
      units: number;
      term: Term | ReservedTerm;
      committedOver: number;
    }
  | { code: "UNKNOWN_CAPACITY"; modelId: string }
  | {
      code: "UNDER_PROVISIONED";
      units: number;
      neededUnits: number;
      throttled: boolean;
      overflowShare: number;
      maxOverflowShare: number;
    }
  | {
      /** A Reserved tier reservation below the peak of the no-throttling SLA traffic it serves. */
      code: "UNDER_PROVISIONED";
      reserved: ReservedCapacity;
      neededTpm: { input: number; output: number };
      workloads: string[];
    }
  | { code: "ASYNC_ON_RESERVATION"; reservations: string[]; reservedShare: number; batchCost: number }
  | { code: "CUSTOM_MODEL_UNSERVED"; modelId: string; workloads: string[]; neededUnits: number | null; term: Term | null }
  | { code: "UNSERVED_RESERVATION"; why: "serves-nothing" | "other-models"; modelId: string; others: string[] }
  | {
      code: "WRONG_MODEL";
      workload: string;
      workloadModelId: string;
      /** The custom model the workload runs on; null for the base model. */
      workloadCustom: string | null;
      modelId: string;
      /** The custom model the reservation's units serve; null for the base model. */
      reservedCustom: string | null;
    }
  | { code: "SIZED_ON_AVERAGES"; units: number; utilization: number; workloads: string[] }
  | {
      code: "UNPROVEN_LONG_TERM";
      term: Term | ReservedTerm;
      committedCost: number;
      /** Workloads whose traffic was never measured, or measured for fewer than minMeasuredDays. */
      unmeasured: string[];
      minMeasuredDays: number;
    }
  | { code: "SLA_PREMIUM"; workloads: string[]; onDemandCost: number; reservedCost: number }
  | { code: "SLA_UNRESERVED"; modelId: string }
  | { code: "COMMITTED_REPLACEMENT"; action: "replace" | "delete"; term: Term; units: number; modelId: string | null }
  | { code: "UNKNOWN_AT_PLAN"; attributes: string[] }
  | { code: "BUDGET_EXCEEDED"; budget: "monthly" | "committed"; total: number; limit: number }
  | { code: "INCREASE_EXCEEDED"; increase: number; limit: number; baseline: number };

export type FindingCode = FindingDetail["code"];

export type Finding = FindingDetail & {
  severity: Severity;
  /** The reservation, workload or Terraform address the finding concerns. */
  subject: string;
  /** USD a month; 0 when the finding has no direct cost. */
  monthlyImpact: number;
};

/** Severity of each code: errors fail the check. */
const FINDING_SEVERITY = {
  IDLE_RESERVATION: "error",
  UNKNOWN_CAPACITY: "warning",
  UNDER_PROVISIONED: "error",
  ASYNC_ON_RESERVATION: "error",
  CUSTOM_MODEL_UNSERVED: "error",
  UNSERVED_RESERVATION: "error",
  WRONG_MODEL: "error",
  UNPROVEN_LONG_TERM: "warning",
  SIZED_ON_AVERAGES: "warning",
  SLA_PREMIUM: "info",
  SLA_UNRESERVED: "warning",
  COMMITTED_REPLACEMENT: "error",
  UNKNOWN_AT_PLAN: "warning",
  BUDGET_EXCEEDED: "error",
  INCREASE_EXCEEDED: "error",
} as const satisfies Record<FindingCode, Severity>;

export function makeFinding(subject: string, monthlyImpact: number, detail: FindingDetail): Finding {
  return { ...detail, severity: FINDING_SEVERITY[detail.code], subject, monthlyImpact };
}
