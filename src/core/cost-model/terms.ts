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
