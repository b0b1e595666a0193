import { nearestNames } from "../input/nearest-names.js";
import { quote } from "../input/quote.js";
import type { ModelRates, RateCard } from "./rate-card.js";

/** Prefixes of cross-region inference profile ids. */
export const PROFILE_PREFIXES = ["global", "us", "eu", "apac", "jp", "au", "ca", "us-gov"] as const;

const ARN = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d*:([a-z-]+)\/(.+)$/;

export type ModelLookup = { found: true; model: ModelRates } | { found: false; reason: string; suggestions: string[] };

function byIdOrAlias(models: readonly ModelRates[], name: string): ModelRates | undefined {
  const lower = name.toLowerCase();
  return (
    models.find((model) => model.id.toLowerCase() === lower) ??
    models.find((model) => model.aliases.some((alias) => alias.toLowerCase() === lower))
  );
}

function withoutProfilePrefix(name: string): string | undefined {
  const prefix = PROFILE_PREFIXES.find((candidate) => name.toLowerCase().startsWith(`${candidate}.`));
  return prefix ? name.slice(prefix.length + 1) : undefined;
}

/** An exact id or alias first; then the id with its cross-region profile prefix removed. */
function lookupId(models: readonly ModelRates[], name: string): ModelRates | undefined {
  const exact = byIdOrAlias(models, name);
  if (exact) return exact;
  const stripped = withoutProfilePrefix(name);
  return stripped === undefined ? undefined : byIdOrAlias(models, stripped);
}

/**
 * Finds a model by id, alias, cross-region profile id (`us.`, `eu.`, `apac.`, `jp.`, `global.`, ...)
 * or foundation-model / inference-profile ARN. A profile priced differently from the base model has
 * its own entry, which wins over the stripped prefix.
 */
export function resolveModel(card: RateCard, name: string): ModelLookup {
  const models = card.models;
  const arn = ARN.exec(name);
  let id = name;
  if (arn) {
    const [, kind, resource] = arn as unknown as [string, string, string];
    if (kind !== "foundation-model" && kind !== "inference-profile") {
      const what =
        kind === "custom-model"
          ? "a custom model's ARN; price it as its base model (custom models are served on Provisioned Throughput only)"
          : kind === "application-inference-profile"
            ? "an application inference profile's ARN, which does not name its model; give the model id instead"
            : `an ARN of a ${kind}, not of a model`;
      return { found: false, reason: `${name} is ${what}`, suggestions: [] };
    }
    id = resource;
  }
  const model = lookupId(models, id);
  if (model) return { found: true, model };
  const owner = new Map<string, string>();
  for (const m of models) for (const name of [m.id, ...m.aliases]) if (!owner.has(name)) owner.set(name, m.id);
  const near = nearestNames(withoutProfilePrefix(id) ?? id, [...owner.keys()], owner.size);
  // One suggestion per model: the closest of its names.
  const seen = new Set<string>();
  const suggestions = near.filter((name) => !seen.has(owner.get(name) as string) && seen.add(owner.get(name) as string)).slice(0, 3);
  return { found: false, reason: `unknown model ${quote(name)} in the ${card.region} rates`, suggestions };
}
