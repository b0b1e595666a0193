import { MAX_TOKENS } from "../core/cost-model/limits.js";

const FORM = /^(\d+(?:_\d+)*)(?:\.(\d+(?:_\d+)*))?(?:e([+-]?\d+))?([kmbt])?$/i;
const SUFFIX_EXPONENT: Record<string, number> = { k: 3, m: 6, b: 9, t: 12 };

export const TOKEN_COUNT_FORMS = "a whole number of tokens such as 3000000000, 3B, 600M, 250k, 1.5e9 or 3_000_000";

/**
 * A non-negative whole number of tokens written as digits, with `_` separators, a decimal
 * exponent and/or a k, M, B or T suffix. The arithmetic is done on the digits, so `1.1M` is exactly
 * 1,100,000. Throws with a one-line message for anything else.
 */
export function parseTokenCount(text: string): number {
  const match = FORM.exec(text.trim());
  if (!match) throw new Error(`expected ${TOKEN_COUNT_FORMS}`);
  const [, whole = "", fraction = "", exponent = "0", suffix] = match;
  if (exponent.replace(/^[+-]/, "").length > 4) throw new Error("expected at most 100 trillion tokens (the most bedrock-cost counts)");
  const digits = `${whole}${fraction}`.replace(/_/g, "");
  const fractionLength = fraction.replace(/_/g, "").length;
  const shift = Number(exponent) + (suffix ? (SUFFIX_EXPONENT[suffix.toLowerCase()] ?? 0) : 0) - fractionLength;
  let integer: bigint;
  if (shift >= 0) {
    if (shift > 30) throw new Error("expected at most 100 trillion tokens (the most bedrock-cost counts)");
    integer = BigInt(digits) * 10n ** BigInt(shift);
  } else {
    const cut = digits.length + shift;
    const dropped = cut > 0 ? digits.slice(cut) : digits;
    if (/[^0]/.test(dropped)) throw new Error(`is not a whole number of tokens; expected ${TOKEN_COUNT_FORMS}`);
    integer = cut > 0 ? BigInt(digits.slice(0, cut)) : 0n;
  }
  if (integer > BigInt(MAX_TOKENS)) throw new Error("expected at most 100 trillion tokens (the most bedrock-cost counts)");
  return Number(integer);
}
