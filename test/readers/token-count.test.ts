import { describe, expect, it } from "vitest";
import { parseTokenCount } from "../../src/readers/token-count.js";

describe("parseTokenCount", () => {
  it.each([
    ["3000000000", 3_000_000_000],
    ["3B", 3_000_000_000],
    ["3b", 3_000_000_000],
    ["600M", 600_000_000],
    ["250k", 250_000],
    ["250K", 250_000],
    ["1.5e9", 1_500_000_000],
    ["3_000_000", 3_000_000],
    ["1.1M", 1_100_000],
    ["0.6B", 600_000_000],
    ["6.083B", 6_083_000_000],
    ["2T", 2_000_000_000_000],
    ["0", 0],
    ["1e3k", 1_000_000],
    [" 42 ", 42],
    ["100T", 1e14],
    ["1e14", 1e14],
  ])("reads %s as %d", (text, value) => {
    expect(parseTokenCount(text)).toBe(value);
  });

  it.each([
    "",
    "abc",
    "3X",
    "-5",
    "1.5",
    "1.0000001M",
    "3__000",
    "_3",
    "3_",
    "1e",
    "0x10",
    "Infinity",
    "NaN",
    "3 B",
    "1e400",
    "99999999999999999",
    "3MB",
  ])("rejects %j", (text) => {
    expect(() => parseTokenCount(text)).toThrow(/tokens|too large|whole/);
  });

  it.each(["100000000000001", "101T", "1e15", "1e400", "99999999999999999"])("rejects %s as beyond 100 trillion tokens", (text) => {
    expect(() => parseTokenCount(text)).toThrow("expected at most 100 trillion tokens (the most bedrock-cost counts)");
  });
});
