import { quote } from "../input/quote.js";

/**
 * A non-negative decimal string times 10^places, computed on the digits so that "0.0080000000"
 * per 1K tokens becomes exactly "8" per 1M, never 7.999999999999999.
 */
export function shiftDecimal(text: string, places: number): string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`not a decimal number: ${quote(text)}`);
  const whole = match[1] as string;
  const fraction = match[2] ?? "";
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point > digits.length) digits = digits.padEnd(point, "0");
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const fracPart = digits.slice(point).replace(/0+$/, "");
  return fracPart ? `${intPart}.${fracPart}` : intPart;
}
