import { RESERVED_SCOPES, RESERVED_TERM_KEYS, RESERVED_TERMS } from "../core/cost-model/reserved-tier.js";
import { type ModelRates, pricedTerms, type RateCard, type TokenRates } from "../core/rates/rate-card.js";
import { PROFILE_PREFIXES } from "../core/rates/resolve-model.js";
import { type JsonMessage, jsonText, ratesJson, versioned } from "./json-envelope.js";
import { formatCount, formatRate } from "./money.js";
import { lanesOf, modelJson } from "./rates-list.js";

/** A lane's token prices; an input-only model (embeddings) has no output price. */
function lanePrices(rates: TokenRates | undefined): string {
  if (!rates) return "none";
  const output = rates.outputPerMTok === undefined ? "no output (input only)" : `${formatRate(rates.outputPerMTok)} output`;
  return `${formatRate(rates.inputPerMTok)} input, ${output} per 1M tokens`;
}

/** "$0.33 read, $4.125 write, $6.60 write kept 1 hour per 1M tokens", or none. */
function cacheText(model: ModelRates): string {
  const cache = model.promptCache;
  if (!cache) return "none";
  const parts = [
    cache.readPerMTok === undefined ? null : `${formatRate(cache.readPerMTok)} read`,
    cache.writePerMTok === undefined ? null : `${formatRate(cache.writePerMTok)} write`,
    cache.write1hPerMTok === undefined ? null : `${formatRate(cache.write1hPerMTok)} write kept 1 hour`,
  ];
  return `${parts.filter(Boolean).join(", ")} per 1M tokens`;
}

/** The on-demand prices of long-context requests, or none. */
function longContextText(model: ModelRates): string {
  const long = model.longContext;
  if (!long) return "none";
  const above = long.aboveInputTokens === undefined ? "" : ` above ${formatCount(long.aboveInputTokens)} input tokens`;
  return `${lanePrices(long)}${above}`;
}

/** How a model may be named on the command line and in files, beyond its id. */
function otherNames(card: RateCard, model: ModelRates): { profileIds: string[]; arn: string } {
  const ownGlobal = card.models.some((other) => other.id === `global.${model.id}`);
  const base = model.id.replace(/^global\./, "");
  const profileIds = model.id.startsWith("global.")
    ? []
    : PROFILE_PREFIXES.filter((prefix) => !(prefix === "global" && ownGlobal)).map((prefix) => `${prefix}.${base}`);
  return { profileIds, arn: `arn:aws:bedrock:${card.region}::foundation-model/${base}` };
}

/** What is missing from a model's rates, with how to supply it. */
function unknownsOf(model: ModelRates): JsonMessage[] {
  const unknown: JsonMessage[] = [];
  if (!model.provisioned || pricedTerms(model).length === 0) {
    unknown.push({
      code: "NO_PT_PRICE",
      message:
        "No Provisioned Throughput price: AWS quotes it through your account team. Add it as provisioned.hourlyPerUnit in a rate file (--rates FILE), or for one run with --unit-hourly USD --term TERM.",
    });
  } else {
    const missing = (["no-commit", "1-month", "6-month"] as const).filter((term) => !pricedTerms(model).includes(term));
    if (missing.length > 0)
      unknown.push({
        code: "NO_PT_PRICE_FOR_TERM",
        message: `No PT price for ${missing.join(", ")}: add it in a rate file or with --unit-hourly USD --term TERM.`,
      });
  }
  if (!model.provisioned?.unitThroughput) {
    unknown.push({
      code: "UNKNOWN_UNIT_THROUGHPUT",
      message:
        "A model unit's tokens per minute is unknown (AWS does not publish it): add provisioned.unitThroughput in a rate file, or give --unit-input-tpm and --unit-output-tpm.",
    });
  }
  if (!model.batch)
    unknown.push({
      code: "NO_BATCH_PRICE",
      message: "No Batch price in these rates: add batch in a rate file if AWS offers Batch for this model.",
    });
  if (!model.onDemand)
    unknown.push({ code: "PT_ONLY", message: "No on-demand price: the model is served on Provisioned Throughput only (a custom model)." });
  return unknown;
}

export function renderRatesShowJson(card: RateCard, model: ModelRates): string {
  const names = otherNames(card, model);
  return jsonText(
    versioned({
      rates: ratesJson(card),
      model: modelJson(model),
      names: { aliases: [...model.aliases], ...names },
      unknown: unknownsOf(model),
    }),
  );
}

/** "geo 1-month $0.15 input, $0.75 output; ... per 1,000 tokens a minute an hour (at least 100,000 / 10,000)". */
function reservedText(model: ModelRates): string {
  const reserved = model.reserved;
  if (!reserved) return "no price";
  const priced = RESERVED_SCOPES.flatMap((scope) =>
    RESERVED_TERMS.flatMap((term) => {
      const prices = reserved[scope]?.[RESERVED_TERM_KEYS[term]];
      return prices
        ? [`${scope} ${term} ${formatRate(prices.inputPer1kTpmHour)} input, ${formatRate(prices.outputPer1kTpmHour)} output`]
        : [];
    }),
  );
  const minimum = `${formatCount(reserved.minimumTpm.input)} input and ${formatCount(reserved.minimumTpm.output)} output tokens a minute`;
  return `${priced.join("; ")} per 1,000 tokens a minute an hour (at least ${minimum})`;
}

export function renderRatesShowText(card: RateCard, model: ModelRates): string {
  const names = otherNames(card, model);
  const h = model.provisioned?.hourlyPerUnit;
  const terms = h
    ? (
        [
          ["no-commit", h.noCommit],
          ["1-month", h.oneMonth],
          ["6-month", h.sixMonth],
        ] as const
      )
        .filter(([, rate]) => rate !== undefined)
        .map(([term, rate]) => `${term} ${formatRate(rate as number)}`)
    : [];
  const t = model.provisioned?.unitThroughput;
  const lines = [
    `${model.name} (${model.id}), ${model.provider}`,
    `Rates: ${card.region}${card.effectiveDate ? `, ${card.effectiveDate}` : ""}; set by ${model.files.join(", ")}`,
    `Aliases: ${model.aliases.length > 0 ? model.aliases.join(", ") : "none"}`,
    ...(names.profileIds.length > 0 ? [`Profile ids it answers to: ${names.profileIds.join(", ")}`] : []),
    `ARN: ${names.arn}`,
    `Lanes: ${lanesOf(model).join(", ") || "none"}`,
    `On-demand: ${lanePrices(model.onDemand)}`,
    `Batch: ${lanePrices(model.batch)}`,
    `Priority tier: ${lanePrices(model.priority)}`,
    `Flex tier: ${lanePrices(model.flex)}`,
    `Prompt cache: ${cacheText(model)}`,
    `Long context: ${longContextText(model)}`,
    `Provisioned Throughput: ${terms.length > 0 ? `${terms.join(", ")} per unit-hour` : "no price"}`,
    `Unit throughput: ${t ? `${t.inputTpm} input, ${t.outputTpm} output tokens a minute` : "unknown"}`,
    `Reserved tier: ${reservedText(model)}`,
    `Source: ${model.source ? `${model.source.title}, ${model.source.url} (checked ${model.source.checked})` : "none named"}`,
  ];
  const unknown = unknownsOf(model);
  if (unknown.length > 0) lines.push("", "Unknown:", ...unknown.map((u) => `  - ${u.message} [${u.code}]`));
  return `${lines.join("\n")}\n`;
}
