import { missingPrices, type PriceField } from "../cost-model/pricing.js";
import type { TokensPerMinute } from "../cost-model/volume.js";
import { inputSideTokens, type Volume } from "../cost-model/volume.js";
import type { FieldPath } from "../input/field-path.js";
import { type ModelRates, pricedTerms } from "../rates/rate-card.js";

/** What a workload gives, however it was given: command-line flags, a plan file, or measured traffic. */
export interface WorkloadInput {
  model: ModelRates;
  volume: Volume;
  peakTpm?: TokensPerMinute | undefined;
  custom: boolean;
  hoursPerMonth: number;
  /** A plan workload's latency and tier: flex and priority need the model's tier prices. */
  latency?: string | undefined;
  tier?: string | undefined;
}

/** An input the rates cannot price, or that contradicts itself; `path` is the field of a plan-file workload. */
export type WorkloadProblem =
  | { code: "NO_CACHE_PRICE"; path: FieldPath; modelId: string; field: PriceField }
  | { code: "NO_OUTPUT_PRICE"; path: FieldPath; modelId: string }
  | { code: "CUSTOM_WITHOUT_PT_PRICE"; path: FieldPath; modelId: string }
  | { code: "NO_TIER_PRICE"; path: FieldPath; modelId: string; tier: "flex" | "priority" }
  | { code: "NO_LONG_CONTEXT_PRICE"; path: FieldPath; modelId: string }
  | { code: "LONG_CONTEXT_ABOVE_TOTAL"; path: FieldPath; side: "input" | "output"; longContext: number; total: number }
  | { code: "LONG_CONTEXT_LANE"; path: FieldPath; lane: "batch" | "flex" | "priority" }
  | { code: "PEAK_BELOW_AVERAGE"; path: FieldPath; side: "input" | "output"; peak: number; average: number; hoursPerMonth: number };

/**
 * Every problem with a workload's inputs, in the order a user would fix them: cache tokens the model
 * has no price for (a custom model has no on-demand lane to price them on), a custom model with no PT
 * price, and a peak minute below the month's average.
 */
export function workloadProblems(input: WorkloadInput): WorkloadProblem[] {
  const { model, volume } = input;
  const problems: WorkloadProblem[] = [];
  if (model.onDemand && !input.custom) {
    for (const field of missingPrices(model, volume)) {
      if (field === "onDemand.outputPerMTok") {
        problems.push({ code: "NO_OUTPUT_PRICE", path: ["monthly", "outputTokens"], modelId: model.id });
        continue;
      }
      if (field === "longContext.inputPerMTok") {
        const key = (volume.longContextInputTokens ?? 0) > 0 ? "longContextInputTokens" : "longContextOutputTokens";
        problems.push({ code: "NO_LONG_CONTEXT_PRICE", path: ["monthly", key], modelId: model.id });
        continue;
      }
      const key =
        field === "promptCache.readPerMTok"
          ? "cacheReadTokens"
          : field === "promptCache.write1hPerMTok"
            ? "cacheWrite1hTokens"
            : "cacheWriteTokens";
      problems.push({ code: "NO_CACHE_PRICE", path: ["monthly", key], modelId: model.id, field });
    }
  }
  // A custom model is served on PT only: no tier applies to it.
  if (!input.custom && input.latency === "flex" && !model.flex)
    problems.push({ code: "NO_TIER_PRICE", path: ["latency"], modelId: model.id, tier: "flex" });
  if (!input.custom && input.tier === "priority" && !model.priority)
    problems.push({ code: "NO_TIER_PRICE", path: ["tier"], modelId: model.id, tier: "priority" });
  problems.push(...longContextProblems(input));
  if (input.custom && pricedTerms(model).length === 0)
    problems.push({ code: "CUSTOM_WITHOUT_PT_PRICE", path: ["custom"], modelId: model.id });
  problems.push(...peakProblems(volume, input.peakTpm, input.hoursPerMonth));
  return problems;
}

/**
 * Long-context tokens are a part of the month's input and output tokens, and only on-demand has
 * prices for them: no Batch, Flex or Priority long-context price is known.
 */
function longContextProblems(input: WorkloadInput): WorkloadProblem[] {
  const { volume } = input;
  const problems: WorkloadProblem[] = [];
  const sides = [
    ["input", "longContextInputTokens", volume.longContextInputTokens ?? 0, volume.inputTokens],
    ["output", "longContextOutputTokens", volume.longContextOutputTokens ?? 0, volume.outputTokens],
  ] as const;
  for (const [side, key, longContext, total] of sides) {
    if (longContext > total) problems.push({ code: "LONG_CONTEXT_ABOVE_TOTAL", path: ["monthly", key], side, longContext, total });
  }
  if (input.custom || sides.every(([, , longContext]) => longContext === 0)) return problems;
  if (input.latency === "async" && input.model.batch) problems.push({ code: "LONG_CONTEXT_LANE", path: ["latency"], lane: "batch" });
  if (input.latency === "flex") problems.push({ code: "LONG_CONTEXT_LANE", path: ["latency"], lane: "flex" });
  if (input.tier === "priority") problems.push({ code: "LONG_CONTEXT_LANE", path: ["tier"], lane: "priority" });
  return problems;
}

/** A peak minute below the month's average: the one check that does not need the model's rates. */
export function peakProblems(volume: Volume, peakTpm: TokensPerMinute | undefined, hoursPerMonth: number): WorkloadProblem[] {
  if (!peakTpm) return [];
  const minutes = hoursPerMonth * 60;
  const averages = { input: inputSideTokens(volume) / minutes, output: volume.outputTokens / minutes };
  return (["input", "output"] as const)
    .filter((side) => peakTpm[side] < Math.floor(averages[side]))
    .map((side) => ({
      code: "PEAK_BELOW_AVERAGE",
      path: ["peakTpm", side],
      side,
      peak: peakTpm[side],
      average: averages[side],
      hoursPerMonth,
    }));
}
