import type { ReservedScope, ReservedTerm } from "../core/cost-model/reserved-tier.js";
import type { Term } from "../core/cost-model/terms.js";
import type { CheckResult, ReservationSummary } from "../core/plans/check-reservations.js";
import type { FindingCode, Severity } from "../core/plans/findings.js";
import type { BaselineChange } from "../core/plans/reservation-change.js";
import type { RateCard } from "../core/rates/rate-card.js";
import { findingMessage } from "./finding-messages.js";
import { type JsonMessage, type JsonRates, jsonText, ratesJson, versioned } from "./json-envelope.js";
import { type MeasurementNote, measurementNoteMessage } from "./measurement-notes.js";
import { roundCents, roundFraction } from "./money.js";

interface JsonReservation {
  type: "pt" | "reserved";
  name: string;
  model: string;
  custom: string | null;
  units: number | null;
  term: Term | ReservedTerm;
  scope: ReservedScope | null;
  inputTpm: number | null;
  outputTpm: number | null;
  utilization: number | null;
  reservedCost: number;
  onDemandCost: number | null;
  saving: number | null;
  committedCost: number;
}

/** The `--format json` contract of `bedrock-cost check`; see docs/json.md. */
interface CheckJson {
  schemaVersion: number;
  passed: boolean;
  rates: JsonRates;
  reservations: JsonReservation[];
  findings: { code: FindingCode; severity: Severity; subject: string; message: string; monthlyImpact: number }[];
  totals: CheckResult["totals"];
  /** With --baseline: the base branch's totals and what changed. */
  baseline?: { monthlyCost: number; committedCost: number };
  change?: {
    monthlyCost: number;
    committedCost: number;
    reservations: { name: string; change: "added" | "removed" | "changed"; monthlyCost: number; committedCost: number }[];
  };
  notes: JsonMessage[];
}

/** A reservation's figures as JSON and CSV give them: cents and four-decimal fractions. */
export function reservationJson(r: ReservationSummary): JsonReservation {
  const cents = (usd: number | null) => (usd === null ? null : roundCents(usd));
  return {
    type: r.type,
    name: r.name,
    model: r.modelId,
    custom: r.custom,
    units: r.units,
    term: r.term,
    scope: r.scope,
    inputTpm: r.inputTpm,
    outputTpm: r.outputTpm,
    utilization: r.utilization === null ? null : roundFraction(r.utilization),
    reservedCost: roundCents(r.reservedCost),
    onDemandCost: cents(r.onDemandCost),
    saving: cents(r.saving),
    committedCost: roundCents(r.committedCost),
  };
}

function toCheckJson(
  result: CheckResult,
  card: RateCard,
  change: BaselineChange | undefined,
  notes: readonly MeasurementNote[],
): CheckJson {
  return versioned({
    passed: result.passed,
    rates: ratesJson(card),
    reservations: result.reservations.map(reservationJson),
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
    ...(change
      ? {
          baseline: { monthlyCost: roundCents(change.baseline.monthlyCost), committedCost: roundCents(change.baseline.committedCost) },
          change: {
            monthlyCost: roundCents(change.change.monthlyCost),
            committedCost: roundCents(change.change.committedCost),
            reservations: change.change.reservations.map((r) => ({
              ...r,
              monthlyCost: roundCents(r.monthlyCost),
              committedCost: roundCents(r.committedCost),
            })),
          },
        }
      : {}),
    notes: notes.map((note) => ({ code: note.code, message: measurementNoteMessage(note) })),
  });
}

export function renderCheckJson(
  result: CheckResult,
  card: RateCard,
  change: BaselineChange | undefined,
  notes: readonly MeasurementNote[],
): string {
  return jsonText(toCheckJson(result, card, change, notes));
}
