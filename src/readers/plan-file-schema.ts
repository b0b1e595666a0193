import { z } from "zod/mini";
import type { ParsePayload } from "zod/v4/core";
import { MAX_TOKENS, tokenCountProblem } from "../core/cost-model/limits.js";
import { OVERFLOW_CHOICES } from "../core/cost-model/pricing.js";
import { RESERVED_SCOPES, type ReservedTerm } from "../core/cost-model/reserved-tier.js";
import { TERMS, type Term } from "../core/cost-model/terms.js";
import { COMPARE_LATENCIES, TIERS } from "../core/lanes/lanes.js";
import { DEFAULT_POLICY } from "../core/plans/findings.js";
import { SLAS } from "../core/plans/workload.js";
import { describeKind, describeValue } from "./describe-value.js";
import { expected, printableText } from "./schema-parts.js";
import { parseTokenCount, TOKEN_COUNT_FORMS } from "./token-count.js";
import { parsePeriod } from "./traffic/period-text.js";

/** Ends a transform with a problem at the value it was given (zod/mini's transforms have no addIssue). */
function invalid(ctx: ParsePayload, message: string): never {
  ctx.issues.push({ code: "custom", message, input: ctx.value });
  return z.NEVER;
}

/** A token count as in the CLI flags: 3000000000, 3B, 600M, 250k, 1.5e9, 3_000_000. */
const tokenCount = z.pipe(
  z.unknown(),
  z.transform((value, ctx) => {
    if (value === undefined) return invalid(ctx, "required");
    if (typeof value === "number" && tokenCountProblem(value) === null) return value;
    if (typeof value === "number" && Number.isInteger(value) && value > MAX_TOKENS)
      return invalid(ctx, `${tokenCountProblem(value)}, got ${describeValue(value)}`);
    if (typeof value === "string") {
      try {
        return parseTokenCount(value);
      } catch (error) {
        return invalid(ctx, `${describeValue(value)} ${(error as Error).message}`);
      }
    }
    return invalid(ctx, `expected ${TOKEN_COUNT_FORMS}, got ${describeValue(value)}`);
  }),
);

const name = printableText;
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => `expected one of ${values.join(", ")}, got ${describeValue(issue.input)}` });

export const workloadSchema = z.strictObject({
  name: name("a workload name"),
  model: name("a model id, alias, profile id or ARN"),
  monthly: z.optional(
    z.strictObject(
      {
        inputTokens: tokenCount,
        outputTokens: tokenCount,
        cacheReadTokens: z.optional(tokenCount),
        cacheWriteTokens: z.optional(tokenCount),
        /** Prompt-cache writes kept 1 hour, priced at promptCache.write1hPerMTok. */
        cacheWrite1hTokens: z.optional(tokenCount),
        /** Of inputTokens and outputTokens, those of long-context requests, priced at longContext. */
        longContextInputTokens: z.optional(tokenCount),
        longContextOutputTokens: z.optional(tokenCount),
      },
      { error: expected("a mapping with inputTokens and outputTokens") },
    ),
  ),
  /** Measured traffic instead of `monthly`: files as for `bedrock-cost profile`, relative to the plan. */
  profile: z.optional(
    z
      .array(name("a traffic file path"), { error: expected("a list of traffic files") })
      .check(z.minLength(1, { error: "needs at least one file" })),
  ),
  /** The period of each data point of `profile`'s files, when the data cannot tell (a lone CloudWatch point). */
  period: z.optional(
    z.pipe(
      z.union([z.string(), z.number()], { error: expected("a period such as 1m, 5m, 1h, 1d or a number of seconds") }),
      z.transform((value: string | number, ctx) => {
        try {
          return parsePeriod(value);
        } catch (error) {
          return invalid(ctx, `${(error as Error).message}, got ${describeValue(value)}`);
        }
      }),
    ),
  ),
  peakTpm: z.optional(z.strictObject({ input: tokenCount, output: tokenCount }, { error: expected("a mapping with input and output") })),
  latency: z._default(oneOf(COMPARE_LATENCIES), "interactive"),
  /** The on-demand tier its traffic is priced at: standard, or priority. */
  tier: z._default(oneOf(TIERS), "standard"),
  /** Where traffic above reserved units goes: on-demand when the application falls back to it, else throttle. */
  overflow: z._default(oneOf(OVERFLOW_CHOICES), "on-demand"),
  sla: z._default(oneOf(SLAS), "none"),
  /** The Reserved tier's scope (global or geo); by default that of the model id. */
  scope: z.optional(oneOf(RESERVED_SCOPES)),
  /** true: a custom model of its own, named after the workload; a name: the custom model, shared by every workload that names it. */
  custom: z._default(
    z.pipe(
      z.union([z.boolean(), z.string()], { error: expected("true, false or the custom model's name") }),
      z.union([z.boolean(), name("the custom model's name")]),
    ),
    false,
  ),
});

/** Tokens a minute reserved on one side of the Reserved tier. */
const tpm = z
  .number({ error: expected("a whole number of tokens a minute, such as 100000") })
  .check(
    z.int({ error: (issue) => `expected a whole number of tokens a minute, got ${describeValue(issue.input)}` }),
    z.minimum(1, { error: (issue) => `expected at least 1 token a minute, got ${describeValue(issue.input)}` }),
    z.maximum(MAX_TOKENS, { error: `expected at most ${MAX_TOKENS.toExponential()} tokens a minute` }),
  );

const RESERVATION_TERMS = [...TERMS, "3-month"] as const satisfies readonly (Term | ReservedTerm)[];

