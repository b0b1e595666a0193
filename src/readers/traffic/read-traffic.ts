import { closeSync, openSync, readSync } from "node:fs";
import type { TokenField, TokenSeries } from "../../core/traffic/minute-traffic.js";
import { InputFileError, type InputProblem } from "../../errors.js";
import { isObject } from "../is-object.js";
import { parseJsonText } from "../parse-json-text.js";
import { readTextFile } from "../read-text-file.js";
import { detectPeriod, type GivenPeriod, isAscending, PeriodError, sortPoints } from "./detect-period.js";
import { LogMinutes, readInvocationEvents, readInvocationNdjson } from "./read-invocation-logs.js";
import { type MetricResult, metricDataResults, metricStatistics } from "./read-metric-json.js";
import { readTrafficCsv } from "./read-traffic-csv.js";

type TrafficFormat = "csv" | "get-metric-data" | "get-metric-statistics" | "invocation-logs" | "logs-export";

export interface TrafficRead {
  series: TokenSeries[];
  formats: { file: string; format: TrafficFormat }[];
  /** Results that carry no token metric (Invocations, latency, ...), left out. */
  ignoredMetrics: { file: string; label: string }[];
  /** Invocation-log records read for the model, and those of other models, by modelId. */
  logRecords: number;
  otherModels: [string, number][];
}

/** The first bytes of a file, to tell its format without reading it all. */
function head(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    readTextFile(path); // throws the usual one-line error
    return "";
  }
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const bytes = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer
      .subarray(0, bytes)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
  } catch (error) {
    throw new InputFileError([{ source: path, message: `cannot read: ${(error as Error).message}` }]);
  } finally {
    closeSync(fd);
  }
}

function looksLikeLogRecord(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return isObject(value) && ("modelId" in value || "schemaType" in value);
  } catch {
    return false;
  }
}

function parseJsonFile(path: string): Record<string, unknown> {
  const doc = parseJsonText(path, readTextFile(path));
  if (!isObject(doc)) throw new InputFileError([{ source: path, message: "expected a JSON object" }]);
  return doc;
}

const JSON_SHAPES =
  "expected get-metric-data output (MetricDataResults), get-metric-statistics output (Datapoints), a CloudWatch Logs export (events) or invocation-log records, one per line";

function concat(arrays: ArrayLike<number>[]): ArrayLike<number> {
  if (arrays.length === 1) return arrays[0] as ArrayLike<number>;
  const joined = new Float64Array(arrays.reduce((sum, a) => sum + a.length, 0));
  let at = 0;
  for (const array of arrays) {
    joined.set(array, at);
    at += array.length;
  }
  return joined;
}

/** Sorted times by the array they were sorted from: results of one query share one list of times. */
type SortedTimes = Map<ArrayLike<number>, Float64Array>;

function seriesOf(
  field: TokenField,
  source: string,
  label: string,
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  shared: SortedTimes,
  period: GivenPeriod | undefined,
): TokenSeries {
  let sortedTimes = times;
  let sortedValues = values;
  if (!isAscending(times)) {
    const sorted = sortPoints(times, values);
    const same = shared.get(times);
    if (same && same.length === sorted.times.length) sorted.times = same;
    else shared.set(times, sorted.times);
    if (sorted.duplicate !== null) {
      const when = new Date(sorted.duplicate * 1000).toISOString();
      throw new InputFileError([{ source, message: `${label}: two data points at ${when} (overlapping pages?)` }]);
    }
    sortedTimes = sorted.times;
    sortedValues = sorted.values;
  }
  try {
    return { field, periodSeconds: detectPeriod(sortedTimes, period), times: sortedTimes, values: sortedValues };
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    throw new InputFileError([{ source, message: `${label}: ${error.message}` }]);
  }
}

/**
 * Reads measured traffic from CSV, CloudWatch metric JSON (pages of get-metric-data are merged per
 * query id) and invocation logs (NDJSON or a CloudWatch Logs export), in any mix. Log records of
 * other models are counted, not mixed in.
 */
export function readTraffic(files: readonly string[], matchesModel: (modelId: string) => boolean, period?: GivenPeriod): TrafficRead {
  const problems: InputProblem[] = [];
  const read: TrafficRead = { series: [], formats: [], ignoredMetrics: [], logRecords: 0, otherModels: [] };
  const metrics: MetricResult[] = [];
  const logs = new LogMinutes();
  for (const file of files) {
    try {
      const start = head(file).trimStart();
      if (start.startsWith("{") || start.startsWith("[")) {
        if (looksLikeLogRecord(start.split("\n", 1)[0] as string)) {
          read.formats.push({ file, format: "invocation-logs" });
          readInvocationNdjson(file, matchesModel, logs);
          continue;
        }
        const doc = parseJsonFile(file);
        if ("MetricDataResults" in doc) {
          read.formats.push({ file, format: "get-metric-data" });
          metrics.push(...metricDataResults(doc, file));
        } else if ("Datapoints" in doc) {
          read.formats.push({ file, format: "get-metric-statistics" });
          metrics.push(metricStatistics(doc, file));
        } else if ("events" in doc) {
          read.formats.push({ file, format: "logs-export" });
          readInvocationEvents(doc, file, matchesModel, logs);
        } else throw new InputFileError([{ source: file, message: JSON_SHAPES }]);
      } else {
        read.formats.push({ file, format: "csv" });
        read.series.push(...readTrafficCsv(file, period));
      }
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputFileError(problems);

  const groups = new Map<string, MetricResult[]>();
  for (const result of metrics) {
    if (!result.field) {
      read.ignoredMetrics.push({ file: result.source, label: result.label });
      continue;
    }
    groups.set(result.key, [...(groups.get(result.key) ?? []), result]);
  }
  const shared: SortedTimes = new Map();
  for (const group of groups.values()) {
    const first = group[0] as MetricResult;
    const source = [...new Set(group.map((r) => r.source))].join(", ");
    try {
      read.series.push(
        seriesOf(
          first.field as TokenField,
          source,
          first.label,
          concat(group.map((r) => r.times)),
          concat(group.map((r) => r.values)),
          shared,
          period,
        ),
      );
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputFileError(problems);

  if (logs.minutes.size > 0) {
    const times = [...logs.minutes.keys()].sort((a, b) => a - b);
    const fields: TokenField[] = ["inputTokens", "outputTokens", "cacheReadTokens", "cacheWriteTokens"];
    fields.forEach((field, k) => {
      read.series.push({ field, periodSeconds: 60, times, values: times.map((t) => (logs.minutes.get(t) as number[])[k] as number) });
    });
  }
  read.logRecords = logs.records;
  read.otherModels = [...logs.otherModels.entries()].sort((a, b) => b[1] - a[1]);
  return read;
}
