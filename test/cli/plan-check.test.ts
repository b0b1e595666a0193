import { spawnSync } from "node:child_process";
import { realpathSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const DIR = "test/fixtures/plans";

function json(args: string[], expectedCode = 0) {
  const run = runCli([...args, "--format", "json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(expectedCode);
  return JSON.parse(run.stdout);
}

describe("bedrock-cost plan", () => {
  // Claude 3.5 Sonnet v2 at $3/$15 on-demand, $1.50/$7.50 on Batch; the quote: $14 per unit-hour on
  // 6 months ($10,220 a unit-month), $17 on 1 month ($12,410), 70k / 14k tokens a minute per unit.
  it("puts every workload in its lane with the hand-worked figures", () => {
    const report = json(["plan", `${DIR}/plan.yaml`]);
    expect(report.schemaVersion).toBe(1);
    const rows = report.workloads.map((w: Record<string, unknown>) => [w.name, w.lane, w.term, w.units, w.monthlyCost, w.runnerUp]);
    expect(rows).toEqual([
      // The base model's units: payments-bot (0.196 of a unit) needs PT: 1 unit, $10,220. One of support-copilot
      // and search-assist (0.489 each) fits in its spare room for nothing (0.685); both would need a second
      // unit (1.174), which costs more than the $9,000 the second saves. The first listed joins, at $0.
      ["support-copilot", "provisioned", "6-month", 1, 0, { lane: "on-demand", term: null, units: null, monthlyCost: 9_000 }],
      // Joining too would add 1 unit: $10,220 against its $9,000 on-demand.
      ["search-assist", "on-demand", null, null, 9_000, { lane: "provisioned", term: "6-month", units: 1, monthlyCost: 10_220 }],
      ["nightly-enrichment", "batch", null, null, 9_000, { lane: "on-demand", term: null, units: null, monthlyCost: 18_000 }],
      ["payments-bot", "provisioned", "6-month", 1, 10_220, { lane: "on-demand", term: null, units: null, monthlyCost: 3_600 }],
      // A custom model is a model of its own (issue 11): its own unit (0.326 of it), $10,220; the next term $12,410.
      ["tuned-classifier", "provisioned", "6-month", 1, 10_220, { lane: "provisioned", term: "1-month", units: 1, monthlyCost: 12_410 }],
      // Titan: $400 + $300 on-demand against one unit at $14.80 × 730 = $10,804
      ["titan-summaries", "on-demand", null, null, 700, { lane: "provisioned", term: "6-month", units: 1, monthlyCost: 10_804 }],
    ]);
    const codes = Object.fromEntries(
      report.workloads.map((w: { name: string; reasons: { code: string }[] }) => [w.name, w.reasons.map((r) => r.code)]),
    );
    expect(codes).toEqual({
      "support-copilot": ["SHARED_UNITS", "UNPROVEN_LONG_TERM"],
      "search-assist": ["BELOW_BREAK_EVEN"],
      "nightly-enrichment": ["ASYNC_TO_BATCH"],
      "payments-bot": ["SLA_OVERRIDE", "SHARED_UNITS", "UNPROVEN_LONG_TERM"],
      "tuned-classifier": ["CUSTOM_MODEL", "UNPROVEN_LONG_TERM"],
      "titan-summaries": ["BELOW_BREAK_EVEN", "CAPACITY_UNKNOWN"],
    });
    expect(report.workloads[3].reasons[0].message).toBe(
      "Its no-throttling SLA keeps it on reserved units: $6,620.00 a month over the $3,600.00 it would cost on-demand.",
    );
    // 0 + 9,000 + 9,000 + 10,220 + 10,220 + 700 = 39,140 in these lanes; all on-demand 9,000 + 9,000 + 18,000
    // + 3,600 + 700, plus the custom model's 10,220, which has no on-demand lane: 50,520. (Before issue 11 the
    // fine-tune shared the base model's units: 30,140 against 46,687.50, a saving overstated by $5,167.50.)
    expect(report.totals).toEqual({ monthlyCost: 39_140, allOnDemandMonthlyCost: 50_520, saving: 11_380 });
  });

  it("prints the table with the totals line, and CSV with one row per workload", () => {
    const table = runCli(["plan", `${DIR}/plan.yaml`]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(
      "Total: $39,140.00 a month in these lanes against $50,520.00 all on-demand: saving $11,380.00 a month (22.5%).",
    );
    const csv = runCli(["plan", `${DIR}/plan.yaml`, "--format", "csv"]);
    const lines = csv.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "name,model,lane,term,units,monthlyCost,onDemandMonthlyCost,runnerUpLane,runnerUpTerm,runnerUpMonthlyCost,reasons",
    );
    expect(lines[5]).toBe(
      "tuned-classifier,anthropic.claude-3-5-sonnet-20241022-v2:0,provisioned,6-month,1,10220,,provisioned,1-month,12410,CUSTOM_MODEL UNPROVEN_LONG_TERM",
    );
    expect(lines).toHaveLength(7);
  });

  it("takes --hours-per-month over the plan's own", () => {
    const report = json(["plan", `${DIR}/plan.yaml`, "--hours-per-month", "744"]);
    expect(report.hoursPerMonth).toBe(744);
    // titan-summaries' runner-up: 14.80 × 744
    expect(report.workloads[5].runnerUp.monthlyCost).toBe(11_011.2);
  });
});

describe("bedrock-cost check", () => {
  it("passes a clean plan with exit code 0", () => {
    const report = json(["check", `${DIR}/check-clean.yaml`]);
    expect(report).toEqual({
      schemaVersion: 1,
      passed: true,
      rates: {
        region: "us-east-1",
        effectiveDate: "2026-11-30",
        files: ["rates/us-east-1/2026-11-30.yaml", "test/fixtures/plans/quotes/sonnet-pt.yaml"],
      },
      // What passed (issue 11): 1 unit on 1 month, $12,410, carrying $18,000 of on-demand traffic at 3 / 3.066.
      reservations: [
        {
          type: "pt",
          name: "copilot-pt",
          model: "anthropic.claude-3-5-sonnet-20241022-v2:0",
          custom: null,
          units: 1,
          term: "1-month",
          scope: null,
          inputTpm: null,
          outputTpm: null,
          utilization: 0.9785,
          reservedCost: 12_410,
          onDemandCost: 18_000,
          saving: 5_590,
          committedCost: 12_410,
        },
      ],
      findings: [],
      totals: { errors: 0, warnings: 0, info: 0, reservations: 1, reservedMonthlyCost: 12_410, monthlyImpact: 0 },
      notes: [],
    });
    const table = runCli(["check", `${DIR}/check-clean.yaml`]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("PASSED: 0 errors, 0 warnings, 0 info.");
  });

  it("finds every problem of the findings fixture, exits 1, whatever the format", () => {
    const report = json(["check", `${DIR}/check-findings.yaml`], 1);
    expect(report.passed).toBe(false);
    const rows = report.findings.map((f: Record<string, unknown>) => [f.code, f.severity, f.subject, f.monthlyImpact]);
    expect(rows).toEqual([
      // 2 × 10,220 − 9,000
      ["IDLE_RESERVATION", "error", "idle-pt", 11_440],
      ["UNPROVEN_LONG_TERM", "warning", "idle-pt", 0],
      // 1 unit on 1 month ($12,410) pays off against $15,000 on-demand, but the peak (100k / 12k tpm) needs a
      // second unit, $12,410
      ["UNDER_PROVISIONED", "error", "small-pt", 12_410],
      // 3B / 0.6B on one unit, 97.8% of it, on monthly averages
      ["SIZED_ON_AVERAGES", "warning", "nightly-pt", 0],
      // 12,410 − 3,600
      ["SLA_PREMIUM", "info", "sla-pt", 8_810],
      ["UNSERVED_RESERVATION", "error", "unused-pt", 12_410],
      ["WRONG_MODEL", "error", "titan-pt", 0],
      // 18.40 × 730
      ["UNSERVED_RESERVATION", "error", "titan-pt", 13_432],
      // 39.60 × 730 − 3,840
      ["IDLE_RESERVATION", "error", "instant-pt", 25_068],
      ["UNKNOWN_CAPACITY", "warning", "instant-pt", 0],
      // one unit on 6 months
      ["CUSTOM_MODEL_UNSERVED", "error", "tuned-classifier", 10_220],
      // its part of nightly-pt, 12,410, against Batch 9,000
      ["ASYNC_ON_RESERVATION", "error", "nightly-enrichment", 3_410],
      ["SLA_UNRESERVED", "warning", "haiku-alerts", 0],
    ]);
    // 11,440 + 12,410 + 12,410 + 13,432 + 25,068 + 10,220 + 3,410: one verdict per reservation, so small-pt
    // counts once (before issue 11 it was also "idle" for $3,410 on top of its missing unit: $91,800).
    expect(report.totals).toMatchObject({ errors: 8, warnings: 4, info: 1, reservations: 7, monthlyImpact: 88_390 });
    expect(runCli(["check", `${DIR}/check-findings.yaml`]).code).toBe(1);
    expect(runCli(["check", `${DIR}/check-findings.yaml`, "--format", "csv"]).code).toBe(1);
  });

  it("checks a Terraform plan: a create, a replaced committed unit, a child module, an unknown value", () => {
    const report = json(["check", `${DIR}/check-terraform.yaml`, "--terraform", `${DIR}/terraform-plan.json`], 1);
    const rows = report.findings.map((f: Record<string, unknown>) => [f.code, f.severity, f.subject, f.monthlyImpact]);
    expect(rows).toEqual([
      // the replaced unit: 1 × 14.80 × 730 keeps billing
      ["COMMITTED_REPLACEMENT", "error", "aws_bedrock_provisioned_model_throughput.summaries", 10_804],
      ["UNKNOWN_AT_PLAN", "warning", "aws_bedrock_provisioned_model_throughput.pending", 0],
      // its replacement: 2 × 14.80 × 730 = 21,608 against $700 on-demand
      ["IDLE_RESERVATION", "error", "aws_bedrock_provisioned_model_throughput.summaries", 20_908],
      ["UNKNOWN_CAPACITY", "warning", "aws_bedrock_provisioned_model_throughput.summaries", 0],
      ["UNPROVEN_LONG_TERM", "warning", "aws_bedrock_provisioned_model_throughput.summaries", 0],
      ["UNPROVEN_LONG_TERM", "warning", "module.tuning.aws_bedrock_provisioned_model_throughput.tuned", 0],
    ]);
    // copilot: 1 unit on 1 month ($12,410) carries support-copilot and search-assist ($18,000) at 97.8%: no finding.
    // The plan file's own reservation (5 units) is replaced by the Terraform resources.
    expect(report.totals).toMatchObject({ reservations: 3, reservedMonthlyCost: 12_410 + 21_608 + 10_220, errors: 2 });
  });

  it.each([
    ["a missing plan file", ["check", `${DIR}/nope.yaml`], `error: ${DIR}/nope.yaml: cannot read: no such file`],
    [
      "a missing Terraform file",
      ["check", `${DIR}/check-clean.yaml`, "--terraform", "nope.json"],
      "error: nope.json: cannot read: no such file",
    ],
    [
      "a terraformAddress the plan does not have",
      ["check", `${DIR}/check-unmapped-custom.yaml`, "--terraform", `${DIR}/terraform-plan.json`],
      `error: ${DIR}/check-unmapped-custom.yaml:9: reservations[0].terraformAddress: not found among the aws_bedrock_provisioned_model_throughput resources of ${DIR}/terraform-plan.json\n` +
        `error: ${DIR}/terraform-plan.json: planned_values.root_module.child_modules[0].resources[0].values.model_arn: module.tuning.aws_bedrock_provisioned_model_throughput.tuned: arn:aws:bedrock:us-east-1:123456789012:custom-model/anthropic.claude-3-5-sonnet-20241022-v2:0:200k/ly16hhi765j4 is a custom model; add a reservation with terraformAddress: module.tuning.aws_bedrock_provisioned_model_throughput.tuned and model: <its base model id> to ${DIR}/check-unmapped-custom.yaml`,
    ],
    [
      "a region that differs from the plan's",
      ["plan", `${DIR}/plan.yaml`, "--region", "eu-west-1"],
      `error: --region eu-west-1 differs from region us-east-1 in ${DIR}/plan.yaml`,
    ],
    ["no file", ["plan"], "error: missing required argument 'file'"],
  ])("exits 2 on %s", (_, args, message) => {
    const run = runCli(args);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`${message}\n`);
    expect(run.code).toBe(2);
  });

  it.each(["plan", "check"])("%s lists every problem of a plan file in one run, in the order of its lines", (command) => {
    const file = `${DIR}/invalid-everything.yaml`;
    const run = runCli([command, file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      `error: ${file}:10: workloads[0].latncy: unknown field (a typo?); did you mean latency?`,
      `error: ${file}:15: workloads[1].sla: no-throttling applies to interactive work; an async workload goes to Batch`,
      `error: ${file}:17: workloads[2].model: unknown model "claude-3.5-sonet-v2" in the us-east-1 rates; did you mean claude-3.5-sonnet-v2, claude-3.5-sonnet, claude-3.7-sonnet?`,
      // 3B / (730 × 60) = 68,493.15 input tokens a minute: a peak of 68,493 is the least the file may give.
      `error: ${file}:19: workloads[2].peakTpm.input: 1,000 is below the average of 68,493 input tokens a minute that its monthly volume implies over 730 hours; give at least 68,493`,
      `error: ${file}:22: workloads[3].monthly.outputTokens: amazon.titan-embed-text-v2:0 is an input-only model (it has no output price, as an embeddings model has none), so it gives no output tokens; set them to 0`,
      `error: ${file}:25: reservations[0].model: unknown model "claude-instnt" in the us-east-1 rates; did you mean claude-instant, claude-3-sonnet, claude-2?`,
    ]);
  });

  it("exits 2 when --terraform is given something that is not JSON", () => {
    const run = runCli(["check", `${DIR}/check-clean.yaml`, "--terraform", `${DIR}/plan.yaml`]);
    expect(run.code).toBe(2);
    // The plan starts "schemaVersion: 1": the first character is where JSON fails.
    expect(run.stderr).toBe(`error: ${DIR}/plan.yaml:1: invalid JSON: unexpected 's'\n`);
  });
});

describe("plan: measured traffic of one data point", () => {
  it("takes period beside profile: a day's 2,848 / 348 tokens are $0.42 a month on-demand", () => {
    const report = JSON.parse(runCli(["plan", `${DIR}/plan-one-day.yaml`, "--format", "json"]).stdout);
    // (2,848 × $3 + 348 × $15) / 1M × 730 / 24 = $0.4187
    expect(report.workloads[0]).toMatchObject({ name: "daily-totals", lane: "on-demand", monthlyCost: 0.42 });
  });

  it("asks for period when the data cannot tell it, for each series", () => {
    const run = runCli(["plan", `${DIR}/plan-one-day-no-period.yaml`]);
    expect(run.code).toBe(2);
    const message =
      "one data point: the period it covers cannot be read from the data; give it with period beside profile in the plan (1m, 5m, 15m, 1h, 1d or a number of seconds)";
    expect(run.stderr).toBe(
      `error: test/fixtures/traffic/one-day/statistics-input.json: InputTokenCount: ${message}\n` +
        `error: test/fixtures/traffic/one-day/statistics-output.json: OutputTokenCount: ${message}\n`,
    );
  });
});

describe("plan: measured traffic in a folder of invocation logs synced from S3", () => {
  it("reads the folder whole: 100,524,590 input × $3 + 3,590,164 cache read × $0.30 + 14,360,656 output × $15 = $518.06", () => {
    const report = JSON.parse(runCli(["plan", `${DIR}/plan-s3-logs.yaml`, "--format", "json"]).stdout);
    expect(report.workloads[0]).toMatchObject({ name: "support-copilot", lane: "on-demand", onDemandMonthlyCost: 518.06 });
    // What profile says about the files, said of the workload.
    expect(report.notes.map((note: { code: string }) => note.code)).toEqual(["SHORT_WINDOW", "OTHER_MODELS", "SKIPPED_FILES"]);
    expect(report.notes[2].message).toBe(
      "support-copilot: left out 1 file of the folders read: 1 AWS permission-check object (amazon-bedrock-logs-permission-check).",
    );
    expect(report.notes[1].message).toContain("bedrock-cost profile --profile-map FILE says which model each one is.");
  });
});

describe("plans read in CI do not disclose other files", () => {
  const outside = tempDir("outside");
  const shape = tempDir("shape");
  const CLI = join(process.cwd(), "dist/cli.cjs");
  const run = (cwd: string, args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { PATH: process.env.PATH ?? "", TZ: "UTC" } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it("refuses rates: and profile: paths that lead outside the working folder, after links, unless --allow-outside-paths", () => {
    const { dir, file } = outside;
    file(
      "quote.yaml",
      "schemaVersion: 1\nregion: us-east-1\nmodels:\n  - id: claude-instant\n    provisioned:\n      hourlyPerUnit: {sixMonth: 20}\n",
    );
    symlinkSync("/etc/hostname", join(dir, "link.yaml"));
    file(
      "plan.yaml",
      "schemaVersion: 1\nrates: [quote.yaml, /etc/passwd, link.yaml]\nworkloads:\n  - {name: a, model: claude-instant, profile: [../../etc/shadow]}\n",
    );
    const refused = run(dir, ["plan", "plan.yaml"]);
    expect(refused.code).toBe(2);
    const root = realpathSync(dir);
    const tail = `leads outside the working folder (${root}): a plan's rates: and profile: paths must stay inside it; give --allow-outside-paths to read it anyway`;
    expect(refused.stderr).toBe(
      [
        `error: plan.yaml:2: rates[1]: "/etc/passwd" ${tail}`,
        `error: plan.yaml:2: rates[2]: "link.yaml" ${tail}`,
        `error: plan.yaml:4: workloads[0].profile[0]: "../../etc/shadow" ${tail}`,
        "",
      ].join("\n"),
    );
    // Nothing of those files is read, so nothing of them is quoted.
    expect(refused.stderr).not.toMatch(/root:|\$6\$/);
  });

  it("quotes none of a file that is not of the expected shape at all", () => {
    const { file } = shape;
    const notPlan = file("secrets.yaml", "AKIAIOSFODNN7EXAMPLE-and-a-secret-key\n");
    const r = runCli(["plan", notPlan]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${notPlan}:1: expected a mapping with schemaVersion and workloads, got a string\n`);
  });
});
