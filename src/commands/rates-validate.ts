import { formatPath, formatProblem, InputFileError, type InputProblem } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { loadRateCard } from "../readers/load-rate-card.js";
import { JSON_SCHEMA_VERSION } from "../render/compare-json.js";
import { toCsv } from "../render/csv.js";
import type { CommandResult, Format } from "./command-result.js";

export interface RatesValidateOptions {
  bundled?: boolean;
  format: Format;
}

interface FileVerdict {
  file: string;
  region: string | null;
  models: number;
  problems: InputProblem[];
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
  const problems = verdicts.flatMap((verdict) => verdict.problems);
  const exitCode = problems.length > 0 ? EXIT.USAGE : EXIT.OK;
  switch (options.format) {
    case "json": {
      const json = {
        schemaVersion: JSON_SCHEMA_VERSION,
        valid: problems.length === 0,
        files: verdicts.map((v) => ({
          file: v.file,
          valid: v.problems.length === 0,
          models: v.models,
          problems: v.problems.map((p) => ({ path: p.path ? formatPath(p.path) : null, line: p.line ?? null, message: p.message })),
        })),
      };
      return { stdout: `${JSON.stringify(json, null, 2)}\n`, stderr: [], exitCode };
    }
    case "csv":
      return {
        stdout: toCsv(["file", "line", "path", "message"], problems.map((p) => [p.source, p.line ?? null, p.path ? formatPath(p.path) : null, p.message])),
        stderr: [],
        exitCode,
      };
    case "table": {
      const ok = verdicts.filter((v) => v.problems.length === 0).map((v) => `ok: ${v.file} (${v.models} model${v.models === 1 ? "" : "s"}, ${v.region})`);
      return { stdout: ok.length > 0 ? `${ok.join("\n")}\n` : "", stderr: problems.map((p) => `error: ${formatProblem(p)}`), exitCode };
    }
  }
}