/** The kinds of reserved capacity a plan may propose: model units (PT), or the Reserved tier's tokens a minute. */
const RESERVATION_TYPES = ["pt", "reserved"] as const;

export const reservationSchema = z.strictObject({
  name: z.optional(name("a reservation name")),
  /** pt: model units (units, term); reserved: the Reserved tier (inputTpm, outputTpm, term, scope). */
  type: z._default(oneOf(RESERVATION_TYPES), "pt"),
  model: z.optional(name("a model id, alias, profile id or ARN")),
  units: z.optional(
    z
      .number({ error: expected("a whole number of model units") })
      .check(
        z.int({ error: (issue) => `expected a whole number of model units, got ${describeValue(issue.input)}` }),
        z.minimum(1, { error: (issue) => `expected at least 1 model unit, got ${describeValue(issue.input)}` }),
        z.maximum(100_000, { error: "expected at most 100,000 model units" }),
      ),
  ),
  /** A PT term (no-commit, 1-month, 6-month) or a Reserved tier term (1-month, 3-month). */
  term: z.optional(oneOf(RESERVATION_TERMS)),
  /** The Reserved tier's tokens a minute and scope (type: reserved). */
  inputTpm: z.optional(tpm),
  outputTpm: z.optional(tpm),
  scope: z.optional(oneOf(RESERVED_SCOPES)),
  serves: z._default(z.array(name("a workload name"), { error: expected("a list of workload names") }), []),
  terraformAddress: z.optional(name("a Terraform resource address")),
});

const fraction = (what: string, max: number, inclusive: boolean) =>
  z.number({ error: expected(what) }).check(
    z.minimum(0, { error: (issue) => `expected ${what}, got ${describeValue(issue.input)}` }),
    z.refine((value: number) => (inclusive ? value <= max : value < max), {
      error: (issue) => `expected ${what}, got ${describeValue(issue.input)}`,
    }),
  );

/** A budget in US dollars: 0 or more. */
const usdLimit = z
  .number({ error: expected("US dollars (a number), such as 50000") })
  .check(
    z.minimum(0, { error: (issue) => `expected US dollars of 0 or more, got ${describeValue(issue.input)}` }),
    z.maximum(1e12, { error: "expected at most 1e12 US dollars" }),
  );

const policy = z.strictObject({
  minUtilization: z._default(
    z.union([z.literal("break-even"), fraction("break-even or a fraction such as 0.6", 1, true)], {
      error: (issue) => `expected break-even or a fraction such as 0.6, got ${describeValue(issue.input)}`,
    }),
    DEFAULT_POLICY.minUtilization,
  ),
  maxOverflowShare: z._default(fraction("a share from 0 up to (not including) 1, such as 0.05", 1, false), DEFAULT_POLICY.maxOverflowShare),
  longTermNeedsMeasuredTraffic: z._default(z.boolean({ error: expected("true or false") }), DEFAULT_POLICY.longTermNeedsMeasuredTraffic),
  minMeasuredDays: z._default(
    z.number({ error: expected("days of measured traffic, such as 28") }).check(
      z.positive({ error: (issue) => `expected days of measured traffic greater than 0, got ${describeValue(issue.input)}` }),
      z.maximum(400, {
        error: (issue) => `expected at most 400 days (the longest window profile reads), got ${describeValue(issue.input)}`,
      }),
    ),
    DEFAULT_POLICY.minMeasuredDays,
  ),
  minSavingShare: z._default(fraction("a share from 0 up to (not including) 1, such as 0.05", 1, false), DEFAULT_POLICY.minSavingShare),
  /** check: limits on the reservations' total a month, committed over their terms, and over the baseline. */
  maxMonthlyCost: z.optional(usdLimit),
  maxCommittedCost: z.optional(usdLimit),
  maxMonthlyIncrease: z.optional(usdLimit),
});

export const planFileSchema = z.strictObject(
  {
    schemaVersion: z.literal(1, { error: (issue) => `expected 1, got ${describeValue(issue.input)}` }),
    region: z.optional(
      z.string({ error: expected("an AWS region such as us-east-1") }).check(
        z.regex(/^[a-z]{2}(-gov)?-[a-z]+-\d+$/, {
          error: (issue) => `expected an AWS region such as us-east-1, got ${describeValue(issue.input)}`,
        }),
      ),
    ),
    hoursPerMonth: z.optional(
      z
        .number({ error: expected("hours in a month (a number)") })
        .check(
          z.positive({ error: (issue) => `must be greater than 0, got ${describeValue(issue.input)}` }),
          z.maximum(744, { error: (issue) => `a month has at most 744 hours, got ${describeValue(issue.input)}` }),
        ),
    ),
    rates: z._default(z.array(name("a rate file path"), { error: expected("a list of rate file paths") }), []),
    workloads: z
      .array(workloadSchema, { error: expected("a list of workloads") })
      .check(z.minLength(1, { error: "a plan needs at least one workload" })),
    reservations: z._default(z.array(reservationSchema, { error: expected("a list of reservations") }), []),
    policy: z._default(policy, { ...DEFAULT_POLICY }),
  },
  {
    error: (issue) =>
      issue.code === "invalid_type" ? `expected a mapping with schemaVersion and workloads, got ${describeKind(issue.input)}` : undefined,
  },
);

export type PlanFileInput = z.infer<typeof planFileSchema>;
export type WorkloadEntry = z.infer<typeof workloadSchema>;
export type ReservationEntry = z.infer<typeof reservationSchema>;
