import Table from "cli-table3";
import type { Lane } from "../core/lanes/lanes.js";
import { type ModelRates, pricedTerms, type RateCard, type RateSource, type ReservedRates } from "../core/rates/rate-card.js";
import { toCsv } from "./csv.js";
import { jsonText, ratesJson, versioned } from "./json-envelope.js";
import { formatRate } from "./money.js";
import { ratesText } from "./rates-line.js";

const CHARS = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };
const NONE = "-";

export interface JsonModelRates {
  id: string;
  name: string;
  provider: string;
  aliases: string[];
  lanes: Lane[];
  /** outputPerMTok null: an input-only model (embeddings). */
  onDemand: { inputPerMTok: number; outputPerMTok: number | null } | null;
  batch: { inputPerMTok: number; outputPerMTok: number | null } | null;
  promptCache: { readPerMTok: number | null; writePerMTok: number | null; write1hPerMTok: number | null } | null;
  provisioned: {
    hourlyPerUnit: { noCommit: number | null; oneMonth: number | null; sixMonth: number | null };
    unitThroughput: { inputTpm: number; outputTpm: number } | null;
  } | null;
  priority: { inputPerMTok: number; outputPerMTok: number | null } | null;
  flex: { inputPerMTok: number; outputPerMTok: number | null } | null;
  /** On-demand prices of long-context requests, and where they start when known. */
  longContext: { aboveInputTokens: number | null; inputPerMTok: number; outputPerMTok: number | null } | null;
  /** The Reserved tier: prices per 1,000 tokens a minute an hour, by scope and term, and the minimums. */
  reserved: ReservedRates | null;
  source: RateSource | null;
  files: string[];
}

export function lanesOf(model: ModelRates): Lane[] {
  const lanes: Lane[] = [];
  if (model.onDemand) lanes.push("on-demand");
  if (model.batch) lanes.push("batch");
  if (pricedTerms(model).length > 0) lanes.push("provisioned");
  if (model.reserved) lanes.push("reserved");
  if (model.priority) lanes.push("priority");
  if (model.flex) lanes.push("flex");
  return lanes;
}

export function modelJson(model: ModelRates): JsonModelRates {
  const hourly = model.provisioned?.hourlyPerUnit;
  return {
    id: model.id,
    name: model.name,
    provider: model.provider,
    aliases: [...model.aliases],
    lanes: lanesOf(model),
    onDemand: model.onDemand ? { inputPerMTok: model.onDemand.inputPerMTok, outputPerMTok: model.onDemand.outputPerMTok ?? null } : null,
    batch: model.batch ? { inputPerMTok: model.batch.inputPerMTok, outputPerMTok: model.batch.outputPerMTok ?? null } : null,
    promptCache: model.promptCache
      ? {
          readPerMTok: model.promptCache.readPerMTok ?? null,
          writePerMTok: model.promptCache.writePerMTok ?? null,
          write1hPerMTok: model.promptCache.write1hPerMTok ?? null,
        }
      : null,
    provisioned: model.provisioned
      ? {
          hourlyPerUnit: { noCommit: hourly?.noCommit ?? null, oneMonth: hourly?.oneMonth ?? null, sixMonth: hourly?.sixMonth ?? null },
          unitThroughput: model.provisioned.unitThroughput ? { ...model.provisioned.unitThroughput } : null,
        }
      : null,
    priority: model.priority ? { inputPerMTok: model.priority.inputPerMTok, outputPerMTok: model.priority.outputPerMTok ?? null } : null,
    flex: model.flex ? { inputPerMTok: model.flex.inputPerMTok, outputPerMTok: model.flex.outputPerMTok ?? null } : null,
    longContext: model.longContext
      ? {
          aboveInputTokens: model.longContext.aboveInputTokens ?? null,
          inputPerMTok: model.longContext.inputPerMTok,
          outputPerMTok: model.longContext.outputPerMTok ?? null,
        }
      : null,
    reserved: model.reserved ? structuredClone(model.reserved) : null,
    source: model.source ?? null,
    files: [...model.files],
  };
}

export function renderRatesListJson(card: RateCard, models: readonly ModelRates[]): string {
  return jsonText(versioned({ rates: ratesJson(card), models: models.map(modelJson) }));
}

const RATES_LIST_CSV_HEADER = [
  "id",
  "name",
  "provider",
  "lanes",
  "onDemandInputPerMTok",
  "onDemandOutputPerMTok",
  "batchInputPerMTok",
  "batchOutputPerMTok",
  "cacheReadPerMTok",
  "cacheWritePerMTok",
  "noCommitHourly",
  "oneMonthHourly",
  "sixMonthHourly",
  "unitInputTpm",
  "unitOutputTpm",
  "source",
] as const;

export function renderRatesListCsv(models: readonly ModelRates[]): string {
  return toCsv(
    RATES_LIST_CSV_HEADER,
    models.map((model) => {
      const j = modelJson(model);
      return [
        j.id,
        j.name,
        j.provider,
        j.lanes.join(" "),
        j.onDemand?.inputPerMTok ?? null,
        j.onDemand?.outputPerMTok ?? null,
        j.batch?.inputPerMTok ?? null,
        j.batch?.outputPerMTok ?? null,
        j.promptCache?.readPerMTok ?? null,
        j.promptCache?.writePerMTok ?? null,
        j.provisioned?.hourlyPerUnit.noCommit ?? null,
        j.provisioned?.hourlyPerUnit.oneMonth ?? null,
        j.provisioned?.hourlyPerUnit.sixMonth ?? null,
        j.provisioned?.unitThroughput?.inputTpm ?? null,
        j.provisioned?.unitThroughput?.outputTpm ?? null,
        j.source?.id ?? null,
      ];
    }),
  );
}

const pair = (a: number | undefined, b: number | undefined) =>
  a === undefined && b === undefined ? NONE : `${a === undefined ? NONE : formatRate(a)} / ${b === undefined ? NONE : formatRate(b)}`;

export function renderRatesListTable(card: RateCard, models: readonly ModelRates[]): string {
  const table = new Table({
    head: ["Model", "Provider", "On-demand in / out", "Batch in / out", "Cache read / write", "PT no-commit / 1-mo / 6-mo", "Source"],
    chars: CHARS,
    style: { head: [], border: [] },
  });
  for (const model of models) {
    const h = model.provisioned?.hourlyPerUnit;
    const pt = h ? [h.noCommit, h.oneMonth, h.sixMonth].map((rate) => (rate === undefined ? NONE : formatRate(rate))).join(" / ") : NONE;
    table.push([
      model.id,
      model.provider,
      pair(model.onDemand?.inputPerMTok, model.onDemand?.outputPerMTok),
      pair(model.batch?.inputPerMTok, model.batch?.outputPerMTok),
      pair(model.promptCache?.readPerMTok, model.promptCache?.writePerMTok),
      pt,
      model.source?.id ?? NONE,
    ]);
  }
  const head = `Rates: ${ratesText(card)} · ${models.length} model${models.length === 1 ? "" : "s"} · USD per 1M tokens, PT per unit-hour`;
  return `${head}\n${table.toString()}\n`;
}
