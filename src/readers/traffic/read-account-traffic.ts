import type { SkipReason, TokenField, TokenSeries } from "../../core/traffic/minute-traffic.js";
import { InputFileError, type InputProblem } from "../../errors.js";
import { emptySpan, LogMinutes, type LogSink } from "./read-invocation-logs.js";
import type { MetricResult } from "./read-metric-json.js";
import {
  concat,
  type InputOptions,
  logSeries,
  readInputs,
  type SortedTimes,
  seriesOf,
  spanWindow,
  type TrafficFormat,
} from "./read-traffic.js";

export interface AccountTrafficOptions extends Omit<InputOptions, "needs"> {
  /**
   * The group a modelId (an id, profile id or ARN, or a word of a CloudWatch label) belongs to: a
   * model's id, or a provisioned model's ARN; undefined when it names nothing known.
   */
  groupOf(modelId: string): string | undefined;
}

/** An account's traffic, read in one pass, by model (or provisioned-model ARN). */
export interface AccountTraffic {
  /** Series by group, in the order first met. */
  groups: Map<string, TokenSeries[]>;
  /** The window of all the traffic read, in epoch seconds; null when nothing was read. */
  window: { start: number; end: number } | null;
  formats: { file: string; format: TrafficFormat }[];
  /** Log records and CSV rows whose modelId names nothing known, by modelId, most first. */
  unresolved: [string, number][];
  /** CloudWatch token results whose label names no model (or several). */
  unlabelled: { file: string; label: string }[];
  /** Results that carry no token metric (Invocations, latency, ...), left out. */
  ignoredMetrics: { file: string; label: string }[];
  skipped: [SkipReason, number][];
  repeated: string[];
}

/** The group of a CloudWatch result: the one group its label's words name (a SEARCH label holds the ModelId). */
function metricGroup(result: MetricResult, groupOf: (id: string) => string | undefined): string | undefined {
  const groups = new Set<string>();
  for (const word of result.label.split(/\s+/)) {
    const group = word === "" ? undefined : groupOf(word);
    if (group !== undefined) groups.add(group);
  }
  return groups.size === 1 ? [...groups][0] : undefined;
}

function add(groups: Map<string, TokenSeries[]>, group: string, series: readonly TokenSeries[]): void {
  let list = groups.get(group);
  if (!list) {
    list = [];
    groups.set(group, list);
  }
  for (const one of series) list.push(one);
}

/**
 * Reads traffic of every model at once: invocation logs (records grouped by the model their modelId
 * resolves to), CloudWatch results (by the model their label names; pages merged per query id) and
 * CSV with a modelId column, in any mix, from files, folders, pipes or stdin, plain or gzip. Every
 * input is read once, whatever the number of models. Nothing stops the read for a missing price:
 * each model's prices are checked when it is priced.
 */
export async function readAccountTraffic(args: readonly string[], options: AccountTrafficOptions): Promise<AccountTraffic> {
  const minutes = new Map<string, LogMinutes>();
  const resolved = new Map<string, string | undefined>();
  const groupOf = (modelId: string): string | undefined => {
    if (resolved.has(modelId)) return resolved.get(modelId);
    const group = options.groupOf(modelId);
    resolved.set(modelId, group);
    return group;
  };
  // The minutes each modelId's records go to, looked up once per modelId; most records repeat the one before.
  const byModelId = new Map<string, LogMinutes | null>();
  let lastId = "";
  let last: LogMinutes | null = null;
  const sink: LogSink = {
    minutesOf(modelId) {
      if (modelId === lastId) return last ?? undefined;
      let into = byModelId.get(modelId);
      if (into === undefined) {
        const group = groupOf(modelId);
        into = group === undefined ? null : (minutes.get(group) ?? null);
        if (group !== undefined && into === null) {
          into = new LogMinutes();
          minutes.set(group, into);
        }
        byModelId.set(modelId, into);
      }
      lastId = modelId;
      last = into;
      return into ?? undefined;
    },
    otherModels: new Map(),
    span: emptySpan(),
  };
  const inputs = await readInputs(args, { ...options, needs: () => null }, sink);
  const problems: InputProblem[] = [];
  const groups = new Map<string, TokenSeries[]>();
  const unresolved = sink.otherModels;
  const otherRows: TokenSeries[] = [];

  for (const csv of inputs.csv) {
    if (csv.modelId === null) {
      problems.push({
        source: csv.source,
        message: "header: an account's CSV names each row's model in a modelId column (timestamp,modelId,inputTokens,outputTokens)",
      });
      continue;
    }
    const group = groupOf(csv.modelId);
    if (group === undefined) {
      unresolved.set(csv.modelId, (unresolved.get(csv.modelId) ?? 0) + csv.rows);
      for (const series of csv.series) otherRows.push(series);
    } else add(groups, group, csv.series);
  }

  const ignoredMetrics: AccountTraffic["ignoredMetrics"] = [];
  const unlabelled: AccountTraffic["unlabelled"] = [];
  // Pages of one query (its id) are one series; a query is one model's when its label names it.
  const queries = new Map<string, { group: string; results: MetricResult[] }>();
  for (const result of inputs.metrics) {
    if (!result.field) {
      ignoredMetrics.push({ file: result.source, label: result.label });
      continue;
    }
    const group = metricGroup(result, groupOf);
    if (group === undefined) {
      unlabelled.push({ file: result.source, label: result.label });
      continue;
    }
    const key = `${group}\u0000${result.field}\u0000${result.key}\u0000${result.label}`;
    const query = queries.get(key);
    if (query) query.results.push(result);
    else queries.set(key, { group, results: [result] });
  }
  const shared: SortedTimes = new Map();
  for (const { group, results } of queries.values()) {
    const first = results[0] as MetricResult;
    const source = [...new Set(results.map((r) => r.source))].join(", ");
    try {
      const times = concat(results.map((r) => r.times));
      const values = concat(results.map((r) => r.values));
      add(groups, group, [seriesOf(first.field as TokenField, source, first.label, times, values, shared, options.period)]);
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputFileError(problems);

  for (const [group, logs] of minutes) add(groups, group, logSeries(logs));

  const all = [...otherRows];
  for (const list of groups.values()) for (const series of list) all.push(series);
  return {
    groups,
    window: spanWindow(sink.span, all),
    formats: inputs.formats,
    unresolved: [...unresolved.entries()].sort((a, b) => b[1] - a[1]),
    unlabelled,
    ignoredMetrics,
    skipped: inputs.skipped,
    repeated: inputs.repeated,
  };
}
