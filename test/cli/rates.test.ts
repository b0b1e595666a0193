import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRatesDiff } from "../../src/commands/rates-diff.js";
import { runCli, runJson } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const RATES = "test/fixtures/rates";
const PRICE_LIST = "test/fixtures/price-list";
const { dir: tmp, file } = tempDir("rates");

describe("bedrock-cost rates list and versions", () => {
  it("lists every bundled model with its lanes, prices and source", () => {
    const report = runJson(["rates", "list"]);
    expect(report.rates).toMatchObject({ region: "us-east-1", effectiveDate: "2026-11-30" });
    expect(report.models).toHaveLength(102);
    const instant = report.models.find((m: { id: string }) => m.id === "anthropic.claude-instant-v1");
    expect(instant).toMatchObject({
      lanes: ["on-demand", "provisioned"],
      onDemand: { inputPerMTok: 0.8, outputPerMTok: 2.4 },
      provisioned: { hourlyPerUnit: { noCommit: 44, oneMonth: 39.6, sixMonth: 22 } },
      source: { id: "aws-page-2025-02" },
    });
  });

  it("filters by provider and by lane", () => {
    const cohere = runJson(["rates", "list", "--provider", "cohere"]);
    expect(cohere.models.map((m: { id: string }) => m.id)).toEqual([
      "cohere.command-text-v14",
      "cohere.command-light-text-v14",
      "cohere.command-r-v1:0",
      "cohere.command-r-plus-v1:0",
      "cohere.embed-english-v3",
      "cohere.embed-multilingual-v3",
      "cohere.embed-v4:0",
    ]);
    const csv = runCli(["rates", "list", "--lane", "provisioned", "--format", "csv"]);
    expect(csv.code).toBe(0);
    // Every published PT price: Claude Instant, 2.0, 2.1; Titan Text Express, Lite and Embeddings G1; Cohere Command and Light.
    expect(
      csv.stdout
        .trim()
        .split("\n")
        .slice(1)
        .map((row) => row.split(",")[0]),
    ).toEqual([
      "anthropic.claude-instant-v1",
      "anthropic.claude-v2",
      "anthropic.claude-v2:1",
      "amazon.titan-text-express-v1",
      "amazon.titan-text-lite-v1",
      "amazon.titan-embed-text-v1",
      "cohere.command-text-v14",
      "cohere.command-light-text-v14",
    ]);
    const batch = runJson(["rates", "list", "--lane", "batch", "--provider", "amazon"]);
    expect(batch.models.every((m: { lanes: string[] }) => m.lanes.includes("batch"))).toBe(true);
  });

  it("rejects an unknown provider or lane with exit 2", () => {
    const provider = runCli(["rates", "list", "--provider", "nobody"]);
    expect(provider.code).toBe(2);
    expect(provider.stderr).toBe(
      "error: --provider nobody: no such provider in these rates (AI21 Labs, Amazon, Anthropic, Cohere, DeepSeek, Google, Meta, MiniMax, Mistral AI, Moonshot AI, OpenAI, Qwen, Writer, Z.ai)\n",
    );
    const lane = runCli(["rates", "list", "--lane", "spot"]);
    expect(lane.code).toBe(2);
    expect(lane.stderr).toMatch(/--lane/);
  });

  it("lays a quote over the bundled prices in the list", () => {
    const report = runJson(["rates", "list", "--rates", `${RATES}/quote-sonnet-pt.yaml`, "--lane", "provisioned"]);
    expect(report.models.map((m: { id: string }) => m.id)).toContain("anthropic.claude-3-5-sonnet-20241022-v2:0");
  });

  it("lists the bundled versions of seven regions with the default marked", () => {
    const report = runJson(["rates", "versions"]);
    const one = (region: string, models: number) => ({
      region,
      versions: [{ effectiveDate: "2026-11-30", file: `rates/${region}/2026-11-30.yaml`, models, default: true }],
    });
    expect(report.regions).toEqual([
      one("ap-northeast-1", 4),
      one("ap-south-1", 3),
      one("eu-central-1", 2),
      one("eu-west-3", 2),
      one("sa-east-1", 3),
      {
        region: "us-east-1",
        versions: [
          { effectiveDate: "2026-11-01", file: "rates/us-east-1/2026-11-01.yaml", models: 50, default: false },
          { effectiveDate: "2026-11-24", file: "rates/us-east-1/2026-11-24.yaml", models: 54, default: false },
          { effectiveDate: "2026-11-30", file: "rates/us-east-1/2026-11-30.yaml", models: 102, default: true },
        ],
      },
      one("us-west-2", 9),
    ]);
    const lines = runCli(["rates", "versions"]).stdout.split("\n");
    expect(lines).toContain("us-east-1  2026-11-30  rates/us-east-1/2026-11-30.yaml  102 models  (default)");
    expect(lines).toContain("us-west-2  2026-11-30  rates/us-west-2/2026-11-30.yaml  9 models  (default)");
  });
});

