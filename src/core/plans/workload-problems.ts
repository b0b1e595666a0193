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
  if (input.custom && pricedTerms(model).length === 0)
    problems.push({ code: "CUSTOM_WITHOUT_PT_PRICE", path: ["custom"], modelId: model.id });
  problems.push(...peakProblems(volume, input.peakTpm, input.hoursPerMonth));
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
