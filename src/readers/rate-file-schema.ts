import { z } from "zod/mini";
import { MAX_TOKENS, MAX_USD_PER_MTOK, MAX_USD_PER_UNIT_HOUR } from "../core/cost-model/limits.js";
import { isCalendarDate } from "../core/input/calendar-date.js";
import { DISCOUNT_LANES } from "../core/rates/discounts.js";
import { describeKind, describeValue } from "./describe-value.js";
import { expected, printableText } from "./schema-parts.js";

const text = printableText;

const isoDate = z.string({ error: expected('a date such as "2026-11-01" (quoted)') }).check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: (issue) => `expected a date such as "2026-11-01", got ${describeValue(issue.input)}` }),
  z.refine(isCalendarDate, {
    error: (issue) => `${describeValue(issue.input)} is not a calendar date`,
  }),
);

const usdPerMTok = z.number({ error: expected("US dollars per 1M tokens (a number)") }).check(
  z.positive({ error: (issue) => `must be greater than 0, got ${describeValue(issue.input)}` }),
  z.maximum(MAX_USD_PER_MTOK, {
    error: (issue) => `must be at most $${MAX_USD_PER_MTOK.toLocaleString("en-US")} per 1M tokens, got ${describeValue(issue.input)}`,
  }),
);

const usdPerHour = z.number({ error: expected("US dollars per model-unit hour (a number)") }).check(
  z.positive({ error: (issue) => `must be greater than 0, got ${describeValue(issue.input)}` }),
  z.maximum(MAX_USD_PER_UNIT_HOUR, {
    error: (issue) => `must be at most $${MAX_USD_PER_UNIT_HOUR.toLocaleString("en-US")} per unit-hour, got ${describeValue(issue.input)}`,
  }),
);

const tokensPerMinute = z
  .number({ error: expected("tokens per minute (a whole number)") })
  .check(
    z.int({ error: (issue) => `expected a whole number of tokens per minute, got ${describeValue(issue.input)}` }),
    z.positive({ error: (issue) => `must be greater than 0, got ${describeValue(issue.input)}` }),
    z.maximum(MAX_TOKENS, { error: (issue) => `must be at most 100 trillion tokens per minute, got ${describeValue(issue.input)}` }),
  );

const tokenRates = z.strictObject({
  inputPerMTok: z.optional(usdPerMTok),
  outputPerMTok: z.optional(usdPerMTok),
});

const cacheRates = z.strictObject({
  readPerMTok: z.optional(usdPerMTok),
  writePerMTok: z.optional(usdPerMTok),
  write1hPerMTok: z.optional(usdPerMTok),
});

const hourlyPerUnit = z.strictObject({
  noCommit: z.optional(usdPerHour),
  oneMonth: z.optional(usdPerHour),
  sixMonth: z.optional(usdPerHour),
});

const unitThroughput = z.strictObject({
  inputTpm: z.optional(tokensPerMinute),
  outputTpm: z.optional(tokensPerMinute),
});

const usdPer1kTpmHour = z.number({ error: expected("US dollars per 1,000 tokens a minute, per hour (a number)") }).check(
  z.positive({ error: (issue) => `must be greater than 0, got ${describeValue(issue.input)}` }),
  z.maximum(MAX_USD_PER_UNIT_HOUR, {
    error: (issue) =>
      `must be at most $${MAX_USD_PER_UNIT_HOUR.toLocaleString("en-US")} per 1,000 tokens a minute an hour, got ${describeValue(issue.input)}`,
  }),
);

const reservedPrices = z.strictObject({
  inputPer1kTpmHour: z.optional(usdPer1kTpmHour),
  outputPer1kTpmHour: z.optional(usdPer1kTpmHour),
});

const reservedScope = z.strictObject({
  oneMonth: z.optional(reservedPrices),
  threeMonth: z.optional(reservedPrices),
});

/** The Reserved tier: capacity by tokens a minute, priced per 1,000 tokens a minute per hour. */
const reserved = z.strictObject({
  global: z.optional(reservedScope),
  geo: z.optional(reservedScope),
  minimumTpm: z.optional(z.strictObject({ input: z.optional(tokensPerMinute), output: z.optional(tokensPerMinute) })),
});

