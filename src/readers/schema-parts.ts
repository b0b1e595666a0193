import { z } from "zod/mini";
import { describeValue } from "./describe-value.js";

/** No control characters: a name is printed in tables and messages. */
// No control characters, and no bidirectional controls that would reorder what a terminal shows.
const PRINTABLE = /^[^\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/;

/** The message for a field that is missing or of the wrong type. */
export function expected(what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? "required" : `expected ${what}, got ${describeValue(issue.input)}`);
}

/** A non-empty string without control characters: ids, names, titles. */
export const printableText = (what: string) =>
  z
    .string({ error: expected(what) })
    .check(
      z.minLength(1, { error: `expected ${what}, got an empty string` }),
      z.regex(PRINTABLE, { error: `expected ${what} without control characters` }),
    );
