import type { Discount } from "../core/rates/discounts.js";
import type { RateCard } from "../core/rates/rate-card.js";

/** "10% off Anthropic", "15% off claude-sonnet-4.5 provisioned", "5% off everything". */
function discountText(discount: Discount): string {
  const what = [discount.model ?? discount.provider, discount.lane].filter((part) => part !== undefined).join(" ");
  return `${discount.percent}% off ${what === "" ? "everything" : what}`;
}

/** Which prices a report used: the region, the bundled version's date, every rate file in order, and the discounts applied. */
export function ratesText(card: RateCard): string {
  const date = card.effectiveDate ? `, ${card.effectiveDate}` : "";
  const discounts = card.discounts?.length ? ` · discounts: ${card.discounts.map(discountText).join(", ")}` : "";
  return `${card.region}${date} (${card.files.join(", ")})${discounts}`;
}
