import type { Readable } from "node:stream";
import { type SkipReason, TOKEN_FIELDS, type TokenField, type TokenSeries } from "../../core/traffic/minute-traffic.js";
import { InputFileError, type InputProblem } from "../../errors.js";
import { isObject } from "../is-object.js";
import { parseJsonText } from "../parse-json-text.js";
import { detectPeriod, type GivenPeriod, isAscending, PeriodError, sortPoints } from "./detect-period.js";
import { jsonObjectsIn } from "./json-values.js";
import type { LogScanPool } from "./log-scan-pool.js";
import {
  emptySpan,
  isExportLine,
  isLogRecord,
  isNdjsonLogHead,
  LogLineReader,
  LogMinutes,
  type LogSink,
  type RecordChecks,
  readInvocationEvents,
  readLogLines,
  readLogRecords,
  StopReading,
} from "./read-invocation-logs.js";
import { type MetricResult, metricDataResults, metricStatistics } from "./read-metric-json.js";
import { type CsvTraffic, readTrafficCsv } from "./read-traffic-csv.js";
import { HEAD_CHARS, peek, readAll, STDIN, type TextChunks, textOf } from "./text-stream.js";
import { type TrafficFile, trafficFiles } from "./traffic-files.js";

export type TrafficFormat = "csv" | "get-metric-data" | "get-metric-statistics" | "invocation-logs" | "logs-export";

export interface TrafficRead {
  series: TokenSeries[];
  formats: { file: string; format: TrafficFormat }[];
  /** Results that carry no token metric (Invocations, latency, ...), left out. */
  ignoredMetrics: { file: string; label: string }[];
  /** Invocation-log records read for the model, and those of other models, by modelId. */
  logRecords: number;
  otherModels: [string, number][];
  /** Files of the folders read that were left out, by why. */
  skipped: [SkipReason, number][];
  /** Files named more than once, read once. */
  repeated: string[];
  /**
   * The span of every log record and CSV row read, of any model, in epoch seconds (end: the end of
   * the last minute); null without any. The model's traffic is laid on it: logs of a month in which
   * the model was used one day give a day's traffic in a month, not a day's scaled to a month.
   */
  window: { start: number; end: number } | null;
}

/** The window of a span of record times and of series: from the first minute's start to the last period's end. */
export function spanWindow(span: { first: number; last: number }, series: readonly TokenSeries[]): { start: number; end: number } | null {
  let start = Number.isFinite(span.first) ? Math.floor(span.first / 60) * 60 : Number.POSITIVE_INFINITY;
  let end = Number.isFinite(span.last) ? Math.floor(span.last / 60) * 60 + 60 : Number.NEGATIVE_INFINITY;
  for (const one of series) {
    if (one.times.length === 0) continue;
    start = Math.min(start, Math.floor((one.times[0] as number) / 60) * 60);
    end = Math.max(end, Math.floor((one.times[one.times.length - 1] as number) / 60) * 60 + one.periodSeconds);
  }
  return Number.isFinite(start) ? { start, end } : null;
}

/** How inputs are read, whatever is done with them after. */
export interface InputOptions extends RecordChecks {
  period?: GivenPeriod | undefined;
  /** Threads that read invocation logs (BEDROCK_COST_THREADS); by default, as many as help (see LogScanPool). */
  threads?: number | undefined;
  /** Opens standard input, for a file named `-`. */
  stdin?: (() => Readable) | undefined;
}

export interface TrafficOptions extends InputOptions {
  /** The profiled model's id, for messages. */
  modelId: string;
  /** Whether a modelId (an id, profile id or ARN) is the profiled model. */
  matches(modelId: string): boolean;
}

/** The one line for a file of no format bedrock-cost reads. */
const FORMATS =
  "not a traffic file: expected CSV, CloudWatch get-metric-data or get-metric-statistics JSON, or invocation logs (JSON records, NDJSON, a CloudWatch Logs export), plain or gzip";

