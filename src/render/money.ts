/** Rounds half away from zero at `digits` decimals, on the decimal digits rather than binary noise (1.005 → 1.01). */
export function roundTo(value: number, digits: number): number {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return Math.round(value);
  const sign = value < 0 ? -1 : 1;
  const shifted = Math.round(Number(`${Math.abs(value)}e${digits}`));
  return sign * Number(`${shifted}e-${digits}`) || 0;
}

/** Dollars to cents, for JSON and CSV. */
export const roundCents = (usd: number): number => roundTo(usd, 2);
/** Utilization and shares: a fraction to four decimals (0.4892 is 48.92%). */
export const roundFraction = (fraction: number): number => roundTo(fraction, 4);
/** Token counts are whole numbers. */
export const roundTokens = (tokens: number): number => Math.round(tokens);
/** A unit price as written in a rate file, without floating-point noise. */
export const roundPrice = (usd: number): number => roundTo(usd, 6);

/** 1234567 → "1,234,567". Written out because building an Intl currency formatter costs ~20 ms at start-up. */
function group(whole: number): string {
  const digits = String(whole);
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return out;
}

/** $18,000.00 */
export function formatUsd(usd: number): string {
  const cents = Math.round(Math.abs(roundCents(usd)) * 100);
  const sign = roundCents(usd) < 0 ? "-" : "";
  return `${sign}$${group(Math.floor(cents / 100))}.${String(cents % 100).padStart(2, "0")}`;
}

/**
 * A price as a rate file writes it: every significant digit (up to millionths of a dollar) and at least
 * two decimals: $39.60, $4.125, $0.125, $0.0175. Prices are never rounded to cents; costs are.
 */
export function formatRate(usd: number): string {
  const exact = roundPrice(Math.abs(usd));
  const [whole = "0", fraction = ""] = String(exact).split(".");
  return `${usd < 0 ? "-" : ""}$${group(Number(whole))}.${fraction.padEnd(2, "0")}`;
}

/** +$18,500.00 or -$292.00 */
export function formatUsdDelta(usd: number): string {
  const rounded = roundCents(usd);
  if (rounded === 0) return "$0.00";
  return `${rounded > 0 ? "+" : "-"}${formatUsd(Math.abs(rounded))}`;
}

/** 3,000,000,000 */
export function formatCount(tokens: number): string {
  const rounded = Math.round(tokens);
  return `${rounded < 0 ? "-" : ""}${group(Math.abs(rounded))}`;
}

const SCALES: [number, string][] = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "k"],
];

/** 6.08B, 600M, 250k: three significant digits at most. */
export function formatTokensShort(tokens: number): string {
  const value = Math.round(tokens);
  for (const [scale, suffix] of SCALES) {
    if (Math.abs(value) >= scale * 0.9995) {
      const scaled = value / scale;
      const decimals = Math.abs(scaled) >= 100 ? 0 : Math.abs(scaled) >= 10 ? 1 : 2;
      return `${Number(scaled.toFixed(decimals))}${suffix}`;
    }
  }
  return String(value);
}

/** 48.9% */
export function formatPercent(fraction: number): string {
  return `${roundTo(fraction * 100, 1).toFixed(1)}%`;
}
