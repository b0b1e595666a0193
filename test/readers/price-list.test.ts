import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRateCard } from "../../src/readers/load-rate-card.js";
import { nameResolver, readNamesFile } from "../../src/readers/price-list/name-table.js";
import { readPriceList } from "../../src/readers/price-list/read-price-list.js";
import { problemsOf } from "../helpers/problems.js";
import { tempDir } from "../helpers/temp-dir.js";

const DIR = "test/fixtures/price-list";
const { dir: tmp, file: write } = tempDir("price-list");

describe("readPriceList", () => {
  it("reads the bulk AmazonBedrock offer file: one line per on-demand price dimension", () => {
    const { lines, editions } = readPriceList([`${DIR}/AmazonBedrock.json`]);
    // 19 priced products; the free guardrail product has no on-demand terms.
    expect(lines).toHaveLength(19);
    expect(editions).toEqual([{ offerCode: "AmazonBedrock", version: "20261101000000", publicationDate: "2026-11-01T00:00:00Z" }]);
    expect(lines.find((l) => l.attributes.usagetype === "USE1-Claude2.1-input-tokens")).toMatchObject({
      unit: "1K tokens",
      usd: "0.0080000000",
    });
  });

  it("reads the bulk AmazonBedrockFoundationModels offer file", () => {
    const { lines } = readPriceList([`${DIR}/AmazonBedrockFoundationModels.json`]);
    expect(lines).toHaveLength(26);
    expect(lines.filter((l) => l.unit === "hour").map((l) => l.usd)).toEqual(["176.0000000000", "158.4000000000", "88.0000000000"]);
  });

  it("reads get-products output, where each PriceList element is a JSON string", () => {
    const { lines, editions } = readPriceList([`${DIR}/get-products-page.json`]);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({
      offerCode: "AmazonBedrock",
      attributes: { model: "Claude 2.0", usagetype: "USE1-Claude2.0-input-tokens" },
      usd: "0.0080000000",
    });
    expect(editions).toEqual([{ offerCode: "AmazonBedrock", version: "20250618225550", publicationDate: "2025-06-18T22:55:50Z" }]);
  });

  it("takes the first tier of a tiered price and ignores the rest", () => {
    const doc = {
      offerCode: "AmazonBedrock",
      products: { A: { sku: "A", attributes: { model: "M" } } },
      terms: {
        OnDemand: {
          A: {
            "A.T": {
              priceDimensions: {
                "A.T.1": { unit: "1K tokens", beginRange: "0", endRange: "1000", pricePerUnit: { USD: "0.002" } },
                "A.T.2": { unit: "1K tokens", beginRange: "1000", endRange: "Inf", pricePerUnit: { USD: "0.001" } },
              },
            },
          },
        },
      },
    };
    expect(readPriceList([write("tiered.json", JSON.stringify(doc))]).lines.map((l) => l.usd)).toEqual(["0.002"]);
  });

  it("names the file, the line of a syntax error, and the field of a bad price", () => {
    const broken = write("broken.json", '{\n  "products": {\n    "A": {"sku": "A",}\n  }\n}\n');
    const badPrice = write(
      "bad-price.json",
      JSON.stringify({
        offerCode: "AmazonBedrock",
        products: { A: { attributes: { model: "M" } } },
        terms: { OnDemand: { A: { "A.T": { priceDimensions: { "A.T.R": { unit: "1K tokens", pricePerUnit: { USD: "1e-3" } } } } } } },
      }),
    );
    const badElement = write("bad-element.json", JSON.stringify({ PriceList: ["{not json", 42] }));
    const other = write("other.json", JSON.stringify({ hello: "world" }));
    expect(problemsOf(() => readPriceList([broken, badPrice, badElement, other]))).toEqual([
      expect.stringMatching(new RegExp(`^${broken}:3: invalid JSON: `)),
      `${badPrice}: terms.OnDemand.A.A.T.priceDimensions.A.T.R.pricePerUnit.USD: expected a decimal price such as "0.0080000000", got "1e-3"`,
      `${badElement}: PriceList[0]: not a JSON product (each PriceList element is a JSON string)`,
      `${badElement}: PriceList[1]: expected a product with its terms`,
      `${other}: expected an AWS Price List offer file (products and terms) or aws pricing get-products output (PriceList)`,
    ]);
  });

  it("reports a file it cannot read", () => {
    expect(problemsOf(() => readPriceList([join(tmp, "missing.json")]))[0]).toMatch(/missing\.json: cannot read: no such file/);
  });
});

