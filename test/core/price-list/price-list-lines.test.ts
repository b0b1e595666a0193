import { describe, expect, it } from "vitest";
import { classifyLine, type PriceLine } from "../../../src/core/price-list/price-list-lines.js";

/** A line of the AmazonBedrock offer (per 1K tokens, model in `model`). */
function legacy(inferenceType: string, usagetype: string, usd: string, extra: Record<string, string> = {}, unit = "1K tokens"): PriceLine {
  return {
    file: "offer.json",
    offerCode: "AmazonBedrock",
    sku: "SKU",
    attributes: {
      regionCode: "us-east-1",
      model: "Claude 2.0",
      provider: "Anthropic",
      feature: "On-demand Inference",
      inferenceType,
      usagetype,
      ...extra,
    },
    unit,
    usd,
  };
}

/** A line of the AmazonBedrockFoundationModels offer (per 1M tokens, model in `servicename`). */
function foundation(usage: string, usd: string, unit = "Units"): PriceLine {
  return {
    file: "offer.json",
    offerCode: "AmazonBedrockFoundationModels",
    sku: "SKU",
    attributes: {
      regionCode: "us-east-1",
      servicename: "Claude Sonnet 4.6 (Amazon Bedrock Edition)",
      usagetype: `USE1-MP:USE1_${usage}-Units`,
    },
    unit,
    usd,
  };
}

describe("classifyLine: AmazonBedrock (per 1K tokens)", () => {
  it("reads the documented Claude 2.0 input line as $8 per 1M, exactly", () => {
    // aws-cli#9567: "$0.00800 per 1K tokens for Claude2.0-input-tokens"
    expect(classifyLine(legacy("Input tokens", "USE1-Claude2.0-input-tokens", "0.0080000000"))).toEqual({
      kind: "price",
      name: "Claude 2.0",
      provider: "Anthropic",
      global: false,
      field: { lane: "onDemand", key: "inputPerMTok" },
      value: "8",
    });
  });

  it.each([
    ["Output tokens", "USE1-Claude2.0-output-tokens", "0.0240000000", { lane: "onDemand", key: "outputPerMTok" }, "24"],
    ["input tokens batch", "USE1-Llama3-1-8B-input-tokens-batch", "0.0001100000", { lane: "batch", key: "inputPerMTok" }, "0.11"],
    ["Batch output tokens", "USE1-Llama3-1-8B-output-tokens-batch", "0.0001100000", { lane: "batch", key: "outputPerMTok" }, "0.11"],
    [
      "Prompt cache read input tokens",
      "USE1-NovaMicro-cache-read-input-token-count",
      "0.0000087500",
      { lane: "promptCache", key: "readPerMTok" },
      "0.00875",
    ],
    [
      "Prompt cache write input tokens",
      "USE1-Claude3-7Sonnet-cache-write-input-token-count",
      "0.0037500000",
      { lane: "promptCache", key: "writePerMTok" },
      "3.75",
    ],
  ])("%s (%s) → %j = %s", (inferenceType, usagetype, usd, field, value) => {
    expect(classifyLine(legacy(inferenceType, usagetype, usd))).toMatchObject({ kind: "price", field, value });
  });

  it("marks the global cross-region price apart from the regional one", () => {
    expect(
      classifyLine(legacy("Cross-region global input tokens", "USE1-Claude2.0-input-tokens-cross-region-global", "0.0030000000")),
    ).toMatchObject({
      kind: "price",
      global: true,
      value: "3",
    });
  });

  it("takes Titan's model from titanModel", () => {
    const line = legacy("Input tokens", "USE1-TitanTextExpress-input-tokens", "0.0002000000");
    delete line.attributes.model;
    line.attributes.titanModel = "Titan Text Express";
    expect(classifyLine(line)).toMatchObject({ kind: "price", name: "Titan Text Express", value: "0.2" });
  });

  it.each([
    ["Input tokens priority", "USE1-GPT-OSS-Safeguard-20B-input-tokens-priority", { lane: "priority", key: "inputPerMTok" }],
    ["Output tokens priority", "USE1-GPT-OSS-Safeguard-20B-output-tokens-priority", { lane: "priority", key: "outputPerMTok" }],
    ["Input tokens flex", "USE1-Gemma-3-4B-IT-input-tokens-flex", { lane: "flex", key: "inputPerMTok" }],
  ])("maps the tier price %s (%s)", (inferenceType, usagetype, field) => {
    // 0.001 per 1K: $1 per 1M.
    expect(classifyLine(legacy(inferenceType, usagetype, "0.001"))).toMatchObject({ kind: "price", field, value: "1" });
  });

  it("leaves out a cache or Batch price of the Priority or Flex tier, saying why", () => {
    expect(
      classifyLine(legacy("Prompt cache read input tokens priority", "USE1-NovaMicro-cache-read-input-token-count-priority", "0.001")),
    ).toEqual({
      kind: "skip",
      why: "cache or Batch price of the Priority or Flex tier",
      name: "Claude 2.0",
    });
  });

  it.each([
    ["Input tokens", "USE1-Claude3-5Haiku-input-tokens-latency-optimized", "latency-optimized tier"],
    ["Input Video Token Count", "USE1-NovaPro-video-input-tokens", "not text tokens"],
    ["Input tokens", "USE1-NovaSonic-speech-input-tokens", "not text tokens"],
    ["Cache write", "USE1-NovaPro-cache-write-input-token-count-custom-model", "custom-model price"],
    ["Input tokens", "USE1-NovaPro-mantle-input-tokens-standard", "bedrock-mantle endpoint"],
  ])("leaves out %s (%s): %s", (inferenceType, usagetype, why) => {
    expect(classifyLine(legacy(inferenceType, usagetype, "0.001"))).toEqual({ kind: "skip", why, name: "Claude 2.0" });
  });

  it("does not guess the size of a unit it does not know", () => {
    expect(classifyLine(legacy("Input tokens", "USE1-Claude2.0-input-tokens", "0.5", {}, "Images"))).toEqual({
      kind: "skip",
      why: 'tokens priced per "Images"',
      name: "Claude 2.0",
    });
  });

  it("skips a line that names no model", () => {
    const line = legacy("Input tokens", "USE1-Guardrail-input", "0.1");
    delete line.attributes.model;
    expect(classifyLine(line)).toEqual({ kind: "skip", why: "no model name", name: null });
  });
});