export function concat(arrays: ArrayLike<number>[]): ArrayLike<number> {
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
export type SortedTimes = Map<ArrayLike<number>, Float64Array>;

export function seriesOf(
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

/** The name of an input in messages. */
const shownAs = (path: string) => (path === STDIN ? "stdin" : path);

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A JSON file read whole: one document, or the records of several documents one after another (each
 * pretty-printed). Its text is let go on return, before the document is read into series: the text
 * of a file at the cap and its parsed document together are most of the memory a run takes.
 */
async function readWholeJson(
  chunks: TextChunks,
  source: string,
): Promise<{ doc: unknown } | { records: { value: unknown; path: number[]; line: number }[] }> {
  const text = await readAll(chunks, source);
  const doc = tryJson(text);
  if (doc !== undefined) return { doc };
  const objects = jsonObjectsIn(text);
  if (!objects) return { doc: parseJsonText(source, text) }; // throws, with the line
  return { records: objects.map((object, i) => ({ value: parseJsonText(source, object.text), path: [i], line: object.line })) };
}

interface Sinks {
  csv: CsvTraffic[];
  metrics: MetricResult[];
  logs: LogSink;
}

/**
 * Reads one input into `sinks`, by its content: CSV, CloudWatch metric JSON, or invocation logs
 * (NDJSON, JSON records, a CloudWatch Logs export). Returns its format, or null for a file in a folder
 * that is in none of them (it is skipped, where a file named on its own is an error).
 */
async function readOne(
  file: TrafficFile,
  options: InputOptions,
  sinks: Sinks,
  pool: LogScanPool | undefined,
): Promise<TrafficFormat | null> {
  const source = shownAs(file.path);
  if (pool && (await pool.read(file.path, new LogLineReader(source, "ndjson", options, sinks.logs)))) return "invocation-logs";
  const input = await peek(textOf(file.path, source, options.stdin), HEAD_CHARS);
  const start = input.head.trimStart();
  const firstLine = start.split("\n", 1)[0] as string;
  const notTraffic = async (): Promise<null> => {
    await input.close();
    if (file.inFolder) return null;
    throw new InputFileError([{ source, message: FORMATS }]);
  };
  if (isNdjsonLogHead(input.head)) {
    await readLogLines(input.chunks, source, "ndjson", options, sinks.logs);
    return "invocation-logs";
  }
  if (start.startsWith("{") || start.startsWith("[")) {
    const whole = await readWholeJson(input.chunks, source);
    if ("records" in whole) {
      if (!whole.records.some((r) => isLogRecord(r.value))) return notTraffic();
      readLogRecords(whole.records, source, options, sinks.logs);
      return "invocation-logs";
    }
    const doc = whole.doc;
    if (Array.isArray(doc)) {
      if (!doc.some(isLogRecord)) return notTraffic();
      readLogRecords(
        doc.map((value, i) => ({ value, path: [i] })),
        source,
        options,
        sinks.logs,
      );
      return "invocation-logs";
    }
    if (!isObject(doc)) return notTraffic();
    if ("MetricDataResults" in doc) {
      // A loop, not push(...): a SEARCH over many metrics returns hundreds of thousands of results.
      for (const result of metricDataResults(doc, source)) sinks.metrics.push(result);
      return "get-metric-data";
    }
    if ("Datapoints" in doc) {
      sinks.metrics.push(metricStatistics(doc, source));
      return "get-metric-statistics";
    }
    if ("events" in doc) {
      readInvocationEvents(doc, source, options, sinks.logs);
      return "logs-export";
    }
    if (isLogRecord(doc)) {
      readLogRecords([{ value: doc, path: [] }], source, options, sinks.logs);
      return "invocation-logs";
    }
    return notTraffic();
  }
  if (isExportLine(firstLine)) {
    await readLogLines(input.chunks, source, "export", options, sinks.logs);
    return "logs-export";
  }
  // CSV: a header line first. In a folder, only a file whose header names timestamp is taken for one.
  if (file.inFolder ? !/(^|,)\s*"?timestamp"?\s*(,|$)/.test(firstLine) : start !== "" && !firstLine.includes(",")) return notTraffic();
  for (const traffic of await readTrafficCsv(input.chunks, source, options.period)) sinks.csv.push(traffic);
  return "csv";
}

/** The series of one SEARCH result (several series under one query id) whose label names the model. */
function searchSeries(group: MetricResult[], options: TrafficOptions): MetricResult[] {
  const labels = [...new Set(group.map((r) => r.label))];
  if (labels.length === 1) return group;
  const naming = labels.filter((label) => label.split(/\s+/).some((word) => word !== "" && options.matches(word)));
  if (naming.length === 1) return group.filter((r) => r.label === naming[0]);
  const first = group[0] as MetricResult;
  const shown = labels.slice(0, 5).join(", ") + (labels.length > 5 ? ", ..." : "");
  throw new InputFileError([
    {
      source: first.source,
      message: `${first.key}: the result holds ${labels.length} series (a SEARCH expression), and ${naming.length === 0 ? "none" : `${naming.length}`} of their labels name ${options.modelId}: ${shown}`,
    },
  ]);
}

/** What a read of the inputs found, before it is put on a minute grid. */
export interface InputsRead {
  formats: { file: string; format: TrafficFormat }[];
  skipped: [SkipReason, number][];
  repeated: string[];
  /** CloudWatch results, every page of every file, in the order read. */
  metrics: MetricResult[];
  /** The rows of CSV files, by model where a file has a modelId column. */
  csv: CsvTraffic[];
}

/**
 * Reads CSV, CloudWatch metric JSON and invocation logs, in any mix, from files, folders (read
 * whole, as `aws s3 sync` leaves them), pipes or standard input (`-`), plain or gzip, in one pass:
 * each log record goes to the minutes `logs` gives for its modelId. A price the traffic needs and
 * the rates lack stops the read at once.
 */
export async function readInputs(args: readonly string[], options: InputOptions, logs: LogSink): Promise<InputsRead> {
  const { files, skipped, repeated } = trafficFiles(args);
  const problems: InputProblem[] = [];
  const read: InputsRead = { formats: [], skipped: [], repeated: repeated.map(shownAs), metrics: [], csv: [] };
  const sinks: Sinks = { csv: read.csv, metrics: read.metrics, logs };
  // Invocation logs of 400 MB or more are read by threads, in parts, a few ahead, and added up here in order.
  const { LogScanPool } = await import("./log-scan-pool.js");
  const pool = LogScanPool.start(
    files.map((file) => ({ path: file.path, source: shownAs(file.path) })),
    options.threads,
  );
  try {
    for (const file of files) {
      try {
        const format = await readOne(file, options, sinks, pool);
        if (format === null) skipped.set("not-traffic", (skipped.get("not-traffic") ?? 0) + 1);
        else read.formats.push({ file: shownAs(file.path), format });
      } catch (error) {
        if (error instanceof StopReading) throw error;
        if (!(error instanceof InputFileError)) throw error;
        problems.push(...error.problems);
      }
    }
  } finally {
    pool?.close();
  }
  if (problems.length > 0) throw new InputFileError(problems);
  read.skipped = [...skipped.entries()];
  return read;
}

/** The minutes of a model's log records as series, one per token field. */
export function logSeries(logs: LogMinutes): TokenSeries[] {
  const { times, values } = logs.sums();
  if (times.length === 0) return [];
  return TOKEN_FIELDS.map((field, k) => ({ field, periodSeconds: 60, times, values: values[k] as Float64Array }));
}

/**
 * Reads measured traffic from CSV, CloudWatch metric JSON (pages of get-metric-data are merged per
 * query id) and invocation logs, in any mix (see readInputs). Log records and CSV rows of other
 * models are counted, not mixed in.
 */
export async function readTraffic(args: readonly string[], options: TrafficOptions): Promise<TrafficRead> {
  const logs = new LogMinutes();
  const sink: LogSink = {
    minutesOf: (modelId) => (options.matches(modelId) ? logs : undefined),
    otherModels: new Map(),
    span: emptySpan(),
  };
  const inputs = await readInputs(args, options, sink);
  const problems: InputProblem[] = [];
  const read: TrafficRead = {
    series: [],
    formats: inputs.formats,
    ignoredMetrics: [],
    logRecords: 0,
    otherModels: [],
    skipped: inputs.skipped,
    repeated: inputs.repeated,
    window: null,
  };
  const otherRows: TokenSeries[] = [];
  for (const csv of inputs.csv) {
    if (csv.modelId === null || options.matches(csv.modelId)) read.series.push(...csv.series);
    else {
      sink.otherModels.set(csv.modelId, (sink.otherModels.get(csv.modelId) ?? 0) + csv.rows);
      otherRows.push(...csv.series);
    }
  }
  const sinks = { metrics: inputs.metrics };
  const groups = new Map<string, MetricResult[]>();
  for (const result of sinks.metrics) {
    if (!result.field) {
      read.ignoredMetrics.push({ file: result.source, label: result.label });
      continue;
    }
    // Appended in place: a SEARCH result can put thousands of series under one query id.
    const group = groups.get(result.key);
    if (group) group.push(result);
    else groups.set(result.key, [result]);
  }
  const shared: SortedTimes = new Map();
  for (const all of groups.values()) {
    try {
      const group = searchSeries(all, options);
      const first = group[0] as MetricResult;
      const source = [...new Set(group.map((r) => r.source))].join(", ");
      read.series.push(
        seriesOf(
          first.field as TokenField,
          source,
          first.label,
          concat(group.map((r) => r.times)),
          concat(group.map((r) => r.values)),
          shared,
          options.period,
        ),
      );
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputFileError(problems);

  read.series.push(...logSeries(logs));
  read.window = spanWindow(sink.span, [...read.series, ...otherRows]);
  read.logRecords = logs.records;
  read.otherModels = [...sink.otherModels.entries()].sort((a, b) => b[1] - a[1]);
  return read;
}
