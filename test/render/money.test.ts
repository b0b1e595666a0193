import { describe, expect, it } from "vitest";
import {
  formatPercent,
  formatRate,
  formatTokensShort,
  formatUsd,
  formatUsdDelta,
  roundCents,
  roundFraction,
} from "../../src/render/money.js";

describe("rounding and formatting", () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [11_207.999999999, 11_208],
    [0.1 + 0.2, 0.3],
    [-1.005, -1.01],
    [27_379.2, 27_379.2],
  ])("rounds %d to cents as %d", (value, cents) => {
    expect(roundCents(value)).toBe(cents);
  });

  it("rounds fractions to four decimals", () => {
    expect(roundFraction(3 / 6.132)).toBe(0.4892);
    expect(roundFraction(109_500 / 110_376)).toBe(0.9921);
  });

  it("formats money, rates and deltas", () => {
    expect(formatUsd(18_000)).toBe("$18,000.00");
    expect(formatUsd(47_707.999999)).toBe("$47,708.00");
    expect(formatRate(39.6)).toBe("$39.60");
    expect(formatRate(0.0175)).toBe("$0.0175");
    // Every significant digit of a published price, never rounded to cents (issue 11): Claude Sonnet 4.5's
    // regional cache write is $4.125 per 1M, Claude 3 Haiku's Batch input $0.125.
    expect(formatRate(4.125)).toBe("$4.125");
    expect(formatRate(0.125)).toBe("$0.125");
    expect(formatRate(3)).toBe("$3.00");
    expect(formatRate(1234.5)).toBe("$1,234.50");
    expect(formatRate(0.000001)).toBe("$0.000001");
    expect(formatUsdDelta(18_500)).toBe("+$18,500.00");
    expect(formatUsdDelta(-292)).toBe("-$292.00");
  });

  it.each([
    [6_083_333_333.33, "6.08B"],
    [1_216_666_666.67, "1.22B"],
    [600_000_000, "600M"],
    [3_000_000_000, "3B"],
    [250_000, "250k"],
    [999_999_999, "1B"],
    [12_345, "12.3k"],
    [512, "512"],
  ])("shortens %d tokens to %s", (tokens, text) => {
    expect(formatTokensShort(tokens)).toBe(text);
  });

  it("formats percentages to one decimal", () => {
    expect(formatPercent(3 / 6.132)).toBe("48.9%");
    expect(formatPercent(8 / 6.132)).toBe("130.5%");
  });
});

describe("hand-written grouping", () => {
  it.each([
    [0, "$0.00"],
    [0.005, "$0.01"],
    [999.995, "$1,000.00"],
    [1_000, "$1,000.00"],
    [123_456_789.12, "$123,456,789.12"],
    [-292, "-$292.00"],
    [-0.001, "$0.00"],
  ])("formats %d as %s", (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });

  it("groups counts", async () => {
    const { formatCount } = await import("../../src/render/money.js");
    expect([formatCount(0), formatCount(999), formatCount(1000), formatCount(3_000_000_000), formatCount(68_493.15)]).toEqual([
      "0",
      "999",
      "1,000",
      "3,000,000,000",
      "68,493",
    ]);
  });
});
