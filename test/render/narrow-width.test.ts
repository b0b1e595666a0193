// cli-table3's own measure, string-width behind it (the build puts narrowWidth in front of it).
import { strlen } from "cli-table3/src/utils.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { narrowWidth } from "../../src/render/narrow-width.js";

const ranges: [number, number][] = [
  [0x20, 0x7e],
  [0xb7, 0xb7],
  [0x2026, 0x2026],
  [0x2192, 0x2192],
  [0x2500, 0x259f],
];
const narrow = ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)));

describe("narrowWidth", () => {
  it("knows every character it measures as one column, as string-width does", () => {
    expect(narrow).toHaveLength(95 + 3 + 160);
    for (const char of narrow) {
      expect(narrowWidth(char), char).toBe(1);
      expect(strlen(char), char).toBe(1);
    }
  });

  it("measures any text of them as string-width does, by its length", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...narrow), { maxLength: 40 }), (chars) => {
        const text = chars.join("");
        expect(narrowWidth(text)).toBe(text.length);
        expect(strlen(text)).toBe(text.length);
      }),
    );
  });

  it.each([
    ["a colour code", "\u001b[31m$12,410\u001b[39m"],
    ["a line break", "a\nb"],
    ["a tab", "a\tb"],
    ["wide characters", "日本"],
    ["an emoji", "ok 👍"],
    ["a keycap emoji of ASCII and a combining mark", "1\ufe0f\u20e3"],
    ["an accent", "café"],
    ["not text", 12],
  ])("leaves %s to string-width", (_, text) => {
    expect(narrowWidth(text)).toBeUndefined();
  });
});
