import type { TokensPerMinute, Volume } from "../cost-model/volume.js";
export const TOKEN_FIELDS = ["inputTokens", "outputTokens", "cacheReadTokens", "cacheWriteTokens"] as const;
export type TokenField = (typeof TOKEN_FIELDS)[number];

/** Why a file in a folder of traffic was not read. */
export type SkipReason = "hidden" | "permission-check" | "not-traffic";

/** One metric over time, from one source: tokens per period, starting at each time. */
export interface TokenSeries {
  field: TokenField;
  /** Seconds per period: 60, 300, 3600, ... */
  periodSeconds: number;
  /** Period starts, epoch seconds, ascending and distinct. */
  times: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** Traffic per minute over a window, every minute of it present (gaps are zero). */
export interface MinuteTraffic {
  /** Epoch seconds of the first minute. */
  start: number;
  minutes: number;
  /** The coarsest period among the sources: peaks inside it are invisible. */
  periodSeconds: number;
  /** Minutes that no data point covers, counted as zero traffic. */
  gapMinutes: number;
  inputTokens: Float64Array;
  outputTokens: Float64Array;
  cacheReadTokens: Float64Array;
  cacheWriteTokens: Float64Array;
}

export class WindowTooLongError extends Error {}

/** A year and a bit: the longest window held in memory minute by minute. */
export const MAX_WINDOW_MINUTES = 60 * 24 * 400;

/** The message for data that spans more than MAX_WINDOW_MINUTES, wherever it is found. */
export function windowTooLongMessage(minutes: number): string {
  return `the data spans ${minutes} minutes; at most ${MAX_WINDOW_MINUTES} (400 days) can be profiled at once`;
}

/** A measured window shorter than a week cannot show a weekly cycle: it is reported (SHORT_WINDOW). */
export function isShortWindow(minutes: number): boolean {
  return minutes < 7 * 24 * 60;
}

/**
 * Lays every series over one minute grid. A period longer than a minute is spread evenly over its
 * minutes. The window runs from the first period's start to the last period's end, or wider when
 * `window` is given (epoch seconds).
 */
export function buildMinuteTraffic(series: readonly TokenSeries[], window?: { start: number; end: number }): MinuteTraffic {
  // An account's models share its window: a model used one day of a month is priced as one day's use in a month.
  let first = window ? Math.floor(window.start / 60) * 60 : Number.POSITIVE_INFINITY;
  let last = window ? Math.ceil(window.end / 60) * 60 : Number.NEGATIVE_INFINITY;
  let periodSeconds = 60;
  for (const s of series) {
    if (s.times.length === 0) continue;
    first = Math.min(first, Math.floor((s.times[0] as number) / 60) * 60);
    last = Math.max(last, Math.floor((s.times[s.times.length - 1] as number) / 60) * 60 + s.periodSeconds);
    periodSeconds = Math.max(periodSeconds, s.periodSeconds);
  }
  if (!Number.isFinite(first)) {
    const empty = new Float64Array(0);
    return {
      start: 0,
      minutes: 0,
      periodSeconds,
      gapMinutes: 0,
      inputTokens: empty,
      outputTokens: empty,
      cacheReadTokens: empty,
      cacheWriteTokens: empty,
    };
  }
  const minutes = Math.round((last - first) / 60);
  if (minutes > MAX_WINDOW_MINUTES) {
    throw new WindowTooLongError(windowTooLongMessage(minutes));
  }
  const arrays = {
    inputTokens: new Float64Array(minutes),
    outputTokens: new Float64Array(minutes),
    cacheReadTokens: new Float64Array(minutes),
    cacheWriteTokens: new Float64Array(minutes),
  };
  const covered = new Uint8Array(minutes);
  for (const s of series) layOver(arrays[s.field], covered, s, first);
  return { start: first, minutes, periodSeconds, gapMinutes: countGaps(covered), ...arrays };
}

// The loops over minutes are functions of their own that end with them: compiled while they run (once
// per model), they are not thrown back to the interpreter at the code after them, which had never run.

/** Adds one series to `target` from the grid's `first` second, each period spread evenly over its minutes. */
function layOver(target: Float64Array, covered: Uint8Array, s: TokenSeries, first: number): void {
  const minutes = target.length;
  const span = Math.max(1, Math.round(s.periodSeconds / 60));
  for (let i = 0; i < s.times.length; i++) {
    const offset = Math.round((Math.floor((s.times[i] as number) / 60) * 60 - first) / 60);
    const perMinute = (s.values[i] as number) / span;
    const end = Math.min(minutes, offset + span);
    for (let m = offset; m < end; m++) {
      target[m] = (target[m] as number) + perMinute;
      covered[m] = 1;
    }
  }
}

function countGaps(covered: Uint8Array): number {
  let gaps = 0;
  for (let m = 0; m < covered.length; m++) if (covered[m] === 0) gaps++;
  return gaps;
}

/** The window's tokens scaled to a month, and the peak minute's input-side and output tokens. */
export function summarizeTraffic(
  traffic: MinuteTraffic,
  hoursPerMonth: number,
): {
  volume: Volume;
  peakTpm: TokensPerMinute;
} {
  const scale = traffic.minutes === 0 ? 0 : (hoursPerMonth * 60) / traffic.minutes;
  // Measured traffic does not tell 1-hour cache writes from 5-minute ones: all are counted as 5-minute.
  // Sums of input, output, cache read and write tokens, then the peaks of the input side and output.
  const totals = new Float64Array(6);
  addUp(traffic, totals);
  const [input, output, read, write, inputPeak, outputPeak] = totals as unknown as [number, number, number, number, number, number];
  const volume = { inputTokens: input, outputTokens: output, cacheReadTokens: read, cacheWriteTokens: write, cacheWrite1hTokens: 0 };
  for (const key of TOKEN_FIELDS) volume[key] *= scale;
  return { volume, peakTpm: { input: inputPeak, output: outputPeak } };
}

function addUp(traffic: MinuteTraffic, totals: Float64Array): void {
  for (let m = 0; m < traffic.minutes; m++) {
    const input = traffic.inputTokens[m] as number;
    const output = traffic.outputTokens[m] as number;
    const read = traffic.cacheReadTokens[m] as number;
    const write = traffic.cacheWriteTokens[m] as number;
    totals[0] = (totals[0] as number) + input;
    totals[1] = (totals[1] as number) + output;
    totals[2] = (totals[2] as number) + read;
    totals[3] = (totals[3] as number) + write;
    totals[4] = Math.max(totals[4] as number, input + read + write);
    totals[5] = Math.max(totals[5] as number, output);
  }
}
