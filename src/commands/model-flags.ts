import type { Term } from "../core/cost-model/terms.js";
import { type ModelRates, pricedTerms, type RateCard } from "../core/rates/rate-card.js";
import { type ModelLookup, resolveModel } from "../core/rates/resolve-model.js";
import { withUnitOverrides } from "../core/rates/unit-overrides.js";
import { UsageError } from "../errors.js";
import { loadRateCard } from "../readers/load-rate-card.js";

/** --rates, --region and --rates-version. */
export interface RateFlags {
  rates: string[];
  region?: string;
  ratesVersion?: string;
  /** --discount: percent off every list price. */
  discount?: number;
}

/** The flags that lay a run's own PT price and unit throughput over the rates. */
export interface UnitFlags {
  term?: Term;
  unitHourly?: number;
  unitInputTpm?: number;
  unitOutputTpm?: number;
}

/** Why a name matches no model, with the nearest names: the one sentence every place that looks a model up gives. */
export function unknownModelMessage(lookup: Extract<ModelLookup, { found: false }>): string {
  const hint = lookup.suggestions.length > 0 ? `; did you mean ${lookup.suggestions.join(", ")}?` : "";
  return `${lookup.reason}${hint}`;
}

/** The model named by --model (or by `flag`), or a usage error that suggests the nearest names. */
export function findModel(card: RateCard, name: string, flag = "--model"): ModelRates {
  const lookup = resolveModel(card, name);
  if (lookup.found) return lookup.model;
  throw new UsageError(`${flag}: ${unknownModelMessage(lookup)}`);
}

/** The rates a command's --rates, --region, --rates-version and --discount ask for. */
export function rateCardOfFlags(flags: RateFlags): Promise<RateCard> {
  return loadRateCard({ region: flags.region, ratesVersion: flags.ratesVersion, files: flags.rates, discountPercent: flags.discount });
}

/** The model with --unit-hourly (for --term), --unit-input-tpm and --unit-output-tpm applied. */
export function applyUnitFlags(model: ModelRates, flags: UnitFlags): ModelRates {
  if (flags.unitHourly !== undefined && flags.term === undefined) {
    throw new UsageError("--unit-hourly needs --term to say which term the price is for (no-commit, 1-month or 6-month)");
  }
  const result = withUnitOverrides(model, {
    hourly: flags.unitHourly === undefined || flags.term === undefined ? undefined : { term: flags.term, rate: flags.unitHourly },
    inputTpm: flags.unitInputTpm,
    outputTpm: flags.unitOutputTpm,
  });
  const throughput = result.provisioned?.unitThroughput;
  if (throughput && (throughput.inputTpm === undefined || throughput.outputTpm === undefined)) {
    const missing = throughput.inputTpm === undefined ? "--unit-input-tpm" : "--unit-output-tpm";
    throw new UsageError(`${missing} is needed as well: a model unit is defined by both its input and its output tokens per minute`);
  }
  if (result.provisioned && pricedTerms(result).length === 0) {
    throw new UsageError(
      `--unit-input-tpm/--unit-output-tpm: ${model.id} has no PT price; add one with --unit-hourly USD --term TERM or --rates FILE`,
    );
  }
  return result;
}
