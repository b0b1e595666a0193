import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/run-cli.js";

const WORKED = ["compare", "--rates", "test/fixtures/rates/worked-example.yaml", "--model", "example.sonnet-class"];
const HALF = ["--input-tokens", "3B", "--output-tokens", "600M"];
const HEAVY = ["--input-tokens", "8B", "--output-tokens", "1.6B"];

describe("compare: the worked example of docs/cost-model.md §12, from a rate file", () => {
  it("half busy: $18,000 on-demand against $36,500 for 2 MUs at 48.9%, break-even 6.083B / 1.217B at 99.2%", () => {
    const report = runJson([...WORKED, ...HALF, "--units", "2"]);
    expect(report.schemaVersion).toBe(1);
    expect(report.model).toMatchObject({ id: "example.sonnet-class", name: "Sonnet-class example" });
    expect(report.rates).toEqual({
      region: "us-east-1",
      effectiveDate: "2026-11-30",
      files: ["rates/us-east-1/2026-11-30.yaml", "test/fixtures/rates/worked-example.yaml"],
    });
    expect(report.hoursPerMonth).toBe(730);
    expect(report.volume).toMatchObject({ inputTokens: 3_000_000_000, outputTokens: 600_000_000 });
    expect(report.onDemand).toEqual({ monthlyCost: 18_000 });
    expect(report.batch).toBeNull();
    expect(report.provisioned).toEqual([
      {
        term: "6-month",
        units: 2,
        unitsBasis: "flag",
        hourlyRate: 25,
        reservedCost: 36_500,
        monthlyCost: 36_500,
        committedCost: 219_000,
        utilization: 0.4892,
        overflow: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, cacheWrite1hTokens: 0, share: 0, cost: 0 },
        // 36,500 / 30 = 1,216.67 blocks of (5M in + 1M out)
        breakEven: {
          inputTokens: 6_083_333_333,
          outputTokens: 1_216_666_667,
          cacheReadTokens: 0,
          cacheWriteTokens: 0,
          cacheWrite1hTokens: 0,
          utilization: 0.9921,
        },
        breakEvenStatus: "found",
      },
    ]);
    expect(report.recommendation).toMatchObject({ lane: "on-demand", term: null, units: null, monthlyCost: 18_000 });
    expect(report.recommendation.reasons.map((r: { code: string }) => r.code)).toEqual(["CHEAPEST", "BELOW_BREAK_EVEN"]);
    expect(report.recommendation.reasons[0].message).toBe(
      "On-demand is the cheapest lane that fits: $18,000.00 a month, $18,500.00 less than PT, 2 units on a 6-month term ($36,500.00).",
    );
  });

  it("heavy: 2 MUs at 130%, 23.3% overflows for $11,208, $47,708 in all against $48,000; 3 MUs $54,750", () => {
    // --min-saving 0: take any saving (by default the $292, 0.6%, is below the 5% asked of reserved units).
    const two = runJson([...WORKED, ...HEAVY, "--units", "2", "--min-saving", "0"]);
    expect(two.onDemand.monthlyCost).toBe(48_000);
    const option = two.provisioned[0];
    expect(option.utilization).toBe(1.3046);
    // 8.0B × (1 − 6.132/8) and 1.6B × (1 − 6.132/8)
    expect(option.overflow).toEqual({
      inputTokens: 1_868_000_000,
      outputTokens: 373_600_000,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      share: 0.2335,
      cost: 11_208,
    });
    expect(option.monthlyCost).toBe(47_708);
    expect(two.recommendation).toMatchObject({ lane: "provisioned", term: "6-month", units: 2, monthlyCost: 47_708 });
    expect(two.recommendation.reasons.map((r: { code: string }) => r.code)).toEqual([
      "CHEAPEST",
      "ABOVE_BREAK_EVEN",
      "OVERFLOW",
      "UNPROVEN_LONG_TERM",
    ]);

    const three = runJson([...WORKED, ...HEAVY, "--units", "3"]);
    expect(three.provisioned[0]).toMatchObject({ units: 3, monthlyCost: 54_750, utilization: 0.8698 });
    expect(three.recommendation.lane).toBe("on-demand");
  });

  it("sizes units from the volume spread evenly when --units is absent, and says so on stderr", () => {
    const run = runCli([...WORKED, ...HEAVY, "--format", "csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[2]).toMatch(/^example\.sonnet-class,provisioned,6-month,3,25,/);
    expect(run.stderr).toBe(
      "note: Units: 3, the fewest that carry the monthly volume spread evenly; real traffic peaks, so size from --peak-input-tpm and --peak-output-tpm when you know them.\n",
    );
  });

  it("sizes units from the peak flags: ceil(max(200k/70k, 30k/14k)) = 3", () => {
    const report = runJson([...WORKED, ...HALF, "--peak-input-tpm", "200k", "--peak-output-tpm", "30000"]);
    expect(report.provisioned[0]).toMatchObject({ units: 3, unitsBasis: "peak" });
    expect(report.notes).toEqual([{ code: "UNITS_FROM_PEAK", message: "Units: 3, the fewest that carry the peak minute." }]);
  });

  it("prints the table with the cheapest option marked and no colour when NO_COLOR is set", () => {
    const run = runCli([...WORKED, ...HALF, "--units", "2"], { NO_COLOR: "1" });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("hint: the same flags with bedrock-cost chart draw cost against volume, with the crossover marked\n");
    expect(run.stdout).not.toMatch(/\x1b\[/);
    expect(run.stdout).toContain("Sonnet-class example (example.sonnet-class)");
    // The header names every rate file in use (issue 11), the bundled version and the overlay.
    expect(run.stdout).toContain(
      "Rates: us-east-1, 2026-11-30 (rates/us-east-1/2026-11-30.yaml, test/fixtures/rates/worked-example.yaml) · 730 hours a month · interactive",
    );
    expect(run.stdout).toMatch(/On-demand \(recommended\) │\s+- │\s+- │\s+\$18,000\.00 │/);
    expect(run.stdout).toMatch(
      /PT 6-month\s+│\s+2 │\s+\$25\.00 │\s+\$36,500\.00 │\s+\$219,000\.00 │\s+48\.9% │\s+\$0\.00 │ 6\.08B \/ 1\.22B at 99\.2%\s+│\s+\+\$18,500\.00 │/,
    );
    expect(run.stdout).toContain("Recommendation: on-demand, $18,000.00 a month");
    expect(run.stdout).toContain("[BELOW_BREAK_EVEN]");
  });

  it("writes one CSV header and one row per priced option, raw numbers only", () => {
    const run = runCli([...WORKED, ...HEAVY, "--units", "2", "--min-saving", "0", "--format", "csv"]);
    expect(run.stdout).toBe(
      [
        "model,lane,term,units,hourlyRate,inputTokens,outputTokens,monthlyCost,committedCost,utilization,overflowInputTokens,overflowOutputTokens,overflowCost,breakEvenInputTokens,breakEvenOutputTokens,breakEvenUtilization,recommended,scope,reservedInputTpm,reservedOutputTpm",
        "example.sonnet-class,on-demand,,,,8000000000,1600000000,48000,,,,,,,,,false,,,",
        "example.sonnet-class,provisioned,6-month,2,25,8000000000,1600000000,47708,219000,1.3046,1868000000,373600000,11208,6083333333,1216666667,0.9921,true,,,",
        "",
      ].join("\n"),
    );
  });

  it("reads every token-count form the same way", () => {
    const forms = [
      ["3000000000", "600000000"],
      ["3_000_000_000", "600_000_000"],
      ["3e9", "6e8"],
      ["3B", "0.6B"],
      ["3000M", "600000k"],
    ];
    for (const [input, output] of forms) {
      const report = runJson([...WORKED, "--input-tokens", input!, "--output-tokens", output!, "--units", "2"]);
      expect(report.onDemand.monthlyCost, `${input} / ${output}`).toBe(18_000);
    }
  });
});

describe("compare: bundled rates", () => {
  it("reproduces AWS's 744-hour examples: Titan Text Express 2 MUs 1-month $27,379.20, Claude Instant 1 MU $29,462.40", () => {
    const titan = runJson([
      "compare",
      "-m",
      "titan-text-express",
      ...HALF,
      "--units",
      "2",
      "--term",
      "1-month",
      "--hours-per-month",
      "744",
    ]);
    expect(titan.provisioned).toHaveLength(1);
    expect(titan.provisioned[0]).toMatchObject({
      term: "1-month",
      units: 2,
      hourlyRate: 18.4,
      monthlyCost: 27_379.2,
      committedCost: 27_379.2,
    });
    const instant = runJson([
      "compare",
      "-m",
      "anthropic.claude-instant-v1",
      ...HALF,
      "--units",
      "1",
      "--term",
      "1-month",
      "--hours-per-month",
      "744",
    ]);
    expect(instant.provisioned[0]).toMatchObject({ monthlyCost: 29_462.4, utilization: null, overflow: null });
    expect(instant.hoursPerMonth).toBe(744);
  });

  it("prices every published term when --term is absent", () => {
    const report = runJson(["compare", "-m", "claude-instant", ...HALF, "--units", "1"]);
    // 44 × 730, 39.60 × 730, 22 × 730; 3,000 × 0.80 + 600 × 2.40 = 3,840 on-demand
    expect(report.provisioned.map((o: { monthlyCost: number }) => o.monthlyCost)).toEqual([32_120, 28_908, 16_060]);
    expect(report.provisioned.map((o: { committedCost: number }) => o.committedCost)).toEqual([0, 28_908, 96_360]);
    expect(report.onDemand.monthlyCost).toBe(3_840);
  });

  it("says how to add a PT price when none is known", () => {
    const report = runJson(["compare", "-m", "claude-3.5-sonnet-v2", ...HALF]);
    expect(report.provisioned).toEqual([]);
    expect(report.batch).toEqual({ monthlyCost: 9_000 });
    expect(report.recommendation.reasons.map((r: { code: string }) => r.code)).toEqual(["CHEAPEST", "BATCH_IF_ASYNC", "NO_PT_PRICE"]);
    expect(report.recommendation.reasons[2].message).toContain("--unit-hourly");
  });

  it("prices an embeddings model on input tokens alone: Titan Text Embeddings V2, 10B at $0.02 is $200, $100 on Batch", () => {
    const args = ["compare", "-m", "titan-embed-text-v2", "--input-tokens", "10B"];
    const report = runJson([...args, "--output-tokens", "0", "--latency", "async"]);
    expect(report.onDemand).toEqual({ monthlyCost: 200 });
    expect(report.batch).toEqual({ monthlyCost: 100 });
    expect(report.recommendation).toMatchObject({ lane: "batch", monthlyCost: 100 });
    const run = runCli([...args, "--output-tokens", "1M"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "error: --output-tokens: amazon.titan-embed-text-v2:0 is an input-only model (it has no output price, as an embeddings model has none), so it gives no output tokens; set them to 0\n",
    );
  });

  it("sends async work to Batch", () => {
    const report = runJson(["compare", "-m", "claude-3.5-sonnet-v2", ...HALF, "--latency", "async"]);
    expect(report.recommendation).toMatchObject({ lane: "batch", monthlyCost: 9_000 });
  });

  it("prices prompt-cache tokens at the cache rates", () => {
    // 3,000 × 3 + 600 × 15 + 1,000 × 0.30 + 200 × 3.75 = 9,000 + 9,000 + 300 + 750
    const report = runJson(["compare", "-m", "claude-3.5-sonnet-v2", ...HALF, "--cache-read-tokens", "1B", "--cache-write-tokens", "200M"]);
    expect(report.onDemand.monthlyCost).toBe(19_050);
    expect(report.volume).toEqual({
      inputTokens: 3e9,
      outputTokens: 6e8,
      cacheReadTokens: 1e9,
      cacheWriteTokens: 2e8,
      cacheWrite1hTokens: 0,
      longContextInputTokens: 0,
      longContextOutputTokens: 0,
    });
  });

  it("adds a quote file's PT price to the bundled on-demand prices, with utilization unknown", () => {
    const report = runJson([
      "compare",
      "-m",
      "claude-3.5-sonnet-v2",
      ...HALF,
      "--units",
      "2",
      "-r",
      "test/fixtures/rates/quote-sonnet-pt.yaml",
    ]);
    expect(report.provisioned[0]).toMatchObject({ term: "6-month", monthlyCost: 36_500, utilization: null, overflow: null });
    expect(report.provisioned[0].breakEven).toMatchObject({ inputTokens: 6_083_333_333, outputTokens: 1_216_666_667, utilization: null });
    expect(report.recommendation.reasons.map((r: { code: string }) => r.code)).toContain("CAPACITY_UNKNOWN");
  });

  it("takes a quote and a unit's throughput from flags for one run", () => {
    const report = runJson([
      "compare",
      "-m",
      "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
      ...HEAVY,
      "--units",
      "2",
      "--unit-hourly",
      "25",
      "--term",
      "6-month",
      "--unit-input-tpm",
      "70k",
      "--unit-output-tpm",
      "14000",
    ]);
    expect(report.model.id).toBe("anthropic.claude-3-5-sonnet-20241022-v2:0");
    expect(report.provisioned[0]).toMatchObject({ monthlyCost: 47_708, utilization: 1.3046 });
    expect(report.provisioned[0].overflow.cost).toBe(11_208);
  });

  it("resolves a foundation-model ARN and prices the global profile of Sonnet 4.5 at its own rate", () => {
    const arn = runJson([
      "compare",
      "-m",
      "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0",
      ...HALF,
    ]);
    const global = runJson(["compare", "-m", "global.anthropic.claude-sonnet-4-5-20250929-v1:0", ...HALF]);
    // 3,000 × 3.30 + 600 × 16.50 = 19,800 regional; 3,000 × 3 + 600 × 15 = 18,000 global
    expect(arn.onDemand.monthlyCost).toBe(19_800);
    expect(global.onDemand.monthlyCost).toBe(18_000);
  });

  it("keeps stdout to the report: JSON parses and stderr is empty", () => {
    const run = runCli(["compare", "-m", "claude-instant", ...HALF, "--format", "json"]);
    expect(run.stderr).toBe("");
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });
});

describe("colour", () => {
  const args = [...WORKED, ...HALF, "--units", "2"];
  const ansi = /\x1b\[/;
  it.each([
    ["no switch and no terminal", [], {}, false],
    ["--color", ["--color"], {}, true],
    ["--no-color beats FORCE_COLOR", ["--no-color"], { FORCE_COLOR: "1" }, false],
    ["--color beats NO_COLOR", ["--color"], { NO_COLOR: "1" }, true],
    ["NO_COLOR", [], { NO_COLOR: "1" }, false],
    ["NO_COLOR beats FORCE_COLOR", [], { NO_COLOR: "1", FORCE_COLOR: "1" }, false],
    ["FORCE_COLOR=1", [], { FORCE_COLOR: "1" }, true],
    ["FORCE_COLOR=0", [], { FORCE_COLOR: "0" }, false],
  ] as const)("%s", (_, flags, env, coloured) => {
    const run = runCli([...args, ...flags], env);
    expect(run.code).toBe(0);
    expect(ansi.test(run.stdout)).toBe(coloured);
    // Colour only repeats the text: without the escapes the output is the same.
    expect(run.stdout.replace(/\x1b\[[0-9;]*m/g, "")).toBe(runCli(args).stdout);
  });

  it("never colours JSON or CSV", () => {
    expect(runCli([...args, "--color", "--format", "json"]).stdout).not.toMatch(ansi);
    expect(runCli([...args, "--color", "--format", "csv"]).stdout).not.toMatch(ansi);
  });
});

describe("errors: one clear line, exit code 2, no stack", () => {
  it.each([
    [
      "an unknown model",
      ["compare", "-m", "claude-3.5-sonet", ...HALF],
      'error: --model: unknown model "claude-3.5-sonet" in the us-east-1 rates; did you mean claude-3.5-sonnet, claude-3.7-sonnet, claude-3-sonnet?',
    ],
    [
      "a bad token count",
      ["compare", "-m", "claude-instant", "--input-tokens", "3X", "--output-tokens", "1"],
      "error: option '--input-tokens <n>' argument '3X' is invalid. expected a whole number of tokens such as 3000000000, 3B, 600M, 250k, 1.5e9 or 3_000_000",
    ],
    [
      "a fractional token count",
      ["compare", "-m", "claude-instant", "--input-tokens", "1.5", "--output-tokens", "1"],
      "error: option '--input-tokens <n>' argument '1.5' is invalid. is not a whole number of tokens; expected a whole number of tokens such as 3000000000, 3B, 600M, 250k, 1.5e9 or 3_000_000",
    ],
    ["a missing flag", ["compare", ...HALF], "error: required option '-m, --model <model>' not specified"],
    [
      "an unknown term",
      ["compare", "-m", "claude-instant", ...HALF, "--term", "2-month"],
      "error: option '--term <term>' argument '2-month' is invalid. Allowed choices are no-commit, 1-month, 6-month.",
    ],
    ["an unknown flag", ["compare", "-m", "claude-instant", ...HALF, "--bogus"], "error: unknown option '--bogus'"],
    [
      "zero units",
      ["compare", "-m", "claude-instant", ...HALF, "--units", "0"],
      "error: option '--units <n>' argument '0' is invalid. expected between 1 and 100,000 model units",
    ],
    [
      "too many hours",
      ["compare", "-m", "claude-instant", ...HALF, "--hours-per-month", "800"],
      "error: option '--hours-per-month <h>' argument '800' is invalid. expected more than 0 and at most 744 hours (24 × 31)",
    ],
    ["a missing rate file", ["compare", "-m", "claude-instant", ...HALF, "-r", "nope.yaml"], "error: nope.yaml: cannot read: no such file"],
    [
      "a region with no rates",
      ["compare", "-m", "claude-instant", ...HALF, "--region", "eu-west-1"],
      "error: no bundled rates for region eu-west-1 (bundled regions: ap-northeast-1, ap-south-1, eu-central-1, eu-west-3, sa-east-1, us-east-1, us-west-2); give your own with --rates FILE",
    ],
    [
      "an unknown version",
      ["compare", "-m", "claude-instant", ...HALF, "--rates-version", "2020-01-01"],
      "error: --rates-version 2020-01-01: no such bundled version for us-east-1 (versions: 2026-11-01, 2026-11-24, 2026-11-30)",
    ],
    [
      "a price without a term",
      ["compare", "-m", "claude-instant", ...HALF, "--unit-hourly", "10"],
      "error: --unit-hourly needs --term to say which term the price is for (no-commit, 1-month or 6-month)",
    ],
    [
      "half a unit's throughput",
      ["compare", "-m", "claude-instant", ...HALF, "--unit-input-tpm", "10k"],
      "error: --unit-output-tpm is needed as well: a model unit is defined by both its input and its output tokens per minute",
    ],
    [
      "throughput without a price",
      ["compare", "-m", "nova-pro", ...HALF, "--unit-input-tpm", "10k", "--unit-output-tpm", "2k"],
      "error: --unit-input-tpm/--unit-output-tpm: amazon.nova-pro-v1:0 has no PT price; add one with --unit-hourly USD --term TERM or --rates FILE",
    ],
    [
      "cache tokens without a cache price",
      ["compare", "-m", "claude-3-haiku", ...HALF, "--cache-read-tokens", "1B"],
      "error: --cache-read-tokens: anthropic.claude-3-haiku-20240307-v1:0 has no promptCache.readPerMTok price in these rates; add it with --rates FILE",
    ],
    [
      "half a peak",
      ["compare", "-m", "claude-instant", ...HALF, "--peak-input-tpm", "100k"],
      "error: --peak-input-tpm and --peak-output-tpm go together: the peak minute needs both figures",
    ],
    [
      "a peak below the average",
      ["compare", "-m", "claude-instant", ...HALF, "--peak-input-tpm", "100", "--peak-output-tpm", "100k"],
      "error: --peak-input-tpm 100 is below the average of 68,493 input tokens a minute that the monthly volume implies over 730 hours; give at least 68,493",
    ],
    [
      "a custom model's ARN",
      ["compare", "-m", "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/abc", ...HALF],
      "error: --model: arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/abc is a custom model's ARN; price it as its base model (custom models are served on Provisioned Throughput only)",
    ],
    [
      "a rate file for another region",
      ["compare", "-m", "claude-instant", ...HALF, "-r", "test/fixtures/rates/wrong-region.yaml"],
      "error: test/fixtures/rates/wrong-region.yaml:2: region: us-west-2 differs from us-east-1, the region of rates/us-east-1/2026-11-30.yaml (give --region us-west-2 to use this file's region)",
    ],
    ["an unknown command", ["compp"], "error: unknown command 'compp'\n(Did you mean compare?)"],
  ])("%s", (_, args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`${message}\n`);
  });

  it("lists every problem of an invalid rate file, one line each", () => {
    const run = runCli(["compare", "-m", "claude-instant", ...HALF, "-r", "test/fixtures/rates/invalid-many.yaml"]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^error: test\/fixtures\/rates\/invalid-many\.yaml:\d+: models\[\d\]\.[\w.]+: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("prints help and the version with exit code 0", () => {
    const help = runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("compare [options]");
    const compareHelp = runCli(["compare", "--help"]);
    expect(compareHelp.code).toBe(0);
    expect(compareHelp.stdout).toContain("--unit-input-tpm <n>");
    expect(runCli(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("compare: a saving must be worth its commitment, and overflow is the application's choice", () => {
  it("keeps the heavy row on-demand by default, and takes PT with --min-saving 0", () => {
    const base = runJson([...WORKED, ...HEAVY, "--units", "2"]);
    expect(base.recommendation).toMatchObject({ lane: "on-demand", monthlyCost: 48_000 });
    const declined = base.recommendation.reasons.find((r: { code: string }) => r.code === "SAVING_BELOW_THRESHOLD");
    expect(declined.message).toBe(
      "PT, 2 units on a 6-month term, would cost $47,708.00 a month, $292.00 (0.6%) less than on-demand: below the 5.0% reserved units must save to be worth their fixed cost (--min-saving), so it stays on-demand.",
    );
    expect(base.notes.map((n: { code: string }) => n.code)).toEqual(["OVERFLOW_FALLBACK"]);
    expect(runJson([...WORKED, ...HEAVY, "--units", "2", "--min-saving", "0"]).recommendation.lane).toBe("provisioned");
  });

  it("reports throttled traffic with --overflow throttle: no overflow cost, and nothing said about a fallback", () => {
    const report = runJson([...WORKED, ...HEAVY, "--units", "2", "--overflow", "throttle", "--min-saving", "0"]);
    expect(report.provisioned[0].overflow).toMatchObject({ share: 0.2335, cost: null });
    expect(report.provisioned[0].monthlyCost).toBe(36_500);
    expect(report.recommendation.lane).toBe("on-demand");
    expect(report.notes).toEqual([]);
  });

  it.each([
    [
      "--min-saving 1",
      ["--min-saving", "1"],
      "error: option '--min-saving <share>' argument '1' is invalid. expected a share from 0 up to (not including) 1, such as 0.05",
    ],
    [
      "--min-saving 5%",
      ["--min-saving", "5%"],
      "error: option '--min-saving <share>' argument '5%' is invalid. expected a share such as 0.05 (5%)",
    ],
    [
      "--overflow drop",
      ["--overflow", "drop"],
      "error: option '--overflow <to>' argument 'drop' is invalid. Allowed choices are on-demand, throttle.",
    ],
  ])("exits 2 on %s", (_, flags, message) => {
    const run = runCli([...WORKED, ...HALF, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${message}\n`);
  });
});
