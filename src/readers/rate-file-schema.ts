import { z } from "zod";
import { MAX_TOKENS, MAX_USD_PER_MTOK, MAX_USD_PER_UNIT_HOUR } from "../core/cost-model/limits.js";
import { isCalendarDate } from "../core/input/calendar-date.js";
import { DISCOUNT_LANES } from "../core/rates/discounts.js";
import { describeKind, describeValue } from "./describe-value.js";
import { expected, printableText } from "./schema-parts.js";

const text = printableText;

const isoDate = z
  .string({ error: expected('a date such as "2026-11-01" (quoted)') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (issue) => `expected a date such as "2026-11-01", got ${describeValue(issue.input)}` })
  .refine(isCalendarDate, {
    error: (issue) => `${describeValue(issue.input)} is not a calendar date`,
  });

const usdPerMTok = z
  .number({ error: expected("US dollars per 1M tokens (a number)") })
  .positive({ error: (issue) => `must be greater than 0, got ${describeValue(issue.input)}` })
  .max(MAX_USD_PER_MTOK, {
    error: (issue) => `must be at most $${MAX_USD_PER_MTOK.toLocaleString("en-US")} per 1M tokens, got ${describeValue(issue.input)}`,
  });

const usdPerHour = z
  .number({ error: expected("US dollars per model-unit hour (a number)") })
  .positive({ error: (issue) => `must be greater than 0, got ${describeValue(issue.input)}` })
  .max(MAX_USD_PER_UNIT_HOUR, {
    error: (issue) => `must be at most $${MAX_USD_PER_UNIT_HOUR.toLocaleString("en-US")} per unit-hour, got ${describeValue(issue.input)}`,
  });

const tokensPerMinute = z
  .number({ error: expected("tokens per minute (a whole number)") })
  .int({ error: (issue) => `expected a whole number of tokens per minute, got ${describeValue(issue.input)}` })
  .positive({ error: (issue) => `must be greater than 0, got ${describeValue(issue.input)}` })
  .max(MAX_TOKENS, { error: (issue) => `must be at most 100 trillion tokens per minute, got ${describeValue(issue.input)}` });

const tokenRates = z.strictObject({
  inputPerMTok: usdPerMTok.optional(),
  outputPerMTok: usdPerMTok.optional(),
});

const cacheRates = z.strictObject({
  readPerMTok: usdPerMTok.optional(),
  writePerMTok: usdPerMTok.optional(),
  write1hPerMTok: usdPerMTok.optional(),
});

const hourlyPerUnit = z.strictObject({
  noCommit: usdPerHour.optional(),
  oneMonth: usdPerHour.optional(),
  sixMonth: usdPerHour.optional(),
});

const unitThroughput = z.strictObject({
  inputTpm: tokensPerMinute.optional(),
  outputTpm: tokensPerMinute.optional(),
});

const usdPer1kTpmHour = z
  .number({ error: expected("US dollars per 1,000 tokens a minute, per hour (a number)") })
  .positive({ error: (issue) => `must be greater than 0, got ${describeValue(issue.input)}` })
  .max(MAX_USD_PER_UNIT_HOUR, {
    error: (issue) =>
      `must be at most $${MAX_USD_PER_UNIT_HOUR.toLocaleString("en-US")} per 1,000 tokens a minute an hour, got ${describeValue(issue.input)}`,
  });

const reservedPrices = z.strictObject({
  inputPer1kTpmHour: usdPer1kTpmHour.optional(),
  outputPer1kTpmHour: usdPer1kTpmHour.optional(),
});

const reservedScope = z.strictObject({
  oneMonth: reservedPrices.optional(),
  threeMonth: reservedPrices.optional(),
});

/** The Reserved tier: capacity by tokens a minute, priced per 1,000 tokens a minute per hour. */
const reserved = z.strictObject({
  global: reservedScope.optional(),
  geo: reservedScope.optional(),
  minimumTpm: z.strictObject({ input: tokensPerMinute.optional(), output: tokensPerMinute.optional() }).optional(),
});

