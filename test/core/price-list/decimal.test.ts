import { describe, expect, it } from "vitest";
import { shiftDecimal } from "../../../src/core/price-list/decimal.js";

describe("shiftDecimal", () => {
  it.each([
    ["0.0080000000", 3, "8"],
    ["0.0000350000", 3, "0.035"],
    ["0.00011", 3, "0.11"],
    ["0.0003", 3, "0.3"],
    ["3.0", 0, "3"],
    ["15", 0, "15"],
    ["0.0000175", 3, "0.0175"],
    ["39.6000000000", 0, "39.6"],
    ["8", -3, "0.008"],
    ["0", 3, "0"],
  ])("%s × 10^%d = %s", (text, places, expected) => {
    expect(shiftDecimal(text, places)).toBe(expected);
  });

  it("is exact where floating point is not", () => {
    // Llama 3.1 70B at $0.00072 per 1K tokens, and Nova Micro's batch input at $0.0000175 per 1K
    expect(0.00072 * 1000).toBe(0.7200000000000001);
    expect(0.0000175 * 1000).toBe(0.017499999999999998);
    expect(shiftDecimal("0.00072", 3)).toBe("0.72");
    expect(shiftDecimal("0.0000175", 3)).toBe("0.0175");
  });

  it("rejects what is not a decimal", () => {
    expect(() => shiftDecimal("1e-3", 3)).toThrow("not a decimal number");
  });
});
