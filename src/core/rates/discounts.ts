import { nameKey } from "../input/name-key.js";
import type { ModelRates, RateCard, TokenRates } from "./rate-card.js";

/** The lanes a discount may name: per-token on-demand (with its cache and tiers), Batch, and reserved capacity. */
export const DISCOUNT_LANES = ["on-demand", "batch", "provisioned"] as const;
type DiscountLane = (typeof DISCOUNT_LANES)[number];

/** A private price (EDP, private pricing) as a rate file gives it: a share off the list prices it matches. */
export interface DiscountEntry {
  provider?: string | undefined;
  /** A model id or alias. */
  model?: string | undefined;
  lane?: DiscountLane | undefined;
  /** Percent off, greater than 0 and below 100. */
  percent: number;
}

/** A discount and where it was given. */
export interface Discount extends DiscountEntry {
  /** The rate file that gives it, or "--discount". */
  from: string;
}

/** Model over provider, and with a lane over without: the most specific discount that matches wins. */
function specificity(discount: Discount): number {
  return (discount.model !== undefined ? 4 : 0) + (discount.provider !== undefined ? 2 : 0) + (discount.lane !== undefined ? 1 : 0);
}

function matches(discount: Discount, model: ModelRates, lane: DiscountLane): boolean {
  if (discount.lane !== undefined && discount.lane !== lane) return false;
  if (discount.provider !== undefined && nameKey(discount.provider) !== nameKey(model.provider)) return false;
  if (discount.model !== undefined && ![model.id, ...model.aliases].some((name) => nameKey(name) === nameKey(discount.model as string))) {
    return false;
  }
  return true;
}

/** The discount for one lane of one model: the most specific that matches (a later one on a tie); they do not stack. */
function discountFor(discounts: readonly Discount[], model: ModelRates, lane: DiscountLane): Discount | undefined {
  let best: Discount | undefined;
  for (const discount of discounts) {
    if (matches(discount, model, lane) && (!best || specificity(discount) >= specificity(best))) best = discount;
  }
  return best;
}

const scaleRates = (rates: TokenRates, factor: number): TokenRates => ({
  inputPerMTok: rates.inputPerMTok * factor,
  ...(rates.outputPerMTok === undefined ? {} : { outputPerMTok: rates.outputPerMTok * factor }),
});

function scaleRecord<K extends string>(record: Partial<Record<K, number>>, factor: number): Partial<Record<K, number>> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, (value as number) * factor])) as Partial<Record<K, number>>;
}

/** One model's prices with the discounts that match each lane; the discounts that changed any. */
function discountModel(model: ModelRates, discounts: readonly Discount[], applied: Set<Discount>): ModelRates {
  const factorOf = (lane: DiscountLane) => {
    const discount = discountFor(discounts, model, lane);
    if (!discount) return 1;
    applied.add(discount);
    return 1 - discount.percent / 100;
  };
  const onDemand = model.onDemand || model.promptCache || model.priority || model.flex || model.longContext ? factorOf("on-demand") : 1;
  const batch = model.batch ? factorOf("batch") : 1;
  const capacity = model.provisioned || model.reserved ? factorOf("provisioned") : 1;
  const out: ModelRates = { ...model };
  if (model.onDemand) out.onDemand = scaleRates(model.onDemand, onDemand);
  if (model.priority) out.priority = scaleRates(model.priority, onDemand);
  if (model.flex) out.flex = scaleRates(model.flex, onDemand);
  if (model.longContext) out.longContext = { ...model.longContext, ...scaleRates(model.longContext, onDemand) };
  if (model.promptCache) out.promptCache = scaleRecord(model.promptCache, onDemand);
  if (model.batch) out.batch = scaleRates(model.batch, batch);
  if (model.provisioned) out.provisioned = { ...model.provisioned, hourlyPerUnit: scaleRecord(model.provisioned.hourlyPerUnit, capacity) };
  if (model.reserved) {
    const reserved = { ...model.reserved };
    for (const scope of ["global", "geo"] as const) {
      const terms = model.reserved[scope];
      if (!terms) continue;
      reserved[scope] = Object.fromEntries(
        Object.entries(terms).map(([term, prices]) => [
          term,
          { inputPer1kTpmHour: prices.inputPer1kTpmHour * capacity, outputPer1kTpmHour: prices.outputPer1kTpmHour * capacity },
        ]),
      );
    }
    out.reserved = reserved;
  }
  return out;
}

/** The card with every list price its discounts match lowered, and the discounts that lowered any, in order given. */
export function applyDiscounts(card: RateCard, discounts: readonly Discount[]): RateCard {
  if (discounts.length === 0) return card;
  const applied = new Set<Discount>();
  const models = card.models.map((model) => discountModel(model, discounts, applied));
  return { ...card, models, discounts: discounts.filter((discount) => applied.has(discount)) };
}

/** Why a discount can match nothing: a provider or model these rates do not have. */
export function discountProblems(card: RateCard, discount: Discount): string | null {
  if (discount.provider !== undefined && !card.models.some((model) => nameKey(model.provider) === nameKey(discount.provider as string))) {
    const providers = [...new Set(card.models.map((model) => model.provider))].sort().join(", ");
    return `no provider ${JSON.stringify(discount.provider)} in these rates (${providers})`;
  }
  if (
    discount.model !== undefined &&
    !card.models.some((model) => [model.id, ...model.aliases].some((name) => nameKey(name) === nameKey(discount.model as string)))
  ) {
    return `no model ${JSON.stringify(discount.model)} in these rates (give an id or alias as rates list shows them)`;
  }
  return null;
}
