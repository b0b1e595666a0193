import type { CompareResult } from "../core/lanes/compare-lanes.js";
import { provisionedJson, reservedJson } from "./compare-json.js";
import { type CsvCell, toCsv } from "./csv.js";
import { roundCents, roundTokens } from "./money.js";

const COMPARE_CSV_HEADER = [
  "model",
  "lane",
  "term",
  "units",
  "hourlyRate",
  "inputTokens",
  "outputTokens",
  "monthlyCost",
  "committedCost",
  "utilization",
  "overflowInputTokens",
  "overflowOutputTokens",
  "overflowCost",
  "breakEvenInputTokens",
  "breakEvenOutputTokens",
  "breakEvenUtilization",
  "recommended",
  "scope",
  "reservedInputTpm",
  "reservedOutputTpm",
] as const;

type Row = Partial<Record<(typeof COMPARE_CSV_HEADER)[number], CsvCell>>;

/** One header row and one row per priced option, raw numbers only; empty cells where a figure does not apply. */
export function renderCompareCsv(result: CompareResult): string {
  return renderCompareSetCsv([result]);
}

/** Several models: one header row, then each model's rows as for one. */
export function renderCompareSetCsv(results: readonly CompareResult[]): string {
  const rows = results.flatMap(rowsOf);
  return toCsv(
    COMPARE_CSV_HEADER,
    rows.map((row) => COMPARE_CSV_HEADER.map((key) => row[key] ?? null)),
  );
}

function rowsOf(result: CompareResult): Row[] {
  const { model, volume, recommendation } = result;
  const common = { model: model.id, inputTokens: roundTokens(volume.inputTokens), outputTokens: roundTokens(volume.outputTokens) };
  const rows: Row[] = [];
  if (result.onDemand) rows.push({ ...common, lane: "on-demand", monthlyCost: roundCents(result.onDemand.monthlyCost) });
  if (result.batch) rows.push({ ...common, lane: "batch", monthlyCost: roundCents(result.batch.monthlyCost) });
  if (result.priority) rows.push({ ...common, lane: "priority", monthlyCost: roundCents(result.priority.monthlyCost) });
  if (result.flex) rows.push({ ...common, lane: "flex", monthlyCost: roundCents(result.flex.monthlyCost) });
  for (const option of result.provisioned) {
    const json = provisionedJson(option);
    rows.push({
      ...common,
      lane: "provisioned",
      term: json.term,
      units: json.units,
      hourlyRate: json.hourlyRate,
      monthlyCost: json.monthlyCost,
      committedCost: json.committedCost,
      utilization: json.utilization,
      overflowInputTokens: json.overflow?.inputTokens,
      overflowOutputTokens: json.overflow?.outputTokens,
      overflowCost: json.overflow?.cost,
      breakEvenInputTokens: json.breakEven?.inputTokens,
      breakEvenOutputTokens: json.breakEven?.outputTokens,
      breakEvenUtilization: json.breakEven?.utilization,
    });
  }
  for (const option of result.reserved) {
    const json = reservedJson(option);
    rows.push({
      ...common,
      lane: "reserved",
      term: json.term,
      monthlyCost: json.monthlyCost,
      committedCost: json.committedCost,
      utilization: json.utilization,
      overflowCost: json.overflowCost,
      scope: json.scope,
      reservedInputTpm: json.inputTpm,
      reservedOutputTpm: json.outputTpm,
    });
  }
  for (const row of rows) {
    row.recommended = recommendation.lane === row.lane && recommendation.term === (row.term ?? null);
  }
  return rows;
}
