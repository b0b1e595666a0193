import type { CheckResult } from "../core/plans/check-reservations.js";
import { type BaselineChange, reservationTotals } from "../core/plans/reservation-change.js";
import type { RateCard } from "../core/rates/rate-card.js";
import { changeText } from "./change-text.js";
import { findingMessage } from "./finding-messages.js";
import { formatUsd } from "./money.js";
import { ratesText } from "./rates-line.js";
import { RESERVATION_HEADS, reservationCells } from "./reservation-cells.js";

/** The hidden line a workflow finds its own pull-request comment by. */
export const MARKDOWN_MARKER = "<!-- bedrock-cost -->";

/**
 * Text from the user's files as GitHub-flavoured markdown shows it, and no more: no HTML, no table
 * cell breaks, no line breaks, no emphasis or links made of their characters.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*_[\]<>|&#!~]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : `\\${c}`));
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** "bedrock-cost: FAILED, 2 errors, $12,410.00 a month wasted" (or at risk), or PASSED with its warnings. */
export function checkVerdict(result: CheckResult): string {
  const { totals } = result;
  const others = `${plural(totals.warnings, "warning")}, ${totals.info} info`;
  return result.passed
    ? `bedrock-cost: PASSED, no errors, ${others}`
    : `bedrock-cost: FAILED, ${plural(totals.errors, "error")}, ${formatUsd(totals.monthlyImpact)} a month wasted or at risk, ${others}`;
}

/**
 * The check as a pull-request comment: the verdict and the money in the heading, the rates and
 * hours, the reservations, the findings, and each finding's sentence in a details block. Stable (no
 * timestamps), so a workflow can update one comment in place, found by MARKDOWN_MARKER.
 */
export function renderCheckMarkdown(
  result: CheckResult,
  source: string,
  card: RateCard,
  hoursPerMonth: number,
  change?: BaselineChange & { source: string },
): string {
  const { totals } = result;
  const lines = [
    MARKDOWN_MARKER,
    `### ${checkVerdict(result)}`,
    "",
    `Plan \`${markdownText(source)}\` · rates ${markdownText(ratesText(card))} · ${hoursPerMonth} hours a month · ${plural(totals.reservations, "reservation")}, ${formatUsd(totals.reservedMonthlyCost)} a month`,
    "",
  ];
  if (result.reservations.length > 0) {
    lines.push(row(RESERVATION_HEADS), row(["---", "---:", "---", "---:", "---:", "---:", "---:", "---:"]));
    for (const r of result.reservations) {
      const [name = "", ...rest] = reservationCells(r);
      lines.push(row([markdownText(name), ...rest]));
    }
    lines.push("");
  }
  if (change) lines.push(changeText(change, change.source, reservationTotals(result.reservations), markdownText), "");
  if (result.findings.length > 0) {
    lines.push(row(["Code", "Severity", "Subject", "Monthly impact"]), row(["---", "---", "---", "---:"]));
    for (const f of result.findings) lines.push(row([`\`${f.code}\``, f.severity, markdownText(f.subject), formatUsd(f.monthlyImpact)]));
    lines.push("", "<details><summary>Each finding</summary>", "");
    for (const f of result.findings)
      lines.push(`- **${f.code}** (${f.severity}) ${markdownText(f.subject)}: ${markdownText(findingMessage(f))}`);
    lines.push("", "</details>", "");
  }
  return `${lines.join("\n")}`;
}
