import type { Readable } from "node:stream";
import { Command } from "commander";
import { collect } from "./cli/option-parsers.js";
import { OPTIONS, type OptionName } from "./cli/options.js";
import type { AuditOptions } from "./commands/audit.js";
import type { ChartOptions } from "./commands/chart.js";
import type { CheckOptions } from "./commands/check.js";
import type { CommandResult, Format } from "./commands/command-result.js";
import type { CompareCommandOptions } from "./commands/compare.js";
import type { PlanOptions } from "./commands/load-plan-context.js";
import type { ProfileOptions } from "./commands/profile.js";
import type { RatesListOptions, RatesShowOptions } from "./commands/rates.js";
import type { RatesDiffOptions } from "./commands/rates-diff.js";
import type { RatesImportOptions } from "./commands/rates-import.js";
import type { RatesValidateOptions } from "./commands/rates-validate.js";
import { UsageError } from "./errors.js";
import type { Charset } from "./render/charset.js";
import { terminalSafe, terminalSafeLines } from "./render/terminal-safe.js";
import { VERSION } from "./version.js";

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
  /** Standard input, opened only when a command reads `-`. */
  stdin?: (() => Readable) | undefined;
}

function emit(io: ProgramIo, result: CommandResult): void {
  io.writeOut(result.stdout);
  for (const line of result.stderr) io.writeErr(`${terminalSafe(line)}\n`);
  io.setExitCode(result.exitCode);
}

function colorOf(io: ProgramIo, command: Command): boolean {
  return io.color(command.optsWithGlobals<{ color?: boolean }>().color);
}

/** Adds options by name, in order: each is defined once, in cli/options.ts. */
function withOptions(command: Command, names: readonly OptionName[]): Command {
  for (const name of names) command.addOption(OPTIONS[name]());
  return command;
}

const RATE_OPTIONS = ["rates", "region", "ratesVersion", "discount"] as const;
const UNIT_OPTIONS = ["unitHourly", "unitInputTpm", "unitOutputTpm"] as const;
/** The flags that describe one workload: compare and chart share them. */
const WORKLOAD_OPTIONS = [
  "model",
  "inputTokens",
  "outputTokens",
  "cacheReadTokens",
  "cacheWriteTokens",
  "cacheWrite1hTokens",
  "longContextInputTokens",
  "longContextOutputTokens",
  "units",
  "term",
  "hoursPerMonth",
  "peakInputTpm",
  "peakOutputTpm",
  "compareLatency",
  "tier",
  "overflow",
  "minSaving",
] as const;

/**
 * A flag that takes one value, given twice (`--region us-east-1 ... --region eu-west-1`), is an error
 * rather than "the last one wins": in a long CI command line the first may be the one meant.
 * Repeatable flags (`--rates`) stay repeatable.
 */
