import { Command, Option } from "commander";
import { FORMATS, type CommandResult, type Format } from "./commands/command-result.js";
import type { ChartOptions } from "./commands/chart.js";
import type { CheckOptions } from "./commands/check.js";
import type { CompareOptions } from "./commands/compare.js";
import type { PlanOptions } from "./commands/load-plan-context.js";
import type { ProfileOptions } from "./commands/profile.js";
import type { RatesListOptions, RatesShowOptions } from "./commands/rates.js";
import type { RatesDiffOptions } from "./commands/rates-diff.js";
import type { RatesImportOptions } from "./commands/rates-import.js";
import type { RatesValidateOptions } from "./commands/rates-validate.js";
import { collect, dateArg, hoursArg, positiveTokenRateArg, regionArg, tokenCountArg, unitsArg, usdArg, widthArg } from "./cli/option-parsers.js";
import { TERMS } from "./core/cost-model/terms.js";
import { LANES, LATENCIES } from "./core/lanes/lanes.js";
import type { Charset } from "./render/charset.js";
import { terminalSafe } from "./render/terminal-safe.js";
import { VERSION } from "./version.js";

// Kept here rather than imported from commands/chart.js, which loads only when chart runs.
const CHART_FORMATS = ["text", "svg"] as const;

export interface ProgramIo {
  writeOut(text: string): void;
  writeErr(text: string): void;
  /** Whether colour is wanted for table output (decided once, in main). */
  color(flag: boolean | undefined): boolean;
  /** Records the exit code a command finished with. */
  setExitCode(code: number): void;
  /** Columns of the terminal, when stdout is one. */
  columns: number | undefined;
  /** Drawing characters or plain ones (decided once, in main). */
  charset(ascii: boolean): Charset;
}

function emit(io: ProgramIo, result: CommandResult): void {
  io.writeOut(result.stdout);
  for (const line of result.stderr) io.writeErr(`${terminalSafe(line)}\n`);
  io.setExitCode(result.exitCode);
}

function colorOf(io: ProgramIo, command: Command): boolean {
  return io.color(command.optsWithGlobals<{ color?: boolean }>().color);
}

/** Adds the options every rate-reading command shares. */
function rateOptions(command: Command): Command {
  return command
    .option("-r, --rates <file>", "a rate file laid over the bundled rates (repeatable)", collect, [])
    .option("--region <region>", "AWS region of the rates (default: the first --rates file's, else us-east-1)", regionArg)
    .option("--rates-version <date>", "an older bundled price version, by effective date", dateArg);
}

/** The flags that describe one workload: compare and chart share them. */
function workloadOptions(command: Command): Command {
  return command
    .requiredOption("-m, --model <model>", "model id, alias, cross-region profile id or foundation-model ARN")
    .requiredOption("--input-tokens <n>", "input tokens a month (3000000000, 3B, 600M, 250k, 1.5e9, 3_000_000)", tokenCountArg)
    .requiredOption("--output-tokens <n>", "output tokens a month", tokenCountArg)
    .option("--cache-read-tokens <n>", "prompt-cache read tokens a month, priced at the cache-read rate", tokenCountArg)
    .option("--cache-write-tokens <n>", "prompt-cache write tokens a month, priced at the cache-write rate", tokenCountArg)
    .option("--units <n>", "model units to price (default: sized from the peak, else from the volume)", unitsArg)
    .addOption(new Option("--term <term>", "price only this PT term").choices(TERMS))
    .option("--hours-per-month <h>", "hours in a billing month (default: the rate file's, else 730)", hoursArg)
    .option("--peak-input-tpm <n>", "peak input tokens per minute, to size units", positiveTokenRateArg)
    .option("--peak-output-tpm <n>", "peak output tokens per minute, to size units", positiveTokenRateArg)
    .addOption(new Option("--latency <latency>", "interactive, or async for work that can wait (Batch)").choices(LATENCIES).default("interactive"));
}

