// Build step: validates every bundled rate file exactly as a user's file is validated, lays each
// into its rate card, and writes the cards as JSON for the CLI to load without YAML, zod or laying
// them again. Any problem fails the build.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { emptyRateCard, layRateFile } from "../src/core/rates/merge-rates.js";
import { formatProblem, InputFileError } from "../src/errors.js";
import { type CompiledRates, listBundledVersions } from "../src/readers/bundled-rates.js";
import { readRateFile } from "../src/readers/read-rate-file.js";

const [ratesDir, output] = process.argv.slice(2);
if (!ratesDir || !output) throw new Error("usage: compile-rates RATES_DIR OUTPUT_JSON");

const compiled: CompiledRates = { schemaVersion: 2, versions: [] };
const problems: string[] = [];
for (const versions of listBundledVersions(ratesDir).values()) {
  for (const version of versions) {
    try {
      const file = readRateFile(version.path as string, version.shownAs, true);
      const merged = layRateFile(emptyRateCard(version.region), file.data);
      for (const problem of merged.problems) {
        problems.push(`${problem.file}:${file.yaml.lineOf(problem.path) ?? "?"}: ${problem.path.join(".")}: ${problem.message}`);
      }
      if (file.data.region !== version.region || file.data.effectiveDate !== version.effectiveDate) {
        problems.push(`${version.shownAs}: region and effectiveDate must match the file's folder and name`);
      }
      // A discount is the user's own; the compiled card carries list prices only.
      if ((file.data.discounts ?? []).length > 0) problems.push(`${version.shownAs}: a bundled rate file gives list prices: no discounts`);
      compiled.versions.push({ region: version.region, effectiveDate: version.effectiveDate, shownAs: version.shownAs, card: merged.card });
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      problems.push(...error.problems.map(formatProblem));
    }
  }
}
if (problems.length > 0) {
  process.stderr.write(`bundled rates are invalid:\n${problems.join("\n")}\n`);
  process.exit(1);
}
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify(compiled)}\n`);
