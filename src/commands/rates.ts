import type { Lane } from "../core/lanes/lanes.js";
import { UsageError } from "../errors.js";
import { listBundledVersions } from "../readers/bundled-rates.js";
import { loadRateCard } from "../readers/load-rate-card.js";
import { toCsv } from "../render/csv.js";
import { JSON_SCHEMA_VERSION } from "../render/compare-json.js";
import { lanesOf, renderRatesListCsv, renderRatesListJson, renderRatesListTable } from "../render/rates-list.js";
import { renderRatesShowJson, renderRatesShowText } from "../render/rates-show.js";
import type { CommandResult, Format } from "./command-result.js";
import { findModel, type RateFlags } from "./model-flags.js";

export interface RatesListOptions extends RateFlags {
  provider?: string;
  lane?: Lane;
  format: Format;
}

/** Every model of the rates in effect, with its prices, lanes and source. */
export async function runRatesList(options: RatesListOptions): Promise<CommandResult> {
  const card = await loadRateCard({ region: options.region, ratesVersion: options.ratesVersion, files: options.rates });
  const provider = options.provider?.toLowerCase();
  const models = card.models.filter(
    (model) => (provider === undefined || model.provider.toLowerCase() === provider) && (options.lane === undefined || lanesOf(model).includes(options.lane)),
  );
  if (models.length === 0 && provider !== undefined && !card.models.some((model) => model.provider.toLowerCase() === provider)) {
    const providers = [...new Set(card.models.map((model) => model.provider))].sort().join(", ");
    throw new UsageError(`--provider ${options.provider}: no such provider in these rates (${providers})`);
  }
  switch (options.format) {
    case "json":
      return { stdout: renderRatesListJson(card, models), stderr: [], exitCode: 0 };
    case "csv":
      return { stdout: renderRatesListCsv(models), stderr: [], exitCode: 0 };
    case "table":
      return { stdout: renderRatesListTable(card, models), stderr: [], exitCode: 0 };
  }
}

export interface RatesShowOptions extends RateFlags {
  format: Format;
}

/** One model in full: names, prices, source, and what is unknown with how to supply it. */
export async function runRatesShow(name: string, options: RatesShowOptions): Promise<CommandResult> {
  const card = await loadRateCard({ region: options.region, ratesVersion: options.ratesVersion, files: options.rates });
  const model = findModel(card, name);
  switch (options.format) {
    case "json":
      return { stdout: renderRatesShowJson(card, model), stderr: [], exitCode: 0 };
    case "csv":
      return { stdout: renderRatesListCsv([model]), stderr: [], exitCode: 0 };
    case "table":
      return { stdout: renderRatesShowText(card, model), stderr: [], exitCode: 0 };
  }
}

/** The bundled price versions, by region, with the default (newest) marked. */
export async function runRatesVersions(options: { format: Format }): Promise<CommandResult> {
  const regions = listBundledVersions();
  const rows: { region: string; effectiveDate: string; file: string; models: number; default: boolean }[] = [];
  for (const [region, versions] of [...regions.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    for (const version of versions) {
      const models = version.data?.models.length ?? (await import("../readers/read-rate-file.js")).readRateFile(version.path as string, version.shownAs, true).data.models.length;
      rows.push({ region, effectiveDate: version.effectiveDate, file: version.shownAs, models, default: version === versions[versions.length - 1] });
    }
  }
  if (options.format === "json") {
    const json = {
      schemaVersion: JSON_SCHEMA_VERSION,
      regions: [...new Set(rows.map((row) => row.region))].map((region) => ({
        region,
        versions: rows.filter((row) => row.region === region).map(({ effectiveDate, file, models, default: isDefault }) => ({ effectiveDate, file, models, default: isDefault })),
      })),
    };
    return { stdout: `${JSON.stringify(json, null, 2)}\n`, stderr: [], exitCode: 0 };
  }
  if (options.format === "csv") {
    return { stdout: toCsv(["region", "effectiveDate", "file", "models", "default"], rows.map((r) => [r.region, r.effectiveDate, r.file, r.models, r.default])), stderr: [], exitCode: 0 };
  }
  const text = rows.map((r) => `${r.region}  ${r.effectiveDate}  ${r.file}  ${r.models} models${r.default ? "  (default)" : ""}`).join("\n");
  return { stdout: `${text}\n`, stderr: [], exitCode: 0 };
}
