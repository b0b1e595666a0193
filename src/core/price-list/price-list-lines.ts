import type { ReservedScope, ReservedTermKey } from "../cost-model/reserved-tier.js";
import type { HourlyRateKey } from "../cost-model/terms.js";
import { quote } from "../input/quote.js";
import { shiftDecimal } from "./decimal.js";
import { TITAN_USAGE_NAMES } from "./price-list-names.js";

/** One on-demand price dimension of one product of the AWS Price List. */
export interface PriceLine {
  file: string;
  /** AmazonBedrock or AmazonBedrockFoundationModels. */
  offerCode: string;
  sku: string;
  attributes: Record<string, string>;
  /** "1K tokens", "1M tokens", "Units", "Hrs", ... */
  unit: string;
  /** USD as the decimal string AWS publishes. */
  usd: string;
}

export interface PriceListEdition {
  offerCode: string;
  version: string | null;
  publicationDate: string | null;
}

/** Where a price goes in a rate file. */
export type PriceField =
  | { lane: "onDemand" | "batch" | "priority" | "flex" | "longContext"; key: "inputPerMTok" | "outputPerMTok" }
  | { lane: "promptCache"; key: "readPerMTok" | "writePerMTok" | "write1hPerMTok" }
  | { lane: "provisioned"; key: HourlyRateKey }
  | { lane: "reserved"; scope: ReservedScope; term: ReservedTermKey; key: "inputPer1kTpmHour" | "outputPer1kTpmHour" };

export type Classified =
  | { kind: "price"; name: string; provider: string | null; global: boolean; field: PriceField; value: string }
  | { kind: "skip"; why: string; name: string | null };

const EDITION = / \(Amazon Bedrock Edition\)$/i;

function tokenValue(line: PriceLine, defaultPerMillion: boolean): string | null {
  const unit = line.unit.toLowerCase();
  if (/^1k tokens?$/.test(unit)) return shiftDecimal(line.usd, 3);
  if (/^1m tokens?$/.test(unit)) return shiftDecimal(line.usd, 0);
  return defaultPerMillion ? shiftDecimal(line.usd, 0) : null;
}

function hourValue(line: PriceLine): string | null {
  return /^(hrs?|hours?)$/i.test(line.unit.trim()) ? shiftDecimal(line.usd, 0) : null;
}

const NOT_TEXT = /image|video|audio|speech|search|rerank|guardrail|customization|storage|training/;
const TIERS: [RegExp, string][] = [
  [/latency[-_ ]?optimi[sz]ed/, "latency-optimized tier"],
  [/custom[-_ ]?model/, "custom-model price"],
  [/mantle/, "bedrock-mantle endpoint"],
  [/cache[-_ ]?write.*30m/, "cache write kept 30 minutes"],
];

function commonSkip(text: string): string | null {
  if (NOT_TEXT.test(text)) return "not text tokens";
  for (const [pattern, why] of TIERS) if (pattern.test(text)) return why;
  return null;
}

/**
 * The words a token price's usage type may carry after the model's name: the token kind, the
 * standard tier, the global profile and Batch. Tiers and kinds bedrock-cost does not model are left
 * out before (TIERS, NOT_TEXT); a usage type with any other word is left out and named, never
 * priced as if it were the standard on-demand price.
 */
const USAGE_WORDS = new Set([
  "input",
  "output",
  "text",
  "tokens",
  "token",
  "count",
  "cache",
  "read",
  "write",
  "5m",
  "1h",
  "cachewrite1hinputtokencount",
  "standard",
  "global",
  "cross",
  "region",
  "batch",
  "priority",
  "flex",
  "units",
  "inputtokencount",
  "outputtokencount",
  "cachereadinputtokencount",
  "cachewriteinputtokencount",
  "cachewrite5minputtokencount",
]);

const TOKEN_KIND = new Set(["input", "output", "cache", "text"]);

