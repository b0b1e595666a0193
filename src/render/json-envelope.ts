import type { CreditsRunway } from "../core/cost-model/credits.js";
import type { RateCard } from "../core/rates/rate-card.js";
import { roundCents, roundTo } from "./money.js";

/**
 * The version of every `--format json` report. Scripts may rely on the names in a version; new keys
 * may be added, and an existing key changes meaning only with a new version.
 */
const JSON_SCHEMA_VERSION = 1;

/** A reason, note or problem: a stable code and its sentence. */
export interface JsonMessage {
  code: string;
  message: string;
}

/** Which rates a report used. */
export interface JsonRates {
  region: string;
  effectiveDate: string | null;
  files: string[];
  /** The private discounts applied (present only when any was). */
  discounts?: { provider: string | null; model: string | null; lane: string | null; percent: number; from: string }[];
}

export function ratesJson(card: RateCard): JsonRates {
  const rates: JsonRates = { region: card.region, effectiveDate: card.effectiveDate, files: [...card.files] };
  if (card.discounts?.length) {
    rates.discounts = card.discounts.map((d) => ({
      provider: d.provider ?? null,
      model: d.model ?? null,
      lane: d.lane ?? null,
      percent: d.percent,
      from: d.from,
    }));
  }
  return rates;
}

/** `credits` in the plan and compare reports (with --credits): months to two decimals. */
export interface JsonCredits {
  amount: number;
  monthsInLanes: number | null;
  monthsAllOnDemand: number | null;
}

export function creditsJson(runway: CreditsRunway): JsonCredits {
  const months = (value: number | null) => (value === null ? null : roundTo(value, 2));
  return {
    amount: roundCents(runway.amount),
    monthsInLanes: months(runway.monthsInLanes),
    monthsAllOnDemand: months(runway.monthsAllOnDemand),
  };
}

/** A report with the schema version first. */
export function versioned<T extends object>(body: T): { schemaVersion: number } & T {
  return { schemaVersion: JSON_SCHEMA_VERSION, ...body };
}

/** A report as JSON text: two-space indent and a trailing newline. */
export function jsonText(report: object): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
