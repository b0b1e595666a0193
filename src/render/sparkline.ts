const BLOCKS = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
const ASCII = [" ", ".", ".", ":", ":", "=", "=", "#", "#"];

/** One character per value, scaled to the largest. */
export function sparkline(values: readonly number[], charset: "unicode" | "ascii" = "unicode"): string {
  const chars = charset === "unicode" ? BLOCKS : ASCII;
  const max = Math.max(0, ...values);
  return values.map((value) => (max <= 0 || value <= 0 ? chars[0] : chars[Math.max(1, Math.round((value / max) * 8))])).join("");
}
