/**
 * The largest figures bedrock-cost accepts, each far above any real Bedrock workload.
 *
 * Money is computed in binary floating point at full precision and rounded only where it is shown.
 * A double holds every cent exactly up to 2^53 cents (about $90 trillion), and each addition or
 * multiplication may be off by half a unit in its last place; below MAX_EXACT_USD that error stays
 * within a hundredth of a cent. The input limits keep a single
 * workload's figures well inside that range (10^14 tokens at $1,000 per 1M is $10^11); sums and
 * sizing that still go past it are caught on the result (see `inexactFigure`).
 */

/** Tokens in a month for one workload, in one traffic data point, or per minute: 100 trillion. */
export const MAX_TOKENS = 1e14;

/** USD per 1M tokens, on-demand, Batch or cache. The dearest published price is $75. */
export const MAX_USD_PER_MTOK = 1_000;

/** USD per model unit per hour. The dearest published price is $70. */
export const MAX_USD_PER_UNIT_HOUR = 10_000;

/** The largest money figure bedrock-cost prints or serialises: one trillion dollars. */
export const MAX_EXACT_USD = 1e12;

/** Why `value` is not a token count bedrock-cost can use, or null when it is one. */
export function tokenCountProblem(value: unknown): string | null {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return "expected a number of tokens";
  if (!Number.isInteger(value)) return "expected a whole number of tokens";
  if (value > MAX_TOKENS) return "expected at most 100 trillion tokens (the most bedrock-cost counts)";
  return null;
}
