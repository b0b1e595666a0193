import { MAX_TOKENS, tokenCountProblem } from "../../core/cost-model/limits.js";
import type { FieldPath } from "../../core/input/field-path.js";
import { MAX_WINDOW_MINUTES, TOKEN_FIELDS, type TokenField, windowTooLongMessage } from "../../core/traffic/minute-traffic.js";
import { InputFileError, type InputProblem } from "../../errors.js";
import { describeValue } from "../describe-value.js";
import { isObject } from "../is-object.js";
import { parseTimestamp } from "./parse-timestamp.js";
import { type ScannedRecord, scanLogRecord } from "./scan-log-record.js";
import { eachLine, type TextChunks } from "./text-stream.js";

const MAX_PROBLEMS = 20;

/** A price the profiled traffic needs is missing: reading stops at the first record that needs it. */
export class StopReading extends InputFileError {}

/** What the reader asks of the profiled model while it reads. */
export interface RecordChecks {
  /**
   * Why the model's traffic cannot use a token field it uses for the first time (a price the rates
   * lack), or null: asked once per field, so that a missing price stops the read at the first
   * record that needs it, not after a gigabyte of logs.
   */
  needs(field: TokenField): string | null;
}

/** Minutes an hour: the sums are kept an hour to a page. */
const PAGE_MINUTES = 60;
/** Per minute: records, then input, output, cache read and cache write tokens. */
const SLOTS = 5;
/** Numbers a page holds. */
const PAGE_SLOTS = PAGE_MINUTES * SLOTS;
/** Pages a block holds at most (615 KB); the first blocks of a model hold 1, 2, 4, ... pages. */
const BLOCK_PAGES = 256;

/**
 * Invocation-log tokens of one model summed per minute, across files. The sums lie in pages of an
 * hour, one after another in a few blocks in the order first used, found by the hour's number: a month
 * of one model is 720 pages of 2.4 KB in 10 blocks, read and written in place. A map of its 43,200
 * minutes made every record a lookup in a table larger than the processor's cache (measured: half of
 * audit's time spent on it); a typed array for each page made it two misses of the cache, the array's
 * header and then its numbers (perf), where a few blocks' headers stay in the cache. The blocks grow
 * from one page, so that a model with a few records holds a few pages, and stop at BLOCK_PAGES, so
 * that a year of a model holds at most one block more than its pages (one array doubled as it grew
 * held up to twice its pages). The hours are kept in a map, not an index of the hours spanned, so
 * that a model's memory grows with the hours it has records in, whatever their span.
 */
export class LogMinutes {
  /** Hours since the epoch → their page: its block × BLOCK_PAGES + its place in the block. */
  private readonly pageOf = new Map<number, number>();
  private readonly blocks: Float64Array[] = [];
  /** Pages used in the last block. */
  private filled = 0;
  private lastHour = Number.NaN;
  private lastPage = 0;
  records = 0;
  /** The fields a record of the model has used so far. */
  readonly used = [false, false, false, false];
  private first = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;

  /** Adds a record's tokens; returns the window's minutes when it has grown past the longest profiled, else 0. */
  add(time: number, input: number, output: number, cacheRead: number, cacheWrite: number): number {
    const minute = Math.floor(time / 60);
    if (minute < this.first) this.first = minute;
    if (minute > this.last) this.last = minute;
    const span = this.last - this.first + 1;
    if (span > MAX_WINDOW_MINUTES) return span;
    const hour = Math.floor(minute / PAGE_MINUTES);
    let page = this.lastPage;
    if (hour !== this.lastHour) {
      page = this.pageOf.get(hour) ?? this.newPage(hour);
      this.lastHour = hour;
      this.lastPage = page;
    }
    const block = this.blocks[Math.floor(page / BLOCK_PAGES)] as Float64Array;
    const slot = (page % BLOCK_PAGES) * PAGE_SLOTS + (minute - hour * PAGE_MINUTES) * SLOTS;
    block[slot] = (block[slot] as number) + 1;
    block[slot + 1] = (block[slot + 1] as number) + input;
    block[slot + 2] = (block[slot + 2] as number) + output;
    block[slot + 3] = (block[slot + 3] as number) + cacheRead;
    block[slot + 4] = (block[slot + 4] as number) + cacheWrite;
    this.records++;
    return 0;
  }

  /** A new empty page for `hour`, in a new block when the last is full; returns its number. */
  private newPage(hour: number): number {
    const last = this.blocks[this.blocks.length - 1];
    if (!last || this.filled * PAGE_SLOTS === last.length) {
      const pages = last ? Math.min(BLOCK_PAGES, (last.length / PAGE_SLOTS) * 2) : 1;
      this.blocks.push(new Float64Array(pages * PAGE_SLOTS));
      this.filled = 0;
    }
    const page = (this.blocks.length - 1) * BLOCK_PAGES + this.filled++;
    this.pageOf.set(hour, page);
    return page;
  }