const modelEntry = z.strictObject({
  id: text("a Bedrock model id"),
  name: text("a display name").optional(),
  provider: text("a provider name").optional(),
  aliases: z.array(text("an alias"), { error: expected("a list of aliases") }).optional(),
  source: text("the id of an entry under sources").optional(),
  onDemand: tokenRates.optional(),
  batch: tokenRates.optional(),
  priority: tokenRates.optional(),
  flex: tokenRates.optional(),
  /** On-demand prices of requests above a context length (aboveInputTokens input tokens). */
  longContext: tokenRates
    .extend({
      aboveInputTokens: z
        .number({ error: expected("a whole number of input tokens, such as 200000") })
        .int({ error: (issue) => `expected a whole number of input tokens, got ${describeValue(issue.input)}` })
        .positive({ error: (issue) => `expected a whole number of input tokens greater than 0, got ${describeValue(issue.input)}` })
        .optional(),
    })
    .optional(),
  promptCache: cacheRates.optional(),
  provisioned: z
    .strictObject({
      hourlyPerUnit: hourlyPerUnit.optional(),
      unitThroughput: unitThroughput.optional(),
    })
    .optional(),
  reserved: reserved.optional(),
});

const source = z.strictObject({
  id: text("a source id"),
  title: text("a title"),
  url: text("a URL").regex(/^https?:\/\/[^\s/]+\S*$/, {
    error: (issue) => `expected a URL such as https://aws.amazon.com/bedrock/pricing/, got ${describeValue(issue.input)}`,
  }),
  checked: isoDate,
});

/**
 * One rate file, bundled or the user's own. Every price field is optional here because a user's
 * file may overlay single fields; what a complete model needs is checked after the files are merged.
 */
export const rateFileSchema = z.strictObject(
  {
    schemaVersion: z.literal(1, { error: (issue) => `expected 1, got ${describeValue(issue.input)}` }),
    effectiveDate: isoDate.optional(),
    region: z.string({ error: expected("an AWS region such as us-east-1") }).regex(/^[a-z]{2}(-gov)?-[a-z]+-\d+$/, {
      error: (issue) => `expected an AWS region such as us-east-1, got ${describeValue(issue.input)}`,
    }),
    currency: z.literal("USD", { error: (issue) => `only USD is supported, got ${describeValue(issue.input)}` }).optional(),
    hoursPerMonth: z
      .number({ error: expected("hours in a month (a number)") })
      .positive({ error: (issue) => `must be greater than 0, got ${describeValue(issue.input)}` })
      .max(744, { error: (issue) => `a month has at most 744 hours, got ${describeValue(issue.input)}` })
      .optional(),
    sources: z.array(source, { error: expected("a list of sources") }).optional(),
    /** Private pricing: a share off the list prices of a provider, a model and/or a lane. */
    discounts: z
      .array(
        z.strictObject({
          provider: text("a provider name").optional(),
          model: text("a model id or alias").optional(),
          lane: z
            .enum(DISCOUNT_LANES, {
              error: (issue) => `expected one of ${DISCOUNT_LANES.join(", ")}, got ${describeValue(issue.input)}`,
            })
            .optional(),
          percent: z
            .number({ error: expected("a percentage such as 10") })
            .positive({ error: (issue) => `must be greater than 0, got ${describeValue(issue.input)}` })
            .max(99.99, { error: (issue) => `must be below 100, got ${describeValue(issue.input)}` }),
        }),
        { error: expected("a list of discounts") },
      )
      .optional(),
    models: z.array(modelEntry, { error: expected("a list of models") }),
  },
  {
    error: (issue) =>
      issue.code === "invalid_type"
        ? `expected a mapping with schemaVersion, region and models, got ${describeKind(issue.input)}`
        : undefined,
  },
);
