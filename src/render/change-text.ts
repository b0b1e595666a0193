import type { BaselineChange } from "../core/plans/reservation-change.js";
import { formatUsd, formatUsdDelta } from "./money.js";

/**
 * "Against the baseline (base.yaml): $18,250.00 a month (+$18,250.00), $109,500.00 committed
 * (+$109,500.00); added a (+$18,250.00 a month)". `name` shows a reservation's name as the format needs.
 */
export function changeText(
  change: BaselineChange,
  source: string,
  totals: { monthlyCost: number; committedCost: number },
  name: (text: string) => string = (t) => t,
): string {
  const head = `Against the baseline (${name(source)}): ${formatUsd(totals.monthlyCost)} a month (${formatUsdDelta(change.change.monthlyCost)}), ${formatUsd(totals.committedCost)} committed (${formatUsdDelta(change.change.committedCost)})`;
  const parts = change.change.reservations.map((r) => `${r.change} ${name(r.name)} (${formatUsdDelta(r.monthlyCost)} a month)`);
  return parts.length > 0 ? `${head}; ${parts.join(", ")}.` : `${head}; no reservation changed.`;
}
