import { diffRates } from "../core/rates/diff-rates.js";
import type { RateCard } from "../core/rates/rate-card.js";
import { InputFileError } from "../errors.js";
import { loadRateCard } from "../readers/load-rate-card.js";
import { type DiffSide, renderRatesDiffCsv, renderRatesDiffJson, renderRatesDiffText } from "../render/rates-diff.js";
import { type CommandResult, type Format, renderAs } from "./command-result.js";

export interface RatesDiffOptions {
  region?: string;
  format: Format;
  /** Where the bundled versions live; the package's own rates/ unless given (tests give fixtures). */
  bundledDir?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A bundled version by its date, or a rate file read on its own (every model complete). */
async function side(which: string, options: RatesDiffOptions): Promise<{ card: RateCard; side: DiffSide }> {
  if (DATE.test(which)) {
    const card = await loadRateCard({ region: options.region, ratesVersion: which, files: [], bundledDir: options.bundledDir });
    return { card, side: { label: `${card.files[0]}`, region: card.region, effectiveDate: card.effectiveDate } };
  }
  const { readRateFile, rateCardOf } = await import("../readers/read-rate-file.js");
  const merged = rateCardOf(readRateFile(which, which, false));
  if (merged.problems.length > 0) throw new InputFileError(merged.problems);
  return { card: merged.card, side: { label: which, region: merged.card.region, effectiveDate: merged.card.effectiveDate } };
}

/** Models added and removed, and every price that moved with its percentage, between two versions or files. */
export async function runRatesDiff(before: string, after: string, options: RatesDiffOptions): Promise<CommandResult> {
  const [a, b] = [await side(before, options), await side(after, options)];
  const diff = diffRates(a.card, b.card);
  const stdout = await renderAs(
    options.format,
    {
      json: (d) => renderRatesDiffJson(d, a.side, b.side),
      csv: renderRatesDiffCsv,
      table: (d) => renderRatesDiffText(d, a.side, b.side),
    },
    diff,
  );
  return { stdout, stderr: [], exitCode: 0 };
}
