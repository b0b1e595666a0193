import { describe, expect, it } from "vitest";
import { makeVolume } from "../../src/core/cost-model/volume.js";
import type { Note, Reason, ReasonCode } from "../../src/core/lanes/reasons.js";
import { type FindingCode, type FindingDetail, makeFinding } from "../../src/core/plans/findings.js";
import type { WorkloadProblem } from "../../src/core/plans/workload-problems.js";
import { findingMessage } from "../../src/render/finding-messages.js";
import { type MeasurementNote, measurementNoteMessage } from "../../src/render/measurement-notes.js";
import { noteMessage, reasonMessage } from "../../src/render/messages.js";
import { workloadProblemMessage } from "../../src/render/workload-problem-message.js";

/**
 * Every code a report can carry, rendered from fixed inputs into one file a reviewer reads as a
 * user would: test/render/snapshots/every-code.md. The tables below are typed so that a new code
 * without an example here does not compile. Figures are the worked example's
 * (docs/cost-model.md §12): $3 / $15 per 1M tokens, $25 per unit-hour, 730 hours.
 */
type ByCode<T extends { code: string }, C extends string> = { [K in C]: Extract<T, { code: K }>[] };

const halfBusy = makeVolume({ inputTokens: 3e9, outputTokens: 6e8 });
const breakEven = makeVolume({ inputTokens: 6_083_333_333, outputTokens: 1_216_666_667 });
const od = { lane: "on-demand", term: null, units: null, monthlyCost: 18_000 } as const;
const pt = { lane: "provisioned", term: "6-month", units: 2, monthlyCost: 36_500 } as const;

const RESERVED = {
  code: "RESERVED_TIER",
  term: "3-month",
  scope: "geo",
  inputTpm: 100_000,
  outputTpm: 13_699,
  monthlyCost: 16_605.1823,
  committedCost: 49_815.5468,
  utilization: 0.813,
  premium: -3_194.8177,
} as const;

