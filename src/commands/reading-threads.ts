import { UsageError } from "../errors.js";
import { describeValue } from "../readers/describe-value.js";

/** The most threads BEDROCK_COST_THREADS may ask for. */
const MAX_THREADS = 16;

/**
 * The threads that read invocation logs, as BEDROCK_COST_THREADS asks: 1 reads every file in the
 * main thread; 2 or more start up to that many reading threads whatever the files' size; unset, as many
 * as help (up to four, one a processor) once the plain files hold 400 MB or more.
 */
export function readingThreads(env: Readonly<Record<string, string | undefined>> = process.env): number | undefined {
  const text = env.BEDROCK_COST_THREADS;
  if (text === undefined || text.trim() === "") return undefined;
  const threads = /^\s*\d{1,3}\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(threads >= 1 && threads <= MAX_THREADS)) {
    throw new UsageError(`BEDROCK_COST_THREADS: expected a whole number of threads from 1 to ${MAX_THREADS}, got ${describeValue(text)}`);
  }
  return threads;
}
