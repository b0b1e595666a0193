import type { Term } from "../core/cost-model/terms.js";
import type { LaneChoice } from "../core/lanes/lanes.js";
import type { FindingCode, Severity } from "../core/plans/findings.js";
import type { TpmStats } from "../core/traffic/profile-traffic.js";
import type { AuditReport } from "./audit-report.js";
import { findingMessage } from "./finding-messages.js";
import { type JsonMessage, type JsonRates, jsonText, ratesJson, versioned } from "./json-envelope.js";
import { measurementNoteMessage } from "./measurement-notes.js";
import { reasonMessage } from "./messages.js";
import { roundCents, roundFraction, roundTokens } from "./money.js";
import { iso, reservedJson, statsJson } from "./profile-json.js";

interface JsonMonthly {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

/** The `--format json` contract of `bedrock-cost audit`; see docs/json.md. */
interface AuditJson {
  schemaVersion: number;
  rates: JsonRates;
  hoursPerMonth: number;
  window: { start: string; end: string; minutes: number };
  models: {
    model: string;
    monthly: JsonMonthly;
    tpm: { input: TpmStats; output: TpmStats };
    onDemand: { monthlyCost: number } | null;
    batch: { monthlyCost: number } | null;
    best: { lane: string; term: string | null; units: number | null; monthlyCost: number } | null;
    reasons: JsonMessage[];
    /** The Reserved tier sized minute by minute, as profile reports it; empty without a Reserved price. */
    reserved: ReturnType<typeof reservedJson>;
  }[];
  reservations: {
    name: string;
    provisionedModelArn: string;
    model: string;
    custom: string | null;
    units: number;
    term: Term;
    monthly: JsonMonthly;
    utilization: number | null;
    monthlyCost: number;
    onDemandMonthlyCost: number | null;
    findings: { code: FindingCode; severity: Severity; message: string; monthlyImpact: number }[];
    /** Where its traffic is best served; null when it carried none. */
    best: { lane: string; term: string | null; units: number | null; monthlyCost: number } | null;
    reasons: JsonMessage[];
  }[];
  totals: { currentMonthlyCost: number; recommendedMonthlyCost: number; saving: number };
  notes: JsonMessage[];
}

const monthlyJson = (v: JsonMonthly): JsonMonthly => ({
  inputTokens: roundTokens(v.inputTokens),
  outputTokens: roundTokens(v.outputTokens),
  cacheReadTokens: roundTokens(v.cacheReadTokens),
  cacheWriteTokens: roundTokens(v.cacheWriteTokens),
});

const bestJson = (best: LaneChoice | null) =>
  best && { lane: best.lane, term: best.term, units: best.units, monthlyCost: roundCents(best.monthlyCost) };

export function renderAuditJson(report: AuditReport): string {
  const { result } = report;
  const body: Omit<AuditJson, "schemaVersion"> = {
    rates: ratesJson(report.card),
    hoursPerMonth: report.hoursPerMonth,
    window: { start: iso(report.window.start), end: iso(report.window.end), minutes: report.window.minutes },
    models: result.models.map((m) => ({
      model: m.model.id,
      monthly: monthlyJson(m.monthly),
      tpm: { input: statsJson(m.tpm.input), output: statsJson(m.tpm.output) },
      onDemand: m.onDemandCost === null ? null : { monthlyCost: roundCents(m.onDemandCost) },
      batch: m.batchCost === null ? null : { monthlyCost: roundCents(m.batchCost) },
      best: bestJson(m.best),
      reserved: reservedJson(m.reserved),
      reasons: m.reasons.map((reason) => ({
        code: reason.code,
        message: reasonMessage(reason, { modelName: m.model.name, inputs: "rates" }),
      })),
    })),
    reservations: result.reservations.map((r) => ({
      name: r.name,
      provisionedModelArn: r.provisionedModelArn,
      model: r.model.id,
      custom: r.custom,
      units: r.units,
      term: r.term,
      monthly: monthlyJson(r.monthly),
      utilization: r.summary.utilization === null ? null : roundFraction(r.summary.utilization),
      monthlyCost: roundCents(r.summary.reservedCost),
      onDemandMonthlyCost: r.summary.onDemandCost === null ? null : roundCents(r.summary.onDemandCost),
      findings: r.findings.map((finding) => ({
        code: finding.code,
        severity: finding.severity,
        message: findingMessage(finding),
        monthlyImpact: roundCents(finding.monthlyImpact),
      })),
      best: bestJson(r.best),
      reasons: r.reasons.map((reason) => ({
        code: reason.code,
        message: reasonMessage(reason, { modelName: r.model.name, inputs: "rates" }),
      })),
    })),
    totals: {
      currentMonthlyCost: roundCents(result.totals.currentMonthlyCost),
      recommendedMonthlyCost: roundCents(result.totals.recommendedMonthlyCost),
      saving: roundCents(result.totals.saving),
    },
    notes: report.notes.map((note) => ({ code: note.code, message: measurementNoteMessage(note) })),
  };
  return jsonText(versioned(body));
}
