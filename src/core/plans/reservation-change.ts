import type { ReservationSummary } from "./check-reservations.js";

/** What changed from the baseline's reservations to the proposed ones, matched by name. */
export interface ReservationChange {
  /** USD a month and committed over the terms, proposed minus baseline. */
  monthlyCost: number;
  committedCost: number;
  reservations: { name: string; change: "added" | "removed" | "changed"; monthlyCost: number; committedCost: number }[];
}

/** The totals of a set of reservations: USD a month and committed over their terms. */
export function reservationTotals(reservations: readonly ReservationSummary[]): { monthlyCost: number; committedCost: number } {
  return {
    monthlyCost: reservations.reduce((sum, r) => sum + r.reservedCost, 0),
    committedCost: reservations.reduce((sum, r) => sum + r.committedCost, 0),
  };
}

/** Whether a reservation buys something else than before: another model, count, term, scope or tokens a minute. */
function differs(a: ReservationSummary, b: ReservationSummary): boolean {
  return (
    a.type !== b.type ||
    a.modelId !== b.modelId ||
    a.custom !== b.custom ||
    a.units !== b.units ||
    a.term !== b.term ||
    a.scope !== b.scope ||
    a.inputTpm !== b.inputTpm ||
    a.outputTpm !== b.outputTpm
  );
}

/**
 * The reservations added, removed and changed from `baseline` to `proposed` (by name), each with what
 * it adds to the month and to the committed total, in the proposed order then the removed ones.
 */
export function reservationChange(baseline: readonly ReservationSummary[], proposed: readonly ReservationSummary[]): ReservationChange {
  const before = new Map(baseline.map((r) => [r.name, r]));
  const after = new Set(proposed.map((r) => r.name));
  const reservations: ReservationChange["reservations"] = [];
  for (const r of proposed) {
    const old = before.get(r.name);
    if (!old) reservations.push({ name: r.name, change: "added", monthlyCost: r.reservedCost, committedCost: r.committedCost });
    else if (differs(old, r))
      reservations.push({
        name: r.name,
        change: "changed",
        monthlyCost: r.reservedCost - old.reservedCost,
        committedCost: r.committedCost - old.committedCost,
      });
  }
  for (const r of baseline) {
    if (!after.has(r.name))
      reservations.push({ name: r.name, change: "removed", monthlyCost: -r.reservedCost, committedCost: -r.committedCost });
  }
  const [a, b] = [reservationTotals(proposed), reservationTotals(baseline)];
  return { monthlyCost: a.monthlyCost - b.monthlyCost, committedCost: a.committedCost - b.committedCost, reservations };
}

/** The baseline's totals and what the proposed reservations change: what check --baseline reports. */
export interface BaselineChange {
  baseline: { monthlyCost: number; committedCost: number };
  change: ReservationChange;
}