  /** The minutes that have records, in order (as epoch seconds), with the four sums of each. */
  sums(): { times: Float64Array; values: [Float64Array, Float64Array, Float64Array, Float64Array] } {
    const hours = [...this.pageOf.keys()].sort((a, b) => a - b);
    // Room for every minute of every page, handed out as views of what is filled: one pass over the pages.
    const room = hours.length * PAGE_MINUTES;
    const times = new Float64Array(room);
    const values: [Float64Array, Float64Array, Float64Array, Float64Array] = [
      new Float64Array(room),
      new Float64Array(room),
      new Float64Array(room),
      new Float64Array(room),
    ];
    const filled = fillMinutes(this.pageOf, hours, this.blocks, times, values);
    return { times: times.subarray(0, filled), values: values.map((sums) => sums.subarray(0, filled)) as typeof values };
  }
}

/**
 * Copies the minutes with records of a model's pages, hour by hour (`hours`, in order, their pages
 * found in `pageOf` and `blocks`), into `times` and the four `values`; returns how many. The loop is
 * a function of its own that ends there: compiled while it runs (once per model), it is not thrown
 * back to the interpreter at the code after it, which had never run.
 */
function fillMinutes(
  pageOf: ReadonlyMap<number, number>,
  hours: readonly number[],
  blocks: readonly Float64Array[],
  times: Float64Array,
  [input, output, read, write]: readonly [Float64Array, Float64Array, Float64Array, Float64Array],
): number {
  let i = 0;
  for (const hour of hours) {
    const page = pageOf.get(hour) as number;
    const block = blocks[Math.floor(page / BLOCK_PAGES)] as Float64Array;
    const start = (page % BLOCK_PAGES) * PAGE_SLOTS;
    for (let at = start, minute = hour * PAGE_MINUTES; at < start + PAGE_SLOTS; at += SLOTS, minute++) {
      if (block[at] === 0) continue;
      times[i] = minute * 60;
      input[i] = block[at + 1] as number;
      output[i] = block[at + 2] as number;
      read[i] = block[at + 3] as number;
      write[i] = block[at + 4] as number;
      i++;
    }
  }
  return i;
}

/** Where records go: the minutes of the model a modelId names, or a count of the records not read. */
export interface LogSink {
  /** The minutes a record with this modelId (an id, profile id or ARN) is summed into; undefined: not read. */
  minutesOf(modelId: string): LogMinutes | undefined;
  /** Records not read, by the modelId they carry. */
  readonly otherModels: Map<string, number>;
  /**
   * The times of the first and last record of any model (epoch seconds): the span the logs cover,
   * which a model seen on one day of a month's logs is priced over.
   */
  readonly span: { first: number; last: number };
}

/** A sink's span before any record. */
export const emptySpan = () => ({ first: Number.POSITIVE_INFINITY, last: Number.NEGATIVE_INFINITY });

interface RecordProblem {
  message: string;
  /** The model cannot be priced for this traffic: stop reading. */
  fatal: boolean;
}

const bad = (message: string): RecordProblem => ({ message, fatal: false });

function count(record: Record<string, unknown>, side: "input" | "output", field: string, required: boolean): number | string {
  const part = record[side];
  const value = isObject(part) ? part[field] : undefined;
  if (value === undefined || value === null) return required ? `${side}.${field}: missing` : 0;
  const problem = tokenCountProblem(value);
  if (problem !== null) return `${side}.${field}: ${problem}, got ${describeValue(value)}`;
  return value as number;
}

/**
 * Adds one invocation-log record at its timestamp. Of another model's record only `modelId` and
 * `timestamp` are read (it is counted); the profiled model's tokens come from
 * input.inputTokenCount, output.outputTokenCount (absent for an embeddings model or a failed call:
 * zero) and the cache fields.
 */
