/**
 * Every price rule of the cost model, once: tokens on-demand and on Batch (with prompt-cache reads
 * and writes), reserved units, the committed total of a term, and overflow. The monthly path
 * (compare, plan, check) and the per-minute path (profile) both price through these functions.
 * See docs/cost-model.md §2, §3 and §5.
 */
import { hourlyRateFor, type ModelRates } from "../rates/rate-card.js";
import { TERM_MONTHS, type Term } from "./terms.js";
import { longContextTokens, type Volume } from "./volume.js";

const PER_MILLION = 1e6;

/** USD per 1M tokens of each kind, as one lane charges them. */
export interface TokenPrices {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  cacheWrite1h: number;
}

/** A rate-file field that a volume's tokens may need: the cache prices, and the output price an input-only model lacks. */
export type PriceField =
  | "promptCache.readPerMTok"
  | "promptCache.writePerMTok"
  | "promptCache.write1hPerMTok"
  | "onDemand.outputPerMTok"
  | "batch.outputPerMTok"
  | "longContext.inputPerMTok";

/** Tokens of a kind the model has no price for: pricing them at $0 would understate the bill. */
class MissingPriceError extends Error {
  override readonly name = "MissingPriceError";
  constructor(
    readonly modelId: string,
    readonly field: PriceField,
  ) {
    super(`${modelId} has no ${field} price for the tokens given`);
  }
}

/** The on-demand prices a volume needs that the model does not have: cache prices, or an input-only model's output price. */
export function missingPrices(model: ModelRates, volume: Volume): PriceField[] {
  const missing: PriceField[] = [];
  if (volume.outputTokens > 0 && model.onDemand && model.onDemand.outputPerMTok === undefined) missing.push("onDemand.outputPerMTok");
  if (volume.cacheReadTokens > 0 && model.promptCache?.readPerMTok === undefined) missing.push("promptCache.readPerMTok");
  if (volume.cacheWriteTokens > 0 && model.promptCache?.writePerMTok === undefined) missing.push("promptCache.writePerMTok");
  if (volume.cacheWrite1hTokens > 0 && model.promptCache?.write1hPerMTok === undefined) missing.push("promptCache.write1hPerMTok");
  const long = longContextTokens(volume);
  if (long.input + long.output > 0 && !model.longContext) missing.push("longContext.inputPerMTok");
  return missing;
}

/** Whether a volume has tokens of long-context requests: only on-demand has prices for them. */
export function hasLongContext(volume: Volume): boolean {
  const long = longContextTokens(volume);
  return long.input + long.output > 0;
}

/**
 * USD the long-context requests of a volume cost on-demand beyond the standard prices: their input
 * and output tokens at the difference between the model's long-context and on-demand prices. Cache
 * tokens stay at the cache prices (no long-context cache price is modelled).
 */
function longContextExtra(model: ModelRates, volume: Volume): number {
  const long = longContextTokens(volume);
  const rates = model.longContext;
  const od = model.onDemand;
  if (!rates || !od || long.input + long.output === 0) return 0;
  return (
    (long.input / PER_MILLION) * (rates.inputPerMTok - od.inputPerMTok) +
    (long.output / PER_MILLION) * ((rates.outputPerMTok ?? 0) - (od.outputPerMTok ?? 0))
  );
}

/**
 * On-demand prices for a volume: input and output at their own rates, prompt-cache reads and writes
 * at the cache rates. Null for a model without on-demand prices (PT only). Throws MissingPriceError
 * when the volume has cache tokens of a kind the model has no price for.
 */
export function onDemandPrices(model: ModelRates, volume: Volume): TokenPrices | null {
  const od = model.onDemand;
  if (!od) return null;
  const [missing] = missingPrices(model, volume);
  if (missing) throw new MissingPriceError(model.id, missing);
  return {
    input: od.inputPerMTok,
    output: od.outputPerMTok ?? 0,
    cacheRead: model.promptCache?.readPerMTok ?? 0,
    cacheWrite: model.promptCache?.writePerMTok ?? 0,
    cacheWrite1h: model.promptCache?.write1hPerMTok ?? 0,
  };
}

/**
 * Batch prices for a volume; null for a model without a Batch lane. Batch has no prompt cache: cache
 * tokens are priced as batch input. Throws MissingPriceError for output tokens of an input-only model.
 */
function batchPrices(model: ModelRates, volume: Volume): TokenPrices | null {
  const batch = model.batch;
  if (!batch) return null;
  if (volume.outputTokens > 0 && batch.outputPerMTok === undefined) throw new MissingPriceError(model.id, "batch.outputPerMTok");
  return {
    input: batch.inputPerMTok,
    output: batch.outputPerMTok ?? 0,
    cacheRead: batch.inputPerMTok,
    cacheWrite: batch.inputPerMTok,
    cacheWrite1h: batch.inputPerMTok,
  };
}

