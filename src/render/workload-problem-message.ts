import type { WorkloadProblem } from "../core/plans/workload-problems.js";
import { cachePriceHint, type InputsGivenBy, ptPriceHint } from "./hints.js";
import { formatCount } from "./money.js";

/** The sentence for a problem with a workload's inputs. */
export function workloadProblemMessage(problem: WorkloadProblem, by: InputsGivenBy): string {
  switch (problem.code) {
    case "NO_CACHE_PRICE":
      return `${problem.modelId} has no ${problem.field} price in these rates; ${cachePriceHint(by)}`;
    case "NO_OUTPUT_PRICE":
      // Measured traffic (audit) cannot be set: it says what the records hold.
      return by === "rates"
        ? `${problem.modelId} is an input-only model (it has no output price, as an embeddings model has none), yet its traffic has output tokens, which no price covers`
        : `${problem.modelId} is an input-only model (it has no output price, as an embeddings model has none), so it gives no output tokens; set them to 0`;
    case "NO_TIER_PRICE":
      return `no ${problem.tier === "flex" ? "Flex" : "Priority"} tier price is known for ${problem.modelId}; add ${problem.tier}: {inputPerMTok, outputPerMTok} in a rate file ${by === "plan" ? "listed under rates: (or --rates)" : "(--rates FILE)"}`;
    case "NO_LONG_CONTEXT_PRICE":
      return `no long-context price is known for ${problem.modelId}; add longContext: {inputPerMTok, outputPerMTok} in a rate file ${by === "plan" ? "listed under rates: (or --rates)" : "(--rates FILE)"}`;
    case "LONG_CONTEXT_ABOVE_TOTAL":
      return `${formatCount(problem.longContext)} long-context ${problem.side} tokens are more than the month's ${formatCount(problem.total)} ${problem.side} tokens, of which they are a part`;
    case "LONG_CONTEXT_LANE": {
      const lane = { batch: "Batch", flex: "the Flex tier", priority: "the Priority tier" }[problem.lane];
      return `no long-context price is known for ${lane}: price long-context requests on Standard on-demand`;
    }
    case "CUSTOM_WITHOUT_PT_PRICE":
      return `a custom model is served on PT only, and no PT price is known for ${problem.modelId}: ${ptPriceHint(by)}`;
    case "PEAK_BELOW_AVERAGE": {
      const whose = by === "plan" ? "its" : "the";
      return `${formatCount(Math.floor(problem.peak))} is below the average of ${formatCount(Math.floor(problem.average))} ${problem.side} tokens a minute that ${whose} monthly volume implies over ${problem.hoursPerMonth} hours; give at least ${formatCount(Math.floor(problem.average))}`;
    }
  }
}
