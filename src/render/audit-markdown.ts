import { AUDIT_HEADS, auditCells, auditTotalText, reservationAdvice, windowText } from "./audit-cells.js";
import type { AuditReport } from "./audit-report.js";
import { MARKDOWN_MARKER, markdownText } from "./check-markdown.js";
import { findingMessage } from "./finding-messages.js";
import { measurementNoteMessage } from "./measurement-notes.js";
import { reasonMessage } from "./messages.js";
import { ratesText } from "./rates-line.js";
import { RESERVATION_HEADS, reservationCells } from "./reservation-cells.js";

const row = (cells: readonly string[]) => `| ${cells.map(markdownText).join(" | ")} |`;
const rule = (aligns: string) => `| ${[...aligns].map((a) => (a === "r" ? "---:" : "---")).join(" | ")} |`;

/** An audit as markdown, for a report to share: the totals in the heading, the models, the reservations and the reasons. */
export function renderAuditMarkdown(report: AuditReport): string {
  const { result } = report;
  const lines = [
    MARKDOWN_MARKER,
    `### bedrock-cost audit: ${auditTotalText(result.totals)}`,
    "",
    `Window ${markdownText(windowText(report.window))} · rates ${markdownText(ratesText(report.card))} · ${report.hoursPerMonth} hours a month`,
    "",
    row(AUDIT_HEADS),
    rule("lrrrrrrlr"),
    ...result.models.map((m) => row(auditCells(m))),
    "",
  ];
  if (result.reservations.length > 0) {
    lines.push("#### Provisioned Throughput", "", row(RESERVATION_HEADS), rule("lrlrrrrr"));
    for (const r of result.reservations) lines.push(row(reservationCells(r.summary)));
    lines.push("");
    for (const r of result.reservations) {
      lines.push(`- **${markdownText(r.name)}**: ${markdownText(reservationAdvice(r))}.`);
      for (const finding of r.findings)
        lines.push(`  - **${finding.severity}** ${markdownText(findingMessage(finding))} (\`${finding.code}\`)`);
    }
    lines.push("");
  }
  lines.push("<details><summary>Why each lane</summary>", "");
  for (const m of result.models) {
    const reasons = m.reasons.map(
      (reason) => `${markdownText(reasonMessage(reason, { modelName: m.model.name, inputs: "rates" }))} (\`${reason.code}\`)`,
    );
    lines.push(`- **${markdownText(m.model.id)}**: ${reasons.length > 0 ? reasons.join(" ") : "not priced (see the notes)."}`);
  }
  lines.push("", "</details>", "");
  if (report.notes.length > 0) {
    for (const note of report.notes) lines.push(`> ${markdownText(measurementNoteMessage(note))}`, ">");
    lines.pop();
    lines.push("");
  }
  return lines.join("\n");
}
