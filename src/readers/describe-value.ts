import { quote } from "../core/input/quote.js";

/**
 * What kind of value a file holds, quoting none of it: for a file that is not of the expected
 * format at all, which may be any file at all (a plan's `rates: [/etc/shadow]`).
 */
export function describeKind(value: unknown): string {
  if (value === undefined || value === null) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `a ${typeof value === "bigint" ? "number" : typeof value}`;
}

/** A short, safe description of a value a user wrote, for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return quote(value, 40);
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return typeof value;
}
