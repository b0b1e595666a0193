import { RESERVED_SCOPES, RESERVED_TERM_KEYS, RESERVED_TERMS } from "../cost-model/reserved-tier.js";
import { classifyLine, type PriceField, type PriceLine } from "./price-list-lines.js";

/** A Price List name resolved to a Bedrock model: its id, display name and provider. */
export interface NamedModel {
  id: string;
  name: string;
  provider: string;
  /** An input-only model (embeddings): an input price without an output price is whole. */
  inputOnly?: boolean;
}

/** Resolves a Price List name to a model; `global` asks for the global cross-region profile's id. */
export type NameResolver = (name: string, provider: string | null, global: boolean) => NamedModel | null;

export interface ImportReport {
  /** Price lines for the region, and for other regions (left out). */
  lines: number;
  otherRegions: number;
  /** Prices bedrock-cost does not model, by why: "not text tokens", "priority tier", ... */
  notModelled: Map<string, number>;
  /** Price List names that no table or bundled model maps to a Bedrock id, with their line counts. */
  unmapped: Map<string, number>;
  /** Prices left out because their other half is missing, by model. */
  incomplete: { id: string; detail: string }[];
  /** The same price field given two values; the first is kept. */
  conflicts: { id: string; field: string; kept: string; other: string }[];
  prices: number;
}

/** A model as the import writes it: prices as exact decimal strings. */
export interface ImportedModel extends NamedModel {
  prices: Map<string, string>;
}

export interface ImportResult {
  models: ImportedModel[];
  report: ImportReport;
}

function fieldName(field: PriceField): string {
  if (field.lane === "provisioned") return `provisioned.hourlyPerUnit.${field.key}`;
  if (field.lane === "reserved") return `reserved.${field.scope}.${field.term}.${field.key}`;
  return `${field.lane}.${field.key}`;
}

/** Pairs that must be whole: a model with half of one keeps nothing of it. */
const PAIRS: [string, string, string][] = [
  ["onDemand", "onDemand.inputPerMTok", "onDemand.outputPerMTok"],
  ["batch", "batch.inputPerMTok", "batch.outputPerMTok"],
  ["priority", "priority.inputPerMTok", "priority.outputPerMTok"],
  ["flex", "flex.inputPerMTok", "flex.outputPerMTok"],
  ["longContext", "longContext.inputPerMTok", "longContext.outputPerMTok"],
  ...RESERVED_SCOPES.flatMap((scope) =>
    RESERVED_TERMS.map((term): [string, string, string] => {
      const at = `reserved.${scope}.${RESERVED_TERM_KEYS[term]}`;
      return [at, `${at}.inputPer1kTpmHour`, `${at}.outputPer1kTpmHour`];
    }),
  ),
];

/**
 * Turns Price List lines into models of one region: on-demand, Batch, Priority and Flex tier,
 * cache, Provisioned Throughput and Reserved tier prices, by model id. Every line is accounted for in the report: priced, in another
 * region, not modelled, of an unmapped name, half of a pair, or in conflict.
 */
export function importPriceList(lines: readonly PriceLine[], region: string, resolve: NameResolver): ImportResult {
  const report: ImportReport = {
    lines: 0,
    otherRegions: 0,
    notModelled: new Map(),
    unmapped: new Map(),
    incomplete: [],
    conflicts: [],
    prices: 0,
  };
  const models = new Map<string, ImportedModel>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const line of lines) {
    if (line.attributes.regionCode !== region) {
      report.otherRegions++;
      continue;
    }
    report.lines++;
    const classified = classifyLine(line);
    if (classified.kind === "skip") {
      bump(report.notModelled, classified.why);
      continue;
    }
    const named = resolve(classified.name, classified.provider, classified.global);
    if (!named) {
      bump(report.unmapped, classified.name);
      continue;
    }
    const id = named.id;
    const model = models.get(id) ?? { ...named, prices: new Map<string, string>() };
    models.set(id, model);
    const field = fieldName(classified.field);
    const kept = model.prices.get(field);
    if (kept === undefined) model.prices.set(field, classified.value);
    else if (Number(kept) !== Number(classified.value)) report.conflicts.push({ id, field, kept, other: classified.value });
  }

  const complete: ImportedModel[] = [];
  for (const model of [...models.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const [lane, input, output] of PAIRS) {
      const has = [model.prices.has(input), model.prices.has(output)];
      if (has[0] !== has[1] && !(model.inputOnly && has[0])) {
        report.incomplete.push({
          id: model.id,
          detail: `${lane} has an ${has[0] ? "input" : "output"} price but no ${has[0] ? "output" : "input"} price`,
        });
        model.prices.delete(input);
        model.prices.delete(output);
      }
    }
    const priced = [...model.prices.keys()].some((field) => field.startsWith("onDemand.") || field.startsWith("provisioned."));
    if (!priced) {
      if (model.prices.size > 0)
        report.incomplete.push({ id: model.id, detail: "no complete on-demand or Provisioned Throughput price: left out" });
      continue;
    }
    report.prices += model.prices.size;
    complete.push(model);
  }
  return { models: complete, report };
}