describe("bedrock-cost rates show", () => {
  it("shows a model in full: names, prices and what is unknown with how to supply it", () => {
    const run = runCli(["rates", "show", "claude-instant"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Aliases: claude-instant, anthropic.claude-instant-v1:2:100k");
    expect(run.stdout).toContain("Profile ids it answers to: global.anthropic.claude-instant-v1, us.anthropic.claude-instant-v1");
    expect(run.stdout).toContain("ARN: arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-instant-v1");
    expect(run.stdout).toContain("Provisioned Throughput: no-commit $44.00, 1-month $39.60, 6-month $22.00 per unit-hour");
    expect(run.stdout).toContain("Unit throughput: unknown");
    expect(run.stdout).toContain("give --unit-input-tpm and --unit-output-tpm. [UNKNOWN_UNIT_THROUGHPUT]");
  });

  it("says where a PT price is missing and finds a model by profile id", () => {
    const report = runJson(["rates", "show", "us.amazon.nova-micro-v1:0"]);
    expect(report.model.id).toBe("amazon.nova-micro-v1:0");
    expect(report.unknown.map((u: { code: string }) => u.code)).toEqual(["NO_PT_PRICE", "UNKNOWN_UNIT_THROUGHPUT"]);
  });

  it("names an unknown model with exit 2 and suggestions", () => {
    const run = runCli(["rates", "show", "claude-instnat"]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toMatch(/^error: .*claude-instnat.*claude-instant/);
  });
});

describe("bedrock-cost rates validate", () => {
  it("passes the bundled file and a quote", () => {
    const run = runCli(["rates", "validate", "--bundled", "rates/us-east-1/2026-11-01.yaml"]);
    expect(run).toMatchObject({ code: 0, stdout: "ok: rates/us-east-1/2026-11-01.yaml (50 models, us-east-1)\n", stderr: "" });
    expect(runCli(["rates", "validate", `${RATES}/quote-sonnet-pt.yaml`]).code).toBe(0);
  });

  // Each rule with its message, as the user sees it: file, line, field path, what was expected.
  it.each([
    [
      "invalid-many.yaml",
      [],
      [
        "invalid-many.yaml:5: models[0].onDemand.inputPerMtok: unknown field (a typo?); did you mean inputPerMTok?",
        "invalid-many.yaml:7: models[1].batch.inputPerMTok: must be greater than 0, got -1",
        'invalid-many.yaml:7: models[1].batch.outputPerMTok: expected US dollars per 1M tokens (a number), got "cheap"',
        "invalid-many.yaml:10: models[2].provisioned.hourlyPerUnit.oneMonth: must be greater than 0, got 0",
      ],
    ],
    [
      "implausible.yaml",
      [],
      [
        "implausible.yaml:5: models[0].batch.inputPerMTok: 30 is above the on-demand price 3: Batch is never dearer",
        "implausible.yaml:8: models[1].provisioned.hourlyPerUnit.sixMonth: 45 is above noCommit at 44: a longer term is never dearer",
        "implausible.yaml:8: models[1].provisioned.hourlyPerUnit.sixMonth: 45 is above oneMonth at 39.6: a longer term is never dearer",
        "implausible.yaml:10: models[2].promptCache.readPerMTok: 0.9 is above the input price 0.8: a cache read is never dearer",
      ],
    ],
    [
      "invalid-bundled.yaml",
      ["--bundled"],
      [
        'invalid-bundled.yaml:17: models[1].id: duplicate id "example.one", already given at models[0]',
        "invalid-bundled.yaml:22: models[2]: a model needs onDemand prices, provisioned prices, or both",
        'invalid-bundled.yaml:25: models[2].aliases[1]: alias "one-alias" is already given at aliases[0]',
        'invalid-bundled.yaml:26: models[2].source: "nowhere" names no entry under sources',
        "invalid-bundled.yaml:28: models[3]: a bundled rate file names the source of every model (source: <id under sources>)",
      ],
    ],
    [
      "invalid-header.yaml",
      ["--bundled"],
      [
        "invalid-header.yaml:2: schemaVersion: expected 1, got 2",
        'invalid-header.yaml:3: effectiveDate: "2026-13-01" is not a calendar date',
        'invalid-header.yaml:4: region: expected an AWS region such as us-east-1, got "US East"',
        'invalid-header.yaml:5: currency: only USD is supported, got "EUR"',
        "invalid-header.yaml:6: hoursPerMonth: a month has at most 744 hours, got 800",
        "invalid-header.yaml:9: sources[0].title: expected a title, got an empty string",
        'invalid-header.yaml:10: sources[0].url: expected a URL such as https://aws.amazon.com/bedrock/pricing/, got "not-a-url"',
        "invalid-header.yaml:12: models: expected a list of models, got a mapping",
      ],
    ],
    [
      "invalid-merge.yaml",
      [],
      [
        'invalid-merge.yaml:4: models[0].id: "anthropic.claude-3-5-sonet-20241022-v2:0" matches no model in the rates it overlays (rates/us-east-1/2026-11-30.yaml), and a new model needs name and provider; did you mean anthropic.claude-3-5-sonnet-20241022-v2:0, anthropic.claude-3-5-sonnet-20240620-v1:0, anthropic.claude-3-5-haiku-20241022-v1:0?',
        "invalid-merge.yaml:10: models[1].onDemand: needs inputPerMTok as well",
        'invalid-merge.yaml:14: models[2].aliases[0]: alias "nova-pro" already names amazon.nova-pro-v1:0',
        "invalid-merge.yaml:18: models[3].provisioned: needs hourlyPerUnit with at least one of noCommit, oneMonth, sixMonth (no PT price is known for this model)",
        "invalid-merge.yaml:18: models[3].provisioned.unitThroughput: needs outputTpm as well",
      ],
    ],
    ["invalid-duplicate-key.yaml", [], ["invalid-duplicate-key.yaml:3: invalid YAML: Map keys must be unique"]],
  ])("%s %j: exit 2 with every problem", (file, flags, expected) => {
    const run = runCli(["rates", "validate", ...flags, `${RATES}/${file}`]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toEqual(expected.map((line) => `error: ${RATES}/${line}`));
  });

  it("asks a bundled file for its effective date and sources", () => {
    const file = join(tmp, "no-sources.yaml");
    writeFileSync(
      file,
      "schemaVersion: 1\nregion: us-east-1\nmodels:\n  - id: a.b\n    name: A\n    provider: A\n    onDemand: {inputPerMTok: 1, outputPerMTok: 2}\n",
    );
    expect(runCli(["rates", "validate", file]).code).toBe(0); // fine as a user's quote
    const run = runCli(["rates", "validate", "--bundled", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: ${file}:1: effectiveDate: required in a bundled rate file\nerror: ${file}:1: sources: a bundled rate file lists its sources\n`,
    );
  });

  it("checks every file given and reports them all in JSON", () => {
    const run = runCli(["rates", "validate", `${RATES}/quote-sonnet-pt.yaml`, `${RATES}/implausible.yaml`, "--format", "json"]);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.valid).toBe(false);
    expect(report.files.map((f: { file: string; valid: boolean; problems: unknown[] }) => [f.file, f.valid, f.problems.length])).toEqual([
      [`${RATES}/quote-sonnet-pt.yaml`, true, 0],
      [`${RATES}/implausible.yaml`, false, 4],
    ]);
    expect(report.files[1].problems[0]).toEqual({
      path: "models[0].batch.inputPerMTok",
      line: 5,
      message: "30 is above the on-demand price 3: Batch is never dearer",
    });
  });
});

describe("bedrock-cost rates diff", () => {
  const OLD = "test/fixtures/bundled/us-east-1/2025-01-01.yaml";
  const NEW = "test/fixtures/bundled/us-east-1/2026-01-01.yaml";

  it("lists models added and removed and every price that moved, with the percentage (files)", () => {
    const run = runCli(["rates", "diff", OLD, NEW, "--format", "csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "kind,id,field,old,new,changePercent",
        "added,example.new,,,,",
        "removed,example.retired,,,,",
        // $4 → $3 is −25%; $40 → $36 an hour is −10%
        "changed,example.model,onDemand.inputPerMTok,4,3,-25",
        "changed,example.model,batch.inputPerMTok,,1.5,",
        "changed,example.model,batch.outputPerMTok,,7.5,",
        "changed,example.pt,provisioned.hourlyPerUnit.oneMonth,40,36,-10",
        "changed,example.pt,provisioned.hourlyPerUnit.sixMonth,,30,",
        "",
      ].join("\n"),
    );
  });

  it("compares two bundled versions named by date", async () => {
    const result = await runRatesDiff("2025-01-01", "2026-01-01", { format: "json", bundledDir: "test/fixtures/bundled" });
    const report = JSON.parse(result.stdout);
    expect(report.old).toEqual({ label: "rates/us-east-1/2025-01-01.yaml", region: "us-east-1", effectiveDate: "2025-01-01" });
    expect(report.added).toEqual([{ id: "example.new", name: "New example" }]);
    expect(report.removed).toEqual([{ id: "example.retired", name: "Retired example" }]);
    expect(report.changed[0]).toEqual({ id: "example.model", field: "onDemand.inputPerMTok", old: 4, new: 3, changePercent: -25 });
  });

  it("prints a table and says when nothing moved", () => {
    const run = runCli(["rates", "diff", OLD, NEW]);
    expect(run.stdout).toContain("│ example.pt    │ provisioned.hourlyPerUnit.oneMonth │  40 │  36 │   -10% │");
    expect(runCli(["rates", "diff", "2026-11-01", "rates/us-east-1/2026-11-01.yaml"]).stdout).toBe(
      "From rates/us-east-1/2026-11-01.yaml to rates/us-east-1/2026-11-01.yaml:\n\nNo differences.\n",
    );
  });

  it("rejects a version that is not bundled", () => {
    const run = runCli(["rates", "diff", "2020-01-01", NEW]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "error: --rates-version 2020-01-01: no such bundled version for us-east-1 (versions: 2026-11-01, 2026-11-24, 2026-11-30)\n",
    );
  });
});

describe("bedrock-cost rates import", () => {
  const BULK = [`${PRICE_LIST}/AmazonBedrock.json`, `${PRICE_LIST}/AmazonBedrockFoundationModels.json`];
  const ARGS = ["--region", "us-east-1", "--effective-date", "2026-11-01"];

  it("maps Titan as the Price List spells it, keeps embeddings input-only, and names a usage type it does not know", () => {
    const run = runCli(["rates", "import", `${PRICE_LIST}/AmazonBedrock-titan.json`, ...ARGS]);
    expect(run.code).toBe(0);
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      "note: imported 3 models (6 prices) from 7 price lines for the region",
      'note: left out 1 price bedrock-cost does not model: unknown usage type "USE1-TitanTextG1-Express-input-tokens-turbo" (1)',
    ]);
    // 0.00002 and 0.00001 per 1K: $0.02 and $0.01 per 1M, and no output price.
    expect(run.stdout).toContain(['  - id: "amazon.titan-embed-text-v2:0"', '    name: "Amazon Titan Text Embeddings V2"'].join("\n"));
    expect(run.stdout).toContain("    onDemand: {inputPerMTok: 0.02}\n    batch: {inputPerMTok: 0.01}\n");
    expect(run.stdout).toContain(
      [
        '  - id: "amazon.titan-text-express-v1"',
        '    name: "Amazon Titan Text Express"',
        '    provider: "Amazon"',
        '    source: "aws-price-list"',
        "    onDemand: {inputPerMTok: 0.2, outputPerMTok: 0.6}",
      ].join("\n"),
    );
    expect(run.stdout).toContain("    onDemand: {inputPerMTok: 0.15, outputPerMTok: 0.2}");
  });

  it("maps the Priority and Flex tiers' token prices, and leaves out their cache prices, saying why", () => {
    // Nova Micro per 1K: Standard 0.000035 / 0.00014, Priority 0.00006125 / 0.000245 (1.75 times),
    // Flex 0.0000175 / 0.00007 (half): per 1M, 0.035 / 0.14, 0.06125 / 0.245, 0.0175 / 0.07.
    const run = runCli(["rates", "import", "test/fixtures/price-list/AmazonBedrock-tiers.json", ...ARGS]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        "    onDemand: {inputPerMTok: 0.035, outputPerMTok: 0.14}",
        "    priority: {inputPerMTok: 0.06125, outputPerMTok: 0.245}",
        "    flex: {inputPerMTok: 0.0175, outputPerMTok: 0.07}",
      ].join("\n"),
    );
    expect(run.stderr).toBe(
      "note: imported 1 model (6 prices) from 7 price lines for the region\n" +
        "note: left out 1 price bedrock-cost does not model: cache or Batch price of the Priority or Flex tier (1)\n",
    );
    // The imported file prices the tiers: 1B input + 100M output at Priority, 1,000 × 0.06125 + 100 × 0.245 = $85.75.
    const imported = file("tiers.yaml", run.stdout);
    const report = runJson([
      "compare",
      "-m",
      "nova-micro",
      "--input-tokens",
      "1B",
      "--output-tokens",
      "100M",
      "--rates",
      imported,
      "--tier",
      "priority",
    ]);
    expect(report).toMatchObject({ onDemand: { monthlyCost: 49 }, priority: { monthlyCost: 85.75 }, flex: { monthlyCost: 24.5 } });
  });

  it("converts both offer files, reporting every product it could not map or does not model", () => {
    const run = runCli(["rates", "import", ...BULK, ...ARGS]);
    expect(run.code).toBe(0);
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      // Palmyra X4 is a bundled model since 2026-11-30: its Price List name now maps to it.
      "note: imported 10 models (35 prices) from 43 price lines for the region",
      "note: left out 2 price lines of other regions",
      "note: left out 3 prices bedrock-cost does not model: not text tokens (2), latency-optimized tier (1)",
      // The fixture's priority line is Nova Micro's input price alone: half a pair, left out and said.
      "note: left out part of amazon.nova-micro-v1:0: priority has an input price but no output price",
      "note: left out part of anthropic.claude-3-5-sonnet-20240620-v1:0: onDemand has an input price but no output price",
      // The fixture's Reserved tier line is Sonnet 4.5's global 1-month input price alone: half a pair.
      "note: left out part of anthropic.claude-sonnet-4-5-20250929-v1:0: reserved.global.oneMonth has an input price but no output price",
      'note: could not map 1 Price List name to a Bedrock model id; add them to a --names file (names: {"Name": model.id}):',
      'note:   "Frobnicator 9B" (2 prices)',
    ]);
    // Per 1K in AmazonBedrock ("0.0000175000" → 0.0175 per 1M), per 1M in AmazonBedrockFoundationModels, exact.
    expect(run.stdout).toContain(
      [
        '  - id: "amazon.nova-micro-v1:0"',
        '    name: "Amazon Nova Micro"',
        '    provider: "Amazon"',
        '    source: "aws-price-list"',
        "    onDemand: {inputPerMTok: 0.035, outputPerMTok: 0.14}",
        "    batch: {inputPerMTok: 0.0175, outputPerMTok: 0.07}",
        "    promptCache: {readPerMTok: 0.00875}",
      ].join("\n"),
    );
    expect(run.stdout).toContain(["    provisioned:", "      hourlyPerUnit: {noCommit: 176, oneMonth: 158.4, sixMonth: 88}"].join("\n"));
    // The 1-hour cache write (USE1_CacheWrite1hInputTokenCount, $6.60 per 1M) beside the 5-minute one.
    expect(run.stdout).toContain("    promptCache: {readPerMTok: 0.33, writePerMTok: 4.125, write1hPerMTok: 6.6}");
    expect(run.stdout).toContain(
      ['  - id: "global.anthropic.claude-sonnet-4-5-20250929-v1:0"', '    name: "Claude Sonnet 4.5 (global profile)"'].join("\n"),
    );
  });

  it("converts a get-products page", () => {
    const run = runCli(["rates", "import", `${PRICE_LIST}/get-products-page.json`, ...ARGS]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  - id: "anthropic.claude-v2"\n    name: "Claude 2.0"');
    expect(run.stdout).toContain(
      '    url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonBedrock/current/index.json"\n    checked: "2025-06-18"',
    );
    expect(run.stdout).toContain(
      "    onDemand: {inputPerMTok: 0.22, outputPerMTok: 0.22}\n    batch: {inputPerMTok: 0.11, outputPerMTok: 0.11}",
    );
  });

  it("writes a file that validates as a bundled one and prices a compare correctly", () => {
    const names = join(tmp, "names.yaml");
    writeFileSync(names, 'names:\n  "Palmyra X4": writer.palmyra-x4-v1:0\n');
    const out = join(tmp, "imported.yaml");
    const run = runCli(["rates", "import", ...BULK, ...ARGS, "--names", names, "--output", out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`note: imported 10 models (35 prices)`);
    expect(run.stderr).toContain(`wrote ${out}`);
    expect(runCli(["rates", "validate", "--bundled", out]).stdout).toBe(`ok: ${out} (10 models, us-east-1)\n`);

    // Claude Sonnet 4.5, regional: 3,000 M × $3.30 + 600 M × $16.50 = $19,800; Batch at $1.65 / $8.25 = $9,900.
    const sonnet = runJson([
      "compare",
      "--rates",
      out,
      "--model",
      "claude-sonnet-4-5",
      "--input-tokens",
      "3B",
      "--output-tokens",
      "600M",
      "--latency",
      "async",
    ]);
    expect(sonnet.onDemand.monthlyCost).toBe(19_800);
    expect(sonnet.batch.monthlyCost).toBe(9_900);
    // Claude 3.7 Sonnet PT from the import: $88 × 730 = $64,240 a unit-month on 6 months, $158.40 × 730 = $115,632 on 1 month.
    const csv = runCli([
      "compare",
      "--rates",
      out,
      "--model",
      "claude-3-7-sonnet",
      "--input-tokens",
      "3B",
      "--output-tokens",
      "600M",
      "--unit-input-tpm",
      "100000",
      "--unit-output-tpm",
      "20000",
      "--format",
      "csv",
    ]);
    const rows = csv.stdout
      .trim()
      .split("\n")
      .slice(1)
      .map((row) => row.split(","));
    expect(rows.map((r) => [r[1], r[2], r[3], r[7]])).toEqual([
      ["on-demand", "", "", "18000"], // 3,000 × $3 + 600 × $15
      ["provisioned", "no-commit", "1", "128480"],
      ["provisioned", "1-month", "1", "115632"],
      ["provisioned", "6-month", "1", "64240"],
    ]);
    // The user's name: Palmyra X4 at $2.50 / $10: 3,000 × 2.5 + 600 × 10 = $13,500.
    expect(
      runJson(["compare", "--rates", out, "--model", "writer.palmyra-x4-v1:0", "--input-tokens", "3B", "--output-tokens", "600M"]).onDemand
        .monthlyCost,
    ).toBe(13_500);
  });

  it("never overwrites a file without --force, and replaces it whole with it", () => {
    const out = join(tmp, "kept.yaml");
    writeFileSync(out, "my own file\n");
    const refused = runCli(["rates", "import", `${PRICE_LIST}/get-products-page.json`, ...ARGS, "--output", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`error: --output ${out}: the file exists; add --force to replace it\n`);
    expect(readFileSync(out, "utf8")).toBe("my own file\n");
    const forced = runCli(["rates", "import", `${PRICE_LIST}/get-products-page.json`, ...ARGS, "--output", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^# Imported from the AWS Price List/);
    expect(readdirSync(tmp).filter((name) => name.includes(".tmp"))).toEqual([]); // no temporary file left behind
  });

  it("fails with exit 2 when nothing can be priced, and writes nothing", () => {
    const out = join(tmp, "nothing.yaml");
    const run = runCli([
      "rates",
      "import",
      `${PRICE_LIST}/get-products-page.json`,
      "--region",
      "eu-west-3",
      "--effective-date",
      "2026-11-01",
      "--output",
      out,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: no Bedrock model of region eu-west-3 could be priced from ${PRICE_LIST}/get-products-page.json (0 price lines for the region, 6 for others)\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("takes the source's date from a real publication date only", () => {
    const page = JSON.parse(readFileSync(`${PRICE_LIST}/get-products-page.json`, "utf8"));
    page.PriceList = page.PriceList.map((item: string) =>
      item.replace('"publicationDate":"2025-06-18T22:55:50Z"', '"publicationDate":"2026-13-45T00:00:00Z"'),
    );
    const file = join(tmp, "bad-date-page.json");
    writeFileSync(file, JSON.stringify(page));
    const run = runCli(["rates", "import", file, ...ARGS]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('    checked: "2026-11-01"'); // the effective date, as no publication date is usable
  });

  it("requires the region and effective date, and a real date", () => {
    expect(runCli(["rates", "import", `${PRICE_LIST}/get-products-page.json`, "--region", "us-east-1"]).stderr).toMatch(/--effective-date/);
    const bad = runCli([
      "rates",
      "import",
      `${PRICE_LIST}/get-products-page.json`,
      "--region",
      "us-east-1",
      "--effective-date",
      "2026-02-30",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--effective-date/);
  });
});

describe("bedrock-cost rates import: the Reserved tier and long-context prices", () => {
  // test/fixtures/price-list/AmazonBedrockFoundationModels-2026-tiers.json (see its README).
  const FIXTURE = "test/fixtures/price-list/AmazonBedrockFoundationModels-2026-tiers.json";

  it("maps Reserved_<term>_<side>TPM_<scope> lines into the reserved block and long_ctx lines into longContext, whole pairs only", () => {
    const run = runCli(["rates", "import", FIXTURE, "--region", "us-east-1", "--effective-date", "2026-12-01"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        "    onDemand: {inputPerMTok: 3.3, outputPerMTok: 16.5}",
        "    longContext: {inputPerMTok: 6.6, outputPerMTok: 24.75}",
        "    reserved:",
        "      global:",
        "        oneMonth: {inputPer1kTpmHour: 0.18, outputPer1kTpmHour: 0.9}",
        "      geo:",
        "        oneMonth: {inputPer1kTpmHour: 0.198, outputPer1kTpmHour: 0.99}",
      ].join("\n"),
    );
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      "note: imported 1 model (8 prices) from 11 price lines for the region",
      'note: left out 2 prices bedrock-cost does not model: long-context price of a cache, Batch, Priority or Flex line (1), Reserved tier priced per "Month" (1)',
      "note: left out part of anthropic.claude-sonnet-4-5-20250929-v1:0: reserved.geo.threeMonth has an input price but no output price",
    ]);
  });

  it("the imported prices price compare's reserved lane", () => {
    const imported = file(
      "reserved-imported.yaml",
      runCli(["rates", "import", FIXTURE, "--region", "us-east-1", "--effective-date", "2026-12-01"]).stdout,
    );
    const report = runJson(["compare", "-m", "claude-sonnet-4.5", "--rates", imported, "--input-tokens", "3B", "--output-tokens", "600M"]);
    // 3B / 43,800 minutes = 68,493 input a minute, under the 100,000 minimum; 600M / 43,800 = 13,698.6,
    // reserved as 13,699. Geo, 1 month: 0.198 × 100 × 730 + 0.99 × 13.699 × 730 = 14,454 + 9,900.27.
    expect(report.reserved).toHaveLength(1);
    expect(report.reserved[0]).toMatchObject({ term: "1-month", scope: "geo", inputTpm: 100_000, outputTpm: 13_699 });
    expect(report.reserved[0].reservedCost).toBeCloseTo(24_354.27, 2);
    // Standard: 3,000 × 3.30 + 600 × 16.50 = $19,800.
    expect(report.onDemand.monthlyCost).toBe(19_800);
  });
});
