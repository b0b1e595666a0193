import type { AuditReport } from "./audit-report.js";
import { type CsvCell, toCsv } from "./csv.js";
import { roundCents, roundTo, roundTokens } from "./money.js";

const AUDIT_CSV_HEADER = [
  "model",
  "inputTokens",
  "outputTokens",
  "cacheReadTokens",
  "cacheWriteTokens",
  "p99InputTpm",
  "p99OutputTpm",
  "peakInputTpm",
  "peakOutputTpm",
  "onDemandCost",
  "batchCost",
  "bestLane",
  "bestTerm",
  "bestUnits",
  "bestCost",
  "reasons",
] as const;

/** One row per model: its monthly tokens, p99 and peak tokens a minute, its costs and its best lane; reasons by code. */
export function renderAuditCsv(report: AuditReport): string {
  const tpm = (value: number) => roundTo(value, 2);
  const cents = (usd: number | null) => (usd === null ? null : roundCents(usd));
  const rows: CsvCell[][] = report.result.models.map((m) => [
    m.model.id,
    roundTokens(m.monthly.inputTokens),
    roundTokens(m.monthly.outputTokens),
    roundTokens(m.monthly.cacheReadTokens),
    roundTokens(m.monthly.cacheWriteTokens),
    tpm(m.tpm.input.p99),
    tpm(m.tpm.output.p99),
    tpm(m.tpm.input.peak),
    tpm(m.tpm.output.peak),
    cents(m.onDemandCost),
    cents(m.batchCost),
    m.best?.lane ?? null,
    m.best?.term ?? null,
    m.best?.units ?? null,
    cents(m.best?.monthlyCost ?? null),
    m.reasons.map((reason) => reason.code).join(" "),
  ]);
  return toCsv(AUDIT_CSV_HEADER, rows);
}
