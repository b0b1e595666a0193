import { describe, expect, it } from "vitest";
import { importPriceList, type NameResolver } from "../../../src/core/price-list/import-price-list.js";
import type { PriceLine } from "../../../src/core/price-list/price-list-lines.js";

const IDS: Record<string, string> = {
  "Claude 2.0": "anthropic.claude-v2",
  "Claude Sonnet 4.6": "anthropic.claude-sonnet-4-6",
  "Titan Text Express": "amazon.titan-text-express-v1",
};

const resolve: NameResolver = (name, provider, global) => {
  const id = IDS[name];
  if (!id) return null;
  return { id: global ? `global.${id}` : id, name: global ? `${name} (global profile)` : name, provider: provider ?? "Anthropic" };
};

function line(model: string, inferenceType: string, usd: string, regionCode = "us-east-1", usagetype = ""): PriceLine {
  return {
    file: "offer.json",
    offerCode: "AmazonBedrock",
    sku: `${model}-${inferenceType}-${regionCode}`,
    attributes: { regionCode, model, provider: "Anthropic", inferenceType, usagetype },
    unit: "1K tokens",
    usd,
  };
}

function pt(usage: string, usd: string): PriceLine {
  return {
    file: "fm.json",
    offerCode: "AmazonBedrockFoundationModels",
    sku: usage,
    attributes: {
      regionCode: "us-east-1",
      servicename: "Claude Sonnet 4.6 (Amazon Bedrock Edition)",
      usagetype: `USE1-MP:USE1_${usage}-Units`,
    },
    unit: "hour",
    usd,
  };
}

describe("importPriceList", () => {
  it("gathers a model's prices per 1M tokens and per unit-hour, regional and global apart", () => {
    const { models, report } = importPriceList(
      [
        line("Claude 2.0", "Input tokens", "0.0080000000"),
        line("Claude 2.0", "Output tokens", "0.0240000000"),
        line("Claude 2.0", "Input tokens", "0.0090000000", "eu-west-1"),
        line("Claude Sonnet 4.6", "Input tokens", "0.0033"),
        line("Claude Sonnet 4.6", "Output tokens", "0.0165"),
        line("Claude Sonnet 4.6", "Cross-region global input tokens", "0.003"),
        line("Claude Sonnet 4.6", "Cross-region global output tokens", "0.015"),
        pt("ProvisionedThroughput_1MonthCommit_ModelUnits_Usage", "158.4000000000"),
      ],
      "us-east-1",
      resolve,
    );
    expect(models.map((m) => [m.id, m.name, Object.fromEntries(m.prices)])).toEqual([
      [
        "anthropic.claude-sonnet-4-6",
        "Claude Sonnet 4.6",
        { "onDemand.inputPerMTok": "3.3", "onDemand.outputPerMTok": "16.5", "provisioned.hourlyPerUnit.oneMonth": "158.4" },
      ],
      ["anthropic.claude-v2", "Claude 2.0", { "onDemand.inputPerMTok": "8", "onDemand.outputPerMTok": "24" }],
      [
        "global.anthropic.claude-sonnet-4-6",
        "Claude Sonnet 4.6 (global profile)",
        { "onDemand.inputPerMTok": "3", "onDemand.outputPerMTok": "15" },
      ],
    ]);
    expect(report).toMatchObject({ lines: 7, otherRegions: 1, prices: 7, incomplete: [], conflicts: [] });
  });

  it("reports every line it does not price: not modelled, unmapped, half a pair, or in conflict", () => {
    const { models, report } = importPriceList(
      [
        line("Claude 2.0", "Input tokens", "0.008"),
        line("Claude 2.0", "Output tokens", "0.024"),
        line("Claude 2.0", "Input tokens", "0.009"), // a second input price: the first is kept
        line("Claude 2.0", "input tokens batch", "0.004"), // batch input without batch output
        line("Claude 2.0", "Input tokens priority", "0.014"),
        line("Acme Frobnicator", "Input tokens", "0.001"),
        line("Acme Frobnicator", "Output tokens", "0.002"),
        line("Titan Text Express", "Prompt cache read input tokens", "0.0001"), // a cache price alone prices nothing
      ],
      "us-east-1",
      resolve,
    );
    expect(models.map((m) => [m.id, Object.fromEntries(m.prices)])).toEqual([
      ["anthropic.claude-v2", { "onDemand.inputPerMTok": "8", "onDemand.outputPerMTok": "24" }],
    ]);
    expect(report.notModelled).toEqual(new Map());
    expect(report.unmapped).toEqual(new Map([["Acme Frobnicator", 2]]));
    expect(report.conflicts).toEqual([{ id: "anthropic.claude-v2", field: "onDemand.inputPerMTok", kept: "8", other: "9" }]);
    expect(report.incomplete).toEqual([
      { id: "amazon.titan-text-express-v1", detail: "no complete on-demand or Provisioned Throughput price: left out" },
      { id: "anthropic.claude-v2", detail: "batch has an input price but no output price" },
      { id: "anthropic.claude-v2", detail: "priority has an input price but no output price" },
    ]);
    expect(report.prices).toBe(2);
  });

  it("keeps an input-only model's input prices (embeddings), and still drops half a pair of any other model", () => {
    const embeddings: NameResolver = (name) =>
      name === "Titan Text Embeddings V2"
        ? { id: "amazon.titan-embed-text-v2:0", name, provider: "Amazon", inputOnly: true }
        : resolve(name, null, false);
    const { models, report } = importPriceList(
      [
        line("Titan Text Embeddings V2", "Input tokens", "0.00002"),
        line("Titan Text Embeddings V2", "input tokens batch", "0.00001"),
        line("Claude 2.0", "Input tokens", "0.008"),
      ],
      "us-east-1",
      embeddings,
    );
    expect(models.map((m) => [m.id, Object.fromEntries(m.prices)])).toEqual([
      ["amazon.titan-embed-text-v2:0", { "onDemand.inputPerMTok": "0.02", "batch.inputPerMTok": "0.01" }],
    ]);
    expect(report.incomplete).toEqual([{ id: "anthropic.claude-v2", detail: "onDemand has an input price but no output price" }]);
  });

  it("keeps a model priced only for Provisioned Throughput", () => {
    const { models } = importPriceList([pt("ProvisionedThroughput_6MonthsCommit_ModelUnits_Usage", "88")], "us-east-1", resolve);
    expect(models.map((m) => [m.id, Object.fromEntries(m.prices)])).toEqual([
      ["anthropic.claude-sonnet-4-6", { "provisioned.hourlyPerUnit.sixMonth": "88" }],
    ]);
  });

  it("does not count the same price twice as a conflict", () => {
    const { report } = importPriceList(
      [
        line("Claude 2.0", "Input tokens", "0.0080000000"),
        line("Claude 2.0", "Input tokens", "0.008"),
        line("Claude 2.0", "Output tokens", "0.024"),
      ],
      "us-east-1",
      resolve,
    );
    expect(report.conflicts).toEqual([]);
  });
});
