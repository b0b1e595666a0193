import { type OverflowTo, onDemandCost, tierCost } from "../cost-model/pricing.js";
import type { ReservedScope } from "../cost-model/reserved-tier.js";
import { inputSideTokens, makeVolume, type TokensPerMinute, type Volume } from "../cost-model/volume.js";
import type { CompareLatency, Tier } from "../lanes/lanes.js";
import type { ModelRates } from "../rates/rate-card.js";

export const SLAS = ["none", "no-throttling"] as const;
type Sla = (typeof SLAS)[number];

/** One workload of a plan, with its model already resolved. */
export interface Workload {
  name: string;
  model: ModelRates;
  volume: Volume;
  /** The peak minute; absent: the volume is taken as spread evenly over the month. */
  peakTpm?: TokensPerMinute | undefined;
  /** interactive, async (Batch), or flex (the Flex tier: slower, still synchronous). */
  latency: CompareLatency;
  /** The on-demand tier its traffic is priced at; standard when absent. */
  tier?: Tier | undefined;
  sla: Sla;
  /**
   * The custom model (fine-tuned, distilled or continued pre-training) the workload runs on, by name;
   * null for the base model. A custom model is served on PT only, by units bought for it alone.
   */
  custom: string | null;
  /** Days the measured traffic spans; null when the volume is an estimate. */
  measuredDays: number | null;
  /** Where its traffic above reserved units goes: on-demand when the application falls back, else throttled. */
  overflow: OverflowTo;
  /** The Reserved tier's scope for it; that of the model id when absent. */
  scope?: ReservedScope | undefined;
}

/** The rate units must carry for a workload: its peak, or its average when no peak is known. */
export function sizingTpm(workload: Workload, hoursPerMonth: number): TokensPerMinute {
  if (workload.peakTpm) return workload.peakTpm;
  const minutes = hoursPerMonth * 60;
  return { input: inputSideTokens(workload.volume) / minutes, output: workload.volume.outputTokens / minutes };
}

export function sumTpm(rates: readonly TokensPerMinute[]): TokensPerMinute {
  return rates.reduce((sum, rate) => ({ input: sum.input + rate.input, output: sum.output + rate.output }), { input: 0, output: 0 });
}

export function sumVolumes(volumes: readonly Volume[]): Volume {
  const sum = makeVolume({});
  let longInput = 0;
  let longOutput = 0;
  for (const v of volumes) {
    sum.inputTokens += v.inputTokens;
    sum.outputTokens += v.outputTokens;
    sum.cacheReadTokens += v.cacheReadTokens;
    sum.cacheWriteTokens += v.cacheWriteTokens;
    sum.cacheWrite1hTokens += v.cacheWrite1hTokens;
    longInput += v.longContextInputTokens ?? 0;
    longOutput += v.longContextOutputTokens ?? 0;
  }
  return makeVolume({ ...sum, longContextInputTokens: longInput, longContextOutputTokens: longOutput });
}

/** Whether a workload's utilization is proven: measured over at least `minMeasuredDays`. */
export function isProven(workload: Workload, minMeasuredDays: number): boolean {
  return workload.measuredDays !== null && workload.measuredDays >= minMeasuredDays;
}

/**
 * What reserved units a workload can run on: its base model's, or one custom model's. A Provisioned
 * Throughput serves one model: workloads share units only when this is the same.
 */
export function servedModelKey(workload: Pick<Workload, "model" | "custom">): string {
  return workload.custom === null ? workload.model.id : `${workload.model.id} custom:${workload.custom}`;
}

/**
 * USD a month on-demand at the tier its traffic needs: Priority when asked (and priced), else
 * Standard; what a plan's savings are counted against. Null for a custom model, which cannot be
 * served without PT whatever its base model's price.
 */
export function workloadOnDemandCost(workload: Workload): number | null {
  if (workload.custom) return null;
  if (payAsYouGoLane(workload) === "priority") return tierCost(workload.model, workload.volume, "priority");
  return onDemandCost(workload.model, workload.volume);
}

/**
 * USD a month without a commitment, in the lane its traffic takes (payAsYouGoLane): what reserved
 * units must beat. The Flex tier for work that can take longer, where priced; else as on-demand.
 */
export function workloadPayAsYouGoCost(workload: Workload): number | null {
  if (workload.custom) return null;
  return payAsYouGoLane(workload) === "flex" ? tierCost(workload.model, workload.volume, "flex") : workloadOnDemandCost(workload);
}

/** The lane a workload's traffic takes without a commitment: the Flex tier, the Priority tier, or on-demand. */
export function payAsYouGoLane(workload: Workload): "on-demand" | "flex" | "priority" {
  if (workload.latency === "flex" && workload.model.flex) return "flex";
  if (workload.tier === "priority" && workload.model.priority) return "priority";
  return "on-demand";
}
