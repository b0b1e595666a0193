import type { ReservedTerm } from "../cost-model/reserved-tier.js";
import type { Term } from "../cost-model/terms.js";

/** The ways to pay for Bedrock inference: per token, per token later, by model unit, by tokens a minute. */
export const LANES = ["on-demand", "batch", "provisioned", "reserved", "priority", "flex"] as const;
export type Lane = (typeof LANES)[number];

export const LATENCIES = ["interactive", "async"] as const;
export type Latency = (typeof LATENCIES)[number];

/** compare also knows work that can take longer but stays synchronous: the Flex tier's. */
export const COMPARE_LATENCIES = [...LATENCIES, "flex"] as const;
export type CompareLatency = (typeof COMPARE_LATENCIES)[number];

/** The on-demand tier interactive traffic is priced at: Standard, or Priority. */
export const TIERS = ["standard", "priority"] as const;
export type Tier = (typeof TIERS)[number];

export interface LaneChoice {
  lane: Lane;
  /** A PT term for provisioned, a Reserved tier term for reserved, null otherwise. */
  term: Term | ReservedTerm | null;
  units: number | null;
  /** USD a month. */
  monthlyCost: number;
}
