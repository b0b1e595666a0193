import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emptyRateCard, layRateFile } from "../../src/core/rates/merge-rates.js";
import type { ModelRates } from "../../src/core/rates/rate-card.js";
import { resolveModel } from "../../src/core/rates/resolve-model.js";
import { type CompiledRates, listBundledVersions } from "../../src/readers/bundled-rates.js";
import { loadRateCard } from "../../src/readers/load-rate-card.js";
import { parseRateFile } from "../../src/readers/read-rate-file.js";

const versions = [...listBundledVersions().values()].flat();

describe("bundled rate files", () => {
  it("exist", () => {
    expect(versions.length).toBeGreaterThan(0);
  });

  it.each(versions.map((v) => [v.shownAs, v] as const))(
    "%s validates, is named after its region and date, and names a source for every model",
    async (_, version) => {
      const file = parseRateFile(readFileSync(version.path as string, "utf8"), version.shownAs, true);
      expect(file.data.region).toBe(version.region);
      expect(file.data.effectiveDate).toBe(version.effectiveDate);
      const { card, problems } = layRateFile(emptyRateCard(version.region), file.data);
      expect(problems).toEqual([]);
      for (const model of card.models) {
        expect(model.source, model.id).toBeDefined();
        expect(model.source?.url, model.id).toMatch(/^https:\/\//);
        // AWS publishes no unit throughput: a bundled file must never carry one.
        expect(model.provisioned?.unitThroughput, model.id).toBeUndefined();
      }
      await expect(loadRateCard({ region: version.region, ratesVersion: version.effectiveDate, files: [] })).resolves.toMatchObject({
        effectiveDate: version.effectiveDate,
      });
    },
  );

  // The built CLI loads each version as the card laid when the package was built (npm test builds first).
  it("are built into the cards their files lay, version by version", () => {
    const compiled = JSON.parse(readFileSync(new URL("../../dist/bundled-rates.json", import.meta.url), "utf8")) as CompiledRates;
    expect(compiled.versions.map((version) => version.shownAs)).toEqual(versions.map((version) => version.shownAs));
    for (const version of versions) {
      const file = parseRateFile(readFileSync(version.path as string, "utf8"), version.shownAs, true);
      const built = compiled.versions.find((candidate) => candidate.shownAs === version.shownAs);
      expect(built?.card, version.shownAs).toEqual(layRateFile(emptyRateCard(version.region), file.data).card);
    }
  });
});

describe("the current us-east-1 rates", async () => {
  const card = await loadRateCard({ files: [] });
  const model = (name: string): ModelRates => {
    const lookup = resolveModel(card, name);
    if (!lookup.found) throw new Error(lookup.reason);
    return lookup.model;
  };

  it.each([
    "anthropic.claude-3-haiku-20240307-v1:0",
    "anthropic.claude-3-5-haiku-20241022-v1:0",
    "anthropic.claude-3-5-sonnet-20241022-v2:0",
    "anthropic.claude-3-7-sonnet-20250219-v1:0",
    "anthropic.claude-sonnet-4-20250514-v1:0",
    "anthropic.claude-sonnet-4-5-20250929-v1:0",
    "anthropic.claude-haiku-4-5-20251001-v1:0",
    "anthropic.claude-opus-4-1-20250805-v1:0",
    "anthropic.claude-instant-v1",
    "anthropic.claude-v2:1",
    "amazon.nova-micro-v1:0",
    "amazon.nova-lite-v1:0",
    "amazon.nova-pro-v1:0",
    "amazon.nova-premier-v1:0",
    "amazon.titan-text-express-v1",
    "amazon.titan-text-lite-v1",
    "meta.llama3-1-8b-instruct-v1:0",
    "meta.llama3-1-70b-instruct-v1:0",
    "meta.llama3-3-70b-instruct-v1:0",
    "meta.llama4-maverick-17b-instruct-v1:0",
    "mistral.mistral-large-2402-v1:0",
    "cohere.command-text-v14",
    "cohere.command-light-text-v14",
    "cohere.command-r-v1:0",
    "cohere.command-r-plus-v1:0",
  ])("has %s with an on-demand price", (id) => {
    expect(model(id).id).toBe(id);
    expect(model(id).onDemand).toBeDefined();
  });

  it.each([
    ["claude-instant", { noCommit: 44, oneMonth: 39.6, sixMonth: 22 }],
    ["claude-2.1", { noCommit: 70, oneMonth: 63, sixMonth: 35 }],
    ["claude-2", { noCommit: 70, oneMonth: 63, sixMonth: 35 }],
    ["cohere-command", { noCommit: 49.5, oneMonth: 39.6, sixMonth: 23.77 }],
    ["cohere-command-light", { noCommit: 8.56, oneMonth: 6.85, sixMonth: 4.11 }],
    ["titan-text-express", { noCommit: 20.5, oneMonth: 18.4, sixMonth: 14.8 }],
    ["titan-text-lite", { noCommit: 7.1, oneMonth: 6.4, sixMonth: 5.1 }],
  ])("carries the published PT prices of %s", (name, hourly) => {
    expect(model(name).provisioned?.hourlyPerUnit).toEqual(hourly);
  });

  it("has no PT price for any other model (none is published)", () => {
    const withPt = card.models
      .filter((m) => m.provisioned)
      .map((m) => m.id)
      .sort();
    expect(withPt).toEqual([
      "amazon.titan-embed-text-v1",
      "amazon.titan-text-express-v1",
      "amazon.titan-text-lite-v1",
      "anthropic.claude-instant-v1",
      "anthropic.claude-v2",
      "anthropic.claude-v2:1",
      "cohere.command-light-text-v14",
      "cohere.command-text-v14",
    ]);
  });

  it("prices the global profile of Claude 4.5 models 10% below the regional endpoints and geographic profiles", () => {
    for (const base of [
      "anthropic.claude-sonnet-4-5-20250929-v1:0",
      "anthropic.claude-haiku-4-5-20251001-v1:0",
      "anthropic.claude-opus-4-5-20251101-v1:0",
    ]) {
      const regional = model(`us.${base}`);
      const global = model(`global.${base}`);
      expect(regional.id).toBe(base);
      expect(global.id).toBe(`global.${base}`);
      expect(regional.onDemand!.inputPerMTok).toBeCloseTo(global.onDemand!.inputPerMTok * 1.1, 9);
      expect(regional.onDemand!.outputPerMTok).toBeCloseTo(global.onDemand!.outputPerMTok! * 1.1, 9);
    }
  });

  it("keeps every batch price at or below on-demand and longer terms no dearer", () => {
    for (const m of card.models) {
      if (m.batch && m.onDemand) {
        expect(m.batch.inputPerMTok, m.id).toBeLessThanOrEqual(m.onDemand.inputPerMTok);
        // An input-only model (embeddings) has no output price in either lane.
        expect(m.batch.outputPerMTok ?? 0, m.id).toBeLessThanOrEqual(m.onDemand.outputPerMTok ?? 0);
      }
      const h = m.provisioned?.hourlyPerUnit;
      if (h?.noCommit && h.oneMonth) expect(h.oneMonth, m.id).toBeLessThanOrEqual(h.noCommit);
      if (h?.oneMonth && h.sixMonth) expect(h.sixMonth, m.id).toBeLessThanOrEqual(h.oneMonth);
    }
  });

  // Two of genai-prices, LiteLLM and Portkey give each (the comment beside each in the file names them).
  it.each([
    ["deepseek-v3.2", { inputPerMTok: 0.62, outputPerMTok: 1.85 }],
    ["nova-2-lite", { inputPerMTok: 0.33, outputPerMTok: 2.75 }],
    ["global.amazon.nova-2-lite-v1:0", { inputPerMTok: 0.3, outputPerMTok: 2.5 }],
    ["gemma-3-27b", { inputPerMTok: 0.23, outputPerMTok: 0.38 }],
    ["kimi-k2-thinking", { inputPerMTok: 0.6, outputPerMTok: 2.5 }],
    ["glm-5", { inputPerMTok: 1, outputPerMTok: 3.2 }],
    ["cohere-embed-v4", { inputPerMTok: 0.12 }],
  ])("prices the 2026 model %s as two sources do", (name, onDemand) => {
    expect(model(name).onDemand).toEqual(onDemand);
  });

  it("prices 1-hour cache writes of Claude 4.5 and later at twice the input price, 10% more off the global profile", () => {
    expect(model("global.anthropic.claude-sonnet-4-5-20250929-v1:0").promptCache?.write1hPerMTok).toBe(6);
    expect(model("claude-sonnet-4.5").promptCache?.write1hPerMTok).toBe(6.6);
    expect(model("global.anthropic.claude-opus-4-6-v1").promptCache?.write1hPerMTok).toBe(10);
    expect(model("global.anthropic.claude-haiku-4-5-20251001-v1:0").promptCache?.write1hPerMTok).toBe(2);
    // None before 4.5: one source only.
    expect(model("claude-sonnet-4").promptCache?.write1hPerMTok).toBeUndefined();
  });

  it("resolves the ids PT is bought under to their base models", () => {
    expect(model("arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1:0:8k").id).toBe("amazon.titan-text-express-v1");
    expect(model("anthropic.claude-v2:1:200k").id).toBe("anthropic.claude-v2:1");
    expect(model("cohere.command-text-v14:7:4k").id).toBe("cohere.command-text-v14");
  });
});

describe("the regional rates", () => {
  const price = async (region: string, name: string) => {
    const card = await loadRateCard({ region, files: [] });
    const lookup = resolveModel(card, name);
    if (!lookup.found) throw new Error(lookup.reason);
    return lookup.model;
  };

  // Each figure as the two sources give it for that region (rates/<region>/2026-11-30.yaml).
  it.each([
    ["us-west-2", "claude-3-5-sonnet-v2", 3, 15],
    ["us-west-2", "claude-3-5-haiku", 0.8, 4],
    ["us-west-2", "nova-lite", 0.06, 0.24],
    ["ap-northeast-1", "kimi-k2-thinking", 0.73, 3.03],
    ["ap-south-1", "kimi-k2-thinking", 0.71, 2.94],
    ["sa-east-1", "kimi-k2.5", 0.72, 3.6],
    ["eu-west-3", "mixtral-8x7b", 0.59, 0.91],
    ["eu-central-1", "qwen3-coder-next", 0.6, 1.44],
    ["eu-central-1", "claude-2.1", 8, 24],
  ])("%s prices %s at $%s / $%s", async (region, name, input, output) => {
    expect((await price(region, name)).onDemand).toEqual({ inputPerMTok: input, outputPerMTok: output });
  });

  it("carries only the PT terms two sources give in us-west-2 (no-commit is on the 2025-02 page alone)", async () => {
    expect((await price("us-west-2", "claude-instant")).provisioned?.hourlyPerUnit).toEqual({ oneMonth: 39.6, sixMonth: 22 });
    expect((await price("us-west-2", "claude-2.1")).provisioned?.hourlyPerUnit).toEqual({ oneMonth: 63, sixMonth: 35 });
  });

  it("holds only what is sourced for the region: no Batch price anywhere, and no model copied from us-east-1", async () => {
    for (const region of ["us-west-2", "ap-northeast-1", "ap-south-1", "sa-east-1", "eu-west-3", "eu-central-1"]) {
      const card = await loadRateCard({ region, files: [] });
      expect(card.models.length, region).toBeLessThan(10);
      for (const m of card.models) expect(m.batch, `${region} ${m.id}`).toBeUndefined();
    }
  });
});
