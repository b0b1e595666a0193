import { InputFileError, type InputProblem } from "../errors.js";
import { jsonErrorOffset } from "./json-error-offset.js";

/** Control characters shown as escapes, so that a message cannot carry them to the terminal. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A JSON syntax error as a problem on the line it is on. V8 gives a position for most errors and
 * quotes the text for the rest; the position is found by scanning, and the quoted text is dropped.
 */
function jsonSyntaxProblem(source: string, text: string, error: Error): InputProblem {
  const given = /position (\d+)/.exec(error.message)?.[1];
  const offset = given === undefined ? jsonErrorOffset(text) : Number(given);
  const token = /^Unexpected token '(.{1,2})', /su.exec(error.message)?.[1];
  let message = token !== undefined ? `unexpected '${token}'` : error.message.replace(/ in JSON at position \d+.*$/s, "");
  if (message === "Unexpected end of JSON input") message = "the file ends in the middle of a value";
  message = printable(message.length > 200 ? `${message.slice(0, 200)}...` : message);
  const line = offset === null ? undefined : text.slice(0, offset).split("\n").length;
  return { source, line, message: `invalid JSON: ${message.charAt(0).toLowerCase()}${message.slice(1)}` };
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