/** USD for tokens of each kind at `prices`: the one sum every per-token lane uses, a month or a minute at a time. */
export function tokenCost(
  prices: TokenPrices,
  inputTokens: number,
  outputTokens: number,
  cacheReadTokens: number,
  cacheWriteTokens: number,
  cacheWrite1hTokens = 0,
): number {
  return (
    (inputTokens / PER_MILLION) * prices.input +
    (outputTokens / PER_MILLION) * prices.output +
    (cacheReadTokens / PER_MILLION) * prices.cacheRead +
    (cacheWriteTokens / PER_MILLION) * prices.cacheWrite +
    (cacheWrite1hTokens / PER_MILLION) * prices.cacheWrite1h
  );
}

function volumeCost(prices: TokenPrices | null, volume: Volume): number | null {
  return prices === null
    ? null
    : tokenCost(
        prices,
        volume.inputTokens,
        volume.outputTokens,
        volume.cacheReadTokens,
        volume.cacheWriteTokens,
        volume.cacheWrite1hTokens,
      );
}

/**
 * USD for a volume on-demand, long-context requests at their prices; null for a PT-only model.
 * Throws MissingPriceError as `onDemandPrices` does.
 */
export function onDemandCost(model: ModelRates, volume: Volume): number | null {
  const cost = volumeCost(onDemandPrices(model, volume), volume);
  return cost === null ? null : cost + longContextExtra(model, volume);
}

/** The service tiers of on-demand that have their own token prices. */
export type ServiceTier = "priority" | "flex";

/**
 * USD for a volume on the Priority or Flex tier of on-demand: input and output at the tier's prices,
 * prompt-cache reads and writes at the on-demand cache prices (no tier prices for them are known).
 * Null for a model without that tier. Throws MissingPriceError as `onDemandPrices` does.
 */
export function tierCost(model: ModelRates, volume: Volume, tier: ServiceTier): number | null {
  // No tier's long-context prices are known: a volume with long-context requests is not priced on it.
  if (hasLongContext(volume)) return null;
  const rates = model[tier];
  const standard = onDemandPrices(model, volume);
  if (!rates || !standard) return null;
  return volumeCost({ ...standard, input: rates.inputPerMTok, output: rates.outputPerMTok ?? 0 }, volume);
}

/**
 * USD for a volume on Batch; null for a model without a Batch lane, and for a volume with long-context
 * requests (no Batch long-context price is known).
 */
export function batchCost(model: ModelRates, volume: Volume): number | null {
  if (hasLongContext(volume)) return null;
  return volumeCost(batchPrices(model, volume), volume);
}

/** USD a month for reserved units: units × hourly rate × hours, whatever traffic they carry. */
export function reservedCost(units: number, hourlyRate: number, hoursPerMonth: number): number {
  return units * hourlyRate * hoursPerMonth;
}

/** The hourly rate of a term the caller knows is priced. */
export function termRate(model: ModelRates, term: Term): number {
  const rate = hourlyRateFor(model, term);
  if (rate === undefined) throw new Error(`${model.id} has no ${term} PT price`);
  return rate;
}

/** USD a month for `units` of a model on a term. */
export function unitsCost(model: ModelRates, term: Term, units: number, hoursPerMonth: number): number {
  return reservedCost(units, termRate(model, term), hoursPerMonth);
}

/** USD a term commits to: a month of reserved units times the term's months; 0 for no-commit, which can be deleted in any hour. */
export function committedCost(monthlyReserved: number, term: Term): number {
  return monthlyReserved * TERM_MONTHS[term];
}

/** The share of the traffic that does not fit when the units run at `utilization` (0 when it fits). */
export function overflowShare(utilization: number): number {
  return utilization > 1 ? 1 - 1 / utilization : 0;
}

/**
 * Where traffic above the reserved units goes. Bedrock throttles it; it reaches on-demand only if the
 * application catches the throttling and calls the on-demand model id. That fallback is the default.
 */
export const OVERFLOW_CHOICES = ["on-demand", "throttle"] as const;
export type OverflowTo = (typeof OVERFLOW_CHOICES)[number];

/**
 * USD to serve the overflow on-demand: that share of the on-demand cost. Null when it is throttled:
 * the application does not fall back, or the model has no on-demand lane.
 */
export function overflowCost(onDemand: number | null, share: number, to: OverflowTo): number | null {
  return onDemand === null || to === "throttle" ? null : onDemand * share;
}
