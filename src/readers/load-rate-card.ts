import type { FieldPath } from "../core/input/field-path.js";
import { applyDiscounts, type Discount, discountProblems } from "../core/rates/discounts.js";
import { emptyRateCard, layRateFile, type RateFileData } from "../core/rates/merge-rates.js";
import type { RateCard } from "../core/rates/rate-card.js";
import { InputFileError, type InputProblem, UsageError } from "../errors.js";
import { type BundledVersion, listBundledVersions } from "./bundled-rates.js";

const DEFAULT_REGION = "us-east-1";

export interface RateCardRequest {
  /** --region, else us-east-1. */
  region?: string | undefined;
  /** --rates-version: an effective date of a bundled file. */
  ratesVersion?: string | undefined;
  /** --rates files, in the order given. */
  files: readonly string[];
  /** Where the bundled versions live; the package's own rates/ unless given. */
  bundledDir?: string | undefined;
  /** --discount: percent off every list price, below the discounts of rate files, which are more specific. */
  discountPercent?: number | undefined;
}

function pickBundled(
  region: string,
  version: string | undefined,
  haveUserFiles: boolean,
  dir: string | undefined,
): BundledVersion | undefined {
  const all = listBundledVersions(dir);
  const versions = all.get(region);
  const regions = [...all.keys()].sort().join(", ") || "none";
  if (!versions) {
    if (version !== undefined) {
      throw new UsageError(`--rates-version ${version}: no bundled rates for region ${region} (bundled regions: ${regions})`);
    }
    if (!haveUserFiles) {
      throw new UsageError(`no bundled rates for region ${region} (bundled regions: ${regions}); give your own with --rates FILE`);
    }
    return undefined;
  }
  if (version === undefined) return versions[versions.length - 1];
  const match = versions.find((candidate) => candidate.effectiveDate === version);
  if (!match) {
    const dates = versions.map((candidate) => candidate.effectiveDate).join(", ");
    throw new UsageError(`--rates-version ${version}: no such bundled version for ${region} (versions: ${dates})`);
  }
  return match;
}

interface LocatedRateFile {
  data: RateFileData;
  lineOf(path: FieldPath): number | undefined;
  keyLine(path: FieldPath, key: string): number | undefined;
}

/** Bundled files read from source (not built), parsed once per process: they are the package's own. */
const sourceFiles = new Map<string, LocatedRateFile>();

/**
 * The rate card for one run: the bundled version for the region (the newest unless one is asked
 * for), with the user's files laid over it in order. Every problem in every file is reported at once.
 * YAML and zod are loaded only when there is a file to read.
 */
export async function loadRateCard(request: RateCardRequest): Promise<RateCard> {
  const problems: InputProblem[] = [];
  const userFiles: LocatedRateFile[] = [];
  const reader = request.files.length > 0 ? await import("./read-rate-file.js") : undefined;
  for (const path of request.files) {
    try {
      const file = reader?.readRateFile(path, path, false);
      if (file) userFiles.push({ data: file.data, lineOf: file.yaml.lineOf, keyLine: file.yaml.keyLine });
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputFileError(problems);

  const region = request.region ?? DEFAULT_REGION;
  const bundled = pickBundled(region, request.ratesVersion, userFiles.length > 0, request.bundledDir);
  // Built, the bundled version comes as its card; read from source, it is laid like any other file.
  let card = bundled?.card ?? emptyRateCard(region);
  const rateFiles: LocatedRateFile[] = [];
  if (bundled?.path) {
    let located = sourceFiles.get(bundled.path);
    if (!located) {
      const { readRateFile } = reader ?? (await import("./read-rate-file.js"));
      const file = readRateFile(bundled.path, bundled.shownAs, true);
      located = { data: file.data, lineOf: file.yaml.lineOf, keyLine: file.yaml.keyLine };
      sourceFiles.set(bundled.path, located);
    }
    rateFiles.push(located);
  }
  rateFiles.push(...userFiles);

  for (const rateFile of rateFiles) {
    const result = layRateFile(card, rateFile.data);
    card = result.card;
    const located = result.problems.map((problem) => {
      const line = problem.key === undefined ? rateFile.lineOf(problem.path) : rateFile.keyLine(problem.path, problem.key);
      const hint =
        problem.path.join(".") === "region" && request.region === undefined
          ? ` (give --region ${rateFile.data.region} to use this file's region)`
          : "";
      return { source: problem.file, path: problem.path, line, message: `${problem.message}${hint}` };
    });
    problems.push(...located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  }
  if (problems.length > 0) throw new InputFileError(problems);

  // Private discounts: the flag's first, as the least specific, then each file's in order.
  const discounts: Discount[] = [];
  if (request.discountPercent !== undefined) discounts.push({ percent: request.discountPercent, from: "--discount" });
  for (const rateFile of rateFiles) {
    (rateFile.data.discounts ?? []).forEach((entry, index) => {
      const discount = { ...entry, from: rateFile.data.file };
      const problem = discountProblems(card, discount);
      if (problem) {
        problems.push({
          source: rateFile.data.file,
          path: ["discounts", index],
          line: rateFile.lineOf(["discounts", index]),
          message: problem,
        });
      } else discounts.push(discount);
    });
  }
  if (problems.length > 0) throw new InputFileError(problems);
  return applyDiscounts(card, discounts);
}
