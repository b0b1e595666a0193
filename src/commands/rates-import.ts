import { isCalendarDate } from "../core/input/calendar-date.js";
import { quote } from "../core/input/quote.js";
import { type ImportReport, importPriceList } from "../core/price-list/import-price-list.js";
import type { PriceListEdition } from "../core/price-list/price-list-lines.js";
import type { RateCard, RateSource } from "../core/rates/rate-card.js";
import { InputFileError, UsageError } from "../errors.js";
import { loadRateCard } from "../readers/load-rate-card.js";
import { nameResolver, readNamesFile } from "../readers/price-list/name-table.js";
import { readPriceList } from "../readers/price-list/read-price-list.js";
import { parseRateFile, rateCardOf } from "../readers/read-rate-file.js";
import { renderRateFileYaml } from "../render/rate-file-yaml.js";
import { writeFileAtomically } from "../writers/write-file-atomically.js";
import type { CommandResult } from "./command-result.js";

export interface RatesImportOptions {
  region: string;
  effectiveDate: string;
  output?: string;
  force?: boolean;
  names?: string;
}

const BULK_URL = (offerCode: string) => `https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/${offerCode}/current/index.json`;

function sourceOf(editions: readonly PriceListEdition[], effectiveDate: string): RateSource {
  const known = editions.filter((e) => e.offerCode !== "");
  const codes = [...new Set(known.map((e) => e.offerCode))];
  const described = known.map(
    (e) => `${e.offerCode}${e.version ? ` version ${e.version}` : ""}${e.publicationDate ? ` published ${e.publicationDate}` : ""}`,
  );
  const published = known
    .map((e) => e.publicationDate?.slice(0, 10))
    .filter((d): d is string => d !== undefined && isCalendarDate(d))
    .sort();
  return {
    id: "aws-price-list",
    title: `AWS Price List${described.length > 0 ? `: ${[...new Set(described)].join("; ")}` : ""}`,
    url: codes.length === 1 ? BULK_URL(codes[0] as string) : "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/index.json",
    checked: published[published.length - 1] ?? effectiveDate,
  };
}

function reportLines(report: ImportReport, models: number): string[] {
  const lines = [
    `imported ${models} model${models === 1 ? "" : "s"} (${report.prices} prices) from ${report.lines} price lines for the region`,
  ];
  if (report.otherRegions > 0) lines.push(`left out ${report.otherRegions} price lines of other regions`);
  const notModelled = [...report.notModelled.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (notModelled.length > 0) {
    const total = notModelled.reduce((sum, [, n]) => sum + n, 0);
    lines.push(
      `left out ${total} price${total === 1 ? "" : "s"} bedrock-cost does not model: ${notModelled.map(([why, n]) => `${why} (${n})`).join(", ")}`,
    );
  }
  for (const { id, detail } of report.incomplete) lines.push(`left out part of ${id}: ${detail}`);
  for (const c of report.conflicts) lines.push(`${c.id} ${c.field}: two prices, ${c.kept} and ${c.other}; kept ${c.kept}`);
  const unmapped = [...report.unmapped.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  if (unmapped.length > 0) {
    lines.push(
      `could not map ${unmapped.length} Price List name${unmapped.length === 1 ? "" : "s"} to a Bedrock model id; add them to a --names file (names: {"Name": model.id}):`,
    );
    for (const [name, n] of unmapped) lines.push(`  ${quote(name)} (${n} price${n === 1 ? "" : "s"})`);
  }
  return lines.map((line) => `note: ${line}`);
}

async function bundledCard(region: string): Promise<RateCard | null> {
  try {
    return await loadRateCard({ region, files: [] });
  } catch (error) {
    if (error instanceof UsageError) return null; // no bundled rates for the region: names come from the tables alone
    throw error;
  }
}

/** Converts the AWS Price List into a rate file that validates as a bundled one. */
export async function runRatesImport(files: string[], options: RatesImportOptions): Promise<CommandResult> {
  const userNames = options.names === undefined ? {} : readNamesFile(options.names);
  const { lines, editions } = readPriceList(files);
  const resolve = nameResolver(await bundledCard(options.region), userNames);
  const { models, report } = importPriceList(lines, options.region, resolve);
  if (models.length === 0) {
    throw new UsageError(
      `no Bedrock model of region ${options.region} could be priced from ${files.join(", ")} (${report.lines} price lines for the region, ${report.otherRegions} for others)`,
    );
  }
  // A problem in what would be written comes from the price list: name its files.
  const shownAs = `${files.join(", ")} (as imported)`;
  const yaml = renderRateFileYaml(
    {
      effectiveDate: options.effectiveDate,
      region: options.region,
      source: sourceOf(editions, options.effectiveDate),
      comment: `Imported from the AWS Price List by bedrock-cost rates import (${files.length} file${files.length === 1 ? "" : "s"}).\nToken prices are USD per 1M tokens; PT prices USD per model unit per hour; Reserved tier prices USD\nper 1,000 tokens a minute per hour.`,
    },
    models,
  );
  // What is written must validate as a bundled rate file: a price list that yields an impossible
  // file (Batch above on-demand, say) is reported, not written.
  const parsed = parseRateFile(yaml, shownAs, true);
  const merged = rateCardOf(parsed);
  if (merged.problems.length > 0) {
    // Lines of a file not yet written would mean nothing to the user: the model id says where instead.
    throw new InputFileError(
      merged.problems.map((p) => ({
        source: shownAs,
        path: p.path,
        message: `${parsed.data.models[Number(p.path?.[1])]?.id ?? ""}: ${p.message}`,
      })),
    );
  }
  const notes = reportLines(report, models.length);
  if (options.output === undefined) return { stdout: yaml, stderr: notes, exitCode: 0 };
  writeFileAtomically(options.output, yaml, options.force === true, "--output");
  return { stdout: "", stderr: [...notes, `wrote ${options.output}`], exitCode: 0 };
}
