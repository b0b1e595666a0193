import { type CreditsRunway, creditsRunway } from "../core/cost-model/credits.js";
import type { OverflowTo } from "../core/cost-model/pricing.js";
import type { ReservedScope } from "../core/cost-model/reserved-tier.js";
import type { TokensPerMinute } from "../core/cost-model/volume.js";
import { makeVolume } from "../core/cost-model/volume.js";
import { type CompareResult, compareLanes } from "../core/lanes/compare-lanes.js";
import type { CompareLatency, Tier } from "../core/lanes/lanes.js";
import { workloadProblems } from "../core/plans/workload-problems.js";
import { pricedTerms, type RateCard } from "../core/rates/rate-card.js";
import { UsageError } from "../errors.js";
import { renderCompareCsv, renderCompareSetCsv } from "../render/compare-csv.js";
import { renderCompareJson, renderCompareSetJson } from "../render/compare-json.js";
import { creditsMessage, noteMessage } from "../render/messages.js";
import { workloadProblemMessage } from "../render/workload-problem-message.js";
import { assertExact } from "./assert-exact.js";
import { type CommandResult, type ReportFormat, renderAs } from "./command-result.js";
import { applyUnitFlags, findModel, type RateFlags, rateCardOfFlags, type UnitFlags } from "./model-flags.js";

export interface CompareOptions extends RateFlags, UnitFlags {
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  cacheWrite1hTokens?: number;
  longContextInputTokens?: number;
  longContextOutputTokens?: number;
  units?: number;
  hoursPerMonth?: number;
  peakInputTpm?: number;
  peakOutputTpm?: number;
  latency: CompareLatency;
  tier?: Tier;
  overflow: OverflowTo;
  minSaving?: number;
  scope?: ReservedScope;
  /** USD of credits, to say how many months they fund. */
  credits?: number;
  format: ReportFormat;
}

/** The flag each field of a workload's inputs comes from, as the start of its message. */
const FLAG_OF: Readonly<Record<string, string>> = {
  "monthly.outputTokens": "--output-tokens: ",
  "monthly.cacheReadTokens": "--cache-read-tokens: ",
  "monthly.cacheWriteTokens": "--cache-write-tokens: ",
  "monthly.cacheWrite1hTokens": "--cache-write-1h-tokens: ",
  "monthly.longContextInputTokens": "--long-context-input-tokens: ",
  "monthly.longContextOutputTokens": "--long-context-output-tokens: ",
  "peakTpm.input": "--peak-input-tpm ",
  "peakTpm.output": "--peak-output-tpm ",
};

function peakFrom(options: Pick<CompareOptions, "peakInputTpm" | "peakOutputTpm">): TokensPerMinute | undefined {
  const { peakInputTpm: input, peakOutputTpm: output } = options;
  if (input === undefined && output === undefined) return undefined;
  if (input === undefined || output === undefined) {
    throw new UsageError("--peak-input-tpm and --peak-output-tpm go together: the peak minute needs both figures");
  }
  return { input, output };
}

/** The comparison the flags ask for, with the rates it used: shared by compare and chart. */
export async function compareFromFlags(options: Omit<CompareOptions, "format">): Promise<{ card: RateCard; result: CompareResult }> {
  const card = await rateCardOfFlags(options);
  const model = applyUnitFlags(findModel(card, options.model), options);
  const hoursPerMonth = options.hoursPerMonth ?? card.hoursPerMonth;
  const volume = makeVolume({
    inputTokens: options.inputTokens,
    outputTokens: options.outputTokens,
    cacheReadTokens: options.cacheReadTokens ?? 0,
    cacheWriteTokens: options.cacheWriteTokens ?? 0,
    cacheWrite1hTokens: options.cacheWrite1hTokens ?? 0,
    longContextInputTokens: options.longContextInputTokens ?? 0,
    longContextOutputTokens: options.longContextOutputTokens ?? 0,
  });
  const peakTpm = peakFrom(options);
  if (options.tier === "priority" && !model.priority) {
    throw new UsageError(
      `--tier priority: no Priority tier price is known for ${model.id}; add priority: {inputPerMTok, outputPerMTok} in a rate file (--rates FILE)`,
    );
  }
  if (options.latency === "flex" && !model.flex) {
    throw new UsageError(
      `--latency flex: no Flex tier price is known for ${model.id}; add flex: {inputPerMTok, outputPerMTok} in a rate file (--rates FILE), or use --latency interactive`,
    );
  }
  const problems = workloadProblems({ model, volume, peakTpm, custom: false, hoursPerMonth, latency: options.latency, tier: options.tier });
  const flagOf = (path: string) =>
    path === "latency" ? `--latency ${options.latency}: ` : path === "tier" ? `--tier ${options.tier}: ` : FLAG_OF[path];
  if (problems.length > 0)
    throw new UsageError(
      problems.map((problem) => `${flagOf(problem.path.join("."))}${workloadProblemMessage(problem, "flags")}`).join("\n"),
    );
  const terms = options.term ? [options.term] : undefined;
  if (!model.onDemand && !pricedTerms(model).some((term) => !terms || terms.includes(term))) {
    throw new UsageError(
      `--term ${options.term}: ${model.id} is served on PT only and has no ${options.term} price; add one with --unit-hourly or --rates`,
    );
  }

  const result = compareLanes({
    model,
    volume,
    hoursPerMonth,
    units: options.units,
    peakTpm,
    terms,
    latency: options.latency,
    tier: options.tier,
    overflow: options.overflow,
    minSaving: options.minSaving,
    scope: options.scope,
  });
  assertExact(result, "the volumes and rates given");
  return { card, result };
}