/** Whether a usage type's words after the model name are all ones bedrock-cost knows. */
function knownUsage(usage: string, foundation: boolean): boolean {
  const words = usage.split(/[-_:]/).filter((word) => word !== "");
  // AmazonBedrock: REGION-ModelName-kind-...; the kind starts at the first token-kind word.
  const start = foundation ? 0 : words.findIndex((word) => TOKEN_KIND.has(word));
  if (start < 0) return true;
  return words.slice(start).every((word) => USAGE_WORDS.has(word));
}

/** A Titan product's name from its usage type, when the product names no model. */
function titanNameOf(usagetype: string): string | null {
  const slug = usagetype.toLowerCase().replace(/^[a-z0-9]+-/, "");
  return TITAN_USAGE_NAMES.find(([prefix]) => slug.startsWith(`${prefix}-`))?.[1] ?? null;
}

function provisionedTerm(text: string): HourlyRateKey | null {
  if (!/provisioned/.test(text)) return null;
  if (/nocommit|no[-_ ]commit/.test(text)) return "noCommit";
  if (/1[-_ ]?month/.test(text)) return "oneMonth";
  if (/6[-_ ]?months?/.test(text)) return "sixMonth";
  return null;
}

/**
 * A Reserved tier line (`Reserved_1Month_InputTPM_Global`, `Reserved_3Month_OutputTPM_Geo`): its
 * scope, term and side; null when it is not one. Public Price List parsers quote these lines per
 * 1,000 tokens a minute per hour, the unit of the rate file's `reserved` block.
 */
function reservedField(text: string): PriceField | "partial" | null {
  if (!/reserved/.test(text)) return null;
  const term = /(^|[^0-9])1[-_ ]?month/.test(text) ? "oneMonth" : /(^|[^0-9])3[-_ ]?months?/.test(text) ? "threeMonth" : null;
  const key = /input[-_ ]?tpm/.test(text) ? "inputPer1kTpmHour" : /output[-_ ]?tpm/.test(text) ? "outputPer1kTpmHour" : null;
  const scope = /global/.test(text) ? "global" : /geo/.test(text) ? "geo" : null;
  return term && key && scope ? { lane: "reserved", scope, term, key } : "partial";
}

function tokenField(text: string): PriceField | null {
  const batch = /batch/.test(text);
  // The Priority and Flex tiers of on-demand: their input and output prices.
  const tier = /priority/.test(text) ? "priority" : /flex/.test(text) ? "flex" : null;
  if (tier) {
    if (batch || /cache/.test(text)) return null;
    if (/input/.test(text)) return { lane: tier, key: "inputPerMTok" };
    if (/output/.test(text)) return { lane: tier, key: "outputPerMTok" };
    return null;
  }
  if (/cache[-_ ]?read/.test(text)) return batch ? null : { lane: "promptCache", key: "readPerMTok" };
  if (/cache[-_ ]?write.*1h/.test(text)) return batch ? null : { lane: "promptCache", key: "write1hPerMTok" };
  if (/cache[-_ ]?write/.test(text)) return batch ? null : { lane: "promptCache", key: "writePerMTok" };
  if (/input/.test(text)) return { lane: batch ? "batch" : "onDemand", key: "inputPerMTok" };
  if (/output/.test(text)) return { lane: batch ? "batch" : "onDemand", key: "outputPerMTok" };
  return null;
}

/**
 * A long-context line (`input_tokens_long_ctx_standard`, `..._global_standard`): the on-demand input
 * or output price of requests above the model's long-context length. Its cache, Batch, Priority and
 * Flex prices are left out: no lane but Standard on-demand prices long-context requests here.
 */
