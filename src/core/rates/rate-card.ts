import type { ReservedMinimum, ReservedPrices, ReservedTermKey } from "../cost-model/reserved-tier.js";
import { type HourlyRateKey, TERM_RATE_KEYS, TERMS, type Term } from "../cost-model/terms.js";
import type { Discount } from "./discounts.js";

/** USD per 1M tokens, input and output. */
export interface TokenRates {
  inputPerMTok: number;
  /** Absent: an input-only model (embeddings), which gives no output tokens. */
  outputPerMTok?: number;
}

/** On-demand prices for long-context requests; `aboveInputTokens` says where they start, when known. */
export interface LongContextRates extends TokenRates {
  aboveInputTokens?: number;
}

/** USD per 1M prompt-cache tokens; a model may publish only one of the two. */
export interface CacheRates {
  readPerMTok?: number;
  /** Writes kept 5 minutes (the default). */
  writePerMTok?: number;
  /** Writes kept 1 hour. */
  write1hPerMTok?: number;
}

/** Tokens per minute one model unit carries. AWS does not publish these figures. */
export interface UnitThroughput {
  inputTpm: number;
  outputTpm: number;
}

interface ProvisionedRates {
  /** USD per model unit per hour, by term; any non-empty subset of the terms. */
  hourlyPerUnit: Partial<Record<HourlyRateKey, number>>;
  unitThroughput?: UnitThroughput;
}

/** The Reserved tier's prices, by scope and term; the minimums AWS sets unless a rate file says otherwise. */
export interface ReservedRates {
  global?: Partial<Record<ReservedTermKey, ReservedPrices>>;
  geo?: Partial<Record<ReservedTermKey, ReservedPrices>>;
  minimumTpm: ReservedMinimum;
}

export interface RateSource {
  id: string;
  title: string;
  url: string;
  checked: string;
}

export interface ModelRates {
  id: string;
  name: string;
  provider: string;
  aliases: string[];
  source?: RateSource;
  /** Absent: the model is served on Provisioned Throughput only (a custom model). */
  onDemand?: TokenRates;
  /** Absent: the model has no Batch lane. */
  batch?: TokenRates;
  /** The Priority tier of on-demand: faster, at a premium. Absent: not offered, or no price known. */
  priority?: TokenRates;
  /** The Flex tier of on-demand: slower, at a discount. Absent: not offered, or no price known. */
  flex?: TokenRates;
  /**
   * On-demand prices of requests whose input is above a context length, where AWS charges more (Claude
   * Sonnet 4 and 4.5 above 200,000 input tokens). Absent: no long-context price is known.
   */
  longContext?: LongContextRates;
  promptCache?: CacheRates;
  /** Absent: no PT price is known. */
  provisioned?: ProvisionedRates;
  /** Absent: no Reserved tier price is known. */
  reserved?: ReservedRates;
  /** The rate files that set any of this model's fields, in the order they were applied. */
  files: string[];
}

/** Every model's rates for one region after the bundled file and the user's overlays are merged. */
export interface RateCard {
  region: string;
  currency: "USD";
  /** The effective date of the newest price version in the card. */
  effectiveDate: string | null;
  hoursPerMonth: number;
  files: string[];
  models: ModelRates[];
  /** Private discounts that lowered any price of the card; absent or empty for list prices. */
  discounts?: Discount[];
}

export function hourlyRateFor(model: ModelRates, term: Term): number | undefined {
  return model.provisioned?.hourlyPerUnit[TERM_RATE_KEYS[term]];
}

export function pricedTerms(model: ModelRates): Term[] {
  return TERMS.filter((term) => hourlyRateFor(model, term) !== undefined);
}
