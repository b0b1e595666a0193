import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BUCKET = "test/fixtures/audit/bucket";
const PROVISIONED = "test/fixtures/audit/provisioned.json";
const SONNET = "anthropic.claude-3-5-sonnet-20241022-v2:0";
const HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
const TITAN = "amazon.titan-embed-text-v2:0";
const ARN = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/k2l7q9xw3v1m";

// test/fixtures/audit/README.md works every figure: one day of S3-delivered invocation logs (a
// 1,440-minute window, scaled to a 730-hour month by 43,800 / 1,440) and two Provisioned Throughputs.
describe("bedrock-cost audit", () => {
  it("prices every model of the account's logs and judges its idle Claude Instant unit (the worked case)", () => {
    const report = runJson(["audit", BUCKET, "--provisioned", PROVISIONED, "--latency-async", "claude-3-haiku"]);
    expect(report.schemaVersion).toBe(1);
    expect(report.window).toEqual({ start: "2026-11-02T00:00:00Z", end: "2026-11-03T00:00:00Z", minutes: 1440 });
    const byModel = Object.fromEntries(report.models.map((m: { model: string }) => [m.model, m]));
    // Largest bill first.
    expect(report.models.map((m: { model: string }) => m.model)).toEqual([SONNET, HAIKU, TITAN]);
    // Sonnet: 288 calls a day of 30,000 input, 3,000 cache read, 4,000 output: 262.8M, 26.28M and 35.04M a month;
    // 262.8 × $3 + 26.28 × $0.30 + 35.04 × $15 = $1,321.884; on Batch (no cache price on Batch: reads at full input) $696.42.
    expect(byModel[SONNET]).toMatchObject({
      monthly: { inputTokens: 262_800_000, outputTokens: 35_040_000, cacheReadTokens: 26_280_000, cacheWriteTokens: 0 },
      onDemand: { monthlyCost: 1321.88 },
      best: { lane: "on-demand", term: null, units: null, monthlyCost: 1321.88 },
    });
    expect(byModel[SONNET].tpm.input.peak).toBe(33_000);
    expect(byModel[SONNET].tpm.output.p99).toBe(4_000);
    expect(byModel[SONNET].reasons.map((r: { code: string }) => r.code)).toEqual(["NO_PT_PRICE"]);
    // Haiku: 144 calls of 2,000 / 500: 8.76M / 2.19M a month; $4.9275 on-demand, $2.46375 on Batch, where --latency-async puts it.
    expect(byModel[HAIKU]).toMatchObject({
      onDemand: { monthlyCost: 4.93 },
      batch: { monthlyCost: 2.46 },
      best: { lane: "batch", monthlyCost: 2.46 },
      reasons: [{ code: "ASYNC_TO_BATCH" }],
    });
    // Titan embeddings: 144 × 500 = 72,000 input a day, 2.19M a month at $0.02: $0.0438.
    expect(byModel[TITAN]).toMatchObject({ monthly: { inputTokens: 2_190_000, outputTokens: 0 }, onDemand: { monthlyCost: 0.04 } });

    // The unit: $39.60 × 730 = $28,908 a month; its ARN carried 144 × 1,000 input and 144 × 200 output tokens a day,
    // 4.38M and 876,000 a month: 4.38 × $0.80 + 0.876 × $2.40 = $5.6064 on-demand.
    expect(report.reservations).toHaveLength(1);
    const [unit] = report.reservations;
    expect(unit).toMatchObject({
      name: "instant-support",
      provisionedModelArn: ARN,
      model: "anthropic.claude-instant-v1",
      custom: null,
      units: 1,
      term: "1-month",
      monthly: { inputTokens: 4_380_000, outputTokens: 876_000 },
      utilization: null,
      monthlyCost: 28_908,
      onDemandMonthlyCost: 5.61,
    });
    expect(unit.findings.map((f: { code: string }) => f.code)).toEqual(["IDLE_RESERVATION", "UNKNOWN_CAPACITY"]);
    expect(unit.findings[0]).toMatchObject({ severity: "error", monthlyImpact: 28_902.39 });
    // Its traffic is best on-demand: the unit is to be released.
    expect(unit.best).toEqual({ lane: "on-demand", term: null, units: null, monthlyCost: 5.61 });

    // Today: $1,321.884 + $4.9275 + $0.0438 on-demand and $28,908 of units = $30,234.8553. In the best lanes:
    // $1,321.884 + $2.46375 + $0.0438, and the unit's traffic on-demand for $5.6064 = $1,329.99795.
    expect(report.totals).toEqual({ currentMonthlyCost: 30_234.86, recommendedMonthlyCost: 1_330, saving: 28_904.86 });
    expect(report.notes.map((n: { code: string }) => n.code)).toEqual([
      "SHORT_WINDOW",
      "UNRESOLVED_MODELS",
      "SKIPPED_FILES",
      "RESERVATIONS_NOT_JUDGED",
    ]);
    expect(report.notes[1].message).toContain("application-inference-profile/a1b2c3d4e5f6 (24)");
    expect(report.notes[3].message).toContain("instant-trial (Failed)");
  });

  it("prints the same account as a table, with the reasons, the findings and the totals", () => {
    const run = runCli(["audit", BUCKET, "--provisioned", PROVISIONED, "--latency-async", HAIKU]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Window: 2026-11-02 00:00 to 2026-11-03 00:00 UTC (1 day)");
    expect(run.stdout).toMatch(
      /anthropic\.claude-3-haiku-20240307-v1:0\s+│\s+8\.76M\s+│\s+2\.19M\s+│.*│\s+\$4\.93\s+│\s+\$2\.46\s+│ batch\s+│\s+\$2\.46 │/,
    );
    expect(run.stdout).toMatch(
      /instant-support\s+│\s+1 │ 1-month │\s+unknown │\s+\$28,908\.00 │\s+\$5\.61 │ -\$28,902\.39 │ \$28,908\.00 │/,
    );
    expect(run.stdout).toContain("[IDLE_RESERVATION]");
    expect(run.stdout).toContain("instant-support: release it: its traffic costs $5.61 a month on-demand");
    expect(run.stdout).toContain(
      "Total: $30,234.86 a month today; $1,330.00 with every model in its best lane: saving $28,904.86 a month (95.6%).",
    );
    expect(run.stderr).toContain("note: Provisioned Throughputs that do not bill yet or any more, not judged: instant-trial (Failed).");
  });

  it("writes one CSV row per model, and a markdown report to share", () => {
    const csv = runCli(["audit", BUCKET, "--format", "csv"]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "model,inputTokens,outputTokens,cacheReadTokens,cacheWriteTokens,p99InputTpm,p99OutputTpm,peakInputTpm,peakOutputTpm,onDemandCost,batchCost,bestLane,bestTerm,bestUnits,bestCost,reasons",
    );
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual([SONNET, HAIKU, TITAN]);
    expect(lines[2]).toBe(`${HAIKU},8760000,2190000,0,0,2000,500,2000,500,4.93,2.46,on-demand,,,4.93,NO_PT_PRICE`);
    // Without --provisioned, the unit's ARN is traffic nobody judged: said in a note.
    expect(csv.stderr).toContain("Traffic on provisioned models not judged");

    const markdown = runCli(["audit", BUCKET, "--provisioned", PROVISIONED, "--format", "markdown"]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout.split("\n").slice(0, 2)).toEqual([
      "<!-- bedrock-cost -->",
      "### bedrock-cost audit: $30,234.86 a month today; $1,332.46 with every model in its best lane: saving $28,902.39 a month (95.6%)",
    ]);
    expect(markdown.stdout).toContain("| instant-support | 1 | 1-month | unknown | $28,908.00 | $5.61 | -$28,902.39 | $28,908.00 |");
    expect(markdown.stdout).toContain("(`IDLE_RESERVATION`)");
    expect(markdown.stdout).toContain("- **instant-support**: release it: its traffic costs $5.61 a month on-demand.");
  });

  it("reads an account's CSV with a modelId column, and CloudWatch SEARCH results labelled by model", () => {
    // 4 minutes: Haiku 60,000 / 12,000 each minute, Nova Lite 10,000 / 2,000 in two of them (under two ids).
    // Haiku: 2.628B × $0.25 + 525.6M × $1.25 = $1,314; Nova Lite: 219M × $0.06 + 43.8M × $0.24 = $23.652.
    const csv = runJson(["audit", "test/fixtures/audit/per-minute.csv"]);
    expect(csv.models.map((m: { model: string; onDemand: { monthlyCost: number } }) => [m.model, m.onDemand.monthlyCost])).toEqual([
      [HAIKU, 1314],
      ["amazon.nova-lite-v1:0", 23.65],
    ]);
    // The Athena query's CSV (docs/audit.md), every field quoted: two minutes, scaled by 21,900.
    const athena = runJson(["audit", "test/fixtures/audit/athena-result.csv"]);
    expect(athena.models.map((m: { model: string; onDemand: { monthlyCost: number } }) => [m.model, m.onDemand.monthlyCost])).toEqual([
      [SONNET, 48_026.7],
      ["amazon.nova-pro-v1:0", 6_307.2],
    ]);
    // Sonnet's 420,000 input and 56,000 output tokens in 3 minutes: 6.132B and 817.6M a month, $18,396 + $12,264.
    const search = runJson(["audit", "test/fixtures/traffic/search/search-result.json"]);
    expect(search.models[0]).toMatchObject({ model: SONNET, onDemand: { monthlyCost: 30_660 } });
    expect(search.models).toHaveLength(3);
  });

  it("writes a plan file that plan reads, and keeps an existing one without --force", () => {
    const temp = tempDir("bedrock-cost-audit-");
    const planFile = temp.file("account.yaml", "");
    writeFileSync(planFile, "keep me\n");
    const refused = runCli(["audit", BUCKET, "--provisioned", PROVISIONED, "--write-plan", planFile]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: --write-plan .*account\.yaml.* exists/m);
    expect(readFileSync(planFile, "utf8")).toBe("keep me\n");

    const written = runCli([
      "audit",
      BUCKET,
      "--provisioned",
      PROVISIONED,
      "--latency-async",
      "claude-3-haiku",
      "--write-plan",
      planFile,
      "--force",
    ]);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain(`wrote ${planFile}`);
    const text = readFileSync(planFile, "utf8");
    const bucket = relative(temp.dir, join(ROOT, BUCKET));
    expect(text).toContain(`  - name: "${SONNET}"\n    model: "${SONNET}"\n    profile: ["${bucket}"]\n`);
    expect(text).toContain(`    profile: ["${bucket}"]\n    latency: async\n`);
    expect(text).toContain(
      '  - name: "instant-support-traffic"  # measured on arn:aws:bedrock:us-east-1:123456789012:provisioned-model/k2l7q9xw3v1m\n    model: "anthropic.claude-instant-v1"\n    monthly: {inputTokens: 4380000, outputTokens: 876000, cacheReadTokens: 0, cacheWriteTokens: 0}\n    peakTpm: {input: 1000, output: 200}\n',
    );
    expect(text).toContain('    units: 1\n    term: 1-month\n    serves: ["instant-support-traffic"]\n');

    // The plan prices the account as audit did: $1,329.99795 in these lanes.
    const plan = runCli(["plan", planFile, "--allow-outside-paths", "--format", "json"]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout).totals.monthlyCost).toBe(1_330);
    // And check finds the idle unit.
    const check = runCli(["check", planFile, "--allow-outside-paths", "--format", "json"]);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).findings.map((f: { code: string }) => f.code)).toContain("IDLE_RESERVATION");
  });

  it("prices a model seen in part of the logs over the span the logs cover, in profile as in audit", () => {
    // Haiku's calls run from 00:09 to 23:59, the logs from 00:00 (the unit's ARN) to 23:59: a 1,440-minute window.
    const profile = runJson(["profile", BUCKET, "--model", "claude-3-haiku"]);
    expect(profile.window).toMatchObject({ start: "2026-11-02T00:00:00Z", end: "2026-11-03T00:00:00Z", minutes: 1440 });
    expect(profile.monthly).toMatchObject({ inputTokens: 8_760_000, outputTokens: 2_190_000 });
    expect(profile.onDemand).toEqual({ monthlyCost: 4.93 });
  });

  it("keeps a custom model's unit (the only lane it has), on the cheapest term", () => {
    const temp = tempDir("bedrock-cost-audit-");
    const listed = JSON.parse(readFileSync(PROVISIONED, "utf8"));
    const unit = {
      ...listed.provisionedModelSummaries[0],
      modelArn: "arn:aws:bedrock:us-east-1:123456789012:custom-model/anthropic.claude-instant-v1:2:100k/abcdef123456",
    };
    const file = temp.file("provisioned.json", JSON.stringify({ provisionedModelSummaries: [unit] }));
    const report = runJson(["audit", BUCKET, "--provisioned", file]);
    const [reservation] = report.reservations;
    // A custom model has no on-demand lane: no IDLE_RESERVATION, and its traffic stays on PT, cheapest on
    // 6 months: $22 × 730 = $16,060 a month (a caution, UNPROVEN_LONG_TERM, for one day measured).
    expect(reservation.custom).toBe(unit.modelArn);
    expect(reservation.onDemandMonthlyCost).toBeNull();
    expect(reservation.findings.map((f: { code: string }) => f.code)).toEqual(["UNKNOWN_CAPACITY"]);
    expect(reservation.best).toEqual({ lane: "provisioned", term: "6-month", units: 1, monthlyCost: 16_060 });
    expect(reservation.reasons.map((r: { code: string }) => r.code)).toContain("UNPROVEN_LONG_TERM");
    // $1,321.884 + $4.9275 + $0.0438 on-demand and $16,060 of units: $17,386.8553.
    expect(report.totals).toEqual({ currentMonthlyCost: 30_234.86, recommendedMonthlyCost: 17_386.86, saving: 12_848 });
  });

  it("measures a model its traffic cannot be priced for, and leaves it out of the totals with a note", () => {
    const temp = tempDir("bedrock-cost-audit-");
    // An embeddings model has no output price: 7 output tokens a minute cannot be priced.
    const csv = temp.file(
      "account.csv",
      "timestamp,modelId,inputTokens,outputTokens\n2026-11-01T00:00:00Z,amazon.titan-embed-text-v2:0,500,7\n2026-11-01T00:01:00Z,amazon.nova-lite-v1:0,1000,100\n",
    );
    const report = runJson(["audit", csv]);
    // Nova Lite: 1,000 / 100 tokens in 2 minutes, 21.9M / 2.19M a month: 21.9 × $0.06 + 2.19 × $0.24 = $1.8396.
    expect(report.models.map((m: { model: string; best: unknown }) => [m.model, m.best])).toEqual([
      ["amazon.nova-lite-v1:0", { lane: "on-demand", term: null, units: null, monthlyCost: 1.84 }],
      ["amazon.titan-embed-text-v2:0", null],
    ]);
    expect(report.models[1]).toMatchObject({ monthly: { inputTokens: 10_950_000, outputTokens: 153_300 }, onDemand: null, batch: null });
    expect(report.totals).toEqual({ currentMonthlyCost: 1.84, recommendedMonthlyCost: 1.84, saving: 0 });
    const unpriced = report.notes.find((n: { code: string }) => n.code === "UNPRICED_MODELS");
    expect(unpriced.message).toBe(
      "Not priced, and left out of the totals: amazon.titan-embed-text-v2:0 (amazon.titan-embed-text-v2:0 is an input-only model (it has no output price, as an embeddings model has none), yet its traffic has output tokens, which no price covers).",
    );
    expect(runCli(["audit", csv]).stdout).toContain("Window: 2026-11-01 00:00 to 2026-11-01 00:02 UTC (2 minutes)");
  });

  it("draws each model's week of traffic and its cost against units (--format svg), as a file or on stdout", async () => {
    const temp = tempDir("bedrock-cost-audit-");
    const file = join(temp.dir, "account.svg");
    // With the illustrative Sonnet quote of the plan tests ($14 a unit-hour on 6 months, 70,000 / 14,000 tokens a minute).
    const args = ["audit", BUCKET, "--rates", "test/fixtures/plans/quotes/sonnet-pt.yaml", "--format", "svg"];
    const run = runCli([...args, "--output", file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`wrote ${file}`);
    const svg = readFileSync(file, "utf8");
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(runCli(args).stdout).toBe(svg);
    // 2026-11-02 was a Monday. Sonnet: 12 calls an hour of 30,000 + 3,000 + 4,000 tokens, 444,000 an hour,
    // 7,400 a minute in every hour of Monday and none on other days; Haiku 6 × 2,500 / 60 = 250; Titan 6 × 500 / 60 = 50.
    expect([...svg.matchAll(/data-max-tpm="(\d+)"/g)].map((m) => m[1])).toEqual(["7400", "250", "50"]);
    expect(svg).toContain("<title>Mon 13:00 UTC: 7.4k tokens a minute</title>");
    expect(svg).toContain("<title>Sun 13:00 UTC: 0 tokens a minute</title>");
    expect(svg.match(/<rect x=/g)).toHaveLength(3 * 168);
    // One unit ($10,220 a month) costs more than all of Sonnet's traffic on-demand ($1,321.88): the best count is none.
    expect(svg).toContain('data-best-units="0"');
    expect(svg).toContain("all on-demand $1,321.88");
    expect(svg).toContain("No PT price is known: give your quote (provisioned.hourlyPerUnit) in a rate file.");
    await expect(svg).toMatchFileSnapshot("snapshots/audit.svg");

    const profile = runCli([
      "profile",
      BUCKET,
      "--model",
      "claude-3.5-sonnet-v2",
      "--rates",
      "test/fixtures/plans/quotes/sonnet-pt.yaml",
      "--format",
      "svg",
    ]);
    expect(profile.code, profile.stderr).toBe(0);
    expect(XMLValidator.validate(profile.stdout)).toBe(true);
    expect(profile.stdout).toContain('data-max-tpm="7400"');
    expect(runCli(["audit", BUCKET, "--output", file]).stderr).toBe("error: --output writes the picture: add --format svg\n");
    expect(runCli(["audit", BUCKET, "--format", "svg", "--output", file]).code).toBe(2);
  });

  it("sizes the Reserved tier minute by minute for each model, as profile does", () => {
    const temp = tempDir("bedrock-cost-audit-");
    // An illustrative quote (not a published price): Haiku's Reserved tier, geo, 1 month, at 0.048 of
    // its Standard price a token a minute for an hour: $0.012 input, $0.06 output per 1,000 tokens a minute an hour.
    const quote = temp.file(
      "reserved.yaml",
      "schemaVersion: 1\nregion: us-east-1\nmodels:\n  - id: claude-3-haiku\n    reserved:\n      geo:\n        oneMonth: {inputPer1kTpmHour: 0.012, outputPer1kTpmHour: 0.06}\n",
    );
    const csv = "test/fixtures/audit/per-minute.csv";
    const audit = runJson(["audit", csv, "--rates", quote]);
    const profile = runJson(["profile", csv, "--model", "claude-3-haiku", "--rates", quote]);
    const haiku = audit.models.find((m: { model: string }) => m.model === HAIKU);
    expect(haiku.reserved).toEqual(profile.reserved);
    // 60,000 input tokens every minute: the input side is worth reserving in full, but AWS's minimum is
    // 100,000: 100 × $0.012 × 730 = $876 a month, nothing over it. 12,000 output tokens every minute:
    // 12 × $0.06 × 730 = $525.60. In all $1,401.60.
    expect(haiku.reserved[0]).toMatchObject({
      term: "1-month",
      scope: "geo",
      best: { inputTpm: 100_000, outputTpm: 12_000, reservedCost: 1_401.6, overflowCost: 0, monthlyCost: 1_401.6 },
    });
    expect(audit.models.find((m: { model: string }) => m.model === "amazon.nova-lite-v1:0").reserved).toEqual([]);
  });

  it("reads plain NDJSON files in reading threads (BEDROCK_COST_THREADS) to the same figures as in one thread", () => {
    // The bucket's 24 hourly objects, inflated: plain files, which reading threads take (gzip stays in the main thread).
    const plain = tempDir("audit-threads");
    const hours = readdirSync(join(BUCKET, "AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/2026/11/02"));
    for (const hour of hours) {
      const folder = join(BUCKET, "AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/2026/11/02", hour);
      for (const name of readdirSync(folder)) plain.file(name.replace(/\.gz$/, ""), gunzipSync(readFileSync(join(folder, name))));
    }
    const args = ["audit", plain.dir, "--provisioned", PROVISIONED, "--latency-async", "claude-3-haiku", "--format", "json"];
    const one = runCli(args, { BEDROCK_COST_THREADS: "1" });
    const two = runCli(args, { BEDROCK_COST_THREADS: "2" });
    expect(one.code).toBe(0);
    expect(two).toEqual(one);
    expect(JSON.parse(two.stdout).totals).toEqual({ currentMonthlyCost: 30_234.86, recommendedMonthlyCost: 1_330, saving: 28_904.86 });
    // Files named one by one: the threads start before the arguments are parsed (see warmReadingThreads).
    const named = ["audit", ...readdirSync(plain.dir).map((name) => join(plain.dir, name)), ...args.slice(2)];
    expect(runCli(named, { BEDROCK_COST_THREADS: "2" })).toEqual(one);
    const wrong = runCli(args, { BEDROCK_COST_THREADS: "many" });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('error: BEDROCK_COST_THREADS: expected a whole number of threads from 1 to 16, got "many"\n');
  });

  it("refuses bad input with one line naming the file and field, exit 2", () => {
    const temp = tempDir("bedrock-cost-audit-");
    const bad = temp.file(
      "provisioned.json",
      JSON.stringify({
        provisionedModelSummaries: [
          {
            provisionedModelArn: ARN,
            foundationModelArn: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-instant-v1",
            modelUnits: 0,
            status: "InService",
            commitmentDuration: "TwoYears",
          },
        ],
      }),
    );
    const run = runCli(["audit", BUCKET, "--provisioned", bad]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      `error: ${bad}: provisionedModelSummaries[0].modelUnits: expected a whole number of model units from 1 to 10,000, got 0`,
      `error: ${bad}: provisionedModelSummaries[0].commitmentDuration: expected OneMonth or SixMonths (or none, for no commitment), got "TwoYears"`,
    ]);
    const notList = runCli(["audit", BUCKET, "--provisioned", temp.file("other.json", '{"ProvisionedModelSummaries": []}')]);
    expect(notList.code).toBe(2);
    expect(notList.stderr).toMatch(/^error: .*other\.json: expected the output of aws bedrock list-provisioned-model-throughputs/);
    const noCsvModel = runCli(["audit", "test/fixtures/traffic/four.csv"]);
    expect(noCsvModel.code).toBe(2);
    expect(noCsvModel.stderr).toBe(
      "error: test/fixtures/traffic/four.csv: header: an account's CSV names each row's model in a modelId column (timestamp,modelId,inputTokens,outputTokens)\n",
    );
    const unknownAsync = runCli(["audit", BUCKET, "--latency-async", "no-such-model"]);
    expect(unknownAsync.code).toBe(2);
    expect(unknownAsync.stderr).toMatch(/^error: --latency-async no-such-model: /);
  });

  it("reads standard input, and then writes the measured numbers into the plan (stdin cannot be read again)", () => {
    const temp = tempDir("bedrock-cost-audit-");
    const planFile = join(temp.dir, "from-stdin.yaml");
    const run = runCli(["audit", "-", "--write-plan", planFile], {}, readFileSync("test/fixtures/audit/per-minute.csv"));
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(planFile, "utf8")).toContain(
      `  - name: "${HAIKU}"\n    model: "${HAIKU}"\n    monthly: {inputTokens: 2628000000, outputTokens: 525600000, cacheReadTokens: 0, cacheWriteTokens: 0}\n    peakTpm: {input: 60000, output: 12000}\n`,
    );
  });
});
