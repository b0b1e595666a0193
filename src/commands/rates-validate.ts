import { InputFileError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { loadRateCard } from "../readers/load-rate-card.js";
import {
  type FileVerdict,
  renderValidateCsv,
  renderValidateJson,
  renderValidateText,
  validateErrorLines,
} from "../render/rates-validate.js";
import { type CommandResult, type Format, renderAs } from "./command-result.js";

export interface RatesValidateOptions {
  bundled?: boolean;
  format: Format;
}

async function validateOne(file: string, bundled: boolean): Promise<FileVerdict> {
  const { readRateFile, rateCardOf } = await import("../readers/read-rate-file.js");
  try {
    const parsed = readRateFile(file, file, bundled);
    const region = parsed.data.region;
    if (bundled) {
      // A bundled file stands alone: every model complete, every price sourced.
      const { card, problems: located } = rateCardOf(parsed);
      located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)); // in file order; sort is stable within a line
      return { file, region, models: card.models.length, problems: located };
    }
    // A user's file is checked as --rates would use it: laid over the bundled rates of its region.
    await loadRateCard({ region, files: [file] });
    return { file, region, models: parsed.data.models.length, problems: [] };
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    return { file, region: null, models: 0, problems: error.problems };
  }
}

/** Exit code 0 when every file is valid, 2 with every problem of every file listed. */
export async function runRatesValidate(files: string[], options: RatesValidateOptions): Promise<CommandResult> {
  const verdicts: FileVerdict[] = [];
  for (const file of files) verdicts.push(await validateOne(file, options.bundled === true));
  const exitCode = verdicts.some((verdict) => verdict.problems.length > 0) ? EXIT.USAGE : EXIT.OK;
  const stdout = await renderAs(options.format, { json: renderValidateJson, csv: renderValidateCsv, table: renderValidateText }, verdicts);
  return { stdout, stderr: options.format === "table" ? validateErrorLines(verdicts) : [], exitCode };
}