const modelEntry = z.strictObject({
  id: text("a Bedrock model id"),
  name: z.optional(text("a display name")),
  provider: z.optional(text("a provider name")),
  aliases: z.optional(z.array(text("an alias"), { error: expected("a list of aliases") })),
  source: z.optional(text("the id of an entry under sources")),
  onDemand: z.optional(tokenRates),
  batch: z.optional(tokenRates),
  priority: z.optional(tokenRates),
  flex: z.optional(tokenRates),
  /** On-demand prices of requests above a context length (aboveInputTokens input tokens). */
  longContext: z.optional(
    z.extend(tokenRates, {
      aboveInputTokens: z.optional(
        z
          .number({ error: expected("a whole number of input tokens, such as 200000") })
          .check(
            z.int({ error: (issue) => `expected a whole number of input tokens, got ${describeValue(issue.input)}` }),
            z.positive({ error: (issue) => `expected a whole number of input tokens greater than 0, got ${describeValue(issue.input)}` }),
          ),
      ),
    }),
  ),
  promptCache: z.optional(cacheRates),
  provisioned: z.optional(
    z.strictObject({
      hourlyPerUnit: z.optional(hourlyPerUnit),
      unitThroughput: z.optional(unitThroughput),
    }),
  ),
  reserved: z.optional(reserved),
});

const source = z.strictObject({
  id: text("a source id"),
  title: text("a title"),
  url: text("a URL").check(
    z.regex(/^https?:\/\/[^\s/]+\S*$/, {
      error: (issue) => `expected a URL such as https://aws.amazon.com/bedrock/pricing/, got ${describeValue(issue.input)}`,
    }),
  ),
  checked: isoDate,
});

/**
 * One rate file, bundled or the user's own. Every price field is optional here because a user's
 * file may overlay single fields; what a complete model needs is checked after the files are merged.
 */
export const rateFileSchema = z.strictObject(
  {
    schemaVersion: z.literal(1, { error: (issue) => `expected 1, got ${describeValue(issue.input)}` }),
    effectiveDate: z.optional(isoDate),
    region: z.string({ error: expected("an AWS region such as us-east-1") }).check(
      z.regex(/^[a-z]{2}(-gov)?-[a-z]+-\d+$/, {
        error: (issue) => `expected an AWS region such as us-east-1, got ${describeValue(issue.input)}`,
      }),
    ),
    currency: z.optional(z.literal("USD", { error: (issue) => `only USD is supported, got ${describeValue(issue.input)}` })),
    hoursPerMonth: z.optional(
      z
        .number({ error: expected("hours in a month (a number)") })
        .check(
          z.positive({ error: (issue) => `must be greater than 0, got ${describeValue(issue.input)}` }),
          z.maximum(744, { error: (issue) => `a month has at most 744 hours, got ${describeValue(issue.input)}` }),
        ),
    ),
    sources: z.optional(z.array(source, { error: expected("a list of sources") })),
    /** Private pricing: a share off the list prices of a provider, a model and/or a lane. */
    discounts: z.optional(
      z.array(
        z.strictObject({
          provider: z.optional(text("a provider name")),
          model: z.optional(text("a model id or alias")),
          lane: z.optional(
            z.enum(DISCOUNT_LANES, {
              error: (issue) => `expected one of ${DISCOUNT_LANES.join(", ")}, got ${describeValue(issue.input)}`,
            }),
          ),
          percent: z
            .number({ error: expected("a percentage such as 10") })
            .check(
              z.positive({ error: (issue) => `must be greater than 0, got ${describeValue(issue.input)}` }),
              z.maximum(99.99, { error: (issue) => `must be below 100, got ${describeValue(issue.input)}` }),
            ),
        }),
        { error: expected("a list of discounts") },
      ),
    ),
    models: z.array(modelEntry, { error: expected("a list of models") }),
  },
  {
    error: (issue) =>
      issue.code === "invalid_type"
        ? `expected a mapping with schemaVersion, region and models, got ${describeKind(issue.input)}`
        : undefined,
  },
);