/** compare's own flags: --model may be repeated. */
export type CompareCommandOptions = Omit<CompareOptions, "model"> & { model: string[] };

/** What one model's comparison prints, and the credits line under its table. */
async function compareOne(
  options: CompareOptions,
): Promise<{ card: RateCard; result: CompareResult; credits?: CreditsRunway; creditsLine?: string }> {
  const { card, result } = await compareFromFlags(options);
  const allOnDemand = result.onDemand?.monthlyCost ?? null;
  if (options.credits === undefined) return { card, result };
  const credits = creditsRunway(options.credits, result.recommendation.monthlyCost, allOnDemand);
  return { card, result, credits, creditsLine: creditsMessage(credits, result.recommendation.monthlyCost, allOnDemand) };
}

export async function runCompare(options: CompareCommandOptions, color: boolean): Promise<CommandResult> {
  const names = options.model;
  const runs = [];
  for (const name of names) runs.push(await compareOne({ ...options, model: name }));
  const seen = new Map<string, string>();
  for (const [i, run] of runs.entries()) {
    const earlier = seen.get(run.result.model.id);
    if (earlier !== undefined)
      throw new UsageError(`--model ${names[i]} and --model ${earlier} name the same model, ${run.result.model.id}`);
    seen.set(run.result.model.id, names[i] as string);
  }
  const hint =
    options.format === "table" ? ["hint: the same flags with bedrock-cost chart draw cost against volume, with the crossover marked"] : [];
  // In JSON the notes are part of the report; in CSV the credits lines go with them to stderr.
  const stderr: string[] = [];
  for (const run of runs) {
    const prefix = runs.length > 1 ? `${run.result.model.id}: ` : "";
    if (options.format !== "json") stderr.push(...run.result.notes.map((note) => `note: ${prefix}${noteMessage(note)}`));
    if (options.format === "csv" && run.creditsLine) stderr.push(`note: ${prefix}${run.creditsLine}`);
  }
  if (runs.length === 1) {
    const { card, result, credits, creditsLine } = runs[0] as (typeof runs)[number];
    const stdout = await renderAs(
      options.format,
      {
        json: (r) => renderCompareJson(r, card, credits),
        csv: renderCompareCsv,
        markdown: async (r) => {
          const { renderCompareMarkdown } = await import("../render/compare-markdown.js");
          return renderCompareMarkdown([{ result: r, card, extra: creditsLine ?? "" }]);
        },
        // The table libraries (cli-table3, chalk) are loaded only for table output.
        table: async (r) => {
          const [{ renderCompareTable }, { makePainter }] = await Promise.all([
            import("../render/compare-table.js"),
            import("../render/colors.js"),
          ]);
          const table = renderCompareTable(r, card, makePainter(color));
          return creditsLine ? `${table}${creditsLine}\n` : table;
        },
      },
      result,
    );
    return { stdout, stderr: [...stderr, ...hint], exitCode: 0 };
  }
  const stdout = await renderAs(
    options.format,
    {
      json: (r) => renderCompareSetJson(r),
      csv: (r) => renderCompareSetCsv(r.map((run) => run.result)),
      markdown: async (r) => {
        const { renderCompareMarkdown } = await import("../render/compare-markdown.js");
        return renderCompareMarkdown(r);
      },
      table: async (r) => {
        const [{ renderCompareSetTable }, { makePainter }] = await Promise.all([
          import("../render/compare-table.js"),
          import("../render/colors.js"),
        ]);
        return renderCompareSetTable(
          r.map((run) => ({ ...run, extra: run.creditsLine ? `${run.creditsLine}\n` : "" })),
          makePainter(color),
        );
      },
    },
    runs,
  );
  return { stdout, stderr: [...stderr, ...hint], exitCode: 0 };
}
