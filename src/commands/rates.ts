import type { Lane } from "../core/lanes/lanes.js";
import { UsageError } from "../errors.js";
import { listBundledVersions } from "../readers/bundled-rates.js";
import { lanesOf, renderRatesListCsv, renderRatesListJson, renderRatesListTable } from "../render/rates-list.js";
import { renderRatesShowJson, renderRatesShowText } from "../render/rates-show.js";
import { renderVersionsCsv, renderVersionsJson, renderVersionsText, type VersionRow } from "../render/rates-versions.js";
import { type CommandResult, type Format, renderAs } from "./command-result.js";
import { findModel, type RateFlags, rateCardOfFlags } from "./model-flags.js";

export interface RatesListOptions extends RateFlags {
  provider?: string;
  lane?: Lane;
  format: Format;
}

/** Every model of the rates in effect, with its prices, lanes and source. */
export async function runRatesList(options: RatesListOptions): Promise<CommandResult> {
  const card = await rateCardOfFlags(options);
  const provider = options.provider?.toLowerCase();
  const models = card.models.filter(
    (model) =>
      (provider === undefined || model.provider.toLowerCase() === provider) &&
      (options.lane === undefined || lanesOf(model).includes(options.lane)),
  );
  if (models.length === 0 && provider !== undefined && !card.models.some((model) => model.provider.toLowerCase() === provider)) {
    const providers = [...new Set(card.models.map((model) => model.provider))].sort().join(", ");
    throw new UsageError(`--provider ${options.provider}: no such provider in these rates (${providers})`);
  }
  const stdout = await renderAs(
    options.format,
    { json: (m) => renderRatesListJson(card, m), csv: renderRatesListCsv, table: (m) => renderRatesListTable(card, m) },
    models,
  );
  return { stdout, stderr: [], exitCode: 0 };
}

export interface RatesShowOptions extends RateFlags {
  format: Format;
}

/** One model in full: names, prices, source, and what is unknown with how to supply it. */
export async function runRatesShow(name: string, options: RatesShowOptions): Promise<CommandResult> {
  const card = await rateCardOfFlags(options);
  const model = findModel(card, name);
  const stdout = await renderAs(
    options.format,
    { json: (m) => renderRatesShowJson(card, m), csv: (m) => renderRatesListCsv([m]), table: (m) => renderRatesShowText(card, m) },
    model,
  );
  return { stdout, stderr: [], exitCode: 0 };
}

/** The bundled price versions, by region, with the default (newest) marked. */
export async function runRatesVersions(options: { format: Format }): Promise<CommandResult> {
  const regions = listBundledVersions();
  const rows: VersionRow[] = [];
  for (const [region, versions] of [...regions.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    for (const version of versions) {
      const models =
        version.card?.models.length ??
        (await import("../readers/read-rate-file.js")).readRateFile(version.path as string, version.shownAs, true).data.models.length;
      rows.push({
        region,
        effectiveDate: version.effectiveDate,
        file: version.shownAs,
        models,
        default: version === versions[versions.length - 1],
      });
    }
  }
  const stdout = await renderAs(options.format, { json: renderVersionsJson, csv: renderVersionsCsv, table: renderVersionsText }, rows);
  return { stdout, stderr: [], exitCode: 0 };
}
