import { z } from "zod";
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

/** A token count as in the CLI flags: 3000000000, 3B, 600M, 250k, 1.5e9, 3_000_000. */
const tokenCount = z.unknown().transform((value, ctx) => {
  if (value === undefined) {
    ctx.addIssue({ code: "custom", message: "required" });
    return z.NEVER;
  }
  if (typeof value === "number" && tokenCountProblem(value) === null) return value;
  if (typeof value === "number" && Number.isInteger(value) && value > MAX_TOKENS) {
    ctx.addIssue({ code: "custom", message: `${tokenCountProblem(value)}, got ${describeValue(value)}` });
    return z.NEVER;
  }
  if (typeof value === "string") {
    try {
      return parseTokenCount(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `${describeValue(value)} ${(error as Error).message}` });
      return z.NEVER;
    }
  }
  ctx.addIssue({ code: "custom", message: `expected ${TOKEN_COUNT_FORMS}, got ${describeValue(value)}` });
  return z.NEVER;
});

const name = printableText;
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => `expected one of ${values.join(", ")}, got ${describeValue(issue.input)}` });

export const workloadSchema = z.strictObject({
  name: name("a workload name"),
  model: name("a model id, alias, profile id or ARN"),
  monthly: z
    .strictObject(
      {
        inputTokens: tokenCount,
        outputTokens: tokenCount,
        cacheReadTokens: tokenCount.optional(),
        cacheWriteTokens: tokenCount.optional(),
        /** Prompt-cache writes kept 1 hour, priced at promptCache.write1hPerMTok. */
        cacheWrite1hTokens: tokenCount.optional(),
        /** Of inputTokens and outputTokens, those of long-context requests, priced at longContext. */
        longContextInputTokens: tokenCount.optional(),
        longContextOutputTokens: tokenCount.optional(),
      },
      { error: expected("a mapping with inputTokens and outputTokens") },
    )
    .optional(),
  /** Measured traffic instead of `monthly`: files as for `bedrock-cost profile`, relative to the plan. */
  profile: z
    .array(name("a traffic file path"), { error: expected("a list of traffic files") })
    .min(1, { error: "needs at least one file" })
    .optional(),
  /** The period of each data point of `profile`'s files, when the data cannot tell (a lone CloudWatch point). */
  period: z
    .union([z.string(), z.number()], { error: expected("a period such as 1m, 5m, 1h, 1d or a number of seconds") })
    .transform((value, ctx) => {
      try {
        return parsePeriod(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `${(error as Error).message}, got ${describeValue(value)}` });
        return z.NEVER;
      }
    })
    .optional(),
  peakTpm: z.strictObject({ input: tokenCount, output: tokenCount }, { error: expected("a mapping with input and output") }).optional(),
  latency: oneOf(COMPARE_LATENCIES).default("interactive"),
  /** The on-demand tier its traffic is priced at: standard, or priority. */
  tier: oneOf(TIERS).default("standard"),
  /** Where traffic above reserved units goes: on-demand when the application falls back to it, else throttle. */
  overflow: oneOf(OVERFLOW_CHOICES).default("on-demand"),
  sla: oneOf(SLAS).default("none"),
  /** The Reserved tier's scope (global or geo); by default that of the model id. */
  scope: oneOf(RESERVED_SCOPES).optional(),
  /** true: a custom model of its own, named after the workload; a name: the custom model, shared by every workload that names it. */
  custom: z
    .union([z.boolean(), z.string()], { error: expected("true, false or the custom model's name") })
    .pipe(z.union([z.boolean(), name("the custom model's name")]))
    .default(false),
});

/** Tokens a minute reserved on one side of the Reserved tier. */
const tpm = z
  .number({ error: expected("a whole number of tokens a minute, such as 100000") })
  .int({ error: (issue) => `expected a whole number of tokens a minute, got ${describeValue(issue.input)}` })
  .min(1, { error: (issue) => `expected at least 1 token a minute, got ${describeValue(issue.input)}` })
  .max(MAX_TOKENS, { error: `expected at most ${MAX_TOKENS.toExponential()} tokens a minute` });

const RESERVATION_TERMS = [...TERMS, "3-month"] as const satisfies readonly (Term | ReservedTerm)[];

/** The kinds of reserved capacity a plan may propose: model units (PT), or the Reserved tier's tokens a minute. */
const RESERVATION_TYPES = ["pt", "reserved"] as const;