function addRecord(record: unknown, fallbackTime: number | undefined, checks: RecordChecks, sink: LogSink): RecordProblem | undefined {
  if (!isObject(record)) return bad(`expected an invocation-log record (an object), got ${describeValue(record)}`);
  const modelId = record.modelId;
  if (typeof modelId !== "string" || modelId === "") return bad(`modelId: expected a model id, got ${describeValue(modelId)}`);
  let time: number;
  try {
    if (record.timestamp === undefined && fallbackTime !== undefined) time = fallbackTime;
    else if (typeof record.timestamp === "string" || typeof record.timestamp === "number") time = parseTimestamp(record.timestamp);
    else return bad(`timestamp: expected a time, got ${describeValue(record.timestamp)}`);
  } catch (error) {
    return bad(`timestamp: ${(error as Error).message}`);
  }
  const into = minutesOf(sink, modelId, time);
  if (!into) return undefined;
  const values = [
    count(record, "input", "inputTokenCount", true),
    count(record, "output", "outputTokenCount", false),
    count(record, "input", "cacheReadInputTokenCount", false),
    count(record, "input", "cacheWriteInputTokenCount", false),
  ];
  const malformed = values.find((value) => typeof value === "string");
  if (malformed !== undefined) return bad(malformed as string);
  const [input, output, read, write] = values as number[];
  return addCounts(into, time, input as number, output as number, read as number, write as number, checks);
}

/** The minutes a record of `modelId` at `time` adds to (the sink's span grows), or undefined for one counted as another model's. */
function minutesOf(sink: LogSink, modelId: string, time: number): LogMinutes | undefined {
  if (time < sink.span.first) sink.span.first = time;
  if (time > sink.span.last) sink.span.last = time;
  const into = sink.minutesOf(modelId);
  if (!into) sink.otherModels.set(modelId, (sink.otherModels.get(modelId) ?? 0) + 1);
  return into;
}

/** Adds a record's four counts; a price the model lacks for a field it uses, or a window past the longest, stops the read. */
function addCounts(
  into: LogMinutes,
  time: number,
  input: number,
  output: number,
  read: number,
  write: number,
  checks: RecordChecks,
): RecordProblem | undefined {
  if ((input > 0 && !into.used[0]) || (output > 0 && !into.used[1]) || (read > 0 && !into.used[2]) || (write > 0 && !into.used[3])) {
    const values = [input, output, read, write];
    for (let k = 0; k < values.length; k++) {
      if ((values[k] as number) > 0 && !into.used[k]) {
        into.used[k] = true;
        const missing = checks.needs(TOKEN_FIELDS[k] as TokenField);
        if (missing !== null) return { message: missing, fatal: true };
      }
    }
  }
  // A window past the longest profiled is refused when the record that makes it is read, not at the end.
  const tooLong = into.add(time, input, output, read, write);
  if (tooLong > 0) return { message: windowTooLongMessage(tooLong), fatal: true };
  return undefined;
}

/**
 * The time of a record the scanner read (see scanLogRecord) when it can be added as read, or NaN
 * when it cannot (no input count, a count past the limit, a time it cannot read): the record is then
 * parsed in full, which reports its problem. Its counts are added with the absent ones (-1) as 0.
 */
export function scannedTime(record: ScannedRecord): number {
  const [input, output, read, write] = record.counts;
  if (record.modelId === "" || input < 0 || input > MAX_TOKENS || output > MAX_TOKENS || read > MAX_TOKENS || write > MAX_TOKENS) {
    return Number.NaN;
  }
  try {
    return parseTimestamp(record.timestamp);
  } catch {
    return Number.NaN;
  }
}

/** A CloudWatch Logs export task's line: an ISO 8601 time, a space, then the event's message. */
const EXPORT_LINE = /^(\d{4}-\d{2}-\d{2}T\S+) (.*)$/s;

