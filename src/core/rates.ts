/** Provisioned Throughput commitment terms, as users name them on the command line and in plans. */
export const TERMS = ["no-commit", "1-month", "6-month"] as const;
export type Term = (typeof TERMS)[number];

/** The key under `provisioned.hourlyPerUnit` in a rate file that holds each term's price. */
export const TERM_RATE_KEYS = {
  "no-commit": "noCommit",
  "1-month": "oneMonth",
  "6-month": "sixMonth",
} as const satisfies Record<Term, string>;
export type HourlyRateKey = (typeof TERM_RATE_KEYS)[Term];

/** Months a term commits to; a no-commit reservation can be deleted in any hour. */
export const TERM_MONTHS = {
  "no-commit": 0,
  "1-month": 1,
  "6-month": 6,
} as const satisfies Record<Term, number>;

/** Hours in a billing month unless a rate file or flag says otherwise (8,760 / 12). */
export const DEFAULT_HOURS_PER_MONTH = 730;

/** USD per 1M tokens, input and output. */
export interface TokenRates {
  inputPerMTok: number;
  outputPerMTok: number;
}

/** USD per 1M prompt-cache tokens; a model may publish only one of the two. */
export interface CacheRates {
  readPerMTok?: number;
  writePerMTok?: number;
}

/** Tokens per minute one model unit carries. AWS does not publish these figures. */
export interface UnitThroughput {
  inputTpm: number;
  outputTpm: number;
}

export interface ProvisionedRates {
  /** USD per model unit per hour, by term; any non-empty subset of the terms. */
  hourlyPerUnit: Partial<Record<HourlyRateKey, number>>;
  unitThroughput?: UnitThroughput;
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
  promptCache?: CacheRates;
  /** Absent: no PT price is known. */
  provisioned?: ProvisionedRates;
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
}

export function hourlyRateFor(model: ModelRates, term: Term): number | undefined {
  return model.provisioned?.hourlyPerUnit[TERM_RATE_KEYS[term]];
}

export function pricedTerms(model: ModelRates): Term[] {
  return TERMS.filter((term) => hourlyRateFor(model, term) !== undefined);
}
