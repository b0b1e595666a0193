const PERIODS = [86_400, 3600, 900, 300, 60];

/** Data points that are not whole minutes apart, or a period that cannot be told. */
export class PeriodError extends Error {}

/** The period of the data points when the user gives it, and how they give it (for messages). */
export interface GivenPeriod {
  seconds: number | undefined;
  /** `--period`, or `period:` in a plan file. */
  flag: string;
}

/** "1 day", "1 hour", "5 minutes": a period in words. */
function periodWords(seconds: number): string {
  const [size, unit] =
    seconds % 86_400 === 0 ? [seconds / 86_400, "day"] : seconds % 3600 === 0 ? [seconds / 3600, "hour"] : [seconds / 60, "minute"];
  return `${size} ${unit}${size === 1 ? "" : "s"}`;
}

/**
 * The period of a series from its ascending, distinct times: the longest of CloudWatch's usual
 * periods (1 day, 1 hour, 15, 5 or 1 minutes) that is no longer than the smallest gap and divides every
 * gap, so that a missing point reads as a gap, not as a longer period. A period the user gives must
 * agree with the gaps (divide each, and be no longer than the smallest); a lone point has no gaps,
 * so its period must be given.
 */
export function detectPeriod(times: ArrayLike<number>, given?: GivenPeriod): number {
  if (times.length < 2) {
    if (given?.seconds !== undefined) return given.seconds;
    throw new PeriodError(
      `one data point: the period it covers cannot be read from the data; give it with ${given?.flag ?? "--period"} (1m, 5m, 15m, 1h, 1d or a number of seconds)`,
    );
  }
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (Math.abs(gap / 60 - Math.round(gap / 60)) > 1e-9) {
      throw new PeriodError(
        `data points ${gap} seconds apart: expected whole minutes between them (periods of 1 minute, 5 minutes, 1 hour)`,
      );
    }
    if (gap < smallest) smallest = gap;
  }
  const divides = (period: number) => {
    for (let i = 1; i < times.length; i++) if (Math.round((times[i] as number) - (times[i - 1] as number)) % period !== 0) return false;
    return true;
  };
  if (given?.seconds !== undefined) {
    const words = `the period of ${periodWords(given.seconds)} given with ${given.flag}`;
    if (smallest < given.seconds) throw new PeriodError(`data points ${Math.round(smallest)} seconds apart, closer than ${words}`);
    if (!divides(given.seconds)) throw new PeriodError(`data points whose gaps are not whole multiples of ${words}`);
    return given.seconds;
  }
  return PERIODS.find((period) => period <= smallest && divides(period)) ?? 60;
}

/**
 * Points in ascending time order, and the first duplicated time, if any. Ascending input is returned
 * as it is and descending input (CloudWatch's default order) reversed, without sorting.
 */
export function sortPoints(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
): { times: Float64Array; values: Float64Array; duplicate: number | null } {
  const n = times.length;
  const sortedTimes = new Float64Array(n);
  const sortedValues = new Float64Array(n);
  if (isDescending(times)) {
    for (let i = 0; i < n; i++) {
      sortedTimes[i] = times[n - 1 - i] as number;
      sortedValues[i] = values[n - 1 - i] as number;
    }
    return { times: sortedTimes, values: sortedValues, duplicate: null };
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (times[a] as number) - (times[b] as number));
  let duplicate: number | null = null;
  for (let i = 0; i < n; i++) {
    sortedTimes[i] = times[order[i] as number] as number;
    sortedValues[i] = values[order[i] as number] as number;
    if (duplicate === null && i > 0 && sortedTimes[i] === sortedTimes[i - 1]) duplicate = sortedTimes[i] as number;
  }
  return { times: sortedTimes, values: sortedValues, duplicate };
}

/** Whether times are already ascending and distinct, so that sorting can be skipped. */
export function isAscending(times: ArrayLike<number>): boolean {
  for (let i = 1; i < times.length; i++) if ((times[i] as number) <= (times[i - 1] as number)) return false;
  return true;
}

function isDescending(times: ArrayLike<number>): boolean {
  for (let i = 1; i < times.length; i++) if ((times[i] as number) >= (times[i - 1] as number)) return false;
  return true;
}
