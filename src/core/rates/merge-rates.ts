import {
  AWS_RESERVED_MINIMUM,
  RESERVED_SCOPES,
  RESERVED_TERM_KEYS,
  RESERVED_TERMS,
  type ReservedPrices,
  type ReservedTermKey,
} from "../cost-model/reserved-tier.js";
import { DEFAULT_HOURS_PER_MONTH, type HourlyRateKey, TERM_RATE_KEYS, TERMS } from "../cost-model/terms.js";
import type { FieldPath } from "../input/field-path.js";
import { nameKey } from "../input/name-key.js";
import { nearestNames } from "../input/nearest-names.js";
import { quote } from "../input/quote.js";
import type { DiscountEntry } from "./discounts.js";
import type {
  CacheRates,
  LongContextRates,
  ModelRates,
  RateCard,
  RateSource,
  ReservedRates,
  TokenRates,
  UnitThroughput,
} from "./rate-card.js";

/** One model's entry in a rate file: every field but the id may be left out to keep the rates below. */
interface ModelEntry {
  id: string;
  name?: string | undefined;
  provider?: string | undefined;
  aliases?: string[] | undefined;
  source?: string | undefined;
  onDemand?: Partial<TokenRates> | undefined;
  batch?: Partial<TokenRates> | undefined;
  priority?: Partial<TokenRates> | undefined;
  flex?: Partial<TokenRates> | undefined;
  longContext?: Partial<LongContextRates> | undefined;
  promptCache?: CacheRates | undefined;
  provisioned?:
    | {
        hourlyPerUnit?: Partial<Record<HourlyRateKey, number | undefined>> | undefined;
        unitThroughput?: Partial<UnitThroughput> | undefined;
      }
    | undefined;
  reserved?: ReservedEntry | undefined;
}

type ReservedScopeEntry = Partial<Record<ReservedTermKey, Partial<ReservedPrices> | undefined>>;

/** A rate file's `reserved` block: every field may be left out to keep the rates below. */
interface ReservedEntry {
  global?: ReservedScopeEntry | undefined;
  geo?: ReservedScopeEntry | undefined;
  minimumTpm?: { input?: number | undefined; output?: number | undefined } | undefined;
}

/** A rate file, laid over the rates before it model by model and field by field. */
export interface RateFileData {
  file: string;
  region: string;
  effectiveDate?: string | undefined;
  hoursPerMonth?: number | undefined;
  sources: RateSource[];
  models: ModelEntry[];
  /** Private discounts the file gives (applied once every file is laid). */
  discounts?: DiscountEntry[] | undefined;
  /** Bundled files name a source for every model. */
  requireSources: boolean;
}

export interface RateProblem {
  file: string;
  path: FieldPath;
  message: string;
  /** For an unknown or duplicate key: the key itself, so its own line can be found. */
  key?: string;
}

export function emptyRateCard(region: string): RateCard {
  return { region, currency: "USD", effectiveDate: null, hoursPerMonth: DEFAULT_HOURS_PER_MONTH, files: [], models: [] };
}

