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

const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const WHOLE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** $18,000.00 */
export function formatUsd(usd: number): string {
  return USD.format(roundCents(usd));
}

/** A price per unit: cents for dollars and more, full precision below ten cents ($0.0175). */
export function formatRate(usd: number): string {
  return usd >= 0.1 ? formatUsd(usd) : `$${roundPrice(usd)}`;
}

/** +$18,500.00 or -$292.00 */
export function formatUsdDelta(usd: number): string {
  const rounded = roundCents(usd);
  if (rounded === 0) return "$0.00";
  return `${rounded > 0 ? "+" : "-"}${formatUsd(Math.abs(rounded))}`;
}

/** 3,000,000,000 */
export function formatCount(tokens: number): string {
  return WHOLE.format(Math.round(tokens));
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
