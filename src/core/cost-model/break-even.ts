import { scaleVolume, type Volume } from "./volume.js";

export type BreakEven =
  /** The lines cross at `scale` times the volume, where the units run at `utilization` (null when unknown). */
  | { kind: "found"; scale: number; volume: Volume; utilization: number | null }
  /** The units are full before on-demand catches up: PT never beats on-demand at this mix. */
  | { kind: "never"; utilization: number }
  /** There is no traffic to scale, or no on-demand line to cross. */
  | { kind: "none"; why: "no-traffic" | "no-on-demand" };

/**
 * Where a flat monthly cost meets a per-token line through the origin, at the volume's own mix.
 * `lineCost` is the per-token lane's cost of `volume`; `utilization` is what the units run at for
 * `volume` (null when the unit throughput is unknown).
 */
export function findBreakEven(fixedCost: number, lineCost: number | null, volume: Volume, utilization: number | null): BreakEven {
  if (lineCost === null) return { kind: "none", why: "no-on-demand" };
  if (!(lineCost > 0)) return { kind: "none", why: "no-traffic" };
  const scale = fixedCost / lineCost;
  const atBreakEven = utilization === null ? null : scale * utilization;
  if (atBreakEven !== null && atBreakEven > 1) return { kind: "never", utilization: atBreakEven };
  return { kind: "found", scale, volume: scaleVolume(volume, scale), utilization: atBreakEven };
}
