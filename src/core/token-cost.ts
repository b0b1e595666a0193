import type { CacheRates, ModelRates, TokenRates } from "./rates.js";
import type { Volume } from "./volume.js";

const PER_MILLION = 1e6;

/** The rate fields a volume needs that the model does not have, e.g. `promptCache.writePerMTok`. */
export function missingCacheRates(model: ModelRates, volume: Volume): string[] {
  const missing: string[] = [];
  if (volume.cacheReadTokens > 0 && model.promptCache?.readPerMTok === undefined) {
    missing.push("promptCache.readPerMTok");
  }
  if (volume.cacheWriteTokens > 0 && model.promptCache?.writePerMTok === undefined) {
    missing.push("promptCache.writePerMTok");
  }
  return missing;
}

function cacheRate(cache: CacheRates | undefined, field: keyof CacheRates, tokens: number): number {
  if (tokens === 0) return 0;
  const rate = cache?.[field];
  if (rate === undefined) {
    throw new Error(`cache tokens given for a model without promptCache.${field}`);
  }
  return rate;
}

/**
 * USD a month on-demand: input and output at their own rates, and prompt-cache reads and writes at
 * the cache rates instead of the input rate. Callers check `missingCacheRates` first.
 */
export function onDemandCost(rates: TokenRates, cache: CacheRates | undefined, volume: Volume): number {
  return (
    (volume.inputTokens / PER_MILLION) * rates.inputPerMTok +
    (volume.outputTokens / PER_MILLION) * rates.outputPerMTok +
    (volume.cacheReadTokens / PER_MILLION) * cacheRate(cache, "readPerMTok", volume.cacheReadTokens) +
    (volume.cacheWriteTokens / PER_MILLION) * cacheRate(cache, "writePerMTok", volume.cacheWriteTokens)
  );
}

/** USD a month on Batch. Batch has no prompt cache: cache reads and writes are priced as batch input. */
export function batchCost(rates: TokenRates, volume: Volume): number {
  const input = volume.inputTokens + volume.cacheReadTokens + volume.cacheWriteTokens;
  return (input / PER_MILLION) * rates.inputPerMTok + (volume.outputTokens / PER_MILLION) * rates.outputPerMTok;
}