const REASONS: ByCode<Reason, ReasonCode> = {
  CHEAPEST: [
    { code: "CHEAPEST", choice: od, runnerUp: pt },
    { code: "CHEAPEST", choice: { lane: "batch", term: null, units: null, monthlyCost: 9_000 }, runnerUp: null },
  ],
  PT_ONLY_MODEL: [{ code: "PT_ONLY_MODEL" }],
  ASYNC_TO_BATCH: [
    { code: "ASYNC_TO_BATCH", batchCost: 9_000, onDemandCost: 18_000 },
    { code: "ASYNC_TO_BATCH", batchCost: 9_000, onDemandCost: null },
  ],
  NO_BATCH_PRICE: [{ code: "NO_BATCH_PRICE" }],
  BATCH_IF_ASYNC: [{ code: "BATCH_IF_ASYNC", batchCost: 9_000, saving: 9_000 }],
  NO_PT_PRICE: [{ code: "NO_PT_PRICE" }],
  NO_PT_PRICE_FOR_TERM: [{ code: "NO_PT_PRICE_FOR_TERM", terms: ["no-commit", "1-month"] }],
  BELOW_BREAK_EVEN: [
    { code: "BELOW_BREAK_EVEN", term: "6-month", units: 2, utilization: 0.4892, breakEvenUtilization: 0.992, breakEvenVolume: breakEven },
    { code: "BELOW_BREAK_EVEN", term: "6-month", units: 2, utilization: null, breakEvenUtilization: null, breakEvenVolume: breakEven },
  ],
  ABOVE_BREAK_EVEN: [
    { code: "ABOVE_BREAK_EVEN", term: "6-month", units: 1, utilization: 0.9785, breakEvenUtilization: 0.7937, breakEvenVolume: halfBusy },
  ],
  PT_NEVER_BREAKS_EVEN: [{ code: "PT_NEVER_BREAKS_EVEN", term: "1-month", units: 1, breakEvenUtilization: 1.25 }],
  // 8B + 1.6B on 2 units: 130.5% of them, 23.35% overflows: 48,000 × 0.2335 = $11,208
  OVERFLOW: [{ code: "OVERFLOW", term: "6-month", units: 2, share: 0.2335, cost: 11_208, unitsToCarry: 3 }],
  THROTTLED: [{ code: "THROTTLED", term: "6-month", units: 1, share: 0.5, unitsToCarry: 2 }],
  CAPACITY_UNKNOWN: [{ code: "CAPACITY_UNKNOWN", units: 1 }],
  UNPROVEN_LONG_TERM: [{ code: "UNPROVEN_LONG_TERM", term: "6-month", committedCost: 219_000 }],
  UNITS_BELOW_PEAK: [{ code: "UNITS_BELOW_PEAK", units: 1, peakUnits: 3 }],
  // The heavy row: 2 units for $47,708 against $48,000 on-demand save $292, 0.6%: below the default 5%.
  SAVING_BELOW_THRESHOLD: [
    { code: "SAVING_BELOW_THRESHOLD", term: "6-month", units: 2, monthlyCost: 47_708, saving: 292, share: 292 / 48_000, minSaving: 0.05 },
  ],
  BLENDED_CHEAPER: [{ code: "BLENDED_CHEAPER", term: "6-month", units: 2, monthlyCost: 47_708, overflowShare: 0.2335 }],
  CUSTOM_MODEL: [{ code: "CUSTOM_MODEL" }],
  SLA_OVERRIDE: [
    { code: "SLA_OVERRIDE", premium: 11_000, onDemandCost: 3_600 },
    { code: "SLA_OVERRIDE", premium: -400, onDemandCost: 18_650 },
  ],
  SLA_NEEDS_PT_PRICE: [{ code: "SLA_NEEDS_PT_PRICE" }],
  SHARED_UNITS: [
    { code: "SHARED_UNITS", with: ["search-assist"], withCount: 1, units: 1, term: "6-month", utilization: 0.9785, addedCost: null },
    { code: "SHARED_UNITS", with: ["payments-bot", "chat"], withCount: 2, units: 1, term: "1-month", utilization: null, addedCost: 0 },
  ],
  // Claude Sonnet 4.5 (regional) at 3B + 600M, $19,800 on Standard: PT as the plan fixture's quote
  // ($14 a unit-hour on 6 months, 1 unit), the illustrative Reserved quote, Priority at 1.75 times.
  GUARANTEES: [
    {
      code: "GUARANTEES",
      standardCost: 19_800,
      pt: { term: "6-month", units: 1, monthlyCost: 10_220 },
      reserved: { term: "3-month", scope: "geo", inputTpm: 100_000, outputTpm: 13_699, monthlyCost: 16_605.1823 },
      priority: { monthlyCost: 34_650 },
    },
    { code: "GUARANTEES", standardCost: 19_800, pt: null, reserved: null, priority: { monthlyCost: 34_650 } },
  ],
  // 3B + 600M on a Flex tier at half of $3 / $15: $9,000 against $18,000.
  FLEX_IF_SLOWER: [{ code: "FLEX_IF_SLOWER", flexCost: 9_000, saving: 9_000 }],
  // The illustrative quote of test/fixtures/rates/reserved-quote.yaml at 3B + 600M a month.
  RESERVED_TIER: [
    { ...RESERVED, chosen: true, minSaving: null },
    { ...RESERVED, chosen: false, minSaving: 0.2 },
    { ...RESERVED, chosen: false, minSaving: null },
    { ...RESERVED, premium: 1_010.5, chosen: false, minSaving: null },
  ],
};

const NOTES: ByCode<Note, Note["code"]> = {
  UNITS_FROM_VOLUME: [{ code: "UNITS_FROM_VOLUME", units: 2 }],
  UNITS_FROM_PEAK: [{ code: "UNITS_FROM_PEAK", units: 3 }],
  OVERFLOW_FALLBACK: [{ code: "OVERFLOW_FALLBACK" }],
  LONG_CONTEXT_ON_DEMAND_ONLY: [
    { code: "LONG_CONTEXT_ON_DEMAND_ONLY", lanes: ["Batch"] },
    { code: "LONG_CONTEXT_ON_DEMAND_ONLY", lanes: ["Batch", "Priority", "Flex"] },
  ],
  UNITS_DEFAULT: [
    { code: "UNITS_DEFAULT", units: 1, peakGiven: false },
    { code: "UNITS_DEFAULT", units: 1, peakGiven: true },
  ],
};

