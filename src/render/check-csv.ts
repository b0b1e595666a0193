import type { CheckResult } from "../core/plans/check-reservations.js";
import { toCsv } from "./csv.js";
import { findingMessage } from "./finding-messages.js";
import { roundCents } from "./money.js";

const CHECK_CSV_HEADER = ["code", "severity", "subject", "monthlyImpact", "message"] as const;

/** One row per finding. */
export function renderCheckCsv(result: CheckResult): string {
  return toCsv(
    CHECK_CSV_HEADER,
    result.findings.map((finding) => [
      finding.code,
      finding.severity,
      finding.subject,
      roundCents(finding.monthlyImpact),
      findingMessage(finding),
    ]),
  );
}