export const reservationSchema = z.strictObject({
  name: name("a reservation name").optional(),
  /** pt: model units (units, term); reserved: the Reserved tier (inputTpm, outputTpm, term, scope). */
  type: oneOf(RESERVATION_TYPES).default("pt"),
  model: name("a model id, alias, profile id or ARN").optional(),
  units: z
    .number({ error: expected("a whole number of model units") })
    .int({ error: (issue) => `expected a whole number of model units, got ${describeValue(issue.input)}` })
    .min(1, { error: (issue) => `expected at least 1 model unit, got ${describeValue(issue.input)}` })
    .max(100_000, { error: "expected at most 100,000 model units" })
    .optional(),
  /** A PT term (no-commit, 1-month, 6-month) or a Reserved tier term (1-month, 3-month). */
  term: oneOf(RESERVATION_TERMS).optional(),
  /** The Reserved tier's tokens a minute and scope (type: reserved). */
  inputTpm: tpm.optional(),
  outputTpm: tpm.optional(),
  scope: oneOf(RESERVED_SCOPES).optional(),
  serves: z.array(name("a workload name"), { error: expected("a list of workload names") }).default([]),
  terraformAddress: name("a Terraform resource address").optional(),
});

const fraction = (what: string, max: number, inclusive: boolean) =>
  z
    .number({ error: expected(what) })
    .min(0, { error: (issue) => `expected ${what}, got ${describeValue(issue.input)}` })
    .refine((value) => (inclusive ? value <= max : value < max), {
      error: (issue) => `expected ${what}, got ${describeValue(issue.input)}`,
    });

/** A budget in US dollars: 0 or more. */
const usdLimit = z
  .number({ error: expected("US dollars (a number), such as 50000") })
  .min(0, { error: (issue) => `expected US dollars of 0 or more, got ${describeValue(issue.input)}` })
  .max(1e12, { error: "expected at most 1e12 US dollars" });

const policy = z.strictObject({
  minUtilization: z
    .union([z.literal("break-even"), fraction("break-even or a fraction such as 0.6", 1, true)], {
      error: (issue) => `expected break-even or a fraction such as 0.6, got ${describeValue(issue.input)}`,
    })
    .default(DEFAULT_POLICY.minUtilization),
  maxOverflowShare: fraction("a share from 0 up to (not including) 1, such as 0.05", 1, false).default(DEFAULT_POLICY.maxOverflowShare),
  longTermNeedsMeasuredTraffic: z.boolean({ error: expected("true or false") }).default(DEFAULT_POLICY.longTermNeedsMeasuredTraffic),
  minMeasuredDays: z
    .number({ error: expected("days of measured traffic, such as 28") })
    .positive({ error: (issue) => `expected days of measured traffic greater than 0, got ${describeValue(issue.input)}` })
    .max(400, { error: (issue) => `expected at most 400 days (the longest window profile reads), got ${describeValue(issue.input)}` })
    .default(DEFAULT_POLICY.minMeasuredDays),
  minSavingShare: fraction("a share from 0 up to (not including) 1, such as 0.05", 1, false).default(DEFAULT_POLICY.minSavingShare),
  /** check: limits on the reservations' total a month, committed over their terms, and over the baseline. */
  maxMonthlyCost: usdLimit.optional(),
  maxCommittedCost: usdLimit.optional(),
  maxMonthlyIncrease: usdLimit.optional(),
});

export const planFileSchema = z.strictObject(
  {
    schemaVersion: z.literal(1, { error: (issue) => `expected 1, got ${describeValue(issue.input)}` }),
    region: z
      .string({ error: expected("an AWS region such as us-east-1") })
      .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d+$/, {
        error: (issue) => `expected an AWS region such as us-east-1, got ${describeValue(issue.input)}`,
      })
      .optional(),
    hoursPerMonth: z
      .number({ error: expected("hours in a month (a number)") })
      .positive({ error: (issue) => `must be greater than 0, got ${describeValue(issue.input)}` })
      .max(744, { error: (issue) => `a month has at most 744 hours, got ${describeValue(issue.input)}` })
      .optional(),
    rates: z.array(name("a rate file path"), { error: expected("a list of rate file paths") }).default([]),
    workloads: z.array(workloadSchema, { error: expected("a list of workloads") }).min(1, { error: "a plan needs at least one workload" }),
    reservations: z.array(reservationSchema, { error: expected("a list of reservations") }).default([]),
    policy: policy.default({ ...DEFAULT_POLICY }),
  },
  {
    error: (issue) =>
      issue.code === "invalid_type" ? `expected a mapping with schemaVersion and workloads, got ${describeKind(issue.input)}` : undefined,
  },
);

export type PlanFileInput = z.infer<typeof planFileSchema>;
export type WorkloadEntry = z.infer<typeof workloadSchema>;
export type ReservationEntry = z.infer<typeof reservationSchema>;
