import { Option } from "commander";
import { AUDIT_FORMATS, CHART_FORMATS, CHECK_FORMATS, FORMATS, PROFILE_FORMATS, REPORT_FORMATS } from "../commands/command-result.js";
import { OVERFLOW_CHOICES } from "../core/cost-model/pricing.js";
import { RESERVED_SCOPES } from "../core/cost-model/reserved-tier.js";
import { TERMS } from "../core/cost-model/terms.js";
import { COMPARE_LATENCIES, LANES, LATENCIES, TIERS } from "../core/lanes/lanes.js";
import {
  collect,
  creditsArg,
  dateArg,
  fractionArg,
  hoursArg,
  percentArg,
  periodArg,
  positiveTokenRateArg,
  regionArg,
  tokenCountArg,
  unitsArg,
  usdArg,
  widthArg,
} from "./option-parsers.js";

/**
 * Every option of every command, each defined once with one help text. A factory, not a shared
 * instance, because commander keeps per-command state on its options.
 */
export const OPTIONS = {
  model: () => new Option("-m, --model <model>", "model id, alias, cross-region profile id or foundation-model ARN").makeOptionMandatory(),
  models: () =>
    new Option(
      "-m, --model <model>",
      "model id, alias, cross-region profile id or foundation-model ARN; repeat it to compare several models side by side",
    )
      .argParser(collect)
      .makeOptionMandatory(),
  inputTokens: () =>
    new Option("--input-tokens <n>", "input tokens a month (3000000000, 3B, 600M, 250k, 1.5e9, 3_000_000)")
      .argParser(tokenCountArg)
      .makeOptionMandatory(),
  outputTokens: () => new Option("--output-tokens <n>", "output tokens a month").argParser(tokenCountArg).makeOptionMandatory(),
  cacheReadTokens: () =>
    new Option("--cache-read-tokens <n>", "prompt-cache read tokens a month, priced at the cache-read rate").argParser(tokenCountArg),
  cacheWriteTokens: () =>
    new Option("--cache-write-tokens <n>", "prompt-cache write tokens a month, priced at the cache-write rate").argParser(tokenCountArg),
  cacheWrite1hTokens: () =>
    new Option(
      "--cache-write-1h-tokens <n>",
      "prompt-cache write tokens a month kept 1 hour, priced at the 1-hour cache-write rate",
    ).argParser(tokenCountArg),
  longContextInputTokens: () =>
    new Option(
      "--long-context-input-tokens <n>",
      "of --input-tokens, those of requests above the model's long-context length, priced at its longContext rate",
    ).argParser(tokenCountArg),
  longContextOutputTokens: () =>
    new Option(
      "--long-context-output-tokens <n>",
      "of --output-tokens, those of requests above the model's long-context length, priced at its longContext rate",
    ).argParser(tokenCountArg),
  units: () => new Option("--units <n>", "model units to price (default: sized from the peak, else from the volume)").argParser(unitsArg),
  term: () => new Option("--term <term>", "price only this PT term").choices(TERMS),
  hoursPerMonth: () =>
    new Option(
      "--hours-per-month <h>",
      "hours in a billing month, at most 744 (default: the plan's hoursPerMonth, else the rate files', else 730)",
    ).argParser(hoursArg),
  peakInputTpm: () => new Option("--peak-input-tpm <n>", "peak input tokens per minute, to size units").argParser(positiveTokenRateArg),
  peakOutputTpm: () => new Option("--peak-output-tpm <n>", "peak output tokens per minute, to size units").argParser(positiveTokenRateArg),
  overflow: () =>
    new Option(
      "--overflow <to>",
      "where traffic above reserved units goes: on-demand when your application falls back to it on throttling, else throttle",
    )
      .choices(OVERFLOW_CHOICES)
      .default("on-demand"),
  period: () =>
    new Option("--period <period>", "the period of each data point (1m, 5m, 15m, 1h, 1d or seconds), when the data cannot tell").argParser(
      periodArg,
    ),
  profileMap: () =>
    new Option(
      "--profile-map <file>",
      "YAML mapping application-inference-profile ARNs in invocation logs to models: profiles: {ARN: model.id}",
    ),
  provisioned: () =>
    new Option(
      "--provisioned <file>",
      "the output of aws bedrock list-provisioned-model-throughputs: each Provisioned Throughput judged against its ARN's traffic",
    ),
  writePlan: () =>
    new Option(
      "--write-plan <file>",
      "write a plan file with a measured workload per model and the reservations found (an existing file is kept unless --force)",
    ),
  forceWritePlan: () => new Option("--force", "replace an existing --output or --write-plan file"),
  latencyAsync: () =>
    new Option("--latency-async <model>", "this model's traffic can wait: Batch is its lane where it has one (repeatable)").argParser(
      collect,
    ),
  allowOutsidePaths: () =>
    new Option(
      "--allow-outside-paths",
      "let the plan's rates: and profile: paths lead outside the working folder (they must not by default)",
    ),
  minSaving: () =>
    new Option(
      "--min-saving <share>",
      "the least share of the on-demand cost a commitment (PT units, a Reserved tier reservation) must save to be recommended (default 0.05)",
    ).argParser(fractionArg),
  discount: () =>
    new Option(
      "--discount <percent>",
      "a private discount, percent off every list price, for this run (rate files' discounts, more specific, win)",
    ).argParser(percentArg),
  credits: () =>
    new Option(
      "--credits <usd>",
      "credits (or a budget) in US dollars: how many months they fund, in the recommended lanes and all on-demand",
    ).argParser(creditsArg),
  scope: () =>
    new Option(
      "--scope <scope>",
      "the Reserved tier's scope, global or geo (default: that of the model id, global. ids global, others geo)",
    ).choices(RESERVED_SCOPES),
  latency: () =>
    new Option("--latency <latency>", "interactive, or async for work that can wait (Batch)").choices(LATENCIES).default("interactive"),
  compareLatency: () =>
    new Option(
      "--latency <latency>",
      "interactive; flex for work that can take longer (the Flex tier); async for work that can wait (Batch)",
    )
      .choices(COMPARE_LATENCIES)
      .default("interactive"),
  tier: () =>
    new Option("--tier <tier>", "the on-demand tier interactive traffic is priced at: standard, or priority (the Priority tier's prices)")
      .choices(TIERS)
      .default("standard"),
  unitHourly: () => new Option("--unit-hourly <usd>", "a quoted PT price per unit-hour for --term, for this run").argParser(usdArg),
  unitInputTpm: () => new Option("--unit-input-tpm <n>", "input tokens per minute one model unit carries").argParser(positiveTokenRateArg),
  unitOutputTpm: () =>
    new Option("--unit-output-tpm <n>", "output tokens per minute one model unit carries").argParser(positiveTokenRateArg),
  rates: () => new Option("-r, --rates <file>", "a rate file laid over the bundled rates (repeatable)").argParser(collect).default([]),
  region: () =>
    new Option("--region <region>", "AWS region of the rates (default us-east-1; required by rates import)").argParser(regionArg),
  ratesVersion: () => new Option("--rates-version <date>", "an older bundled price version, by effective date").argParser(dateArg),
  format: () => new Option("-f, --format <format>", "output format").choices(FORMATS).default("table"),
  reportFormat: () =>
    new Option("-f, --format <format>", "output format: table, json, csv or markdown (a pull-request comment or a shared report)")
      .choices(REPORT_FORMATS)
      .default("table"),
  checkFormat: () =>
    new Option(
      "-f, --format <format>",
      "output format: table, json, csv, markdown (a pull-request comment) or github (workflow annotations)",
    )
      .choices(CHECK_FORMATS)
      .default("table"),
  auditFormat: () =>
    new Option("-f, --format <format>", "output format: table, json, csv, markdown (a report to share) or svg (a picture of each model)")
      .choices(AUDIT_FORMATS)
      .default("table"),
  profileFormat: () =>
    new Option("-f, --format <format>", "output format: table, json, csv or svg (the traffic's week and the cost of each unit count)")
      .choices(PROFILE_FORMATS)
      .default("table"),
  chartFormat: () =>
    new Option("-f, --format <format>", "output format: text for the terminal, or svg").choices(CHART_FORMATS).default("text"),
  width: () => new Option("--width <columns>", "columns to draw in (default: the terminal's, else 80)").argParser(widthArg),
  ascii: () => new Option("--ascii", "plain characters only"),
  output: () =>
    new Option(
      "-o, --output <file>",
      "write to this file instead of stdout (whole or not at all; an existing file is kept unless --force)",
    ),
  force: () => new Option("--force", "replace an existing --output file"),
  terraform: () =>
    new Option("--terraform <plan-json>", "the output of terraform show -json PLANFILE; its PT resources replace the plan's reservations"),
  baseline: () =>
    new Option(
      "--baseline <plan-file>",
      "the same plan file from the base branch: report what the change adds, for policy.maxMonthlyIncrease",
    ),
  baselineTerraform: () => new Option("--baseline-terraform <plan-json>", "the base branch's Terraform plan JSON, with --baseline"),
  provider: () => new Option("--provider <name>", "only this provider's models"),
  lane: () => new Option("--lane <lane>", "only models with this lane").choices(LANES),
  bundled: () => new Option("--bundled", "apply the rules of a bundled file (sources, complete models) instead of a quote's"),
  effectiveDate: () =>
    new Option("--effective-date <date>", "the date the prices take effect, for the rate file").argParser(dateArg).makeOptionMandatory(),
  names: () => new Option("--names <file>", 'YAML mapping Price List names to Bedrock model ids: names: {"Name": model.id}'),
} as const satisfies Record<string, () => Option>;

export type OptionName = keyof typeof OPTIONS;
