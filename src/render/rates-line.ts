import type { RateCard } from "../core/rates/rate-card.js";

/** Which prices a report used: the region, the bundled version's date, and every rate file in order. */
export function ratesText(card: RateCard): string {
  const date = card.effectiveDate ? `, ${card.effectiveDate}` : "";
  return `${card.region}${date} (${card.files.join(", ")})`;
}
