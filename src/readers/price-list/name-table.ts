import { z } from "zod/mini";
import type { NamedModel, NameResolver } from "../../core/price-list/import-price-list.js";
import { PRICE_LIST_NAMES, providerOfId } from "../../core/price-list/price-list-names.js";
import type { RateCard } from "../../core/rates/rate-card.js";
import { InputFileError } from "../../errors.js";
import { describeKind, describeValue } from "../describe-value.js";
import { readTextFile } from "../read-text-file.js";
import { YAML_CAP } from "../special-files.js";
import { parseYamlFile } from "../yaml-document.js";
import { zodProblems } from "../zod-problems.js";

const namesFileSchema = z.strictObject(
  {
    names: z.record(
      z.string(),
      z.string({ error: (issue) => `expected a Bedrock model id, got ${describeValue(issue.input)}` }).check(
        z.regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, {
          error: (issue) => `expected a Bedrock model id such as anthropic.claude-v2:1, got ${describeValue(issue.input)}`,
        }),
      ),
      { error: (issue) => `expected a mapping of Price List names to Bedrock model ids, got ${describeValue(issue.input)}` },
    ),
  },
  { error: (issue) => (issue.code === "invalid_type" ? `expected a mapping with names, got ${describeKind(issue.input)}` : undefined) },
);

/** A user's table of Price List names: `names: {"Price List name": bedrock.model-id}`. */
export function readNamesFile(path: string): Record<string, string> {
  const yaml = parseYamlFile(path, readTextFile(path, path, YAML_CAP));
  const parsed = namesFileSchema.safeParse(yaml.data, { reportInput: true });
  if (!parsed.success) throw new InputFileError(zodProblems(yaml, parsed.error, namesFileSchema));
  return parsed.data.names;
}

/**
 * Lowercase letters, digits and dots, without a leading maker's name, a trailing "Instruct" or a
 * note in brackets: "Meta Llama 3.1 8B Instruct" and "Llama 3.1 8B" → "llama3.18b";
 * "Claude Sonnet 4.5 (regional and geographic profiles)" → "claudesonnet4.5"; "Command R+" →
 * "commandrplus", so that it stays apart from "Command R".
 */
function normalize(name: string): string {
  return name
    .toLowerCase()
    .replace(/\([^)]*\)/g, "")
    .replace(/^\s*(amazon|meta|mistral ai|anthropic|cohere|ai21|ai21 labs)\s+/, "")
    .replace(/\s+instruct\s*$/, "")
    .replace(/\+/g, "plus")
    .replace(/[^a-z0-9.]/g, "");
}

/**
 * Resolves Price List names, first from the user's table, then from the built-in one, then by
 * matching the bundled models' names and aliases; a name that matches two models is not guessed.
 */
export function nameResolver(card: RateCard | null, userNames: Record<string, string>): NameResolver {
  const byNormal = new Map<string, string | null>();
  for (const model of card?.models ?? []) {
    if (model.id.startsWith("global.")) continue;
    for (const candidate of [model.name, ...model.aliases]) {
      const key = normalize(candidate);
      const previous = byNormal.get(key);
      byNormal.set(key, previous === undefined || previous === model.id ? model.id : null);
    }
  }
  const lookup = (table: Record<string, string>, name: string) => {
    const entry = Object.entries(table).find(([key]) => key.toLowerCase() === name.toLowerCase());
    return entry?.[1];
  };
  return (name, provider, global): NamedModel | null => {
    const found = lookup(userNames, name) ?? lookup(PRICE_LIST_NAMES, name) ?? byNormal.get(normalize(name)) ?? null;
    if (!found) return null;
    const id = global ? `global.${found.replace(/^global\./, "")}` : found;
    const known = card?.models.find((model) => model.id === id);
    const shownName = known?.name ?? (global && !found.startsWith("global.") ? `${name} (global profile)` : name);
    // An embeddings model prices input tokens only: known so from the rates, or by its name.
    const inputOnly = known ? known.onDemand !== undefined && known.onDemand.outputPerMTok === undefined : /embed/i.test(`${id} ${name}`);
    return { id, name: shownName, provider: known?.provider ?? provider ?? providerOfId(id), inputOnly };
  };
}