describe("names: the user's table, the built-in one, then the bundled models' names", () => {
  it("reads a names file and rejects anything else with the field", () => {
    expect(readNamesFile(write("names.yaml", 'names:\n  "Palmyra X4": writer.palmyra-x4-v1:0\n'))).toEqual({
      "Palmyra X4": "writer.palmyra-x4-v1:0",
    });
    const bad = write("bad-names.yaml", 'names:\n  "Palmyra X4": 4\nextra: 1\n');
    expect(problemsOf(() => readNamesFile(bad))).toEqual([
      `${bad}:2: names.Palmyra X4: expected a Bedrock model id, got 4`,
      `${bad}:3: extra: unknown field (a typo?); the fields here are names`,
    ]);
  });

  it("maps Price List names to ids, keeping Command R apart from Command R+ and global apart from regional", async () => {
    const card = await loadRateCard({ files: [] });
    const resolve = nameResolver(card, { "Claude 2.1": "example.override" });
    const ids = (name: string, global = false) => resolve(name, null, global)?.id ?? null;
    expect(ids("Claude 2.1")).toBe("example.override"); // the user's table comes first
    expect(ids("Claude 2.0")).toBe("anthropic.claude-v2"); // the built-in table
    expect(ids("Cohere Command R")).toBe("cohere.command-r-v1:0");
    expect(ids("Cohere Command R+")).toBe("cohere.command-r-plus-v1:0");
    expect(ids("Llama 3.1 8B")).toBe("meta.llama3-1-8b-instruct-v1:0");
    expect(ids("Nova Micro")).toBe("amazon.nova-micro-v1:0");
    expect(ids("Claude Sonnet 4.5")).toBe("anthropic.claude-sonnet-4-5-20250929-v1:0");
    expect(resolve("Claude Sonnet 4.5", null, true)).toEqual({
      id: "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
      name: "Claude Sonnet 4.5 (global profile)",
      provider: "Anthropic",
      inputOnly: false,
    });
    expect(resolve("Titan Text Embeddings V2", null, false)).toMatchObject({ id: "amazon.titan-embed-text-v2:0", inputOnly: true });
    expect(ids("Frobnicator 9B")).toBeNull();
  });

  it.each([
    // Titan's titanModel and usage-type spellings, as public parsers of the Price List meet them.
    ["Titan Text G1 - Express", "amazon.titan-text-express-v1"],
    ["Titan Text G1 Express", "amazon.titan-text-express-v1"],
    ["Titan Text Express", "amazon.titan-text-express-v1"],
    ["Titan Text G1 - Lite", "amazon.titan-text-lite-v1"],
    ["Titan Text G1 Lite", "amazon.titan-text-lite-v1"],
    ["Titan Text Premier", "amazon.titan-text-premier-v1:0"],
    ["Titan Text G1 - Premier", "amazon.titan-text-premier-v1:0"],
    ["Titan Embeddings G1 - Text", "amazon.titan-embed-text-v1"],
    ["Titan Text Embeddings", "amazon.titan-embed-text-v1"],
    ["Titan Text Embeddings V2", "amazon.titan-embed-text-v2:0"],
    // Names of the other bundled models as the Price List gives them (model, or servicename).
    ["Claude Instant", "anthropic.claude-instant-v1"],
    ["Claude 3.5 Sonnet v2", "anthropic.claude-3-5-sonnet-20241022-v2:0"],
    ["Claude 3.7 Sonnet", "anthropic.claude-3-7-sonnet-20250219-v1:0"],
    ["Claude Haiku 4.5", "anthropic.claude-haiku-4-5-20251001-v1:0"],
    ["Nova Premier", "amazon.nova-premier-v1:0"],
    ["Llama 3.2 11B Instruct", "meta.llama3-2-11b-instruct-v1:0"],
    ["Llama 4 Maverick 17B Instruct", "meta.llama4-maverick-17b-instruct-v1:0"],
    ["Mistral 7B Instruct", "mistral.mistral-7b-instruct-v0:2"],
    ["Mixtral 8x7B Instruct", "mistral.mixtral-8x7b-instruct-v0:1"],
    ["Pixtral Large (25.02)", "mistral.pixtral-large-2502-v1:0"],
    ["Jamba 1.5 Mini", "ai21.jamba-1-5-mini-v1:0"],
    ["DeepSeek-R1", "deepseek.r1-v1:0"],
    ["gpt-oss-120b", "openai.gpt-oss-120b-1:0"],
    ["Cohere Generate Model - Command", "cohere.command-text-v14"],
    ["Command R+", "cohere.command-r-plus-v1:0"],
  ])("maps the Price List's %s to %s without a names file", async (name, id) => {
    const card = await loadRateCard({ files: [] });
    expect(card.models.some((model) => model.id === id)).toBe(true);
    expect(nameResolver(card, {})(name, null, false)?.id).toBe(id);
  });

  it("does not guess between two models that share a normalised name", () => {
    const card = {
      region: "us-east-1",
      effectiveDate: "2026-01-01",
      hoursPerMonth: 730,
      files: [],
      sources: [],
      models: [
        { id: "a.one", name: "Twin", provider: "A", aliases: [] },
        { id: "b.two", name: "Twin", provider: "B", aliases: [] },
      ],
    } as unknown as Parameters<typeof nameResolver>[0];
    expect(nameResolver(card, {})("Twin", null, false)).toBeNull();
  });
});
