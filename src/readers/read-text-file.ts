import { readFileSync } from "node:fs";
import { InputFileError } from "../errors.js";

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "is a directory, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

/** Reads a user's file as UTF-8; a file that cannot be read is an input error naming it. */
export function readTextFile(path: string, shownAs = path): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new InputFileError([{ source: shownAs, message: `cannot read: ${REASONS[code] ?? (error as Error).message}` }]);
  }
}
