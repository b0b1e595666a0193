import { emptyRateCard, layRateFile, type RateFileData } from "../core/rates/merge-rates.js";
import type { RateCard } from "../core/rates/rate-card.js";
import { InputFileError, type InputProblem } from "../errors.js";
import { rateFileSchema } from "./rate-file-schema.js";
import { readTextFile } from "./read-text-file.js";
import { YAML_CAP } from "./special-files.js";
import { parseYamlFile, type YamlFile } from "./yaml-document.js";
import { zodProblems } from "./zod-problems.js";

export interface RateFile {
  data: RateFileData;
  yaml: ReturnType<typeof parseYamlFile>;
}

/** Parses and validates one rate file's text. Throws `InputFileError` with every problem found. */
export function parseRateFile(text: string, shownAs: string, bundled: boolean): RateFile {
  const yaml = parseYamlFile(shownAs, text);
  const parsed = rateFileSchema.safeParse(yaml.data, { reportInput: true });
  if (!parsed.success) throw new InputFileError(zodProblems(yaml, parsed.error, rateFileSchema));
  const data = parsed.data;
  const problems = [];
  if (bundled && data.effectiveDate === undefined) {
    problems.push({ source: shownAs, path: ["effectiveDate"], line: yaml.lineOf([]), message: "required in a bundled rate file" });
  }
  if (bundled && (data.sources === undefined || data.sources.length === 0)) {
    problems.push({ source: shownAs, path: ["sources"], line: yaml.lineOf([]), message: "a bundled rate file lists its sources" });
  }
  if (problems.length > 0) throw new InputFileError(problems);
  return {
    yaml,
    data: {
      file: shownAs,
      region: data.region,
      effectiveDate: data.effectiveDate,
      hoursPerMonth: data.hoursPerMonth,
      sources: data.sources ?? [],
      models: data.models,
      discounts: data.discounts,
      requireSources: bundled,
    },
  };
}

export function readRateFile(path: string, shownAs: string, bundled: boolean): RateFile {
  return parseRateFile(readTextFile(path, shownAs, YAML_CAP), shownAs, bundled);
}

/**
 * A rate file on its own, as a bundled version stands: laid over no other rates, so every model must
 * be complete. Every problem is located on its line.
 */
export function rateCardOf(file: RateFile): { card: RateCard; problems: InputProblem[] } {
  const { card, problems } = layRateFile(emptyRateCard(file.data.region), file.data);
  return {
    card,
    problems: problems.map((p) => ({
      source: p.file,
      path: p.path,
      line: p.key === undefined ? file.yaml.lineOf(p.path) : file.yaml.keyLine(p.path, p.key),
      message: p.message,
    })),
  };
}

export type { YamlFile };