/** Each finding with its monthly impact, as check computes it. */
const FINDINGS: { [K in FindingCode]: [number, Extract<FindingDetail, { code: K }>][] } = {
  IDLE_RESERVATION: [
    // 1 unit at $25 × 730 = $18,250 against $9,000 on-demand: $9,250 over, $55,500 over six months
    [
      9_250,
      {
        code: "IDLE_RESERVATION",
        why: "costlier-than-on-demand",
        reservedCost: 18_250,
        onDemandCost: 9_000,
        carriedShare: 1,
        extraCost: null,
        utilization: 0.4892,
        minUtilization: null,
        neededUnits: 1,
        units: 1,
        term: "6-month",
        committedOver: 55_500,
      },
    ],
    // 1 unit at $30 × 730 = $21,900 at 114%: it carries 1 / 1.14 = 87.7%, worth $18,396 on-demand
    [
      3_504,
      {
        code: "IDLE_RESERVATION",
        why: "costlier-than-on-demand",
        reservedCost: 21_900,
        onDemandCost: 18_396,
        carriedShare: 1 / 1.14,
        extraCost: null,
        utilization: 1.14,
        minUtilization: null,
        neededUnits: 2,
        units: 1,
        term: "1-month",
        committedOver: 3_504,
      },
    ],
    // 20 units at $10 × 730 where the SLA needs 1: the 19 beyond cost $138,700 against $1,200 on-demand for the chat they carry
    [
      137_500,
      {
        code: "IDLE_RESERVATION",
        why: "more-than-needed",
        reservedCost: 146_000,
        onDemandCost: 1_200,
        carriedShare: 1,
        extraCost: 138_700,
        utilization: 0.0102,
        minUtilization: null,
        neededUnits: 1,
        units: 20,
        term: "1-month",
        committedOver: 137_500,
      },
    ],
    [
      0,
      {
        code: "IDLE_RESERVATION",
        why: "below-min-utilization",
        reservedCost: 18_250,
        onDemandCost: 19_000,
        carriedShare: 1,
        extraCost: null,
        utilization: 0.52,
        minUtilization: 0.6,
        neededUnits: 1,
        units: 1,
        term: "1-month",
        committedOver: 0,
      },
    ],
    [
      18_250,
      {
        code: "IDLE_RESERVATION",
        why: "more-than-needed",
        reservedCost: 36_500,
        onDemandCost: 0,
        carriedShare: 1,
        extraCost: 18_250,
        utilization: null,
        minUtilization: null,
        neededUnits: 1,
        units: 2,
        term: "no-commit",
        committedOver: 0,
      },
    ],
    // The Reserved tier (judge-reserved-tier.test.ts): 150,000 / 20,000 on 3 months, $32,850 against $6,600.
    [
      26_250,
      {
        code: "IDLE_RESERVATION",
        why: "costlier-than-on-demand",
        reserved: { scope: "geo", inputTpm: 150_000, outputTpm: 20_000 },
        reservedCost: 32_850,
        onDemandCost: 6_600,
        carriedShare: 1,
        extraCost: null,
        utilization: 0.1826,
        minUtilization: null,
        neededUnits: null,
        units: 0,
        term: "3-month",
        committedOver: 78_750,
      },
    ],
    [
      28_908,
      {
        code: "IDLE_RESERVATION",
        why: "more-than-needed",
        reserved: { scope: "geo", inputTpm: 300_000, outputTpm: 10_000 },
        reservedCost: 50_589,
        onDemandCost: 0,
        carriedShare: 1,
        extraCost: 28_908,
        utilization: 0.0783,
        minUtilization: null,
        neededUnits: null,
        units: 0,
        term: "1-month",
        committedOver: 28_908,
      },
    ],
    [
      0,
      {
        code: "IDLE_RESERVATION",
        why: "below-min-utilization",
        reserved: { scope: "global", inputTpm: 100_000, outputTpm: 10_000 },
        reservedCost: 19_710,
        onDemandCost: 19_800,
        carriedShare: 1,
        extraCost: null,
        utilization: 0.5,
        minUtilization: 0.6,
        neededUnits: null,
        units: 0,
        term: "1-month",
        committedOver: 0,
      },
    ],
  ],
  SIZED_ON_AVERAGES: [[0, { code: "SIZED_ON_AVERAGES", units: 1, utilization: 0.9785, workloads: ["support-copilot", "search-assist"] }]],
  UNKNOWN_CAPACITY: [[0, { code: "UNKNOWN_CAPACITY", modelId: "amazon.titan-text-express-v1" }]],
  UNDER_PROVISIONED: [
    [18_250, { code: "UNDER_PROVISIONED", units: 1, neededUnits: 2, throttled: true, overflowShare: 0.3, maxOverflowShare: 0 }],
    [18_250, { code: "UNDER_PROVISIONED", units: 1, neededUnits: 2, throttled: false, overflowShare: 0.1, maxOverflowShare: 0 }],
    [36_500, { code: "UNDER_PROVISIONED", units: 2, neededUnits: 4, throttled: false, overflowShare: 0.2, maxOverflowShare: 0.05 }],
    [
      7_227,
      {
        code: "UNDER_PROVISIONED",
        reserved: { scope: "geo", inputTpm: 100_000, outputTpm: 10_000 },
        neededTpm: { input: 150_000, output: 10_000 },
        workloads: ["payments"],
      },
    ],
  ],
  ASYNC_ON_RESERVATION: [[9_250, { code: "ASYNC_ON_RESERVATION", reservations: ["copilot-pt"], reservedShare: 18_250, batchCost: 9_000 }]],
  CUSTOM_MODEL_UNSERVED: [
    [
      18_250,
      {
        code: "CUSTOM_MODEL_UNSERVED",
        modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
        workloads: ["claims-1", "claims-2"],
        neededUnits: 1,
        term: "6-month",
      },
    ],
    [
      0,
      {
        code: "CUSTOM_MODEL_UNSERVED",
        modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
        workloads: ["tuned"],
        neededUnits: null,
        term: null,
      },
    ],
  ],
  UNSERVED_RESERVATION: [
    [18_250, { code: "UNSERVED_RESERVATION", why: "serves-nothing", modelId: "anthropic.claude-instant-v1", others: [] }],
    [18_250, { code: "UNSERVED_RESERVATION", why: "other-models", modelId: "anthropic.claude-instant-v1", others: ["support-copilot"] }],
  ],
  WRONG_MODEL: [
    [
      0,
      {
        code: "WRONG_MODEL",
        workload: "support-copilot",
        workloadModelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
        workloadCustom: null,
        modelId: "anthropic.claude-instant-v1",
        reservedCustom: null,
      },
    ],
    [
      0,
      {
        code: "WRONG_MODEL",
        workload: "claims-2",
        workloadModelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
        workloadCustom: "claims-ft",
        modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
        reservedCustom: "tuned-a",
      },
    ],
    [
      0,
      {
        code: "WRONG_MODEL",
        workload: "chat",
        workloadModelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
        workloadCustom: null,
        modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
        reservedCustom: "claims-ft",
      },
    ],
  ],
  UNPROVEN_LONG_TERM: [
    [
      0,
      {
        code: "UNPROVEN_LONG_TERM",
        term: "6-month",
        committedCost: 109_500,
        unmeasured: ["support-copilot", "search-assist"],
        minMeasuredDays: 28,
      },
    ],
    [0, { code: "UNPROVEN_LONG_TERM", term: "3-month", committedCost: 98_550, unmeasured: ["chat"], minMeasuredDays: 28 }],
  ],
  SLA_PREMIUM: [[14_650, { code: "SLA_PREMIUM", workloads: ["payments-bot"], onDemandCost: 3_600, reservedCost: 18_250 }]],
  SLA_UNRESERVED: [[0, { code: "SLA_UNRESERVED", modelId: "anthropic.claude-3-haiku-20240307-v1:0" }]],
  COMMITTED_REPLACEMENT: [
    [10_804, { code: "COMMITTED_REPLACEMENT", action: "replace", term: "6-month", units: 1, modelId: "amazon.titan-text-express-v1" }],
    [0, { code: "COMMITTED_REPLACEMENT", action: "delete", term: "1-month", units: 2, modelId: null }],
  ],
  UNKNOWN_AT_PLAN: [
    [0, { code: "UNKNOWN_AT_PLAN", attributes: ["model_units"] }],
    [0, { code: "UNKNOWN_AT_PLAN", attributes: ["model_arn", "commitment_duration"] }],
  ],
  // check-baseline.test.ts: $76,650 against $70,000; $350,400 against $300,000; $21,900 more against $10,000.
  BUDGET_EXCEEDED: [
    [6_650, { code: "BUDGET_EXCEEDED", budget: "monthly", total: 76_650, limit: 70_000 }],
    [0, { code: "BUDGET_EXCEEDED", budget: "committed", total: 350_400, limit: 300_000 }],
  ],
  INCREASE_EXCEEDED: [[11_900, { code: "INCREASE_EXCEEDED", increase: 21_900, limit: 10_000, baseline: 18_250 }]],
};