function longContextLine(
  line: PriceLine,
  text: string,
  usage: string,
  foundation: boolean,
  name: string,
  provider: string | null,
): Classified {
  if (NOT_TEXT.test(text)) return { kind: "skip", why: "not text tokens", name };
  if (/cache|batch|priority|flex/.test(text))
    return { kind: "skip", why: "long-context price of a cache, Batch, Priority or Flex line", name };
  const bare = usage.replace(/long[-_ ]?(ctx|context)/g, "");
  if (!knownUsage(bare, foundation)) return { kind: "skip", why: `unknown usage type ${quote(line.attributes.usagetype ?? "")}`, name };
  const key = /input/.test(text) ? "inputPerMTok" : /output/.test(text) ? "outputPerMTok" : null;
  if (!key) return { kind: "skip", why: "not an input, output or cache price", name };
  const value = tokenValue(line, foundation);
  if (value === null) return { kind: "skip", why: `tokens priced per ${quote(line.unit)}`, name };
  return { kind: "price", name, provider, global: /global/.test(text), field: { lane: "longContext", key }, value };
}

/**
 * What one price line is: an input, output, batch, cache, Provisioned Throughput or Reserved tier
 * price of a named model (regional or through the global profile), or something bedrock-cost does
 * not model.
 * AmazonBedrock prices tokens per 1K and names the model in `model` (or `titanModel`);
 * AmazonBedrockFoundationModels prices them per 1M and names it in `servicename`.
 */
export function classifyLine(line: PriceLine): Classified {
  const a = line.attributes;
  const foundation = line.offerCode === "AmazonBedrockFoundationModels";
  const given = (foundation ? a.servicename?.replace(EDITION, "") : (a.model ?? a.titanModel))?.trim() || null;
  // Some Titan products carry the offer's own name, or none: their usage type names them.
  const name = !foundation && (given === null || given === "Amazon Bedrock") ? (titanNameOf(a.usagetype ?? "") ?? given) : given;
  const usage = (foundation ? (a.usagetype ?? "").replace(/^.*MP:[A-Z0-9]+_/, "") : (a.usagetype ?? "")).toLowerCase();
  const text = `${(a.inferenceType ?? "").toLowerCase()} ${(a.feature ?? "").toLowerCase()} ${usage}`;
  if (!name) return { kind: "skip", why: "no model name", name };
  const provider = a.provider?.trim() || null;
  const global = /global/.test(text);

  const term = provisionedTerm(text.replace(/[_ ]/g, "-"));
  if (term) {
    const value = hourValue(line);
    if (value === null) return { kind: "skip", why: `Provisioned Throughput priced per ${quote(line.unit)}`, name };
    return { kind: "price", name, provider, global, field: { lane: "provisioned", key: term }, value };
  }
  const reserved = reservedField(text.replace(/[_ ]/g, "-"));
  if (reserved === "partial") return { kind: "skip", why: "Reserved tier line without its term, side or scope", name };
  if (reserved) {
    // Priced per 1,000 tokens a minute for an hour: AWS's unit reads "Units" (or hours).
    if (!/^(units?|hrs?|hours?)$/i.test(line.unit.trim()))
      return { kind: "skip", why: `Reserved tier priced per ${quote(line.unit)}`, name };
    return { kind: "price", name, provider, global: false, field: reserved, value: shiftDecimal(line.usd, 0) };
  }
  if (/long[-_ ]?(ctx|context)/.test(text)) return longContextLine(line, text, usage, foundation, name, provider);
  const skip = commonSkip(text);
  if (skip) return { kind: "skip", why: skip, name };
  if (!knownUsage(usage, foundation)) return { kind: "skip", why: `unknown usage type ${quote(a.usagetype ?? "")}`, name };
  if (/priority|flex/.test(text) && /cache|batch/.test(text))
    return { kind: "skip", why: "cache or Batch price of the Priority or Flex tier", name };
  const field = tokenField(text);
  if (!field) return { kind: "skip", why: "not an input, output or cache price", name };
  const value = tokenValue(line, foundation);
  if (value === null) return { kind: "skip", why: `tokens priced per ${quote(line.unit)}`, name };
  return { kind: "price", name, provider, global, field, value };
}
