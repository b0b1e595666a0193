import type { ReservedScope, ReservedTerm } from "../cost-model/reserved-tier.js";
import type { Term } from "../cost-model/terms.js";
import type { Volume } from "../cost-model/volume.js";
import type { LaneChoice } from "./lanes.js";

/** Where a PT option stands against its break-even with on-demand. */
interface BreakEvenDetails {
  term: Term;
  units: number;
  /** What the units run at; null when the unit throughput is unknown. */
  utilization: number | null;
  breakEvenUtilization: number | null;
  breakEvenVolume: Volume;
}

/**
 * The most all reserved units together may cost an hour for PT to pay off against on-demand (lowered
 * by --min-saving when given), and per unit when the units the traffic needs are known.
 */
export interface ProvisionedCeiling {
  hourlyTotal: number;
  units: number | null;
  hourlyPerUnit: number | null;
  /** The share of on-demand PT must save, when --min-saving is given; 0 otherwise. */
  minSaving: number;
}

/** Why a lane was recommended. Each code is stable; the sentence is written by the renderer. */
export type Reason =
  | { code: "CHEAPEST"; choice: LaneChoice; runnerUp: LaneChoice | null }
  | { code: "PT_ONLY_MODEL" }
  | { code: "ASYNC_TO_BATCH"; batchCost: number; onDemandCost: number | null }
  | { code: "NO_BATCH_PRICE" }
  | { code: "BATCH_IF_ASYNC"; batchCost: number; saving: number }
  | { code: "NO_PT_PRICE"; ceiling?: ProvisionedCeiling | null }
  | { code: "NO_PT_PRICE_FOR_TERM"; terms: Term[] }
  | ({ code: "BELOW_BREAK_EVEN" } & BreakEvenDetails)
  | ({ code: "ABOVE_BREAK_EVEN" } & BreakEvenDetails)
  | { code: "PT_NEVER_BREAKS_EVEN"; term: Term; units: number; breakEvenUtilization: number }
  | { code: "OVERFLOW"; term: Term; units: number; share: number; cost: number; unitsToCarry: number }
  | { code: "THROTTLED"; term: Term; units: number; share: number; unitsToCarry: number }
  | { code: "CAPACITY_UNKNOWN"; units: number }
  | { code: "UNPROVEN_LONG_TERM"; term: Term; committedCost: number }
  | { code: "UNITS_BELOW_PEAK"; units: number; peakUnits: number }
  | { code: "BLENDED_CHEAPER"; term: Term; units: number; monthlyCost: number; overflowShare: number }
  | {
      code: "SAVING_BELOW_THRESHOLD";
      term: Term;
      units: number;
      /** USD a month for the declined reserved units (with any overflow). */
      monthlyCost: number;
      /** USD a month they would save against on-demand, and that as a share of on-demand. */
      saving: number;
      share: number;
      minSaving: number;
    }
  | {
      code: "RESERVED_TIER";
      term: ReservedTerm;
      scope: ReservedScope;
      inputTpm: number;
      outputTpm: number;
      monthlyCost: number;
      committedCost: number;
      utilization: number;
      /** USD a month over the Standard tier for the same tokens; negative where the reservation costs less. */
      premium: number;
      /** The recommendation. */
      chosen: boolean;
      /** Set where it would save, but less than this share of on-demand (--min-saving), so it was declined. */
      minSaving: number | null;
    }
  | { code: "FLEX_IF_SLOWER"; flexCost: number; saving: number }
  | {
      /** A no-throttling SLA: what each way of buying capacity costs, against Standard on-demand. */
      code: "GUARANTEES";
      standardCost: number;
      pt: { term: Term; units: number; monthlyCost: number } | null;
      reserved: { term: ReservedTerm; scope: ReservedScope; inputTpm: number; outputTpm: number; monthlyCost: number } | null;
      priority: { monthlyCost: number } | null;
    }
  | { code: "CUSTOM_MODEL" }
  | { code: "SLA_OVERRIDE"; premium: number; onDemandCost: number }
  | { code: "SLA_NEEDS_PT_PRICE" }
  | {
      code: "SHARED_UNITS";
      /** The other members, in plan order: the first ten of them. */
      with: string[];
      /** How many other members there are in all. */
      withCount: number;
      units: number;
      term: Term;
      utilization: number | null;
      /** What this workload adds to the account by joining units reserved for others; null for those who need them. */
      addedCost: number | null;
    };

export type ReasonCode = Reason["code"];

/** Facts about how the inputs were read, shown beside the report rather than in it. */
export type Note =
  | { code: "UNITS_FROM_VOLUME"; units: number }
  | { code: "UNITS_FROM_PEAK"; units: number }
  | { code: "UNITS_DEFAULT"; units: number; peakGiven: boolean }
  /** Traffic above the units is priced on-demand, which assumes the application falls back to it. */
  | { code: "OVERFLOW_FALLBACK" }
  /** Long-context requests are priced on Standard on-demand only: no other lane's long-context price is known. */
  | { code: "LONG_CONTEXT_ON_DEMAND_ONLY"; lanes: ("Batch" | "Priority" | "Flex")[] };

export interface Recommendation extends LaneChoice {
  reasons: Reason[];
}
