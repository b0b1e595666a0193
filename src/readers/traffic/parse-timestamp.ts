const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;
const EPOCH_SECONDS = /^\d{1,11}(\.\d+)?$/;
const FORMS = "expected an ISO 8601 time with Z or an offset (2026-10-01T00:00:00Z) or epoch seconds";

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The common exact forms YYYY-MM-DDTHH:MM:SSZ and YYYY-MM-DDTHH:MM:SS.fffZ (up to nine digits of
 * fraction), without regular expressions or Date objects; undefined for any other form.
 */
function fastUtc(text: string): number | undefined {
  const length = text.length;
  if (length < 20 || length > 30 || text.charCodeAt(length - 1) !== 90 || text.charCodeAt(10) !== 84) return undefined;
  let fraction = 0;
  if (length > 20) {
    if (text.charCodeAt(19) !== 46 || length === 21) return undefined;
    let digitsValue = 0;
    let scale = 1;
    for (let i = 20; i < length - 1; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return undefined;
      digitsValue = digitsValue * 10 + d;
      scale *= 10;
    }
    // The same number as the full parse's Number(".fff"): both are exact integers below 2^53 here
    // (at most nine digits), so their quotient is the correctly rounded fraction, as Number() gives it.
    fraction = digitsValue / scale;
  }
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return undefined;
  }
  const leap = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ? 1 : 0;
  if (day > (DAYS_IN_MONTH[month - 1] as number) + leap) return undefined;
  return daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second + fraction;
}

/**
 * Seconds since the epoch from an ISO 8601 time with `Z` or any offset, with or without fractions,
 * or from epoch seconds (a number, or digits). Throws with a one-line message otherwise.
 */
export function parseTimestamp(value: string | number): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) throw new Error(`${FORMS}, got ${value}`);
    if (value >= 1e11) throw new Error(`${value} looks like milliseconds; expected epoch seconds`);
    return value;
  }
  const fast = fastUtc(value);
  if (fast !== undefined) return fast;
  const text = value.trim();
  if (EPOCH_SECONDS.test(text)) return Number(text);
  if (/^\d{12,}(\.\d+)?$/.test(text)) throw new Error(`${text} looks like milliseconds; expected epoch seconds`);
  const match = ISO.exec(text);
  if (!match) throw new Error(`${FORMS}, got ${JSON.stringify(text.slice(0, 40))}`);
  const [, y, mo, d, h, mi, s = "0", fraction = "", zulu, sign, oh, om] = match;
  if (!zulu && !sign) throw new Error(`${text} has no time zone: add Z or an offset such as +02:00`);
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const leap = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ? 1 : 0;
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] as number) + leap || hour > 23 || minute > 59 || second > 59) {
    throw new Error(`${text} is not a valid date and time`);
  }
  // Offsets run from -12:00 to +14:00, in whole minutes: +99:99 is a typo, not a four-day shift.
  if (sign && (Number(om) > 59 || Number(oh) > 14 || (Number(oh) === 14 && Number(om) > 0))) {
    throw new Error(`${text} has an offset of ${sign}${oh}:${om}: expected one from -12:00 to +14:00`);
  }
  const offset = sign ? (sign === "-" ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60) : 0;
  // The year as written (0050 is the year 50, not 1950): days are counted, not read from Date.UTC.
  return daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second + (fraction ? Number(fraction) : 0) - offset;
}
