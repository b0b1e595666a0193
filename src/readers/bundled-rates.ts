import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// This module sits at dist/readers/, two levels below the package root that holds rates/.
const BUNDLED_DIR = fileURLToPath(new URL("../../rates/", import.meta.url));
const VERSION_FILE = /^(\d{4}-\d{2}-\d{2})\.yaml$/;

export interface BundledVersion {
  region: string;
  effectiveDate: string;
  /** Absolute path on disk. */
  path: string;
  /** The path users see: relative to the package, the same on every machine. */
  shownAs: string;
}

/** Every bundled price version, by region, oldest first. */
export function listBundledVersions(dir = BUNDLED_DIR): Map<string, BundledVersion[]> {
  const byRegion = new Map<string, BundledVersion[]>();
  if (!existsSync(dir)) return byRegion;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const versions = readdirSync(join(dir, entry.name))
      .map((name) => VERSION_FILE.exec(name)?.[1])
      .filter((date): date is string => date !== undefined)
      .sort()
      .map((effectiveDate) => ({
        region: entry.name,
        effectiveDate,
        path: join(dir, entry.name, `${effectiveDate}.yaml`),
        shownAs: `rates/${entry.name}/${effectiveDate}.yaml`,
      }));
    if (versions.length > 0) byRegion.set(entry.name, versions);
  }
  return byRegion;
}