/** Whether a line is one of a CloudWatch Logs export task's, carrying a JSON record. */
export function isExportLine(line: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\S+ \{/.test(line);
}

/**
 * Reads invocation-log records a line at a time into a sink: each line through `line`, or, for a
 * record already scanned (by a reading thread, see log-scan-pool), its fields through `scanned`, with
 * the same result. Each returns false when reading should stop (a price the traffic needs is missing,
 * or too many problems); `finish` then throws what was found.
 */
export class LogLineReader {
  private readonly problems: InputProblem[] = [];
  private fatal: InputProblem | undefined;

  constructor(
    private readonly source: string,
    private readonly form: "ndjson" | "export",
    private readonly checks: RecordChecks,
    private readonly sink: LogSink,
  ) {}

  /** A record scanLogRecord read at `lineNumber`, whose scannedTime is `time` (not NaN). */
  scanned(modelId: string, time: number, counts: readonly number[], lineNumber: number): boolean {
    const into = minutesOf(this.sink, modelId, time);
    if (!into) return true;
    const [input, output, read, write] = counts as [number, number, number, number];
    const problem = addCounts(into, time, input, Math.max(output, 0), Math.max(read, 0), Math.max(write, 0), this.checks);
    return problem ? this.keep(problem, lineNumber) : true;
  }

  /** One line of the file. */
  line(line: string, lineNumber: number): boolean {
    if (line.trim() === "") return true;
    let text = line;
    let fallback: number | undefined;
    if (this.form === "export") {
      const match = EXPORT_LINE.exec(line);
      if (!match) return this.keep(bad("expected <time> <invocation-log record>, as a CloudWatch Logs export writes"), lineNumber);
      try {
        fallback = parseTimestamp(match[1] as string);
      } catch (error) {
        return this.keep(bad(`time: ${(error as Error).message}`), lineNumber);
      }
      text = match[2] as string;
    } else {
      // Most records are read by the scanner; any it cannot read plainly are parsed in full.
      const scanned = scanLogRecord(text);
      const time = scanned ? scannedTime(scanned) : Number.NaN;
      if (scanned && !Number.isNaN(time)) return this.scanned(scanned.modelId, time, scanned.counts, lineNumber);
    }
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      return this.keep(bad("not a JSON record"), lineNumber);
    }
    const problem = addRecord(record, fallback, this.checks, this.sink);
    return problem ? this.keep(problem, lineNumber) : true;
  }

  /** Throws the problems found: a missing price alone, or the others. */
  finish(): void {
    if (this.fatal) throw new StopReading([this.fatal]);
    if (this.problems.length > 0) throw new InputFileError(this.problems);
  }

  private keep(problem: RecordProblem, lineNumber: number): boolean {
    if (problem.fatal) {
      // A price the traffic needs is missing: that is the one problem to report, at once.
      this.fatal = { source: this.source, line: lineNumber, message: problem.message };
      return false;
    }
    this.problems.push({ source: this.source, line: lineNumber, message: problem.message });
    return this.problems.length < MAX_PROBLEMS;
  }
}

/**
 * Invocation-log records a line each: NDJSON (as Bedrock delivers them to S3), or the lines of a
 * CloudWatch Logs export task (`<time> <record>`), whose time stands in for a record without one.
 */
export async function readLogLines(
  chunks: TextChunks,
  source: string,
  form: "ndjson" | "export",
  checks: RecordChecks,
  into: LogSink,
): Promise<void> {
  const reader = new LogLineReader(source, form, checks, into);
  await eachLine(chunks, source, (line, lineNumber) => reader.line(line, lineNumber));
  reader.finish();
}

/** Records given whole: a JSON array of them, or one or several pretty-printed records, each at its line. */
export function readLogRecords(
  records: readonly { value: unknown; path: FieldPath; line?: number }[],
  source: string,
  checks: RecordChecks,
  into: LogSink,
): void {
  const problems: InputProblem[] = [];
  for (const { value, path, line } of records) {
    const problem = addRecord(value, undefined, checks, into);
    if (!problem) continue;
    if (problem.fatal) throw new StopReading([{ source, path, line, message: problem.message }]);
    problems.push({ source, path, line, message: problem.message });
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (problems.length > 0) throw new InputFileError(problems);
}

/** The `events` of a CloudWatch Logs `filter-log-events` or `get-log-events` output: `{"events": [{"timestamp": <ms>, "message": "<record>"}]}`. */
export function readInvocationEvents(doc: Record<string, unknown>, source: string, checks: RecordChecks, into: LogSink): void {
  const problems: InputProblem[] = [];
  const events = doc.events;
  if (!Array.isArray(events))
    throw new InputFileError([{ source, path: ["events"], message: `expected a list, got ${describeValue(events)}` }]);
  for (const [i, event] of events.entries()) {
    if (problems.length >= MAX_PROBLEMS) break;
    const path: FieldPath = ["events", i, "message"];
    if (!isObject(event) || typeof event.message !== "string") {
      problems.push({ source, path, message: "expected a log event with a message string" });
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(event.message);
    } catch {
      problems.push({ source, path, message: "not a JSON invocation-log record" });
      continue;
    }
    const fallback = typeof event.timestamp === "number" ? event.timestamp / 1000 : undefined;
    const problem = addRecord(record, fallback, checks, into);
    if (!problem) continue;
    if (problem.fatal) throw new StopReading([{ source, path, message: problem.message }]);
    problems.push({ source, path, message: problem.message });
  }
  if (problems.length > 0) throw new InputFileError(problems);
}

/** Whether a file whose text starts with `head` is invocation-log records a line each (NDJSON). */
export function isNdjsonLogHead(head: string): boolean {
  const start = head.trimStart();
  if (!start.startsWith("{") && !start.startsWith("[")) return false;
  try {
    return isLogRecord(JSON.parse(start.split("\n", 1)[0] as string));
  } catch {
    return false;
  }
}

/** Whether a JSON value is an invocation-log record (by the fields every record has). */
export function isLogRecord(value: unknown): boolean {
  return isObject(value) && ("modelId" in value || "schemaType" in value);
}
