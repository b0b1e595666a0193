import { overflowFallbackText } from "./hints.js";
import { formatCount } from "./money.js";

/** Facts about the measurement that a reader of the report should know. */
export type MeasurementNote =
  | { code: "COARSE_PERIOD"; periodSeconds: number }
  | { code: "GAPS"; gapMinutes: number; minutes: number }
  | { code: "OTHER_MODELS"; records: [string, number][] }
  | { code: "IGNORED_METRICS"; labels: string[] }
  | { code: "NO_PT_PRICE" }
  | { code: "NO_PT_PRICE_FOR_TERM" }
  | { code: "UNKNOWN_THROUGHPUT" }
  /** A measured window shorter than a week; `workload` names the plan's workload it belongs to. */
  | { code: "SHORT_WINDOW"; minutes: number; workload: string | null }
  /** Overflow priced on-demand (profile), or tolerated by a check's policy for these reservations. */
  | { code: "OVERFLOW_FALLBACK"; reservations: string[] | null };

function duration(minutes: number): string {
  if (minutes < 60) return minutes === 1 ? "1 minute" : `${formatCount(minutes)} minutes`;
  const [size, unit] = minutes < 1440 ? [Number((minutes / 60).toFixed(1)), "hour"] : [Number((minutes / 1440).toFixed(1)), "day"];
  return `${size} ${unit}${size === 1 ? "" : "s"}`;
}

function period(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}-day`;
  if (seconds % 3600 === 0) return `${seconds / 3600}-hour`;
  return `${seconds / 60}-minute`;
}

export function measurementNoteMessage(note: MeasurementNote): string {
  switch (note.code) {
    case "COARSE_PERIOD":
      return `The data comes in ${period(note.periodSeconds)} periods, each spread evenly over its minutes: peaks inside a period are invisible, so the overflow is a lower bound. Measure per minute where you can.`;
    case "GAPS":
      return `${formatCount(note.gapMinutes)} of the ${formatCount(note.minutes)} minutes have no data and count as zero traffic.`;
    case "OTHER_MODELS": {
      const total = note.records.reduce((sum, [, n]) => sum + n, 0);
      const list = note.records
        .slice(0, 5)
        .map(([id, n]) => `${id} (${formatCount(n)})`)
        .join(", ");
      return `Left out ${formatCount(total)} invocation-log records of other models: ${list}${note.records.length > 5 ? ", ..." : ""}.`;
    }
    case "IGNORED_METRICS":
      return `Left out metrics that are not token counts: ${note.labels.join(", ")}.`;
    case "NO_PT_PRICE":
      return "No PT price is known for this model: add your quote with --rates FILE (provisioned.hourlyPerUnit) or --unit-hourly USD with --term.";
    case "NO_PT_PRICE_FOR_TERM":
      return "No PT price is known for the --term asked for: add it with --rates FILE or --unit-hourly USD.";
    case "SHORT_WINDOW": {
      const window = `the measured window is ${duration(note.minutes)} long`;
      const start = note.workload === null ? `${window.charAt(0).toUpperCase()}${window.slice(1)}` : `${note.workload}: ${window}`;
      return `${start}: under 7 days it cannot show a weekly cycle, and the month scaled from it is a guess. Measure a week at least, and policy.minMeasuredDays (28 by default) before a long term.`;
    }
    case "OVERFLOW_FALLBACK":
      return note.reservations === null
        ? overflowFallbackText("flags")
        : `${note.reservations.join(", ")}: ${overflowFallbackText("plan")}`;
    case "UNKNOWN_THROUGHPUT":
      return "The cost curve needs a model unit's tokens per minute, which AWS does not publish: give --unit-input-tpm and --unit-output-tpm (or provisioned.unitThroughput in a rate file).";
  }
}
