import { toCsv } from "./csv.js";
import { jsonText, versioned } from "./json-envelope.js";

/** One bundled price version. */
export interface VersionRow {
  region: string;
  effectiveDate: string;
  file: string;
  models: number;
  /** The newest version of its region, used unless --rates-version asks for another. */
  default: boolean;
}

export function renderVersionsJson(rows: readonly VersionRow[]): string {
  const regions = [...new Set(rows.map((row) => row.region))];
  return jsonText(
    versioned({
      regions: regions.map((region) => ({
        region,
        versions: rows
          .filter((row) => row.region === region)
          .map(({ effectiveDate, file, models, default: isDefault }) => ({ effectiveDate, file, models, default: isDefault })),
      })),
    }),
  );
}

export function renderVersionsCsv(rows: readonly VersionRow[]): string {
  return toCsv(
    ["region", "effectiveDate", "file", "models", "default"],
    rows.map((r) => [r.region, r.effectiveDate, r.file, r.models, r.default]),
  );
}

export function renderVersionsText(rows: readonly VersionRow[]): string {
  return `${rows.map((r) => `${r.region}  ${r.effectiveDate}  ${r.file}  ${r.models} models${r.default ? "  (default)" : ""}`).join("\n")}\n`;
}
