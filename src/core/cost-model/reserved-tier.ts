/**
 * The Reserved tier: capacity bought as input and output tokens per minute (TPM), apart, at a fixed
 * price per 1,000 TPM an hour, on 1-month or 3-month terms; traffic above it is served and billed at
 * the Standard (on-demand) rate by Bedrock itself. Sizing counts input plus cache-write tokens.
 * See docs/cost-model.md, "The Reserved tier".
 */

export const RESERVED_TERMS = ["1-month", "3-month"] as const;
export type ReservedTerm = (typeof RESERVED_TERMS)[number];

export const RESERVED_SCOPES = ["global", "geo"] as const;
export type ReservedScope = (typeof RESERVED_SCOPES)[number];

/** The key under `reserved.<scope>` in a rate file that holds each term's prices. */
export const RESERVED_TERM_KEYS = { "1-month": "oneMonth", "3-month": "threeMonth" } as const satisfies Record<ReservedTerm, string>;
export type ReservedTermKey = (typeof RESERVED_TERM_KEYS)[ReservedTerm];

const RESERVED_TERM_MONTHS = { "1-month": 1, "3-month": 3 } as const satisfies Record<ReservedTerm, number>;

/** USD per 1,000 tokens a minute, per hour, for each side. */
export interface ReservedPrices {
  inputPer1kTpmHour: number;
  outputPer1kTpmHour: number;
}

/** A reservation priced over a month: what compare and profile report for each term. */
export interface ReservedCosts {
  /** Tokens a minute reserved: input (with cache writes) and output. */
  inputTpm: number;
  outputTpm: number;
  /** USD a month for the reservation, whatever traffic it carries. */
  reservedCost: number;
  /** USD a month for tokens above the reservation, at the Standard price. */
  overflowCost: number;
  /** The reservation, the overflow, and cache reads at their Standard price. */
  monthlyCost: number;
  /** USD the reservation commits to over its whole term (usage above it is billed as it comes). */
  committedCost: number;
  /** The share of the reservation's price that carries traffic (each side weighted by its price). */
  utilization: number;
}

/** The least a reservation may hold on each side, in tokens a minute (AWS's minimums by default). */
export interface ReservedMinimum {
  input: number;
  output: number;
}

export const AWS_RESERVED_MINIMUM: ReservedMinimum = { input: 100_000, output: 10_000 };

/** USD a month for `tpm` tokens a minute reserved on one side: price × (tpm / 1,000) × hours. */
function reservedSideCost(per1kTpmHour: number, tpm: number, hoursPerMonth: number): number {
  return per1kTpmHour * (tpm / 1_000) * hoursPerMonth;
}

/** USD a month for a reservation of both sides. */
export function reservedMonthlyCost(prices: ReservedPrices, tpm: { input: number; output: number }, hoursPerMonth: number): number {
  return (
    reservedSideCost(prices.inputPer1kTpmHour, tpm.input, hoursPerMonth) +
    reservedSideCost(prices.outputPer1kTpmHour, tpm.output, hoursPerMonth)
  );
}

/** USD for the whole term: a reservation is billed until it ends. */
export function reservedCommittedCost(monthlyCost: number, term: ReservedTerm): number {
  return monthlyCost * RESERVED_TERM_MONTHS[term];
}

/** One side's per-minute loads over a window, and what a month is in that window's minutes. */
export interface SideLoads {
  /** Tokens in each minute of the window (minutes with none may be left out). */
  loads: ArrayLike<number>;
  /** Minutes in the measured window. */
  windowMinutes: number;
}

/** Tokens above `tpm` over the window: what overflows to Standard. */
function overflowTokens(side: SideLoads, tpm: number): number {
  let sum = 0;
  for (let i = 0; i < side.loads.length; i++) {
    const over = (side.loads[i] as number) - tpm;
    if (over > 0) sum += over;
  }
  return sum;
}

/**
 * USD a month for one side reserved at `tpm` and the overflow above it at the Standard price: the
 * reservation for a month, plus the window's overflow scaled to a month.
 */
export function sideMonthlyCost(
  side: SideLoads,
  tpm: number,
  per1kTpmHour: number,
  standardPerMTok: number,
  hoursPerMonth: number,
): { reservedCost: number; overflowCost: number } {
  const monthScale = (hoursPerMonth * 60) / side.windowMinutes;
  return {
    reservedCost: reservedSideCost(per1kTpmHour, tpm, hoursPerMonth),
    overflowCost: (overflowTokens(side, tpm) / 1e6) * standardPerMTok * monthScale,
  };
}

/**
 * The level at least `minimum` on one side that costs least with its overflow (see
 * bestSideReservation, which also weighs reserving nothing).
 */
export function lowestSideLevel(
  side: SideLoads,
  per1kTpmHour: number,
  standardPerMTok: number,
  hoursPerMonth: number,
  minimum: number,
): number {
  const c = (per1kTpmHour / 1_000) * hoursPerMonth;
  const ps = (standardPerMTok / 1e6) * ((hoursPerMonth * 60) / side.windowMinutes);
  const sorted = Float64Array.from(side.loads).sort().reverse();
  // Minutes that may lie above R at the optimum.
  const above = ps > 0 ? Math.floor(c / ps) : Number.POSITIVE_INFINITY;
  const unconstrained = above < sorted.length ? (sorted[above] as number) : 0;
  return Math.max(minimum, unconstrained);
}

/**
 * The reservation on one side that costs least with its overflow, 0 or at least `minimum`. The cost
 * R × c + p × s × Σ max(0, load − R) (c: the month's price of one token a minute; p: the Standard
 * price of a token; s: months per window) falls while more than c / (p × s) minutes lie above R and
 * rises after: its lowest point is the load that many minutes from the top. Below the minimum the
 * choice is between none and the minimum itself (the cost is convex, so nothing between is better).
 */
export function bestSideReservation(
  side: SideLoads,
  per1kTpmHour: number,
  standardPerMTok: number,
  hoursPerMonth: number,
  minimum: number,
): number {
  const cost = (tpm: number) => {
    const { reservedCost, overflowCost } = sideMonthlyCost(side, tpm, per1kTpmHour, standardPerMTok, hoursPerMonth);
    return reservedCost + overflowCost;
  };
  const candidate = lowestSideLevel(side, per1kTpmHour, standardPerMTok, hoursPerMonth, minimum);
  return candidate > 0 && cost(candidate) < cost(0) ? candidate : 0;
}
