import type { SkipReason } from "../core/traffic/minute-traffic.js";
import { overflowFallbackText } from "./hints.js";
import { formatCount } from "./money.js";

/** Facts about the measurement that a reader of the report should know. */
export type MeasurementNote =
  | { code: "COARSE_PERIOD"; periodSeconds: number }
  | { code: "GAPS"; gapMinutes: number; minutes: number }
  /** `workload` names the plan's workload whose files these are (absent in profile). */
  | { code: "OTHER_MODELS"; records: [string, number][]; workload?: string }
  /** Files of the folders read that were left out, by why. */
  | { code: "SKIPPED_FILES"; skipped: [SkipReason, number][]; workload?: string }
  /** Files named more than once, read once. */
  | { code: "REPEATED_FILES"; files: string[]; workload?: string }
  | { code: "IGNORED_METRICS"; labels: string[] }
  | { code: "NO_PT_PRICE" }
  | { code: "NO_PT_PRICE_FOR_TERM" }
  | { code: "UNKNOWN_THROUGHPUT" }
  /** A measured window shorter than a week; `workload` names the plan's workload it belongs to. */
  | { code: "SHORT_WINDOW"; minutes: number; workload: string | null }
  /** Overflow priced on-demand (profile), or tolerated by a check's policy for these reservations. */
  | { code: "OVERFLOW_FALLBACK"; reservations: string[] | null }
  /** audit: records and rows whose modelId names no model in the rates, by modelId. */
  | { code: "UNRESOLVED_MODELS"; records: [string, number][] }
  /** audit: traffic on provisioned-model ARNs that --provisioned does not list (or was not given), with its minutes of traffic. */
  | { code: "UNLISTED_PROVISIONED"; arns: [string, number][]; given: boolean }
  /** audit: CloudWatch token results whose label names no model (or several). */
  | { code: "UNLABELLED_METRICS"; labels: string[] }
  /** audit: models whose traffic needs a price the rates lack, left out of the totals. */
  | { code: "UNPRICED_MODELS"; models: { id: string; message: string }[] }
  /** audit: Provisioned Throughputs that do not bill (Creating, Failed), listed and not judged. */
  | { code: "RESERVATIONS_NOT_JUDGED"; reservations: { name: string; status: string }[] };

/** The first five of a list, and how many more. */
function firstFive(items: readonly string[]): string {
  return `${items.slice(0, 5).join(", ")}${items.length > 5 ? `, and ${formatCount(items.length - 5)} more` : ""}`;
}

/** A sentence about one of a plan's workloads starts with its name. */
function about(workload: string | undefined, sentence: string): string {
  return workload === undefined ? sentence : `${workload}: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

const SKIPPED: Record<SkipReason, (n: number) => string> = {
  hidden: (n) => `${plural(n, "hidden file", "hidden files")} (a name starting with a dot)`,
  "permission-check": (n) =>
    `${plural(n, "AWS permission-check object", "AWS permission-check objects")} (amazon-bedrock-logs-permission-check)`,
  "not-traffic": (n) => `${plural(n, "file", "files")} in no traffic format`,
};

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
      const map = note.workload === undefined ? "--profile-map FILE" : "bedrock-cost profile --profile-map FILE";
      const profiles = note.records.some(([id]) => id.includes(":application-inference-profile/"))
        ? ` An application inference profile's ARN names no model: ${map} says which model each one is.`
        : "";
      return about(
        note.workload,
        `Left out ${formatCount(total)} invocation-log records of other models: ${list}${note.records.length > 5 ? ", ..." : ""}.${profiles}`,
      );
    }
    case "SKIPPED_FILES": {
      const total = note.skipped.reduce((sum, [, n]) => sum + n, 0);
      const why = note.skipped.map(([reason, n]) => SKIPPED[reason](n)).join(", ");
      return about(note.workload, `Left out ${formatCount(total)} file${total === 1 ? "" : "s"} of the folders read: ${why}.`);
    }
    case "REPEATED_FILES":
      return about(
        note.workload,
        `Read once, though named more than once (a glob that overlaps another?): ${note.files.slice(0, 5).join(", ")}${note.files.length > 5 ? ", ..." : ""}.`,
      );
    case "IGNORED_METRICS":
      return `Left out metrics that are not token counts: ${note.labels.slice(0, 5).join(", ")}${note.labels.length > 5 ? `, and ${formatCount(note.labels.length - 5)} more` : ""}.`;
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
    case "UNRESOLVED_MODELS": {
      const total = note.records.reduce((sum, [, n]) => sum + n, 0);
      const profiles = note.records.some(([id]) => id.includes(":application-inference-profile/"))
        ? " An application inference profile's ARN names no model: --profile-map FILE says which model each one is."
        : " Add the model in a rate file (--rates) to price it.";
      return `Left out ${formatCount(total)} records or rows whose model is not in these rates: ${firstFive(note.records.map(([id, n]) => `${id} (${formatCount(n)})`))}.${profiles}`;
    }
    case "UNLISTED_PROVISIONED": {
      const how = note.given
        ? "the --provisioned file does not list them (another region or account, or deleted since?)"
        : "give --provisioned with the output of aws bedrock list-provisioned-model-throughputs to judge their units";
      return `Traffic on provisioned models not judged: ${firstFive(note.arns.map(([arn, n]) => `${arn} (${formatCount(n)} minutes with traffic)`))}; ${how}.`;
    }
    case "UNLABELLED_METRICS":
      return `Left out CloudWatch results whose label names no one model: ${firstFive(note.labels)}. Label each query with its model id (a SEARCH over the ModelId dimension does).`;
    case "UNPRICED_MODELS":
      return `Not priced, and left out of the totals: ${firstFive(note.models.map((m) => `${m.id} (${m.message})`))}.`;
    case "RESERVATIONS_NOT_JUDGED":
      return `Provisioned Throughputs that do not bill yet or any more, not judged: ${firstFive(note.reservations.map((r) => `${r.name} (${r.status})`))}.`;
    case "UNKNOWN_THROUGHPUT":
      return "The cost curve needs a model unit's tokens per minute, which AWS does not publish: give --unit-input-tpm and --unit-output-tpm (or provisioned.unitThroughput in a rate file).";
  }
}
