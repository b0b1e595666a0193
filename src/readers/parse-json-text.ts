import { InputFileError, type InputProblem } from "../errors.js";

/** A JSON syntax error as a problem on the line it points at ("at position N" becomes a line number). */
export function jsonSyntaxProblem(source: string, text: string, error: Error): InputProblem {
  const position = /position (\d+)/.exec(error.message)?.[1];
  const line = position === undefined ? undefined : text.slice(0, Number(position)).split("\n").length;
  return { source, line, message: `invalid JSON: ${error.message.replace(/ in JSON at position \d+.*$/, "")}` };
}

/** Parses a whole JSON file's text, without its byte-order mark; a syntax error names the file and line. */
export function parseJsonText(source: string, text: string): unknown {
  const body = text.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new InputFileError([jsonSyntaxProblem(source, body, error as Error)]);
  }
}
