import type { FieldPath } from "./core/input/field-path.js";

export type { FieldPath };

export interface InputProblem {
  /** The file as the user named it, or a flag such as `--unit-hourly`. */
  source: string;
  path?: FieldPath;
  line?: number;
  message: string;
}

/** Bad input the user can fix: a flag, a value, a model name. Exit code 2, no stack. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Problems in one or more of the user's files, each on its own line. Exit code 2, no stack. */
export class InputFileError extends Error {
  override readonly name = "InputFileError";
  constructor(readonly problems: InputProblem[]) {
    super(problems.map(formatProblem).join("\n"));
  }
}

export function formatPath(path: FieldPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}

export function formatProblem(problem: InputProblem): string {
  const where = problem.line === undefined ? problem.source : `${problem.source}:${problem.line}`;
  const field = problem.path && problem.path.length > 0 ? ` ${formatPath(problem.path)}:` : "";
  return `${where}:${field} ${problem.message}`;
}

export function isUserError(error: unknown): error is UsageError | InputFileError {
  return error instanceof UsageError || error instanceof InputFileError;
}
