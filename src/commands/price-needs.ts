import { makeVolume } from "../core/cost-model/volume.js";
import { workloadProblems } from "../core/plans/workload-problems.js";
import type { ModelRates } from "../core/rates/rate-card.js";
import type { TokenField } from "../core/traffic/minute-traffic.js";
import { workloadProblemMessage } from "../render/workload-problem-message.js";

/**
 * For the traffic reader: why `model`'s measured traffic cannot use a token field (a cache or output
 * price the rates lack), in the words of the place the user fixes it, or null. The same rule as a
 * monthly volume's (workloadProblems), asked of one token of the field.
 */
export function priceNeeds(model: ModelRates, custom: boolean, by: "flags" | "plan"): (field: TokenField) => string | null {
  return (field) => {
    const [problem] = workloadProblems({ model, volume: makeVolume({ [field]: 1 }), custom, hoursPerMonth: 730 });
    return problem ? workloadProblemMessage(problem, by) : null;
  };
}
