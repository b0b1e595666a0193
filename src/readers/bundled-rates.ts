import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RateCard } from "../core/rates/rate-card.js";

// In the built CLI this module sits in dist/ beside bundled-rates.json: the bundled rate files,
// validated and compiled when the package is built, so that a run parses no YAML and loads no zod.
// Run from source (as the tests do), it reads the rate files under rates/ itself.
const COMPILED = fileURLToPath(new URL("./bundled-rates.json", import.meta.url));
const SOURCE_DIR = fileURLToPath(new URL("../../rates/", import.meta.url));
const VERSION_FILE = /^(\d{4}-\d{2}-\d{2})\.yaml$/;

export interface BundledVersion {
  region: string;
  effectiveDate: string;
  /** The path users see: relative to the package, the same on every machine. */
  shownAs: string;
  /** The YAML file on disk, when read from source. */
  path?: string;
  /**
   * The validated rates, laid into a rate card when the package was built (laying the newest us-east-1
   * file took about 1.5 ms of every start). Parsed afresh for each caller, who may build on it.
   */
  card?: RateCard;
}

/** What the build writes to dist/bundled-rates.json. */
export interface CompiledRates {
  schemaVersion: 2;
  versions: Required<Omit<BundledVersion, "path">>[];
}

let compiledText: string | null | undefined;

function compiledRates(): CompiledRates | null {
  if (compiledText === undefined) compiledText = existsSync(COMPILED) ? readFileSync(COMPILED, "utf8") : null;
  return compiledText === null ? null : (JSON.parse(compiledText) as CompiledRates);
}

function byRegion(versions: BundledVersion[]): Map<string, BundledVersion[]> {
  const regions = new Map<string, BundledVersion[]>();
  for (const version of versions) regions.set(version.region, [...(regions.get(version.region) ?? []), version]);
  // ISO dates sort as plain strings; localeCompare would load the ICU collator on every run (milliseconds).
  for (const list of regions.values())
    list.sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
  return regions;
}

function scan(dir: string): BundledVersion[] {
  if (!existsSync(dir)) return [];
  const versions: BundledVersion[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const name of readdirSync(join(dir, entry.name))) {
      const effectiveDate = VERSION_FILE.exec(name)?.[1];
      if (effectiveDate === undefined) continue;
      versions.push({ region: entry.name, effectiveDate, path: join(dir, entry.name, name), shownAs: `rates/${entry.name}/${name}` });
    }
  }
  return versions;
}

/** Every bundled price version, by region, oldest first: from the build, or from `dir` (rates/ by default). */
export function listBundledVersions(dir?: string): Map<string, BundledVersion[]> {
  const fromBuild = dir === undefined ? compiledRates() : null;
  return byRegion(fromBuild ? fromBuild.versions : scan(dir ?? SOURCE_DIR));
}
