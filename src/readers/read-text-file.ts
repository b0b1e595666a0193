import { readFileSync } from "node:fs";
import { InputFileError } from "../errors.js";
import { expectLargeInput } from "./large-input.js";
import { type FileCap, JSON_CAP, readPipeWhole, statInput, tooLarge } from "./special-files.js";

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

/** The one-line reason a file could not be opened or read. */
export function cannotRead(error: unknown, source: string): InputFileError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  return new InputFileError([{ source, message: `cannot read: ${REASONS[code] ?? (error as Error).message}` }]);
}

/** The line (1-based) of character `index` in `text`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * Why decoded text is not a text file bedrock-cost reads: bytes that are not UTF-8 (decoded as
 * U+FFFD) or NUL characters, with the line they are on; null when it is text. `firstLine` numbers
 * the first line of `text` when it is one chunk of a longer file.
 */
export function binaryProblem(text: string, firstLine = 1): { line: number; message: string } | null {
  const invalid = text.indexOf("\uFFFD");
  const nul = text.indexOf("\u0000");
  if (invalid < 0 && nul < 0) return null;
  const at = invalid < 0 ? nul : nul < 0 ? invalid : Math.min(invalid, nul);
  const what = at === invalid ? "bytes that are not UTF-8 text" : "a NUL character";
  return { line: firstLine - 1 + lineAt(text, at), message: `${what}: not a text file, or not saved as UTF-8` };
}

/**
 * Reads a user's file as UTF-8 text. A file that cannot be read, or that is binary (bytes that are
 * not UTF-8, or NUL characters), is an input error naming it and the line.
 */
export function readTextFile(path: string, shownAs = path, cap: FileCap = JSON_CAP): string {
  let text: string;
  try {
    // Looked at before it is opened: a device or a pipe with no writer must not block, nor an endless one fill memory.
    const stat = statInput(path, shownAs);
    if (stat.isFIFO()) {
      const bytes = readPipeWhole(path, shownAs, cap);
      expectLargeInput(bytes.length);
      text = bytes.toString("utf8");
    } else {
      if (stat.size > cap.bytes) throw tooLarge(shownAs, cap);
      expectLargeInput(stat.size);
      text = readFileSync(path, "utf8");
    }
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw cannotRead(error, shownAs);
  }
  const binary = binaryProblem(text);
  if (binary) throw new InputFileError([{ source: shownAs, line: binary.line, message: binary.message }]);
  return text;
}
