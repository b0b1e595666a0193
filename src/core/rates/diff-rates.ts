import type { ModelRates, RateCard } from "./rate-card.js";

/** A price that differs between two rate cards; null on the side where it is absent. */
interface PriceChange {
  id: string;
  /** The rate-file field, such as `onDemand.inputPerMTok` or `provisioned.hourlyPerUnit.sixMonth`. */
  field: string;
  old: number | null;
  new: number | null;
  /** (new − old) / old; null when either side is absent. */
  change: number | null;
}

export interface RatesDiff {
  added: ModelRates[];
  removed: ModelRates[];
  changed: PriceChange[];
}

/** Every price of a model, by rate-file field. */
function priceFields(model: ModelRates): Map<string, number> {
  const fields = new Map<string, number>();
  const put = (field: string, value: number | undefined) => {
    if (value !== undefined) fields.set(field, value);
  };
  put("onDemand.inputPerMTok", model.onDemand?.inputPerMTok);
  put("onDemand.outputPerMTok", model.onDemand?.outputPerMTok);
  put("batch.inputPerMTok", model.batch?.inputPerMTok);
  put("batch.outputPerMTok", model.batch?.outputPerMTok);
  put("promptCache.readPerMTok", model.promptCache?.readPerMTok);
  put("promptCache.writePerMTok", model.promptCache?.writePerMTok);
  put("provisioned.hourlyPerUnit.noCommit", model.provisioned?.hourlyPerUnit.noCommit);
  put("provisioned.hourlyPerUnit.oneMonth", model.provisioned?.hourlyPerUnit.oneMonth);
  put("provisioned.hourlyPerUnit.sixMonth", model.provisioned?.hourlyPerUnit.sixMonth);
  put("provisioned.unitThroughput.inputTpm", model.provisioned?.unitThroughput?.inputTpm);
  put("provisioned.unitThroughput.outputTpm", model.provisioned?.unitThroughput?.outputTpm);
  return fields;
}

/** What changed from one rate card to another: models added and removed, and every price that moved. */
export function diffRates(before: RateCard, after: RateCard): RatesDiff {
  const oldById = new Map(before.models.map((model) => [model.id, model]));
  const newById = new Map(after.models.map((model) => [model.id, model]));
  const changed: PriceChange[] = [];
  for (const model of after.models) {
    const previous = oldById.get(model.id);
    if (!previous) continue;
    const oldFields = priceFields(previous);
    const newFields = priceFields(model);
    const fields = [...new Set([...oldFields.keys(), ...newFields.keys()])];
    for (const field of fields) {
      const a = oldFields.get(field) ?? null;
      const b = newFields.get(field) ?? null;
      if (a === b) continue;
      changed.push({ id: model.id, field, old: a, new: b, change: a !== null && b !== null ? (b - a) / a : null });
    }
  }
  return {
    added: after.models.filter((model) => !oldById.has(model.id)),
    removed: before.models.filter((model) => !newById.has(model.id)),
    changed,
  };
}