describe("classifyLine: AmazonBedrockFoundationModels (per 1M tokens)", () => {
  it.each([
    ["InputTokenCount", "3.3000000000", { lane: "onDemand", key: "inputPerMTok" }, "3.3", false],
    ["OutputTokenCount", "16.5000000000", { lane: "onDemand", key: "outputPerMTok" }, "16.5", false],
    ["InputTokenCount_Global", "3.0000000000", { lane: "onDemand", key: "inputPerMTok" }, "3", true],
    ["InputTokenCount_Batch", "1.6500000000", { lane: "batch", key: "inputPerMTok" }, "1.65", false],
    ["InputTokenCount_Global_Batch", "1.5000000000", { lane: "batch", key: "inputPerMTok" }, "1.5", true],
    ["CacheReadInputTokenCount", "0.3300000000", { lane: "promptCache", key: "readPerMTok" }, "0.33", false],
    ["CacheWriteInputTokenCount", "4.1250000000", { lane: "promptCache", key: "writePerMTok" }, "4.125", false],
    ["CacheWrite5mInputTokenCount", "4.1250000000", { lane: "promptCache", key: "writePerMTok" }, "4.125", false],
    ["CacheReadInputTokenCount_Global", "0.3000000000", { lane: "promptCache", key: "readPerMTok" }, "0.3", true],
  ])("%s = %s per 1M → %j %s", (usage, usd, field, value, global) => {
    expect(classifyLine(foundation(usage, usd))).toEqual({
      kind: "price",
      name: "Claude Sonnet 4.6",
      provider: null,
      global,
      field,
      value,
    });
  });

  it("reads a unit of 1K tokens there too", () => {
    expect(classifyLine(foundation("InputTokenCount", "0.0033", "1K tokens"))).toMatchObject({ kind: "price", value: "3.3" });
  });

  it.each([
    ["ProvisionedThroughput_NoCommit_ModelUnits_Usage", "noCommit"],
    ["ProvisionedThroughput_1MonthCommit_ModelUnits_Usage", "oneMonth"],
    ["ProvisionedThroughput_6MonthsCommit_ModelUnits_Usage", "sixMonth"],
  ])("reads %s per unit-hour as provisioned.hourlyPerUnit.%s", (usage, key) => {
    // The documented us-west-2 fixture: Claude 3.7 Sonnet, 1-month commit, '158.4' per hour.
    expect(classifyLine(foundation(usage, "158.4000000000", "hour"))).toMatchObject({
      kind: "price",
      field: { lane: "provisioned", key },
      value: "158.4",
    });
  });

  it.each([
    ["Reserved_1Month_InputTPM_Global", "global", "oneMonth", "inputPer1kTpmHour"],
    ["Reserved_1Month_OutputTPM_Geo", "geo", "oneMonth", "outputPer1kTpmHour"],
    ["Reserved_3Month_InputTPM_Geo", "geo", "threeMonth", "inputPer1kTpmHour"],
    ["Reserved_3Month_OutputTPM_Global", "global", "threeMonth", "outputPer1kTpmHour"],
  ])("reads %s as the Reserved tier's %s %s %s, per 1,000 tokens a minute an hour, on the base model", (usage, scope, term, key) => {
    expect(classifyLine(foundation(usage, "0.198", "Units"))).toMatchObject({
      kind: "price",
      global: false,
      field: { lane: "reserved", scope, term, key },
      value: "0.198",
    });
  });

  it("does not read a Reserved tier price given per month (the hours it assumes are not stated)", () => {
    expect(classifyLine(foundation("Reserved_1Month_InputTPM_Geo", "144.54", "Month"))).toMatchObject({
      kind: "skip",
      why: 'Reserved tier priced per "Month"',
    });
  });

  it.each([
    ["input_tokens_long_ctx_standard", false, "inputPerMTok", "6.6"],
    ["output_tokens_long_ctx_standard", false, "outputPerMTok", "24.75"],
    ["input_tokens_long_ctx_global_standard", true, "inputPerMTok", "6"],
  ])("reads %s as the on-demand long-context price of the model (global: %s)", (usage, global, key, usd) => {
    expect(classifyLine(foundation(usage, usd, "1M tokens"))).toMatchObject({
      kind: "price",
      global,
      field: { lane: "longContext", key },
      value: usd,
    });
  });

  it("does not read a PT price given per anything but the hour", () => {
    expect(classifyLine(foundation("ProvisionedThroughput_1MonthCommit_ModelUnits_Usage", "115632", "Month"))).toMatchObject({
      kind: "skip",
      why: 'Provisioned Throughput priced per "Month"',
    });
  });

  it.each([
    ["Reserved_1Month_InputTPM", "Reserved tier line without its term, side or scope"],
    ["Reserved_InputTPM_Geo", "Reserved tier line without its term, side or scope"],
    ["CacheWrite30mInputTokenCount", "cache write kept 30 minutes"],
    ["CacheStorage", "not text tokens"],
    ["InputTokenCount_LatencyOptimized", "latency-optimized tier"],
    ["input_tokens_long_ctx_flex", "long-context price of a cache, Batch, Priority or Flex line"],
    ["cache_read_tokens_long_ctx_global_standard", "long-context price of a cache, Batch, Priority or Flex line"],
    ["ImageCount", "not text tokens"],
  ])("leaves out %s: %s", (usage, why) => {
    expect(classifyLine(foundation(usage, "1"))).toMatchObject({ kind: "skip", why });
  });

  it("reads the newer snake_case names", () => {
    expect(classifyLine(foundation("input_tokens_standard", "3"))).toMatchObject({
      kind: "price",
      field: { lane: "onDemand", key: "inputPerMTok" },
    });
    expect(classifyLine(foundation("input_tokens_batch", "1.5"))).toMatchObject({
      kind: "price",
      field: { lane: "batch", key: "inputPerMTok" },
    });
    expect(classifyLine(foundation("cache_read_tokens_standard", "0.3"))).toMatchObject({
      kind: "price",
      field: { lane: "promptCache", key: "readPerMTok" },
    });
  });
});

