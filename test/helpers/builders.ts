import type { ModelRates } from "../../src/core/rates/rate-card.js";

/** The Sonnet-class model of docs/cost-model.md §12: $3 / $15 per 1M tokens, $25 per MU-hour on a long term. */
export function workedExampleModel(overrides: Partial<ModelRates> = {}): ModelRates {
  return {
    id: "example.sonnet-class",
    name: "Sonnet-class example",
    provider: "Example",
    aliases: [],
    onDemand: { inputPerMTok: 3, outputPerMTok: 15 },
    provisioned: {
      hourlyPerUnit: { sixMonth: 25 },
      unitThroughput: { inputTpm: 70_000, outputTpm: 14_000 },
    },
    files: [],
    ...overrides,
  };
}

import { makeVolume } from "../../src/core/cost-model/volume.js";
import type { Workload } from "../../src/core/plans/workload.js";

/** A workload of the plan tests: interactive, no SLA, not custom, estimated traffic. */
export function makeWorkload(
  name: string,
  model: ModelRates,
  inputTokens: number,
  outputTokens: number,
  overrides: Partial<Workload> = {},
): Workload {
  return {
    name,
    model,
    volume: makeVolume({ inputTokens, outputTokens }),
    latency: "interactive",
    sla: "none",
    custom: null,
    measuredDays: null,
    overflow: "on-demand",
    ...overrides,
  };
}
