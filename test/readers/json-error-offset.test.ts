import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset } from "../../src/readers/json-error-offset.js";
import { parseJsonText } from "../../src/readers/parse-json-text.js";
import { problemsOf } from "../helpers/problems.js";

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe("jsonErrorOffset", () => {
  it("agrees with JSON.parse on what is valid", () => {
    const piece = fc.constantFrom(...'{}[]":,0123456789-+.eEtruefalsn \n\\u\tx\u0000'.split(""));
    const text = fc.oneof(
      fc.json(),
      fc.array(piece, { maxLength: 30 }).map((chars) => chars.join("")),
      fc.json().chain((json) => fc.nat(json.length).map((cut) => json.slice(0, cut))),
    );
    fc.assert(
      fc.property(text, (t) => (jsonErrorOffset(t) === null) === parses(t)),
      { seed: 20_261_121, numRuns: 20_000 },
    );
  });

  it.each([
    ['{"a":tru}', 5],
    ["abc", 0],
    ['{"a":NaN}', 5],
    ["[1, 2,\n  Infinity]", 9],
    ["", 0],
    ['{"a": [1, 2}', 11],
    ['["a\u0000"]', 3],
  ])("finds the fault in %j at %d", (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it("survives nesting far deeper than any call stack", () => {
    expect(jsonErrorOffset(`${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`)).toBeNull();
    expect(jsonErrorOffset(`${"[".repeat(1_000_000)}`)).toBe(1_000_000);
  });
});

describe("parseJsonText", () => {
  it("names the line of an error V8 does not place, without quoting the file", () => {
    expect(problemsOf(() => parseJsonText("f.json", '{\n  "a": 1,\n  "b": NaN\n}'))).toEqual(["f.json:3: invalid JSON: unexpected 'N'"]);
    expect(problemsOf(() => parseJsonText("f.json", '{\n  "a": "\u001b[31m"\n}'))).toEqual([
      "f.json:2: invalid JSON: bad control character in string literal",
    ]);
    expect(problemsOf(() => parseJsonText("f.json", '{"a": [1,'))).toEqual([
      "f.json:1: invalid JSON: the file ends in the middle of a value",
    ]);
    expect(problemsOf(() => parseJsonText("f.json", "\u0001"))).toEqual(["f.json:1: invalid JSON: unexpected '\\u0001'"]);
  });
});