const PROFILE_NOTES: ByCode<MeasurementNote, MeasurementNote["code"]> = {
  COARSE_PERIOD: [
    { code: "COARSE_PERIOD", periodSeconds: 300 },
    { code: "COARSE_PERIOD", periodSeconds: 3600 },
  ],
  GAPS: [{ code: "GAPS", gapMinutes: 1_440, minutes: 43_200 }],
  OTHER_MODELS: [
    {
      code: "OTHER_MODELS",
      records: [
        ["amazon.nova-pro-v1:0", 1_204],
        ["arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc", 3],
      ],
    },
    {
      code: "OTHER_MODELS",
      records: [["arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc", 3]],
      workload: "support-copilot",
    },
  ],
  SKIPPED_FILES: [
    {
      code: "SKIPPED_FILES",
      skipped: [
        ["permission-check", 1],
        ["hidden", 2],
        ["not-traffic", 1],
      ],
    },
    { code: "SKIPPED_FILES", skipped: [["permission-check", 1]] },
  ],
  REPEATED_FILES: [
    { code: "REPEATED_FILES", files: ["logs/2026/11/01/00/a.json.gz"] },
    { code: "REPEATED_FILES", files: ["logs/2026/11/01/00/a.json.gz"], workload: "support-copilot" },
  ],
  IGNORED_METRICS: [{ code: "IGNORED_METRICS", labels: ["Invocations", "InvocationLatency"] }],
  NO_PT_PRICE: [{ code: "NO_PT_PRICE" }],
  NO_PT_PRICE_FOR_TERM: [{ code: "NO_PT_PRICE_FOR_TERM" }],
  UNKNOWN_THROUGHPUT: [{ code: "UNKNOWN_THROUGHPUT" }],
  OVERFLOW_FALLBACK: [
    { code: "OVERFLOW_FALLBACK", reservations: null },
    { code: "OVERFLOW_FALLBACK", reservations: ["copilot-pt"] },
  ],
  SHORT_WINDOW: [
    { code: "SHORT_WINDOW", minutes: 4, workload: null },
    { code: "SHORT_WINDOW", minutes: 4_320, workload: "measured-copilot" },
  ],
  UNRESOLVED_MODELS: [
    { code: "UNRESOLVED_MODELS", records: [["acme.private-model-v1", 12]] },
    { code: "UNRESOLVED_MODELS", records: [["arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc", 3]] },
  ],
  UNLISTED_PROVISIONED: [
    { code: "UNLISTED_PROVISIONED", arns: [["arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123def456", 144]], given: true },
    { code: "UNLISTED_PROVISIONED", arns: [["arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123def456", 144]], given: false },
  ],
  UNLABELLED_METRICS: [{ code: "UNLABELLED_METRICS", labels: ["InputTokenCount"] }],
  UNPRICED_MODELS: [
    {
      code: "UNPRICED_MODELS",
      models: [{ id: "anthropic.claude-3-haiku-20240307-v1:0", message: "no promptCache.readPerMTok price in these rates" }],
    },
  ],
  RESERVATIONS_NOT_JUDGED: [{ code: "RESERVATIONS_NOT_JUDGED", reservations: [{ name: "copilot-pt", status: "Failed" }] }],
};

