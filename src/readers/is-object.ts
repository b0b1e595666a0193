/** A JSON object (not null, not an array): what every JSON reader walks. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
