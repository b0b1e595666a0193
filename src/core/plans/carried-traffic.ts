import { scaleVolume, type TokensPerMinute, type Volume } from "../cost-model/volume.js";
import { sizingTpm, sumTpm, sumVolumes, type Workload, workloadPayAsYouGoCost } from "./workload.js";

/** What one reservation carries: its part of each served workload's traffic. */
export interface Carried {
  parts: { workload: Workload; share: number }[];
  volume: Volume;
  sizing: TokensPerMinute;
  /** USD a month without reserved capacity for the carried traffic; null when any of it has no on-demand lane. */
  onDemand: number | null;
}

/** Traffic that needs reserved capacity whatever it costs: a custom model, or a no-throttling SLA. */
export const needsPt = (workload: Workload) => workload.custom !== null || workload.sla === "no-throttling";

/** The traffic, sizing rate and cost without reserved capacity of the given parts of workloads. */
export function sumParts(parts: Carried["parts"], hoursPerMonth: number): Carried {
  const volume = sumVolumes(parts.map((part) => scaleVolume(part.workload.volume, part.share)));
  const sizing = sumTpm(
    parts.map((part) => {
      const rate = sizingTpm(part.workload, hoursPerMonth);
      return { input: rate.input * part.share, output: rate.output * part.share };
    }),
  );
  let onDemand: number | null = 0;
  for (const part of parts) {
    // What the traffic costs without reserved capacity: on-demand, or its Flex or Priority tier.
    const cost = workloadPayAsYouGoCost(part.workload);
    onDemand = cost === null || onDemand === null ? null : onDemand + cost * part.share;
  }
  return { parts, volume, sizing, onDemand };
}
