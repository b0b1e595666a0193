import { formatCount } from "./money.js";

/** Facts about the measurement that a reader of the report should know. */
export type ProfileNote =
  | { code: "COARSE_PERIOD"; periodSeconds: number }
  | { code: "GAPS"; gapMinutes: number; minutes: number }
  | { code: "OTHER_MODELS"; records: [string, number][] }
  | { code: "IGNORED_METRICS"; labels: string[] }
  | { code: "NO_PT_PRICE" }
  | { code: "NO_PT_PRICE_FOR_TERM" }
  | { code: "UNKNOWN_THROUGHPUT" };

function period(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? "1-hour" : `${seconds / 3600}-hour`;
  return `${seconds / 60}-minute`;
}

export function profileNoteMessage(note: ProfileNote): string {
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
    case "UNKNOWN_THROUGHPUT":
      return "The cost curve needs a model unit's tokens per minute, which AWS does not publish: give --unit-input-tpm and --unit-output-tpm (or provisioned.unitThroughput in a rate file).";
  }
}