describe("classifyLine: names and usage types as AWS spells them", () => {
  it.each([
    ["USE1-TitanTextG1-Express-input-tokens", undefined, "Titan Text G1 - Express"],
    ["USE1-TitanTextG1-Lite-output-tokens", "Amazon Bedrock", "Titan Text G1 - Lite"],
    ["USE1-TitanText-Premier-input-tokens", "Amazon Bedrock", "Titan Text Premier"],
    ["USE1-TitanEmbeddingV2-Text-input-tokens", "Amazon Bedrock", "Titan Text Embeddings V2"],
    ["USE1-TitanEmbeddingsG1-Text-input-tokens", undefined, "Titan Embeddings G1 - Text"],
  ])("names a Titan product without a model name by its usage type %s", (usagetype, model, name) => {
    const line = legacy(usagetype.includes("output") ? "Output tokens" : "Input tokens", usagetype, "0.0002");
    delete line.attributes.model;
    if (model) line.attributes.model = model;
    expect(classifyLine(line)).toMatchObject({ kind: "price", name });
  });

  it.each([
    ["input_tokens_standard", { lane: "onDemand", key: "inputPerMTok" }, false],
    ["output_tokens_standard", { lane: "onDemand", key: "outputPerMTok" }, false],
    ["input_tokens_global_standard", { lane: "onDemand", key: "inputPerMTok" }, true],
    ["cache_read_tokens_standard", { lane: "promptCache", key: "readPerMTok" }, false],
    ["cache_write_tokens_standard", { lane: "promptCache", key: "writePerMTok" }, false],
    ["input_tokens_batch", { lane: "batch", key: "inputPerMTok" }, false],
    ["InputTokenCount_Global", { lane: "onDemand", key: "inputPerMTok" }, true],
    ["InputTokenCount_Priority", { lane: "priority", key: "inputPerMTok" }, false],
    ["input_tokens_flex", { lane: "flex", key: "inputPerMTok" }, false],
    ["cache_write_tokens_1h_standard", { lane: "promptCache", key: "write1hPerMTok" }, false],
    ["CacheWrite1hInputTokenCount_Global", { lane: "promptCache", key: "write1hPerMTok" }, true],
    ["CacheWrite1hInputTokenCount", { lane: "promptCache", key: "write1hPerMTok" }, false],
    ["output_tokens_priority", { lane: "priority", key: "outputPerMTok" }, false],
  ])("maps the snake_case usage type %s", (usage, field, global) => {
    expect(classifyLine(foundation(usage, "3"))).toMatchObject({ kind: "price", field, global });
  });

  it.each([
    ["input_tokens_long_ctx_flex", "long-context price of a cache, Batch, Priority or Flex line"],
    ["cache_read_tokens_long_ctx_global_standard", "long-context price of a cache, Batch, Priority or Flex line"],

    ["input_tokens_turbo_standard", 'unknown usage type "USE1-MP:USE1_input_tokens_turbo_standard-Units"'],
  ])("leaves out %s, saying why", (usage, why) => {
    expect(classifyLine(foundation(usage, "3"))).toMatchObject({ kind: "skip", why });
  });

  it("leaves out an AmazonBedrock usage type with a qualifier it does not know, naming it, instead of pricing it as on-demand", () => {
    expect(classifyLine(legacy("Input tokens", "USE1-NovaMicro-input-tokens-turbo", "0.000035"))).toMatchObject({
      kind: "skip",
      why: 'unknown usage type "USE1-NovaMicro-input-tokens-turbo"',
    });
    expect(
      classifyLine(legacy("Cross-region global input tokens", "USE1-Nova2.0Lite-input-tokens-cross-region-global-batch", "0.00015")),
    ).toMatchObject({ kind: "price", global: true, field: { lane: "batch", key: "inputPerMTok" } });
  });
});