const PROBLEMS: ByCode<WorkloadProblem, WorkloadProblem["code"]> = {
  NO_CACHE_PRICE: [
    {
      code: "NO_CACHE_PRICE",
      path: ["monthly", "cacheReadTokens"],
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      field: "promptCache.readPerMTok",
    },
  ],
  NO_OUTPUT_PRICE: [{ code: "NO_OUTPUT_PRICE", path: ["monthly", "outputTokens"], modelId: "amazon.titan-embed-text-v2:0" }],
  CUSTOM_WITHOUT_PT_PRICE: [{ code: "CUSTOM_WITHOUT_PT_PRICE", path: ["custom"], modelId: "amazon.nova-pro-v1:0" }],
  NO_LONG_CONTEXT_PRICE: [
    { code: "NO_LONG_CONTEXT_PRICE", path: ["monthly", "longContextInputTokens"], modelId: "anthropic.claude-sonnet-4-5-20250929-v1:0" },
  ],
  LONG_CONTEXT_ABOVE_TOTAL: [
    { code: "LONG_CONTEXT_ABOVE_TOTAL", path: ["monthly", "longContextInputTokens"], side: "input", longContext: 4e9, total: 3e9 },
  ],
  LONG_CONTEXT_LANE: [
    { code: "LONG_CONTEXT_LANE", path: ["latency"], lane: "batch" },
    { code: "LONG_CONTEXT_LANE", path: ["latency"], lane: "flex" },
    { code: "LONG_CONTEXT_LANE", path: ["tier"], lane: "priority" },
  ],
  NO_TIER_PRICE: [
    { code: "NO_TIER_PRICE", path: ["latency"], modelId: "amazon.titan-embed-text-v2:0", tier: "flex" },
    { code: "NO_TIER_PRICE", path: ["tier"], modelId: "amazon.titan-embed-text-v2:0", tier: "priority" },
  ],
  // 3B input over 43,800 minutes: 68,493.15 a minute
  PEAK_BELOW_AVERAGE: [
    { code: "PEAK_BELOW_AVERAGE", path: ["peakTpm", "input"], side: "input", peak: 1_000, average: 3e9 / 43_800, hoursPerMonth: 730 },
  ],
};

