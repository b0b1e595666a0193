const UNIT_SECONDS: Record<string, number> = { "": 1, s: 1, m: 60, h: 3600, d: 86_400 };

/** The longest period accepted: the longest window profiled at once. */
const MAX_PERIOD_SECONDS = 400 * 86_400;

const FORMS = "expected a period such as 1m, 5m, 1h, 1d or a number of seconds";

/**
 * The seconds a data point covers, from `--period` or a plan's `period:`: a number of seconds, or a
 * whole number with m, h or d. CloudWatch periods of a minute or more are whole minutes.
 */
export function parsePeriod(value: string | number): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(String(value).trim());
  if (!match) throw new Error(FORMS);
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
  if (seconds <= 0) throw new Error(FORMS);
  if (seconds % 60 !== 0) throw new Error(`expected whole minutes (a multiple of 60 seconds), got ${seconds} seconds`);
  if (seconds > MAX_PERIOD_SECONDS) throw new Error("expected at most 400 days (the longest window profiled at once)");
  return seconds;
}
