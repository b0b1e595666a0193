import type { CheckResult } from "../core/plans/check-reservations.js";
import { reservationJson } from "./check-json.js";
import { type CsvCell, toCsv } from "./csv.js";
import { findingMessage } from "./finding-messages.js";
import { roundCents } from "./money.js";

const CHECK_CSV_HEADER = [
  "code",
  "severity",
  "subject",
  "monthlyImpact",
  "message",
  "units",
  "term",
  "utilization",
  "reservedCost",
  "onDemandCost",
  "saving",
  "committedCost",
  "type",
  "scope",
  "inputTpm",
  "outputTpm",
] as const;

/**
 * One row per finding, then one `RESERVATION` row per reservation (severity empty) with its units,
 * term, utilization, monthly cost, on-demand cost of what it carries, saving and committed total,
 * then its type and, for the Reserved tier, its scope and tokens a minute.
 */
export function renderCheckCsv(result: CheckResult): string {
  const findings: CsvCell[][] = result.findings.map((finding) => [
    finding.code,
    finding.severity,
    finding.subject,
    roundCents(finding.monthlyImpact),
    findingMessage(finding),
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ]);
  const reservations: CsvCell[][] = result.reservations.map((summary) => {
    const r = reservationJson(summary);
    const served = r.custom === null ? r.model : `the custom model ${r.custom} (on ${r.model})`;
    const what =
      r.type === "reserved"
        ? `the Reserved tier (${r.scope}) of ${served}, ${r.inputTpm} input and ${r.outputTpm} output tokens a minute on a ${r.term} term`
        : `${r.units} unit${r.units === 1 ? "" : "s"} of ${served} on a ${r.term} term`;
    return [
      "RESERVATION",
      null,
      r.name,
      null,
      what,
      r.units,
      r.term,
      r.utilization,
      r.reservedCost,
      r.onDemandCost,
      r.saving,
      r.committedCost,
      r.type,
      r.scope,
      r.inputTpm,
      r.outputTpm,
    ];
  });
  return toCsv(CHECK_CSV_HEADER, [...findings, ...reservations]);
}
