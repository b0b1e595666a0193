import type { ReservationSummary } from "../core/plans/check-reservations.js";
import { formatPercent, formatTokensShort, formatUsd, formatUsdDelta } from "./money.js";

/** The column heads of the reservations table of `check`, in every format that draws one. */
export const RESERVATION_HEADS = ["Reservation", "Units", "Term", "Utilization", "Monthly cost", "On-demand", "Saving", "Committed"];

/** One reservation's cells under RESERVATION_HEADS: the name as given, the rest formatted. */
export function reservationCells(r: ReservationSummary): string[] {
  return [
    r.custom === null ? r.name : `${r.name} (custom model ${r.custom})`,
    r.units === null ? `${formatTokensShort(r.inputTpm ?? 0)}/${formatTokensShort(r.outputTpm ?? 0)} TPM` : String(r.units),
    r.scope === null ? r.term : `${r.term} Reserved (${r.scope})`,
    r.utilization === null ? "unknown" : formatPercent(r.utilization),
    formatUsd(r.reservedCost),
    r.onDemandCost === null ? "-" : formatUsd(r.onDemandCost),
    r.saving === null ? "-" : formatUsdDelta(r.saving),
    r.term === "no-commit" ? "none" : formatUsd(r.committedCost),
  ];
}
