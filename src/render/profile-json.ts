import type { ReservedCosts, ReservedScope, ReservedTerm } from "../core/cost-model/reserved-tier.js";
import type { Term } from "../core/cost-model/terms.js";
import type { ModelRates, RateCard } from "../core/rates/rate-card.js";
import type { ReservedPoint, ReservedProfile } from "../core/traffic/profile-reserved.js";
import type { CurvePoint, TpmStats, TrafficProfile } from "../core/traffic/profile-traffic.js";
import { reservedCostsJson } from "./compare-json.js";
import { type JsonMessage, type JsonRates, jsonText, ratesJson, versioned } from "./json-envelope.js";
import { type MeasurementNote, measurementNoteMessage } from "./measurement-notes.js";
import { roundCents, roundFraction, roundPrice, roundTo, roundTokens } from "./money.js";

export interface JsonPoint {
  units: number;
  reservedCost: number;
  overflowCost: number | null;
  monthlyCost: number;
  utilization: number | null;
  overflowMinutes: number;
}

/** The `--format json` contract of `bedrock-cost profile`; see docs/json.md. */
export interface ProfileJson {
  schemaVersion: number;
  model: { id: string; name: string };
  rates: JsonRates;
  hoursPerMonth: number;
  window: { start: string; end: string; minutes: number; periodSeconds: number; gapMinutes: number };
  monthly: { inputTokens: number; outputTokens: number; cacheReadTokens: number; cacheWriteTokens: number };
  tpm: { input: TpmStats; output: TpmStats };
  activeShare: number;
  hourOfDay: { input: number[]; output: number[] };
  onDemand: { monthlyCost: number } | null;
  batch: { monthlyCost: number } | null;
  provisioned: { term: Term; hourlyRate: number; best: JsonPoint; peakSized: JsonPoint; curve: JsonPoint[] }[];
  reserved: { term: ReservedTerm; scope: ReservedScope; best: JsonReservedPoint; peakSized: JsonReservedPoint }[];
  notes: JsonMessage[];
}

interface JsonReservedPoint extends ReservedCosts {
  overflowMinutes: number;
}

/** The Reserved tier sized minute by minute on each priced term, as profile and audit report it. */
export function reservedJson(options: readonly ReservedProfile[]): ProfileJson["reserved"] {
  return options.map((option) => ({
    term: option.term,
    scope: option.scope,
    best: reservedPointJson(option.best),
    peakSized: reservedPointJson(option.peakSized),
  }));
}

export function reservedPointJson(point: ReservedPoint): JsonReservedPoint {
  return { ...reservedCostsJson(point), overflowMinutes: point.overflowMinutes };
}

export const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
const tpm = (value: number) => roundTo(value, 2);

export function pointJson(point: CurvePoint): JsonPoint {
  return {
    units: point.units,
    reservedCost: roundCents(point.reservedCost),
    overflowCost: point.overflowCost === null ? null : roundCents(point.overflowCost),
    monthlyCost: roundCents(point.monthlyCost),
    utilization: point.utilization === null ? null : roundFraction(point.utilization),
    overflowMinutes: point.overflowMinutes,
  };
}

export function statsJson(stats: TpmStats): TpmStats {
  return { avg: tpm(stats.avg), p50: tpm(stats.p50), p95: tpm(stats.p95), p99: tpm(stats.p99), peak: tpm(stats.peak) };
}

export function toProfileJson(
  profile: TrafficProfile,
  model: ModelRates,
  card: RateCard,
  hoursPerMonth: number,
  notes: MeasurementNote[],
): ProfileJson {
  const { window, monthly } = profile;
  return versioned({
    model: { id: model.id, name: model.name },
    rates: ratesJson(card),
    hoursPerMonth,
    window: {
      start: iso(window.start),
      end: iso(window.end),
      minutes: window.minutes,
      periodSeconds: window.periodSeconds,
      gapMinutes: window.gapMinutes,
    },
    monthly: {
      inputTokens: roundTokens(monthly.inputTokens),
      outputTokens: roundTokens(monthly.outputTokens),
      cacheReadTokens: roundTokens(monthly.cacheReadTokens),
      cacheWriteTokens: roundTokens(monthly.cacheWriteTokens),
    },
    tpm: { input: statsJson(profile.tpm.input), output: statsJson(profile.tpm.output) },
    activeShare: roundFraction(profile.activeShare),
    hourOfDay: { input: profile.hourOfDay.input.map(tpm), output: profile.hourOfDay.output.map(tpm) },
    onDemand: profile.onDemand && { monthlyCost: roundCents(profile.onDemand.monthlyCost) },
    batch: profile.batch && { monthlyCost: roundCents(profile.batch.monthlyCost) },
    provisioned: profile.provisioned.map((curve) => ({
      term: curve.term,
      hourlyRate: roundPrice(curve.hourlyRate),
      best: pointJson(curve.best),
      peakSized: pointJson(curve.peakSized),
      curve: curve.curve.map(pointJson),
    })),
    reserved: reservedJson(profile.reserved),
    notes: notes.map((note) => ({ code: note.code, message: measurementNoteMessage(note) })),
  });
}

export function renderProfileJson(...args: Parameters<typeof toProfileJson>): string {
  return jsonText(toProfileJson(...args));
}