/** The flags that lay a run's own PT price and unit throughput over the rates. */
function unitOptions(command: Command): Command {
  return command
    .option("--unit-hourly <usd>", "a quoted PT price per unit-hour for --term, for this run", usdArg)
    .option("--unit-input-tpm <n>", "input tokens per minute one model unit carries", positiveTokenRateArg)
    .option("--unit-output-tpm <n>", "output tokens per minute one model unit carries", positiveTokenRateArg);
}

function formatOption(command: Command): Command {
  return command.addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("table"));
}

// Each command's code is imported when the command runs, so that --help, --version and every
// command start without loading what they do not use.
export function createProgram(io: ProgramIo): Command {
  const program = new Command("bedrock-cost")
    .description("On-demand, Batch or Provisioned Throughput for each Amazon Bedrock workload, with the numbers behind the answer.")
    .version(VERSION, "-V, --version")
    .option("--color", "colour the table even when stdout is not a terminal")
    .option("--no-color", "never colour the output")
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.writeOut(text), writeErr: (text) => io.writeErr(text) })
    .showSuggestionAfterError(true)
    .helpCommand(false);

  const compare = workloadOptions(
    program.command("compare").description("price one workload on-demand, on Batch and on Provisioned Throughput, with break-even and a recommendation"),
  );
  formatOption(unitOptions(rateOptions(compare))).action(async (options: CompareOptions, command: Command) => {
    const { runCompare } = await import("./commands/compare.js");
    emit(io, await runCompare(options, colorOf(io, command)));
  });

  const chart = workloadOptions(
    program
      .command("chart")
      .description("draw monthly cost against monthly volume for each lane, with the break-evens and your volume marked"),
  )
    .addOption(new Option("-f, --format <format>", "text for the terminal, or svg").choices(CHART_FORMATS).default("text"))
    .option("--width <columns>", "columns to draw in (default: the terminal's, else 80)", widthArg)
    .option("-o, --output <file>", "with --format svg: write the SVG to this file (whole or not at all)")
    .option("--force", "replace an existing --output file")
    .option("--ascii", "plain characters only");
  unitOptions(rateOptions(chart)).action(async (options: ChartOptions, command: Command) => {
    const [{ runChart }, { makePainter }] = await Promise.all([import("./commands/chart.js"), import("./render/colors.js")]);
    emit(io, await runChart(options, { columns: io.columns, charset: (ascii) => io.charset(ascii), paint: makePainter(colorOf(io, command)) }));
  });

  const profile = program
    .command("profile")
    .description("profile measured traffic (CSV, CloudWatch metrics, invocation logs) and price every unit count minute by minute")
    .argument("<files...>", "CSV, get-metric-data or get-metric-statistics JSON, invocation logs (NDJSON or a CloudWatch Logs export)")
    .requiredOption("-m, --model <model>", "model id, alias, cross-region profile id or foundation-model ARN")
    .addOption(new Option("--term <term>", "price only this PT term").choices(TERMS))
    .option("--hours-per-month <h>", "hours in a billing month (default: the rate file's, else 730)", hoursArg)
    .addOption(new Option("--latency <latency>", "interactive, or async to show Batch").choices(LATENCIES).default("interactive"));
  formatOption(unitOptions(rateOptions(profile))).action(async (files: string[], options: ProfileOptions, command: Command) => {
    const { runProfile } = await import("./commands/profile.js");
    emit(io, await runProfile(files, options, colorOf(io, command)));
  });

  const plan = program
    .command("plan")
    .description("put every workload of a plan file in its lane (on-demand, Batch or PT), with the account's totals")
    .argument("<file>", "a plan file (YAML)")
    .option("--hours-per-month <h>", "hours in a billing month (default: the plan's, else the rate file's, else 730)", hoursArg);
  formatOption(rateOptions(plan)).action(async (file: string, options: PlanOptions, command: Command) => {
    const { runPlan } = await import("./commands/plan.js");
    emit(io, await runPlan(file, options, colorOf(io, command)));
  });

  const check = program
    .command("check")
    .description("judge a plan's proposed reservations against its workloads and policy: exit 0 passes, 1 fails, 2 bad input")
    .argument("<file>", "a plan file (YAML)")
    .option("--terraform <plan-json>", "the output of terraform show -json PLANFILE; its PT resources replace the plan's reservations")
    .option("--hours-per-month <h>", "hours in a billing month (default: the plan's, else the rate file's, else 730)", hoursArg);
  formatOption(rateOptions(check)).action(async (file: string, options: CheckOptions, command: Command) => {
    const { runCheck } = await import("./commands/check.js");
    emit(io, await runCheck(file, options, colorOf(io, command)));
  });

  const rates = program.command("rates").description("see, check and refresh the prices bedrock-cost uses");
  const ratesList = rates
    .command("list")
    .description("every model with its on-demand, Batch, cache and PT prices, its lanes and its source")
    .option("--provider <name>", "only this provider's models")
    .addOption(new Option("--lane <lane>", "only models with this lane").choices(LANES));
  formatOption(rateOptions(ratesList)).action(async (options: RatesListOptions) => {
    const { runRatesList } = await import("./commands/rates.js");
    emit(io, await runRatesList(options));
  });
  formatOption(rates.command("versions").description("the bundled price versions, by region")).action(async (options: { format: Format }) => {
    const { runRatesVersions } = await import("./commands/rates.js");
    emit(io, await runRatesVersions(options));
  });
  const ratesShow = rates.command("show").description("one model in full, and what is unknown about it").argument("<model>", "model id, alias, profile id or ARN");
  formatOption(rateOptions(ratesShow)).action(async (model: string, options: RatesShowOptions) => {
    const { runRatesShow } = await import("./commands/rates.js");
    emit(io, await runRatesShow(model, options));
  });
  const ratesValidate = rates
    .command("validate")
    .description("check rate files: exit 0 when valid, 2 with every problem listed")
    .argument("<files...>", "rate files (YAML)")
    .option("--bundled", "apply the rules of a bundled file (sources, complete models) instead of a quote's");
  formatOption(ratesValidate).action(async (files: string[], options: RatesValidateOptions) => {
    const { runRatesValidate } = await import("./commands/rates-validate.js");
    emit(io, await runRatesValidate(files, options));
  });
  const ratesDiff = rates
    .command("diff")
    .description("models added and removed, and every price that moved, between two versions or files")
    .argument("<old>", "a bundled version (its date) or a rate file")
    .argument("<new>", "a bundled version (its date) or a rate file")
    .option("--region <region>", "region of the bundled versions (default us-east-1)", regionArg);
  formatOption(ratesDiff).action(async (before: string, after: string, options: RatesDiffOptions) => {
    const { runRatesDiff } = await import("./commands/rates-diff.js");
    emit(io, await runRatesDiff(before, after, options));
  });
  rates
    .command("import")
    .description("convert the AWS Price List (offer files or get-products output) into a rate file")
    .argument("<files...>", "AmazonBedrock / AmazonBedrockFoundationModels offer files, or aws pricing get-products output")
    .requiredOption("--region <region>", "the region to take prices for", regionArg)
    .requiredOption("--effective-date <date>", "the date the prices take effect, for the rate file", dateArg)
    .option("-o, --output <file>", "write the rate file here (whole or not at all) instead of to stdout")
    .option("--force", "replace an existing --output file")
    .option("--names <file>", "YAML mapping Price List names to Bedrock model ids: names: {\"Name\": model.id}")
    .action(async (files: string[], options: RatesImportOptions) => {
      const { runRatesImport } = await import("./commands/rates-import.js");
      emit(io, await runRatesImport(files, options));
    });

  return program;
}
