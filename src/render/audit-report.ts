import type { AuditResult } from "../core/audit/audit-account.js";
import type { RateCard } from "../core/rates/rate-card.js";
import type { MeasurementNote } from "./measurement-notes.js";

/** What every format of `bedrock-cost audit` renders. */
export interface AuditReport {
  result: AuditResult;
  card: RateCard;
  hoursPerMonth: number;
  /** The account's window, in epoch seconds, and its minutes. */
  window: { start: number; end: number; minutes: number };
  /** The traffic files and folders read, as given. */
  paths: readonly string[];
  notes: readonly MeasurementNote[];
}
