import type { TrafficProfile } from "../core/traffic/profile-traffic.js";
import { type CsvCell, toCsv } from "./csv.js";
import { roundCents } from "./money.js";
import { pointJson, reservedPointJson } from "./profile-json.js";

const PROFILE_CSV_HEADER = [
  "lane",
  "term",
  "units",
  "reservedCost",
  "overflowCost",
  "monthlyCost",
  "utilization",
  "overflowMinutes",
  "best",
  "peakSized",
  "scope",
  "reservedInputTpm",
  "reservedOutputTpm",
  "committedCost",
] as const;

/** On-demand, Batch, every point of every PT curve, then each Reserved tier term's best and peak-sized reservations, raw numbers only. */
export function renderProfileCsv(profile: TrafficProfile): string {
  const rows: CsvCell[][] = [];
  const none = [null, null, null, null];
  if (profile.onDemand)
    rows.push(["on-demand", null, null, null, null, roundCents(profile.onDemand.monthlyCost), null, null, null, null, ...none]);
  if (profile.batch) rows.push(["batch", null, null, null, null, roundCents(profile.batch.monthlyCost), null, null, null, null, ...none]);
  for (const curve of profile.provisioned) {
    for (const point of curve.curve) {
      const p = pointJson(point);
      rows.push([
        "provisioned",
        curve.term,
        p.units,
        p.reservedCost,
        p.overflowCost,
        p.monthlyCost,
        p.utilization,
        p.overflowMinutes,
        point.units === curve.best.units,
        point.units === curve.peakSized.units,
        ...none,
      ]);
    }
  }
  for (const option of profile.reserved) {
    for (const [point, best] of [
      [option.best, true],
      [option.peakSized, false],
    ] as const) {
      const p = reservedPointJson(point);
      rows.push([
        "reserved",
        option.term,
        null,
        p.reservedCost,
        p.overflowCost,
        p.monthlyCost,
        p.utilization,
        p.overflowMinutes,
        best,
        !best,
        option.scope,
        p.inputTpm,
        p.outputTpm,
        p.committedCost,
      ]);
    }
  }
  return toCsv(PROFILE_CSV_HEADER, rows);
}
