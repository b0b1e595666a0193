import { inputSideTokens } from "../core/volume.js";
import { compareLanes, type CompareResult } from "../core/compare-lanes.js";
import { pricedTerms, type ModelRates, type RateCard, type Term } from "../core/rates.js";
import type { Latency } from "../core/reasons.js";
import { missingCachePrices } from "../core/pricing.js";
import { makeVolume, type Volume } from "../core/volume.js";
import { UsageError } from "../errors.js";
import { loadRateCard } from "../readers/load-rate-card.js";
import { renderCompareCsv } from "../render/compare-csv.js";
import { renderCompareJson } from "../render/compare-json.js";
import { noteMessage } from "../render/messages.js";
import { formatCount } from "../render/money.js";
import type { CommandResult, Format } from "./command-result.js";
import { applyUnitFlags, findModel, type RateFlags, type UnitFlags } from "./model-flags.js";
import { assertExact } from "./assert-exact.js";

export interface CompareOptions extends RateFlags, UnitFlags {
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  units?: number;
  hoursPerMonth?: number;
  peakInputTpm?: number;
  peakOutputTpm?: number;
  latency: Latency;
  format: Format;
}

function checkVolume(model: ModelRates, volume: Volume): void {
  if (!model.onDemand) return;
  const missing = missingCachePrices(model, volume);
  if (missing.length > 0) {
    const flag = missing[0] === "promptCache.readPerMTok" ? "--cache-read-tokens" : "--cache-write-tokens";
    throw new UsageError(`${flag}: ${model.id} has no ${missing[0]} price in these rates; add it with --rates FILE`);
  }
}

function peakFrom(options: Pick<CompareOptions, "peakInputTpm" | "peakOutputTpm">, volume: Volume, hours: number): { input: number; output: number } | undefined {
  const { peakInputTpm: input, peakOutputTpm: output } = options;
  if (input === undefined && output === undefined) return undefined;
  if (input === undefined || output === undefined) {
    throw new UsageError("--peak-input-tpm and --peak-output-tpm go together: the peak minute needs both figures");
  }
  const minutes = hours * 60;
  const checks = [
    { flag: "--peak-input-tpm", peak: input, average: inputSideTokens(volume) / minutes, what: "input" },
    { flag: "--peak-output-tpm", peak: output, average: volume.outputTokens / minutes, what: "output" },
  ];
  for (const check of checks) {
    if (check.peak < Math.floor(check.average)) {
      throw new UsageError(
        `${check.flag} ${formatCount(check.peak)} is below the average of ${formatCount(check.average)} ${check.what} tokens a minute that the monthly volume implies over ${hours} hours`,
      );
    }
  }
  return { input, output };
}

/** The comparison the flags ask for, with the rates it used: shared by compare and chart. */
export async function compareFromFlags(options: Omit<CompareOptions, "format">): Promise<{ card: RateCard; result: CompareResult }> {
  const card = await loadRateCard({ region: options.region, ratesVersion: options.ratesVersion, files: options.rates });
  const model = applyUnitFlags(findModel(card, options.model), options);
  const hoursPerMonth = options.hoursPerMonth ?? card.hoursPerMonth;
  const volume = makeVolume({
    inputTokens: options.inputTokens,
    outputTokens: options.outputTokens,
    cacheReadTokens: options.cacheReadTokens ?? 0,
    cacheWriteTokens: options.cacheWriteTokens ?? 0,
  });
  checkVolume(model, volume);
  const peakTpm = peakFrom(options, volume, hoursPerMonth);
  const terms = options.term ? [options.term] : undefined;
  if (!model.onDemand && !pricedTerms(model).some((term) => !terms || terms.includes(term))) {
    throw new UsageError(`--term ${options.term}: ${model.id} is served on PT only and has no ${options.term} price; add one with --unit-hourly or --rates`);
  }

  const result = compareLanes({ model, volume, hoursPerMonth, units: options.units, peakTpm, terms, latency: options.latency });
  assertExact(result, "the volumes and rates given");
  return { card, result };
}

export async function runCompare(options: CompareOptions, color: boolean): Promise<CommandResult> {
  const { card, result } = await compareFromFlags(options);
  const notes = result.notes.map((note) => `note: ${noteMessage(note)}`);
  switch (options.format) {
    case "json":
      return { stdout: renderCompareJson(result, card), stderr: [], exitCode: 0 };
    case "csv":
      return { stdout: renderCompareCsv(result), stderr: notes, exitCode: 0 };
    case "table": {
      // The table libraries (cli-table3, chalk) are loaded only for table output.
      const [{ renderCompareTable }, { makePainter }] = await Promise.all([import("../render/compare-table.js"), import("../render/colors.js")]);
      const hint = "hint: the same flags with bedrock-cost chart draw cost against volume, with the crossover marked";
      return { stdout: renderCompareTable(result, card, makePainter(color)), stderr: [...notes, hint], exitCode: 0 };
    }
  }
}
