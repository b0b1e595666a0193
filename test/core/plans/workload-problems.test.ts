import { describe, expect, it } from "vitest";
import { makeVolume } from "../../../src/core/cost-model/volume.js";
import { workloadProblems } from "../../../src/core/plans/workload-problems.js";
import { workedExampleModel } from "../../helpers/builders.js";

describe("workloadProblems", () => {
  const model = workedExampleModel({ promptCache: { readPerMTok: 0.3 } });
  const H = 730;

  it("finds nothing wrong with a plain workload", () => {
    expect(
      workloadProblems({ model, volume: makeVolume({ inputTokens: 3e9, outputTokens: 6e8 }), custom: false, hoursPerMonth: H }),
    ).toEqual([]);
  });

  it("names the cache price a volume needs, on the field that carries the tokens", () => {
    const volume = makeVolume({ inputTokens: 1, cacheReadTokens: 5, cacheWriteTokens: 5 });
    expect(workloadProblems({ model, volume, custom: false, hoursPerMonth: H })).toEqual([
      { code: "NO_CACHE_PRICE", path: ["monthly", "cacheWriteTokens"], modelId: model.id, field: "promptCache.writePerMTok" },
    ]);
  });

  it("refuses a custom model without a PT price, and does not ask it for cache prices it is not billed on-demand", () => {
    const noPt = workedExampleModel({ provisioned: undefined });
    const volume = makeVolume({ inputTokens: 1, cacheWriteTokens: 5 });
    expect(workloadProblems({ model: noPt, volume, custom: true, hoursPerMonth: H })).toEqual([
      { code: "CUSTOM_WITHOUT_PT_PRICE", path: ["custom"], modelId: noPt.id },
    ]);
  });

  it("refuses a peak below the month's average: 3B input over 43,800 minutes is 68,493.15 a minute", () => {
    const volume = makeVolume({ inputTokens: 3e9, outputTokens: 6e8 });
    const problems = workloadProblems({ model, volume, peakTpm: { input: 68_492, output: 13_698 }, custom: false, hoursPerMonth: H });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "PEAK_BELOW_AVERAGE", path: ["peakTpm", "input"], peak: 68_492 });
    expect((problems[0] as { average: number }).average).toBeCloseTo(3e9 / 43_800, 9);
    // the whole average is allowed: 68,493 and 13,698 (600M / 43,800 = 13,698.63)
    expect(workloadProblems({ model, volume, peakTpm: { input: 68_493, output: 13_698 }, custom: false, hoursPerMonth: H })).toEqual([]);
  });
});

describe("workloadProblems: an input-only model", () => {
  it("refuses output tokens on a model without an output price", () => {
    const embed = workedExampleModel({ onDemand: { inputPerMTok: 0.02 } });
    const volume = makeVolume({ inputTokens: 1e9, outputTokens: 5 });
    expect(workloadProblems({ model: embed, volume, custom: false, hoursPerMonth: 730 })).toEqual([
      { code: "NO_OUTPUT_PRICE", path: ["monthly", "outputTokens"], modelId: embed.id },
    ]);
    expect(workloadProblems({ model: embed, volume: makeVolume({ inputTokens: 1e9 }), custom: false, hoursPerMonth: 730 })).toEqual([]);
  });
});

describe("workloadProblems: the Flex and Priority tiers", () => {
  const H = 730;

  it("asks for the Flex or Priority price a workload's latency or tier needs, except on a custom model", () => {
    const volume = makeVolume({ inputTokens: 3e9, outputTokens: 6e8 });
    const model = workedExampleModel();
    const both = { model, volume, custom: false, hoursPerMonth: H, latency: "flex", tier: "priority" };
    expect(workloadProblems(both)).toEqual([
      { code: "NO_TIER_PRICE", path: ["latency"], modelId: model.id, tier: "flex" },
      { code: "NO_TIER_PRICE", path: ["tier"], modelId: model.id, tier: "priority" },
    ]);
    const priced = workedExampleModel({
      flex: { inputPerMTok: 1.5, outputPerMTok: 7.5 },
      priority: { inputPerMTok: 5.25, outputPerMTok: 26.25 },
    });
    expect(workloadProblems({ ...both, model: priced })).toEqual([]);
    expect(workloadProblems({ ...both, custom: true })).toEqual([]);
  });
});
