import type { Term } from "../cost-model/terms.js";

/** The three ways to pay for Bedrock inference. */
export const LANES = ["on-demand", "batch", "provisioned"] as const;
export type Lane = (typeof LANES)[number];

export const LATENCIES = ["interactive", "async"] as const;
export type Latency = (typeof LATENCIES)[number];

export interface LaneChoice {
  lane: Lane;
  term: Term | null;
  units: number | null;
  /** USD a month. */
  monthlyCost: number;
}