function section(title: string, rows: [string, string][]): string[] {
  return [`## ${title}`, "", ...rows.map(([code, text]) => `- \`${code}\`: ${text}`), ""];
}

describe("every code a report carries", () => {
  it("has a sentence for every reason, note, finding, profile note and input problem, in each way inputs are given", async () => {
    const reasons = Object.values(REASONS).flat();
    const doc = [
      "# Every code, rendered from fixed inputs",
      "",
      ...section(
        "Reasons, inputs given as flags (compare)",
        reasons.map((r) => [r.code, reasonMessage(r, { modelName: "Claude 3.5 Sonnet v2" })]),
      ),
      ...section(
        "Reasons, inputs given in a plan file (plan)",
        reasons.map((r) => [r.code, reasonMessage(r, { modelName: "Claude 3.5 Sonnet v2", inputs: "plan" })]),
      ),
      ...section(
        "Reasons, inputs given by rate files alone (audit)",
        reasons.map((r) => [r.code, reasonMessage(r, { modelName: "Claude 3.5 Sonnet v2", inputs: "rates" })]),
      ),
      ...section(
        "Notes (compare)",
        Object.values(NOTES)
          .flat()
          .map((n) => [n.code, noteMessage(n)]),
      ),
      ...section(
        "Findings (check)",
        Object.values(FINDINGS)
          .flat()
          .map(([impact, detail]) => {
            const finding = makeFinding("subject", impact, detail);
            return [`${finding.code}, ${finding.severity}`, findingMessage(finding)];
          }),
      ),
      ...section(
        "Notes on measured traffic (profile, plan, check, audit)",
        Object.values(PROFILE_NOTES)
          .flat()
          .map((n) => [n.code, measurementNoteMessage(n)]),
      ),
      ...section(
        "Input problems, flags, plan and audit",
        Object.values(PROBLEMS)
          .flat()
          .flatMap((p): [string, string][] => [
            [p.code, workloadProblemMessage(p, "flags")],
            [p.code, workloadProblemMessage(p, "plan")],
            [p.code, workloadProblemMessage(p, "rates")],
          ]),
      ),
    ].join("\n");
    await expect(doc).toMatchFileSnapshot("snapshots/every-code.md");
  });

  it("states the worked figures exactly", () => {
    expect(reasonMessage(REASONS.OVERFLOW[0] as Reason, { modelName: "m" })).toBe(
      "2 units carry 76.6% of the traffic; the other 23.4% overflows to on-demand for $11,208.00 a month, included in the PT cost (3 units would carry it all).",
    );
    const [impact, detail] = FINDINGS.IDLE_RESERVATION[0] as [number, FindingDetail];
    expect(findingMessage(makeFinding("copilot-pt", impact, detail))).toBe(
      "1 unit on a 6-month term costs $18,250.00 a month at 48.9% utilization against $9,000.00 on-demand for the traffic they carry: $9,250.00 a month over on-demand, $55,500.00 over the 6-month term.",
    );
    expect(workloadProblemMessage(PROBLEMS.PEAK_BELOW_AVERAGE[0] as WorkloadProblem, "flags")).toBe(
      "1,000 is below the average of 68,493 input tokens a minute that the monthly volume implies over 730 hours; give at least 68,493",
    );
  });
});

describe("SHARED_UNITS with many others", () => {
  it("names ten and counts the rest", () => {
    const reason: Reason = {
      code: "SHARED_UNITS",
      with: ["w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9"],
      withCount: 2_999,
      units: 1_468,
      term: "6-month",
      utilization: null,
      addedCost: null,
    };
    expect(reasonMessage(reason, { modelName: "Claude 3.5 Sonnet v2" })).toBe(
      "Shares 1468 units on a 6-month term with w0, w1, w2, w3, w4, w5, w6, w7, w8, w9 and 2,989 others.",
    );
  });
});
