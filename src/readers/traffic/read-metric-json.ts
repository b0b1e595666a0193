import { tokenCountProblem } from "../../core/cost-model/limits.js";
import type { FieldPath } from "../../core/input/field-path.js";
import type { TokenField } from "../../core/traffic/minute-traffic.js";
import { InputFileError, type InputProblem } from "../../errors.js";
import { describeValue } from "../describe-value.js";
import { isObject } from "../is-object.js";
import { parseTimestamp } from "./parse-timestamp.js";

/** One metric's data points from one file. */
export interface MetricResult {
  source: string;
  /** What merges pages: the query Id (get-metric-data) or the label (get-metric-statistics). */
  key: string;
  label: string;
  field: TokenField | null;
  path: FieldPath;
  times: Float64Array;
  values: Float64Array;
}

/** Which token metric a label or query id names: InputTokenCount, input_tokens, CacheReadInputTokenCount, ... */
function metricField(name: string): TokenField | null {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (n.includes("cacheread")) return "cacheReadTokens";
  if (n.includes("cachewrite")) return "cacheWriteTokens";
  if (n.includes("input") || n === "in") return "inputTokens";
  if (n.includes("output") || n === "out") return "outputTokens";
  return null;
}

function at(base: FieldPath, key: string, index: number | undefined): FieldPath {
  return index === undefined ? [...base, key] : [...base, key, index];
}

class Points {
  readonly problems: InputProblem[] = [];
  constructor(readonly source: string) {}

  problem(path: FieldPath, message: string): void {
    if (this.problems.length < 20) this.problems.push({ source: this.source, path, message });
  }

  // The paths are built only for a bad point: a year of minutes is half a million points.
  time(value: unknown, base: FieldPath, key: string, index?: number): number {
    try {
      if (typeof value === "string" || typeof value === "number") return parseTimestamp(value);
      this.problem(at(base, key, index), `expected a timestamp, got ${describeValue(value)}`);
    } catch (error) {
      this.problem(at(base, key, index), (error as Error).message);
    }
    return Number.NaN;
  }

  count(value: unknown, base: FieldPath, key: string, index?: number): number {
    const problem = tokenCountProblem(value);
    if (problem === null) return value as number;
    this.problem(at(base, key, index), `${problem}, got ${describeValue(value)}`);
    return Number.NaN;
  }
}

/** The same list of times as the result before, as JSON gives each result its own copy of the strings. */
function sameTimes(a: unknown[], b: unknown[] | undefined): boolean {
  if (!b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The results of `aws cloudwatch get-metric-data` (one page). */
export function metricDataResults(doc: Record<string, unknown>, source: string): MetricResult[] {
  const points = new Points(source);
  const results: MetricResult[] = [];
  const list = doc.MetricDataResults;
  if (!Array.isArray(list))
    throw new InputFileError([{ source, path: ["MetricDataResults"], message: `expected a list, got ${describeValue(list)}` }]);
  let previous: { raw: unknown[]; parsed: Float64Array } | undefined;
  list.forEach((entry, i) => {
    const path: FieldPath = ["MetricDataResults", i];
    if (!isObject(entry)) {
      points.problem(path, `expected a result object, got ${describeValue(entry)}`);
      return;
    }
    const id = typeof entry.Id === "string" ? entry.Id : "";
    const label = typeof entry.Label === "string" ? entry.Label : "";
    const status = entry.StatusCode;
    if (status !== undefined && status !== "Complete" && status !== "PartialData") {
      points.problem([...path, "StatusCode"], `CloudWatch returned ${describeValue(status)} for ${label || id}: rerun the query`);
      return;
    }
    const times = entry.Timestamps;
    const values = entry.Values;
    if (!Array.isArray(times) || !Array.isArray(values) || times.length !== values.length) {
      points.problem(path, "expected Timestamps and Values, two lists of the same length");
      return;
    }
    let parsed: Float64Array;
    if (previous && sameTimes(times, previous.raw)) parsed = previous.parsed;
    else {
      parsed = new Float64Array(times.length);
      for (let k = 0; k < times.length; k++) parsed[k] = points.time(times[k], path, "Timestamps", k);
      previous = { raw: times, parsed };
    }
    const counts = new Float64Array(values.length);
    for (let k = 0; k < values.length; k++) counts[k] = points.count(values[k], path, "Values", k);
    // Read: the strings may go now, before the next result's are read (a page holds a million).
    if (previous?.raw !== times) entry.Timestamps = undefined;
    entry.Values = undefined;
    results.push({
      source,
      key: id || label,
      label: label || id,
      field: metricField(label) ?? metricField(id),
      path,
      times: parsed,
      values: counts,
    });
  });
  if (points.problems.length > 0) throw new InputFileError(points.problems);
  return results;
}

/** The output of `aws cloudwatch get-metric-statistics --statistics Sum` (one metric). */
export function metricStatistics(doc: Record<string, unknown>, source: string): MetricResult {
  const points = new Points(source);
  const label = typeof doc.Label === "string" ? doc.Label : "";
  const field = metricField(label);
  const list = doc.Datapoints;
  if (!Array.isArray(list))
    throw new InputFileError([{ source, path: ["Datapoints"], message: `expected a list, got ${describeValue(list)}` }]);
  const result: MetricResult = {
    source,
    key: `statistics:${label}`,
    label,
    field,
    path: ["Datapoints"],
    times: new Float64Array(list.length),
    values: new Float64Array(list.length),
  };
  list.forEach((point, i) => {
    const path: FieldPath = ["Datapoints", i];
    if (!isObject(point)) {
      points.problem(path, `expected a datapoint object, got ${describeValue(point)}`);
      return;
    }
    if (point.Sum === undefined) {
      points.problem([...path, "Sum"], "missing: run get-metric-statistics with --statistics Sum");
      return;
    }
    result.times[i] = points.time(point.Timestamp, path, "Timestamp");
    result.values[i] = points.count(point.Sum, path, "Sum");
  });
  if (points.problems.length > 0) throw new InputFileError(points.problems);
  return result;
}
