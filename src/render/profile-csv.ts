import type { TrafficProfile } from "../core/traffic/profile-traffic.js";
import { type CsvCell, toCsv } from "./csv.js";
import { roundCents } from "./money.js";
import { pointJson } from "./profile-json.js";

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
] as const;

/** On-demand, Batch, then every point of every PT curve, raw numbers only. */
export function renderProfileCsv(profile: TrafficProfile): string {
  const rows: CsvCell[][] = [];
  if (profile.onDemand) rows.push(["on-demand", null, null, null, null, roundCents(profile.onDemand.monthlyCost), null, null, null, null]);
  if (profile.batch) rows.push(["batch", null, null, null, null, roundCents(profile.batch.monthlyCost), null, null, null, null]);
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
      ]);
    }
  }
  return toCsv(PROFILE_CSV_HEADER, rows);
}
