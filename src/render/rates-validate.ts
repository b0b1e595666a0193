import { formatPath, formatProblem, type InputProblem } from "../errors.js";
import { toCsv } from "./csv.js";
import { jsonText, versioned } from "./json-envelope.js";

/** What `rates validate` found in one file. */
export interface FileVerdict {
  file: string;
  region: string | null;
  models: number;
  problems: InputProblem[];
}

const pathText = (problem: InputProblem) => (problem.path ? formatPath(problem.path) : null);

export function renderValidateJson(verdicts: readonly FileVerdict[]): string {
  return jsonText(
    versioned({
      valid: verdicts.every((v) => v.problems.length === 0),
      files: verdicts.map((v) => ({
        file: v.file,
        valid: v.problems.length === 0,
        models: v.models,
        problems: v.problems.map((p) => ({ path: pathText(p), line: p.line ?? null, message: p.message })),
      })),
    }),
  );
}

export function renderValidateCsv(verdicts: readonly FileVerdict[]): string {
  return toCsv(
    ["file", "line", "path", "message"],
    verdicts.flatMap((v) => v.problems.map((p) => [p.source, p.line ?? null, pathText(p), p.message])),
  );
}

/** `ok:` lines for the valid files (stdout); the problems go to stderr as `error:` lines. */
export function renderValidateText(verdicts: readonly FileVerdict[]): string {
  const ok = verdicts
    .filter((v) => v.problems.length === 0)
    .map((v) => `ok: ${v.file} (${v.models} model${v.models === 1 ? "" : "s"}, ${v.region})`);
  return ok.length > 0 ? `${ok.join("\n")}\n` : "";
}

export function validateErrorLines(verdicts: readonly FileVerdict[]): string[] {
  return verdicts.flatMap((v) => v.problems.map((p) => `error: ${formatProblem(p)}`));
}
