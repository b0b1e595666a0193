import { AUDIT_HEADS, auditCells, auditTotalText, reservationAdvice, windowText } from "./audit-cells.js";
import type { AuditReport } from "./audit-report.js";
import type { Painter } from "./colors.js";
import { findingMessage } from "./finding-messages.js";
import { reasonMessage } from "./messages.js";
import { ratesText } from "./rates-line.js";
import { renderTable } from "./render-table.js";
import { RESERVATION_HEADS, reservationCells } from "./reservation-cells.js";

const CHARS = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };
const STYLE = { head: [], border: [] };

/** The account: every model in its best lane with its reasons, every Provisioned Throughput judged, and the totals. */
export function renderAuditTable(report: AuditReport, paint: Painter): string {
  const { result } = report;
  const lines = [
    paint.heading(`Audit: ${report.paths.join(", ")}`),
    `Window: ${windowText(report.window)} · Rates: ${ratesText(report.card)} · ${report.hoursPerMonth} hours a month`,
    "",
  ];
  const rows = result.models.map((m) => {
    const cells = auditCells(m);
    if (m.best?.lane === "provisioned") cells[7] = paint.best(cells[7] as string);
    return cells;
  });
  lines.push(
    renderTable(
      {
        head: AUDIT_HEADS,
        colAligns: ["left", "right", "right", "right", "right", "right", "right", "left", "right"],
        chars: CHARS,
        style: STYLE,
      },
      rows,
    ),
    "",
  );
  for (const m of result.models) {
    if (m.reasons.length === 0) continue;
    lines.push(paint.heading(m.model.id));
    const context = { modelName: m.model.name, inputs: "rates" as const };
    for (const reason of m.reasons) lines.push(`  - ${reasonMessage(reason, context)} ${paint.dim(`[${reason.code}]`)}`);
  }
  if (result.reservations.length > 0) {
    lines.push(
      "",
      paint.heading("Provisioned Throughput"),
      renderTable(
        {
          head: RESERVATION_HEADS,
          colAligns: ["left", "right", "left", "right", "right", "right", "right", "right"],
          chars: CHARS,
          style: STYLE,
        },
        result.reservations.map((r) => reservationCells(r.summary)),
      ),
    );
    for (const r of result.reservations) {
      lines.push(paint.heading(`${r.name}: ${reservationAdvice(r)}`));
      for (const finding of r.findings) {
        const mark = finding.severity === "info" ? "info" : paint.warn(finding.severity);
        lines.push(`  ${mark} ${findingMessage(finding)} ${paint.dim(`[${finding.code}]`)}`);
      }
      const context = { modelName: r.model.name, inputs: "rates" as const };
      for (const reason of r.reasons) lines.push(`  - ${reasonMessage(reason, context)} ${paint.dim(`[${reason.code}]`)}`);
    }
  }
  lines.push("", paint.heading(`Total: ${auditTotalText(result.totals)}.`), "");
  return lines.join("\n");
}
