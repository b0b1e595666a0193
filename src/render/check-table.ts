import type { CheckResult } from "../core/plans/check-reservations.js";
import { type BaselineChange, reservationTotals } from "../core/plans/reservation-change.js";
import type { RateCard } from "../core/rates/rate-card.js";
import { changeText } from "./change-text.js";
import type { Painter } from "./colors.js";
import { findingMessage } from "./finding-messages.js";
import { formatUsd } from "./money.js";
import { ratesText } from "./rates-line.js";
import { renderTable } from "./render-table.js";
import { RESERVATION_HEADS, reservationCells } from "./reservation-cells.js";

const CHARS = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** What each reservation costs, carries and saves, passing or not. */
function reservationsTable(result: CheckResult): string {
  const rows: string[][] = [];
  for (const r of result.reservations) rows.push(reservationCells(r));
  return renderTable(
    {
      head: RESERVATION_HEADS,
      colAligns: ["left", "right", "left", "right", "right", "right", "right", "right"],
      chars: CHARS,
      style: { head: [], border: [] },
    },
    rows,
  );
}

/** The reservations, the findings as a table, each finding's sentence below it, and a one-line verdict. */
export function renderCheckTable(
  result: CheckResult,
  source: string,
  card: RateCard,
  hoursPerMonth: number,
  paint: Painter,
  change?: BaselineChange & { source: string },
): string {
  const { totals } = result;
  const lines = [
    paint.heading(`Check: ${source}`),
    `Rates: ${ratesText(card)} · ${hoursPerMonth} hours a month`,
    `${plural(totals.reservations, "reservation")}, ${formatUsd(totals.reservedMonthlyCost)} a month`,
    "",
  ];
  if (result.reservations.length > 0) lines.push(reservationsTable(result), "");
  if (change) lines.push(changeText(change, change.source, reservationTotals(result.reservations)), "");
  if (result.findings.length > 0) {
    const rows: string[][] = [];
    const tone = (severity: string, text: string) =>
      severity === "error" ? paint.warn(text) : severity === "info" ? paint.dim(text) : text;
    result.findings.forEach((finding, i) => {
      rows.push([String(i + 1), tone(finding.severity, finding.severity), finding.code, finding.subject, formatUsd(finding.monthlyImpact)]);
    });
    const table = renderTable(
      {
        head: ["#", "Severity", "Code", "Subject", "Monthly impact"],
        colAligns: ["right", "left", "left", "left", "right"],
        chars: CHARS,
        style: { head: [], border: [] },
      },
      rows,
    );
    lines.push(table, "");
    for (const [i, finding] of result.findings.entries()) lines.push(`${i + 1}. ${finding.subject}: ${findingMessage(finding)}`);
    lines.push("");
  }
  const counts = `${plural(totals.errors, "error")}, ${plural(totals.warnings, "warning")}, ${totals.info} info`;
  lines.push(
    result.passed
      ? paint.best(`PASSED: ${counts}.`)
      : paint.warn(`FAILED: ${counts}; the errors cost ${formatUsd(totals.monthlyImpact)} a month.`),
  );
  return `${lines.join("\n")}\n`;
}