function mergeFields<T extends object>(base: T | undefined, over: Partial<T> | undefined): Partial<T> | undefined {
  if (!over) return base;
  const merged: Partial<T> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

function missingOf(object: object, keys: readonly string[]): string[] {
  return keys.filter((key) => (object as Record<string, unknown>)[key] === undefined);
}

/** What a merged model still lacks, as problems against the entry that last touched it. */
function completenessProblems(model: ModelRates, at: FieldPath, file: string): RateProblem[] {
  const problems: RateProblem[] = [];
  // An input price in every lane; an output price in every lane, or in none (an input-only model such
  // as an embeddings model has no output tokens to price).
  const inputOnly = model.onDemand !== undefined && model.onDemand.outputPerMTok === undefined;
  for (const lane of ["onDemand", "batch", "priority", "flex", "longContext"] as const) {
    const rates = model[lane];
    if (!rates) continue;
    const needed = inputOnly ? (["inputPerMTok"] as const) : (["inputPerMTok", "outputPerMTok"] as const);
    const missing = missingOf(rates, needed);
    if (missing.length > 0) problems.push({ file, path: [...at, lane], message: `needs ${missing.join(" and ")} as well` });
    if (inputOnly && lane === "batch" && rates.outputPerMTok !== undefined) {
      problems.push({
        file,
        path: [...at, lane, "outputPerMTok"],
        message: "an output price on Batch, but none on-demand: an input-only model has no output price in any lane",
      });
    }
  }
  if (model.promptCache && missingOf(model.promptCache, ["readPerMTok", "writePerMTok", "write1hPerMTok"]).length === 3) {
    problems.push({ file, path: [...at, "promptCache"], message: "needs readPerMTok, writePerMTok or write1hPerMTok" });
  }
  const provisioned = model.provisioned;
  if (provisioned) {
    if (Object.values(provisioned.hourlyPerUnit).every((rate) => rate === undefined)) {
      problems.push({
        file,
        path: [...at, "provisioned"],
        message: "needs hourlyPerUnit with at least one of noCommit, oneMonth, sixMonth (no PT price is known for this model)",
      });
    }
    const throughput = provisioned.unitThroughput;
    if (throughput) {
      const missing = missingOf(throughput, ["inputTpm", "outputTpm"]);
      if (missing.length > 0) {
        problems.push({ file, path: [...at, "provisioned", "unitThroughput"], message: `needs ${missing.join(" and ")} as well` });
      }
    }
  }
  problems.push(...reservedProblems(model.reserved, at, file));
  for (const tier of ["priority", "flex", "longContext"] as const) {
    if (model[tier] && !model.onDemand) {
      problems.push({ file, path: [...at, tier], message: `${tier} is a tier of on-demand: the model needs onDemand prices as well` });
    }
  }
  if (model.reserved && !model.onDemand) {
    problems.push({
      file,
      path: [...at, "reserved"],
      message: "traffic above a Reserved tier reservation is billed at the Standard tier: the model needs onDemand prices as well",
    });
  }
  if (!model.onDemand && !model.provisioned) {
    problems.push({ file, path: at, message: "a model needs onDemand prices, provisioned prices, or both" });
  }
  return [...problems, ...plausibilityProblems(model, at, file)];
}

/** A Reserved tier block needs a price for at least one term, and both sides of every term it prices. */
function reservedProblems(reserved: ReservedRates | undefined, at: FieldPath, file: string): RateProblem[] {
  if (!reserved) return [];
  const problems: RateProblem[] = [];
  let priced = 0;
  for (const scope of RESERVED_SCOPES) {
    for (const term of RESERVED_TERMS) {
      const key = RESERVED_TERM_KEYS[term];
      const prices = reserved[scope]?.[key];
      if (!prices) continue;
      priced++;
      const missing = missingOf(prices, ["inputPer1kTpmHour", "outputPer1kTpmHour"]);
      if (missing.length > 0)
        problems.push({ file, path: [...at, "reserved", scope, key], message: `needs ${missing.join(" and ")} as well` });
    }
    const one = reserved[scope]?.oneMonth;
    const three = reserved[scope]?.threeMonth;
    for (const side of ["inputPer1kTpmHour", "outputPer1kTpmHour"] as const) {
      const [longRate, shortRate] = [three?.[side], one?.[side]];
      if (longRate !== undefined && shortRate !== undefined && longRate > shortRate) {
        problems.push({
          file,
          path: [...at, "reserved", scope, "threeMonth", side],
          message: `${longRate} is above oneMonth at ${shortRate}: a longer term is never dearer`,
        });
      }
    }
  }
  if (priced === 0)
    problems.push({ file, path: [...at, "reserved"], message: "needs a price for oneMonth or threeMonth under global or geo" });
  return problems;
}

function mergeReserved(base: ReservedRates | undefined, entry: ReservedEntry | undefined): ReservedRates | undefined {
  if (!entry) return base;
  const merged: ReservedRates = {
    minimumTpm: { ...AWS_RESERVED_MINIMUM, ...base?.minimumTpm, ...definedOf(entry.minimumTpm) },
  };
  for (const scope of RESERVED_SCOPES) {
    const terms: Partial<Record<ReservedTermKey, ReservedPrices>> = { ...base?.[scope] };
    for (const term of RESERVED_TERMS) {
      const key = RESERVED_TERM_KEYS[term];
      const prices = mergeFields(base?.[scope]?.[key], entry[scope]?.[key]);
      // Completeness is checked after the merge, so a partly filled pair is carried as it is until then.
      if (prices) terms[key] = prices as ReservedPrices;
    }
    if (Object.keys(terms).length > 0) merged[scope] = terms;
  }
  return merged;
}

function definedOf<T extends object>(object: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(object ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Prices that cannot all be right: a typo such as 30 for 3.0 shows up as one of these. */
function plausibilityProblems(model: ModelRates, at: FieldPath, file: string): RateProblem[] {
  const problems: RateProblem[] = [];
  const od = model.onDemand;
  for (const side of ["inputPerMTok", "outputPerMTok"] as const) {
    const batch = model.batch?.[side];
    const onDemand = od?.[side];
    if (batch !== undefined && onDemand !== undefined && batch > onDemand) {
      problems.push({
        file,
        path: [...at, "batch", side],
        message: `${batch} is above the on-demand price ${onDemand}: Batch is never dearer`,
      });
    }
  }
  for (const side of ["inputPerMTok", "outputPerMTok"] as const) {
    const onDemand = od?.[side];
    const flex = model.flex?.[side];
    const priority = model.priority?.[side];
    if (flex !== undefined && onDemand !== undefined && flex > onDemand) {
      problems.push({
        file,
        path: [...at, "flex", side],
        message: `${flex} is above the on-demand price ${onDemand}: Flex is never dearer`,
      });
    }
    const longContext = model.longContext?.[side];
    if (longContext !== undefined && onDemand !== undefined && longContext < onDemand) {
      problems.push({
        file,
        path: [...at, "longContext", side],
        message: `${longContext} is below the on-demand price ${onDemand}: a long-context price is never cheaper`,
      });
    }
    if (priority !== undefined && onDemand !== undefined && priority < onDemand) {
      problems.push({
        file,
        path: [...at, "priority", side],
        message: `${priority} is below the on-demand price ${onDemand}: Priority is never cheaper`,
      });
    }
  }
  const read = model.promptCache?.readPerMTok;
  if (read !== undefined && od?.inputPerMTok !== undefined && read > od.inputPerMTok) {
    problems.push({
      file,
      path: [...at, "promptCache", "readPerMTok"],
      message: `${read} is above the input price ${od.inputPerMTok}: a cache read is never dearer`,
    });
  }
  const hourly = model.provisioned?.hourlyPerUnit;
  if (hourly) {
    // TERMS runs from the shortest term to the longest.
    const keys = TERMS.map((term) => TERM_RATE_KEYS[term]);
    for (let longer = 1; longer < keys.length; longer++) {
      for (let shorter = 0; shorter < longer; shorter++) {
        const [longName, shortName] = [keys[longer] as HourlyRateKey, keys[shorter] as HourlyRateKey];
        const [longRate, shortRate] = [hourly[longName], hourly[shortName]];
        if (longRate !== undefined && shortRate !== undefined && longRate > shortRate) {
          problems.push({
            file,
            path: [...at, "provisioned", "hourlyPerUnit", longName],
            message: `${longRate} is above ${shortName} at ${shortRate}: a longer term is never dearer`,
          });
        }
      }
    }
  }
  return problems;
}

function mergeModel(base: ModelRates | undefined, entry: ModelEntry, source: RateSource | undefined, file: string): ModelRates {
  const hourly = mergeFields(base?.provisioned?.hourlyPerUnit, entry.provisioned?.hourlyPerUnit);
  const throughput = mergeFields(base?.provisioned?.unitThroughput, entry.provisioned?.unitThroughput);
  const provisioned =
    base?.provisioned || entry.provisioned
      ? { hourlyPerUnit: hourly ?? {}, ...(throughput ? { unitThroughput: throughput } : {}) }
      : undefined;
  const merged: ModelRates = {
    id: base?.id ?? entry.id,
    name: entry.name ?? base?.name ?? entry.id,
    provider: entry.provider ?? base?.provider ?? "",
    aliases: [...new Set([...(base?.aliases ?? []), ...(entry.aliases ?? [])])],
    files: [...(base?.files ?? []), file],
  };
  const resolvedSource = source ?? base?.source;
  if (resolvedSource) merged.source = resolvedSource;
  const onDemand = mergeFields(base?.onDemand, entry.onDemand);
  const batch = mergeFields(base?.batch, entry.batch);
  const priority = mergeFields(base?.priority, entry.priority);
  const flex = mergeFields(base?.flex, entry.flex);
  const longContext = mergeFields(base?.longContext, entry.longContext);
  const promptCache = mergeFields(base?.promptCache, entry.promptCache);
  // Completeness is checked after the merge, so a partly filled pair is carried as it is until then.
  if (onDemand) merged.onDemand = onDemand as TokenRates;
  if (batch) merged.batch = batch as TokenRates;
  if (priority) merged.priority = priority as TokenRates;
  if (flex) merged.flex = flex as TokenRates;
  if (longContext) merged.longContext = longContext as LongContextRates;
  if (promptCache) merged.promptCache = promptCache;
  if (provisioned) merged.provisioned = provisioned as ModelRates["provisioned"];
  const reserved = mergeReserved(base?.reserved, entry.reserved);
  if (reserved) merged.reserved = reserved;
  return merged;
}

function describeCard(card: RateCard): string {
  return card.files.length > 0 ? `the rates it overlays (${card.files.join(", ")})` : "other rates (this file is read on its own)";
}

/** The model an entry is laid over: the same id, or else a model that has the entry's id as an alias. */
/**
 * Which models answer to a name (an id or an alias, case and Unicode normalisation aside, as models
 * are looked up): kept as models are added and merged, so that a file of 20,000 models is laid in
 * linear time.
 */
class NameIndex {
  private readonly owners = new Map<string, Set<number>>();

  constructor(private readonly models: readonly ModelRates[]) {
    for (const [index, model] of models.entries()) this.add(model, index);
  }

  add(model: ModelRates, index: number): void {
    for (const name of [model.id, ...model.aliases]) {
      const key = nameKey(name);
      const set = this.owners.get(key) ?? new Set<number>();
      set.add(index);
      this.owners.set(key, set);
    }
  }

  /** The model an entry's id names: the one with that id, else the first with that alias; -1 for none. */
  target(id: string): number {
    const key = nameKey(id);
    const owners = [...(this.owners.get(key) ?? [])];
    const exact = owners.find((index) => nameKey((this.models[index] as ModelRates).id) === key);
    return exact ?? owners[0] ?? -1;
  }

  /** Another model than the one of id `id` that answers to `name`. */
  other(name: string, id: string): ModelRates | undefined {
    for (const index of this.owners.get(nameKey(name)) ?? []) {
      const model = this.models[index] as ModelRates;
      if (model.id !== id) return model;
    }
    return undefined;
  }
}

/** Aliases this file gave twice, or that already name another model. */
function aliasProblems(names: NameIndex, rateFile: RateFileData, touched: Map<string, number>): RateProblem[] {
  const problems: RateProblem[] = [];
  for (const [id, index] of touched) {
    const aliases = rateFile.models[index]?.aliases ?? [];
    aliases.forEach((alias, aliasIndex) => {
      const first = aliases.findIndex((other) => nameKey(other) === nameKey(alias));
      if (first < aliasIndex) {
        problems.push({
          file: rateFile.file,
          path: ["models", index, "aliases", aliasIndex],
          message: `alias ${quote(alias)} is already given at aliases[${first}]`,
        });
        return;
      }
      const clash = names.other(alias, id);
      if (clash) {
        problems.push({
          file: rateFile.file,
          path: ["models", index, "aliases", aliasIndex],
          message: `alias ${quote(alias)} already names ${clash.id}`,
        });
      }
    });
  }
  return problems;
}

/**
 * Lays one rate file over a rate card: the same model id (or an alias of it) is merged field by
 * field, a new id adds a model. Returns the new card and every problem found; the card is only
 * meaningful when there are none.
 */
export function layRateFile(card: RateCard, rateFile: RateFileData): { card: RateCard; problems: RateProblem[] } {
  const problems: RateProblem[] = [];
  const file = rateFile.file;
  if (rateFile.region !== card.region) {
    // Nothing else in a file for another region is worth reporting against these rates.
    const others = card.files.length > 0 ? `the region of ${card.files.join(", ")}` : "the region given by --region";
    const message = `${rateFile.region} differs from ${card.region}, ${others}`;
    return { card, problems: [{ file, path: ["region"], message }] };
  }
  const sources = new Map<string, RateSource>();
  rateFile.sources.forEach((source, index) => {
    if (sources.has(source.id)) problems.push({ file, path: ["sources", index, "id"], message: `duplicate source id ${quote(source.id)}` });
    else sources.set(source.id, source);
  });

  const models = [...card.models];
  const names = new NameIndex(models);
  const touched = new Map<string, number>();
  rateFile.models.forEach((entry, index) => {
    const at: FieldPath = ["models", index];
    let source: RateSource | undefined;
    if (entry.source !== undefined) {
      source = sources.get(entry.source);
      if (!source) problems.push({ file, path: [...at, "source"], message: `${quote(entry.source)} names no entry under sources` });
    } else if (rateFile.requireSources) {
      problems.push({ file, path: at, message: "a bundled rate file names the source of every model (source: <id under sources>)" });
    }

    const targetIndex = names.target(entry.id);
    const base = targetIndex >= 0 ? models[targetIndex] : undefined;
    const sameModel = base ? touched.get(base.id) : undefined;
    if (base && sameModel !== undefined) {
      const what =
        nameKey(entry.id) === nameKey(base.id) ? `duplicate id ${quote(entry.id)}` : `${quote(entry.id)} is an alias of ${base.id}`;
      problems.push({ file, path: [...at, "id"], message: `${what}, already given at models[${sameModel}]` });
      return;
    }
    if (!base) {
      const missing = missingOf(entry, ["name", "provider"]);
      if (missing.length > 0) {
        const near = nearestNames(
          entry.id,
          models.flatMap((model) => [model.id, ...model.aliases]),
        );
        const hint = near.length > 0 ? `; did you mean ${near.join(", ")}?` : "";
        problems.push({
          file,
          path: [...at, "id"],
          message: `${quote(entry.id)} matches no model in ${describeCard(card)}, and a new model needs ${missing.join(" and ")}${hint}`,
        });
        return;
      }
    }
    const merged = mergeModel(base, entry, source, file);
    if (base) models[targetIndex] = merged;
    else models.push(merged);
    names.add(merged, base ? targetIndex : models.length - 1);
    touched.set(merged.id, index);
    problems.push(...completenessProblems(merged, at, file));
  });
  problems.push(...aliasProblems(names, rateFile, touched));

  return {
    card: {
      ...card,
      effectiveDate: card.effectiveDate ?? rateFile.effectiveDate ?? null,
      hoursPerMonth: rateFile.hoursPerMonth ?? card.hoursPerMonth,
      files: [...card.files, file],
      models,
    },
    problems,
  };
}
