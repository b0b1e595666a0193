import { InvalidArgumentError } from "commander";
import { MAX_USD_PER_UNIT_HOUR } from "../core/cost-model/limits.js";
import { isCalendarDate } from "../core/input/calendar-date.js";
import { parseTokenCount } from "../readers/token-count.js";
import { parsePeriod } from "../readers/traffic/period-text.js";

function wrap<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}

export const tokenCountArg = wrap(parseTokenCount);

export const periodArg = wrap(parsePeriod);

export const positiveTokenRateArg = wrap((text) => {
  const value = parseTokenCount(text);
  if (value <= 0) throw new Error("expected a number of tokens per minute greater than 0");
  return value;
});

export const unitsArg = wrap((text) => {
  if (!/^\d+$/.test(text.trim())) throw new Error("expected a whole number of model units, such as 2");
  const value = Number(text);
  if (value < 1 || value > 100_000) throw new Error("expected between 1 and 100,000 model units");
  return value;
});

export const usdArg = wrap((text) => {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) throw new Error("expected US dollars such as 39.60");
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value)) throw new Error("expected a price greater than 0");
  if (value > MAX_USD_PER_UNIT_HOUR) throw new Error(`expected at most $${MAX_USD_PER_UNIT_HOUR.toLocaleString("en-US")} per unit-hour`);
  return value;
});

/** A discount: percent off, greater than 0 and below 100. */
export const percentArg = wrap((text) => {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) throw new Error("expected a percentage such as 10");
  const value = Number(text);
  if (!(value > 0) || value >= 100) throw new Error("expected a percentage greater than 0 and below 100");
  return value;
});

/** A budget in US dollars: credits, up to a trillion. */
export const creditsArg = wrap((text) => {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) throw new Error("expected US dollars such as 100000");
  const value = Number(text);
  if (!(value > 0) || value > 1e12) throw new Error("expected an amount greater than 0 and at most $1,000,000,000,000");
  return value;
});

export const fractionArg = wrap((text) => {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) throw new Error("expected a share such as 0.05 (5%)");
  const value = Number(text);
  if (value >= 1) throw new Error("expected a share from 0 up to (not including) 1, such as 0.05");
  return value;
});

export const widthArg = wrap((text) => {
  if (!/^\d+$/.test(text.trim())) throw new Error("expected a number of columns, such as 100");
  const value = Number(text);
  if (value < 40 || value > 1000) throw new Error("expected between 40 and 1,000 columns");
  return value;
});

export const hoursArg = wrap((text) => {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) throw new Error("expected hours in a month, such as 730 or 744");
  const value = Number(text);
  if (!(value > 0) || value > 744) throw new Error("expected more than 0 and at most 744 hours (24 × 31)");
  return value;
});

export const dateArg = wrap((text) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error("expected a date such as 2026-11-01");
  if (!isCalendarDate(text)) throw new Error(`${text} is not a calendar date`);
  return text;
});

export const regionArg = wrap((text) => {
  if (!/^[a-z]{2}(-gov)?-[a-z]+-\d+$/.test(text)) throw new Error("expected an AWS region such as us-east-1");
  return text;
});

/** A repeatable flag's values, in the order given. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
