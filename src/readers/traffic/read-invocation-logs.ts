import { tokenCountProblem } from "../../core/cost-model/limits.js";
import type { FieldPath } from "../../core/input/field-path.js";
import { InputFileError, type InputProblem } from "../../errors.js";
import { describeValue } from "../describe-value.js";
import { isObject } from "../is-object.js";
import { forEachLine } from "./for-each-line.js";
import { parseTimestamp } from "./parse-timestamp.js";

/** Invocation-log tokens summed per minute, across files. */
export class LogMinutes {
  /** Minute start (epoch seconds) → input, output, cache read, cache write tokens. */
  readonly minutes = new Map<number, [number, number, number, number]>();
  /** Records of other models, by the modelId they carry. */
  readonly otherModels = new Map<string, number>();
  records = 0;

  add(time: number, input: number, output: number, cacheRead: number, cacheWrite: number): void {
    const minute = Math.floor(time / 60) * 60;
    const sums = this.minutes.get(minute);
    if (sums) {
      sums[0] += input;
      sums[1] += output;
      sums[2] += cacheRead;
      sums[3] += cacheWrite;
    } else this.minutes.set(minute, [input, output, cacheRead, cacheWrite]);
    this.records++;
  }
}

function count(record: Record<string, unknown>, side: "input" | "output", field: string, required: boolean): number | string {
  const part = record[side];
  const value = isObject(part) ? part[field] : undefined;
  if (value === undefined || value === null) return required ? `${side}.${field}: missing` : 0;
  const problem = tokenCountProblem(value);
  if (problem !== null) return `${side}.${field}: ${problem}, got ${describeValue(value)}`;
  return value as number;
}

/**
 * Adds one invocation-log record: tokens from input.inputTokenCount, output.outputTokenCount and the
 * cache fields, at its timestamp. Returns a message when the record is malformed.
 */
function addRecord(
  record: unknown,
  fallbackTime: number | undefined,
  matches: (modelId: string) => boolean,
  into: LogMinutes,
): string | undefined {
  if (!isObject(record)) return `expected an invocation-log record (an object), got ${describeValue(record)}`;
  const modelId = record.modelId;
  if (typeof modelId !== "string" || modelId === "") return `modelId: expected a model id, got ${describeValue(modelId)}`;
  let time: number;
  try {
    if (record.timestamp === undefined && fallbackTime !== undefined) time = fallbackTime;
    else if (typeof record.timestamp === "string" || typeof record.timestamp === "number") time = parseTimestamp(record.timestamp);
    else return `timestamp: expected a time, got ${describeValue(record.timestamp)}`;
  } catch (error) {
    return `timestamp: ${(error as Error).message}`;
  }
  // A failed request may carry no output; it still used its input tokens.
  const failed =
    record.errorCode !== undefined || (typeof record.status === "string" && record.status !== "" && record.status !== "Success");
  const values = [
    count(record, "input", "inputTokenCount", true),
    count(record, "output", "outputTokenCount", !failed),
    count(record, "input", "cacheReadInputTokenCount", false),
    count(record, "input", "cacheWriteInputTokenCount", false),
  ];
  const bad = values.find((value) => typeof value === "string");
  if (bad !== undefined) return bad as string;
  if (!matches(modelId)) {
    into.otherModels.set(modelId, (into.otherModels.get(modelId) ?? 0) + 1);
    return undefined;
  }
  const [input, output, read, write] = values as number[];
  into.add(time, input as number, output as number, read as number, write as number);
  return undefined;
}

/** Model invocation log records, one JSON object per line. */
export function readInvocationNdjson(path: string, matches: (modelId: string) => boolean, into: LogMinutes): void {
  const problems: InputProblem[] = [];
  forEachLine(path, (line, lineNumber) => {
    if (line.trim() === "") return true;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      problems.push({ source: path, line: lineNumber, message: "not a JSON record" });
      return problems.length < 20;
    }
    const problem = addRecord(record, undefined, matches, into);
    if (problem) problems.push({ source: path, line: lineNumber, message: problem });
    return problems.length < 20;
  });
  if (problems.length > 0) throw new InputFileError(problems);
}

/** A CloudWatch Logs export: `{"events": [{"timestamp": <ms>, "message": "<record JSON>"}, ...]}`. */
export function readInvocationEvents(
  doc: Record<string, unknown>,
  source: string,
  matches: (modelId: string) => boolean,
  into: LogMinutes,
): void {
  const problems: InputProblem[] = [];
  const events = doc.events;
  if (!Array.isArray(events))
    throw new InputFileError([{ source, path: ["events"], message: `expected a list, got ${describeValue(events)}` }]);
  events.forEach((event, i) => {
    if (problems.length >= 20) return;
    const path: FieldPath = ["events", i];
    if (!isObject(event) || typeof event.message !== "string") {
      problems.push({ source, path: [...path, "message"], message: "expected a log event with a message string" });
      return;
    }
    let record: unknown;
    try {
      record = JSON.parse(event.message);
    } catch {
      problems.push({ source, path: [...path, "message"], message: "not a JSON invocation-log record" });
      return;
    }
    const fallback = typeof event.timestamp === "number" ? event.timestamp / 1000 : undefined;
    const problem = addRecord(record, fallback, matches, into);
    if (problem) problems.push({ source, path: [...path, "message"], message: problem });
  });
  if (problems.length > 0) throw new InputFileError(problems);
}