function refuseRepeatedFlags(command: Command, argv: readonly string[]): void {
  const end = argv.indexOf("--");
  const args = end < 0 ? argv : argv.slice(0, end);
  for (const option of command.options) {
    if (!(option.required || option.optional) || option.parseArg === collect) continue;
    const given = args.filter(
      (arg) => arg === option.long || arg === option.short || (option.long !== undefined && arg.startsWith(`${option.long}=`)),
    ).length;
    if (given > 1) throw new UsageError(`${option.long ?? option.short} is given ${given} times: give it once`);
  }
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
    // commander echoes what the user typed (an unknown option, a bad value): shown only as safe text.
    .configureOutput({ writeOut: (text) => io.writeOut(text), writeErr: (text) => io.writeErr(terminalSafeLines(text)) })
    .showSuggestionAfterError(true)
    .helpCommand(false)
    // commander keeps the words it parsed in rawArgs, which its types do not declare.
    .hook("preAction", (_, action) => refuseRepeatedFlags(action, (program as unknown as { rawArgs: string[] }).rawArgs));

  const compare = program
    .command("compare")
    .description("price one workload on-demand, on Batch and on Provisioned Throughput, with break-even and a recommendation");
  withOptions(compare, [
    "models",
    ...WORKLOAD_OPTIONS.filter((name) => name !== "model"),
    "scope",
    "credits",
    ...RATE_OPTIONS,
    ...UNIT_OPTIONS,
    "reportFormat",
  ]).action(async (options: CompareCommandOptions, command: Command) => {
    const { runCompare } = await import("./commands/compare.js");
    emit(io, await runCompare(options, colorOf(io, command)));
  });

  const chart = program
    .command("chart")
    .description("draw monthly cost against monthly volume for each lane, with the break-evens and your volume marked");
  withOptions(chart, [
    "models",
    ...WORKLOAD_OPTIONS.filter((name) => name !== "model"),
    "chartFormat",
    "width",
    "output",
    "force",
    "ascii",
    ...RATE_OPTIONS,
    ...UNIT_OPTIONS,
  ]).action(async (options: ChartOptions, command: Command) => {
    const [{ runChart }, { makePainter }] = await Promise.all([import("./commands/chart.js"), import("./render/colors.js")]);
    emit(
      io,
      await runChart(options, { columns: io.columns, charset: (ascii) => io.charset(ascii), paint: makePainter(colorOf(io, command)) }),
    );
  });

  const profile = program
    .command("profile")
    .description("profile measured traffic (CSV, CloudWatch metrics, invocation logs) and price every unit count minute by minute")
    .argument(
      "<files...>",
      "files or folders (read whole) of CSV, get-metric-data or get-metric-statistics JSON, or invocation logs, plain or gzip; - for standard input",
    );
  withOptions(profile, [
    "model",
    "term",
    "hoursPerMonth",
    "period",
    "profileMap",
    "latency",
    "overflow",
    "scope",
    ...RATE_OPTIONS,
    ...UNIT_OPTIONS,
    "profileFormat",
    "output",
    "force",
  ]).action(async (files: string[], options: ProfileOptions, command: Command) => {
    const { runProfile } = await import("./commands/profile.js");
    emit(io, await runProfile(files, options, colorOf(io, command), io.stdin));
  });

  const plan = program
    .command("plan")
    .description("put every workload of a plan file in its lane (on-demand, Batch or PT), with the account's totals")
    .argument("<file>", "a plan file (YAML)");
  withOptions(plan, ["hoursPerMonth", "credits", ...RATE_OPTIONS, "allowOutsidePaths", "reportFormat"]).action(
    async (file: string, options: PlanOptions, command: Command) => {
      const { runPlan } = await import("./commands/plan.js");
      emit(io, await runPlan(file, options, colorOf(io, command)));
    },
  );

  const check = program
    .command("check")
    .description("judge a plan's proposed reservations against its workloads and policy: exit 0 passes, 1 fails, 2 bad input")
    .argument("<file>", "a plan file (YAML)");
  withOptions(check, [
    "terraform",
    "baseline",
    "baselineTerraform",
    "hoursPerMonth",
    ...RATE_OPTIONS,
    "allowOutsidePaths",
    "checkFormat",
  ]).action(async (file: string, options: CheckOptions, command: Command) => {
    const { runCheck } = await import("./commands/check.js");
    emit(io, await runCheck(file, options, colorOf(io, command)));
  });

  const audit = program
    .command("audit")
    .description(
      "read an account's traffic once: every model in its best lane, every Provisioned Throughput judged, a plan written for you",
    )
    .argument(
      "<paths...>",
      "files or folders of invocation logs, CloudWatch get-metric-data JSON (labels naming models) or CSV with a modelId column, plain or gzip; - for standard input",
    );
  withOptions(audit, [
    "provisioned",
    "writePlan",
    "output",
    "forceWritePlan",
    "latencyAsync",
    "profileMap",
    "period",
    "hoursPerMonth",
    ...RATE_OPTIONS,
    "auditFormat",
  ]).action(async (paths: string[], options: AuditOptions, command: Command) => {
    const { runAudit } = await import("./commands/audit.js");
    emit(io, await runAudit(paths, options, colorOf(io, command), io.stdin));
  });

  const rates = program.command("rates").description("see, check and refresh the prices bedrock-cost uses");
  const ratesList = rates
    .command("list")
    .description("every model with its on-demand, Batch, cache and PT prices, its lanes and its source");
  withOptions(ratesList, ["provider", "lane", ...RATE_OPTIONS, "format"]).action(async (options: RatesListOptions) => {
    const { runRatesList } = await import("./commands/rates.js");
    emit(io, await runRatesList(options));
  });
  withOptions(rates.command("versions").description("the bundled price versions, by region"), ["format"]).action(
    async (options: { format: Format }) => {
      const { runRatesVersions } = await import("./commands/rates.js");
      emit(io, await runRatesVersions(options));
    },
  );
  const ratesShow = rates
    .command("show")
    .description("one model in full, and what is unknown about it")
    .argument("<model>", "model id, alias, profile id or ARN");
  withOptions(ratesShow, [...RATE_OPTIONS, "format"]).action(async (model: string, options: RatesShowOptions) => {
    const { runRatesShow } = await import("./commands/rates.js");
    emit(io, await runRatesShow(model, options));
  });
  const ratesValidate = rates
    .command("validate")
    .description("check rate files: exit 0 when valid, 2 with every problem listed")
    .argument("<files...>", "rate files (YAML)");
  withOptions(ratesValidate, ["bundled", "format"]).action(async (files: string[], options: RatesValidateOptions) => {
    const { runRatesValidate } = await import("./commands/rates-validate.js");
    emit(io, await runRatesValidate(files, options));
  });
  const ratesDiff = rates
    .command("diff")
    .description("models added and removed, and every price that moved, between two versions or files")
    .argument("<old>", "a bundled version (its date) or a rate file")
    .argument("<new>", "a bundled version (its date) or a rate file");
  withOptions(ratesDiff, ["region", "format"]).action(async (before: string, after: string, options: RatesDiffOptions) => {
    const { runRatesDiff } = await import("./commands/rates-diff.js");
    emit(io, await runRatesDiff(before, after, options));
  });
  const ratesImport = rates
    .command("import")
    .description("convert the AWS Price List (offer files or get-products output) into a rate file")
    .argument("<files...>", "AmazonBedrock / AmazonBedrockFoundationModels offer files, or aws pricing get-products output")
    .addOption(OPTIONS.region().makeOptionMandatory());
  withOptions(ratesImport, ["effectiveDate", "output", "force", "names"]).action(async (files: string[], options: RatesImportOptions) => {
    const { runRatesImport } = await import("./commands/rates-import.js");
    emit(io, await runRatesImport(files, options));
  });

  return program;
}
