import type { RateCard } from "../core/rates/rate-card.js";
import { resolveModel } from "../core/rates/resolve-model.js";
import { InputFileError, type InputProblem } from "../errors.js";
import { unknownModelMessage } from "./model-flags.js";

/** The --profile-map file, each model it names checked against the rates. */
export async function profileMapOf(file: string, card: RateCard): Promise<Map<string, string>> {
  // The reader brings YAML and zod: loaded only when a map is given.
  const { readProfileMap } = await import("../readers/read-profile-map.js");
  const { map, lineOf } = readProfileMap(file);
  const problems: InputProblem[] = [];
  for (const [arn, name] of map) {
    const lookup = resolveModel(card, name);
    if (!lookup.found) problems.push({ source: file, path: ["profiles", arn], line: lineOf(arn), message: unknownModelMessage(lookup) });
  }
  if (problems.length > 0) throw new InputFileError(problems);
  return map;
}
