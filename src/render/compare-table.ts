import Table from "cli-table3";
import type { CompareResult } from "../core/lanes/compare-lanes.js";
import type { RateCard } from "../core/rates/rate-card.js";
import type { Painter } from "./colors.js";
import { COMPARE_HEADS, compareRows, ratesLine, reservedNoteText, volumeLine } from "./compare-rows.js";
import { describeChoice, reasonMessage } from "./messages.js";
import { formatUsd, formatUsdDelta } from "./money.js";

// Only the line under the header: rows follow each other without separators.
const CHARS = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };
const ALIGN = ["left", "right", "right", "right", "right", "right", "right", "left", "right"] as const;
const NONE = "-";

function header(result: CompareResult, card: RateCard, paint: Painter): string[] {
  return [paint.heading(`${result.model.name} (${result.model.id})`), ratesLine(result, card), volumeLine(result)];
}

/** Several models: each one's best lane and cost side by side, cheapest first, then each one's comparison. */
export function renderCompareSetTable(runs: readonly { result: CompareResult; card: RateCard; extra?: string }[], paint: Painter): string {
  const sorted = [...runs].sort((a, b) => a.result.recommendation.monthlyCost - b.result.recommendation.monthlyCost);
  const cheapest = sorted[0]?.result.recommendation.monthlyCost ?? 0;
  const table = new Table({
    head: ["Model", "Best lane", "Monthly cost", "vs the cheapest"],
    colAligns: ["left", "left", "right", "right"],
    chars: CHARS,
    style: { head: [], border: [] },
  });
  for (const [i, { result }] of sorted.entries()) {
    const choice = result.recommendation;
    const cost = formatUsd(choice.monthlyCost);
    table.push([
      `${result.model.name} (${result.model.id})`,
      describeChoice(choice),
      i === 0 ? paint.best(cost) : cost,
      i === 0 ? NONE : formatUsdDelta(choice.monthlyCost - cheapest),
    ]);
  }
  const details = runs.map((run) => `${renderCompareTable(run.result, run.card, paint)}${run.extra ?? ""}`);
  return [paint.heading(`${runs.length} models for the same workload, cheapest first`), table.toString(), "", ...details].join("\n");
}

/** The comparison as a table with the recommendation and its reasons below it. */
export function renderCompareTable(result: CompareResult, card: RateCard, paint: Painter): string {
  const table = new Table({ head: COMPARE_HEADS, colAligns: [...ALIGN], chars: CHARS, style: { head: [], border: [] } });
  for (const row of compareRows(result, paint)) table.push(row);
  const recommended = result.recommendation;
  const context = { modelName: result.model.name };
  const note = reservedNoteText(result);
  const reservedNote = note ? ["", note] : [];
  const lines = [
    ...header(result, card, paint),
    "",
    table.toString(),
    ...reservedNote,
    "",
    paint.heading(`Recommendation: ${describeChoice(recommended)}, ${formatUsd(recommended.monthlyCost)} a month`),
    ...recommended.reasons.map((reason) => `  - ${reasonMessage(reason, context)} ${paint.dim(`[${reason.code}]`)}`),
  ];
  return `${lines.join("\n")}\n`;
}
