import { MAX_TOKENS, tokenCountProblem } from "../../core/cost-model/limits.js";
import { quote } from "../../core/input/quote.js";
import {
  MAX_WINDOW_MINUTES,
  TOKEN_FIELDS,
  type TokenField,
  type TokenSeries,
  windowTooLongMessage,
} from "../../core/traffic/minute-traffic.js";
import { InputFileError, type InputProblem } from "../../errors.js";
import { detectPeriod, type GivenPeriod, isAscending, PeriodError, sortPoints } from "./detect-period.js";
import { parseTimestamp } from "./parse-timestamp.js";
import { eachLine, type TextChunks } from "./text-stream.js";

const MAX_PROBLEMS = 20;
const REQUIRED = ["timestamp", "inputTokens", "outputTokens"] as const;
const ACCEPTED = ["timestamp", "modelId", ...TOKEN_FIELDS] as const;

function splitCsv(line: string): string[] {
  if (!line.includes('"')) return line.split(",");
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function isoOf(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
}

/** The rows of one model in a traffic CSV (all rows when it has no modelId column), as series. */
export interface CsvTraffic {
  /** The file, as messages name it. */
  source: string;
  /** The rows' modelId (an id, profile id or ARN); null when the file has no modelId column. */
  modelId: string | null;
  rows: number;
  series: TokenSeries[];
}

interface CsvGroup {
  times: number[];
  lines: number[];
  values: Record<TokenField, number[]>;
}

const newGroup = (): CsvGroup => ({
  times: [],
  lines: [],
  values: { inputTokens: [], outputTokens: [], cacheReadTokens: [], cacheWriteTokens: [] },
});

/** One model's rows, sorted by time; two rows of one model at one time are an error. */
function sortGroup(group: CsvGroup, path: string, modelId: string | null): ArrayLike<number> {
  const { times, lines } = group;
  if (isAscending(times)) return times;
  const { times: sorted, duplicate } = sortPoints(times, times);
  if (duplicate !== null) {
    const rows = lines.filter((_, i) => times[i] === duplicate).slice(0, 2);
    const of = modelId === null ? "" : ` of ${quote(modelId)}`;
    throw new InputFileError([
      { source: path, line: rows[1], message: `duplicate timestamp ${isoOf(duplicate)}${of}, also on line ${rows[0]}` },
    ]);
  }
  return sorted;
}

/** The period of a file's rows: of all its times, whichever model they are of (one model may have a lone row). */
function filePeriod(sortedTimes: readonly ArrayLike<number>[], path: string, period?: GivenPeriod): number {
  let times = sortedTimes[0] ?? [];
  if (sortedTimes.length > 1) {
    const all = new Set<number>();
    for (const list of sortedTimes) for (let i = 0; i < list.length; i++) all.add(list[i] as number);
    times = Float64Array.from(all).sort();
  }
  try {
    return detectPeriod(times, period);
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    throw new InputFileError([{ source: path, message: error.message }]);
  }
}

/**
 * A CSV of token counts per period: a header naming `timestamp`, `inputTokens`, `outputTokens` and
 * optionally `cacheReadTokens`, `cacheWriteTokens` and `modelId`, then one row per period (per
 * model, with `modelId`: an account's traffic in one file). Every malformed row is an error with its line.
 */
export async function readTrafficCsv(chunks: TextChunks, path: string, period?: GivenPeriod): Promise<CsvTraffic[]> {
  const problems: InputProblem[] = [];
  const fail = (line: number | undefined, message: string) => {
    problems.push({ source: path, line, message });
    return problems.length < MAX_PROBLEMS;
  };
  let columns: string[] | null = null;
  let fieldIndex: [TokenField, number][] = [];
  let timeIndex = 0;
  let modelIndex = -1;
  const groups = new Map<string, CsvGroup>();
  let group = newGroup();
  let groupKey = "";
  groups.set(groupKey, group);

  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let targets: { field: TokenField; index: number; required: boolean }[] = [];
  let width = 0;
  await eachLine(chunks, path, (line, lineNumber) => {
    if (line.length === 0) return true;
    if (!columns) {
      if (line.trim() === "") return true;
      const cells = splitCsv(line).map((cell) => cell.trim());
      columns = cells;
      const unknown = cells.filter((cell) => !(ACCEPTED as readonly string[]).includes(cell));
      const missing = REQUIRED.filter((name) => !cells.includes(name));
      const repeated = cells.filter((cell, i) => cells.indexOf(cell) !== i);
      if (unknown.length > 0 || missing.length > 0 || repeated.length > 0) {
        const what = [
          unknown.length > 0 ? `unknown column ${unknown.map((c) => quote(c)).join(", ")}` : "",
          missing.length > 0 ? `missing ${missing.join(", ")}` : "",
          repeated.length > 0 ? `repeated ${repeated.join(", ")}` : "",
        ].filter(Boolean);
        fail(
          lineNumber,
          `header: ${what.join("; ")} (expected timestamp,inputTokens,outputTokens and optionally cacheReadTokens,cacheWriteTokens,modelId)`,
        );
        return false;
      }
      timeIndex = cells.indexOf("timestamp");
      modelIndex = cells.indexOf("modelId");
      if (modelIndex >= 0) groups.clear();
      fieldIndex = TOKEN_FIELDS.filter((field) => cells.includes(field)).map((field) => [field, cells.indexOf(field)]);
      targets = fieldIndex.map(([field, index]) => ({ field, index, required: field === "inputTokens" || field === "outputTokens" }));
      width = cells.length;
      return true;
    }
    // The hot loop: a year of minutes is half a million rows, so no per-cell allocation beyond split.
    const cells = line.indexOf('"') < 0 ? line.split(",") : splitCsv(line);
    if (cells.length !== width) {
      if (line.trim() === "") return true;
      return fail(lineNumber, `expected ${width} columns, got ${cells.length}`);
    }
    let time: number;
    try {
      time = parseTimestamp(cells[timeIndex] as string);
    } catch (error) {
      return fail(lineNumber, `timestamp: ${(error as Error).message}`);
    }
    if (modelIndex >= 0) {
      const modelId = (cells[modelIndex] as string).trim();
      if (modelId === "") return fail(lineNumber, "modelId: empty");
      if (modelId !== groupKey) {
        groupKey = modelId;
        let next = groups.get(modelId);
        if (!next) {
          next = newGroup();
          groups.set(modelId, next);
        }
        group = next;
      }
    }
    for (let k = 0; k < targets.length; k++) {
      const target = targets[k] as (typeof targets)[number];
      const cell = cells[target.index] as string;
      const value = Number(cell);
      if (value === 0 && cell.trim() === "") {
        // Number("") is 0: an empty cache cell means none, an empty token count is an error.
        if (target.required) return fail(lineNumber, `${target.field}: empty`);
      } else if (!(value >= 0 && value <= MAX_TOKENS && Number.isInteger(value))) {
        // The common case tested inline (a year of minutes is a million cells); the message from the rule.
        return fail(lineNumber, `${target.field}: ${tokenCountProblem(value)}, got ${quote(cell.trim().slice(0, 40))}`);
      }
      group.values[target.field].push(value);
    }
    // A window past the longest profiled is refused at the row that makes it, not after the whole file.
    if (time < first) first = time;
    if (time > last) last = time;
    const span = Math.floor(last / 60) - Math.floor(first / 60) + 1;
    if (span > MAX_WINDOW_MINUTES) {
      problems.length = 0;
      fail(lineNumber, windowTooLongMessage(span));
      return false;
    }
    group.times.push(time);
    group.lines.push(lineNumber);
    return true;
  });

  if (!columns && problems.length === 0) fail(undefined, "empty: expected a header line timestamp,inputTokens,outputTokens");
  if (problems.length > 0) throw new InputFileError(problems);

  const entries = [...groups].map(([key, rows]) => {
    const modelId = modelIndex >= 0 ? key : null;
    return { modelId, rows, times: sortGroup(rows, path, modelId) };
  });
  const periodSeconds = filePeriod(
    entries.map((entry) => entry.times),
    path,
    period,
  );
  return entries.map(({ modelId, rows, times }) => ({
    source: path,
    modelId,
    rows: rows.times.length,
    series: fieldIndex.map(([field]) => ({
      field,
      periodSeconds,
      times,
      values: times === rows.times ? rows.values[field] : sortPoints(rows.times, rows.values[field]).values,
    })),
  }));
}
