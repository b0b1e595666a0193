import type { CompareResult } from "../core/lanes/compare-lanes.js";
import type { RateCard } from "../core/rates/rate-card.js";
import { MARKDOWN_MARKER, markdownText } from "./check-markdown.js";
import { COMPARE_HEADS, compareRows, ratesLine, reservedNoteText, volumeLine } from "./compare-rows.js";
import { describeChoice, reasonMessage } from "./messages.js";
import { formatUsd } from "./money.js";

const PLAIN = { best: (t: string) => `**${t}**`, warn: (t: string) => t, dim: (t: string) => t, heading: (t: string) => t };
const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;

/** One comparison: the model, rates and volume, the options (the recommended one in bold), and the reasons. */
function section(result: CompareResult, card: RateCard, level: string): string[] {
  const choice = result.recommendation;
  const context = { modelName: result.model.name };
  const note = reservedNoteText(result);
  return [
    `${level} ${markdownText(`${result.model.name} (${result.model.id})`)}: ${describeChoice(choice)}, ${formatUsd(choice.monthlyCost)} a month`,
    "",
    `${markdownText(ratesLine(result, card))} · ${volumeLine(result)}`,
    "",
    row(COMPARE_HEADS),
    row(COMPARE_HEADS.map((_, i) => (i === 0 || i === 7 ? "---" : "---:"))),
    ...compareRows(result, PLAIN).map(row),
    "",
    ...(note ? [note, ""] : []),
    ...choice.reasons.map((reason) => `- ${markdownText(reasonMessage(reason, context))} (\`${reason.code}\`)`),
    "",
  ];
}

/**
 * A comparison as markdown, for a pull request or a shared report; several models: each one's best
 * lane side by side, cheapest first, then each comparison. Under the same hidden marker line as
 * check's report, and stable.
 */
export function renderCompareMarkdown(runs: readonly { result: CompareResult; card: RateCard; extra?: string }[]): string {
  const lines = [MARKDOWN_MARKER];
  const [only] = runs;
  if (runs.length === 1 && only) {
    lines.push(...section(only.result, only.card, "### bedrock-cost compare:"));
    if (only.extra) lines.push(only.extra.trim(), "");
    return lines.join("\n");
  }
  const sorted = [...runs].sort((a, b) => a.result.recommendation.monthlyCost - b.result.recommendation.monthlyCost);
  const cheapest = sorted[0]?.result.recommendation;
  lines.push(
    `### bedrock-cost compare: ${runs.length} models for the same workload, cheapest first${cheapest ? `: ${formatUsd(cheapest.monthlyCost)} a month` : ""}`,
    "",
    row(["Model", "Best lane", "Monthly cost"]),
    row(["---", "---", "---:"]),
    ...sorted.map(({ result }) =>
      row([
        markdownText(`${result.model.name} (${result.model.id})`),
        describeChoice(result.recommendation),
        formatUsd(result.recommendation.monthlyCost),
      ]),
    ),
    "",
  );
  for (const run of runs) lines.push(...section(run.result, run.card, "####"));
  return lines.join("\n");
}
