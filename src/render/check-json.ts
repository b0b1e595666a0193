import type { CheckResult } from "../core/plans/check-reservations.js";
import type { FindingCode, Severity } from "../core/plans/findings.js";
import { findingMessage } from "./finding-messages.js";
import { jsonText, versioned } from "./json-envelope.js";
import { roundCents } from "./money.js";

/** The `--format json` contract of `bedrock-cost check`; see docs/json.md. */
interface CheckJson {
  schemaVersion: number;
  passed: boolean;
  findings: { code: FindingCode; severity: Severity; subject: string; message: string; monthlyImpact: number }[];
  totals: CheckResult["totals"];
}

function toCheckJson(result: CheckResult): CheckJson {
  return versioned({
    passed: result.passed,
    findings: result.findings.map((finding) => ({
      code: finding.code,
      severity: finding.severity,
      subject: finding.subject,
      message: findingMessage(finding),
      monthlyImpact: roundCents(finding.monthlyImpact),
    })),
    totals: {
      ...result.totals,
      reservedMonthlyCost: roundCents(result.totals.reservedMonthlyCost),
      monthlyImpact: roundCents(result.totals.monthlyImpact),
    },
  });
}

export function renderCheckJson(result: CheckResult): string {
  return jsonText(toCheckJson(result));
}
