import { describe, expect, it } from "vitest";
import { chooseCharset } from "../../src/render/charset.js";
import { shouldColor } from "../../src/render/color-choice.js";

describe("shouldColor: --color / --no-color, then NO_COLOR, then FORCE_COLOR, then the terminal", () => {
  it.each([
    [true, {}, false, true],
    [false, { FORCE_COLOR: "1" }, true, false],
    [undefined, { NO_COLOR: "1" }, true, false],
    [undefined, { NO_COLOR: "" }, true, true],
    [undefined, { NO_COLOR: "1", FORCE_COLOR: "1" }, false, false],
    [undefined, { FORCE_COLOR: "1" }, false, true],
    [undefined, { FORCE_COLOR: "0" }, true, false],
    [undefined, { FORCE_COLOR: "false" }, true, false],
    [undefined, {}, true, true],
    [undefined, {}, false, false],
    [undefined, { TERM: "dumb" }, true, false],
    [undefined, { TERM: "dumb", FORCE_COLOR: "1" }, true, false],
    [true, { TERM: "dumb" }, true, true],
  ] as const)("flag %s, env %j, terminal %s → %s", (flag, env, isTTY, expected) => {
    expect(shouldColor({ flag, env, isTTY })).toBe(expected);
  });
});

describe("chooseCharset", () => {
  it.each([
    [false, { LANG: "en_US.UTF-8" }, true, "unicode"],
    [false, { LC_ALL: "C.utf8" }, true, "unicode"],
    [true, { LANG: "en_US.UTF-8" }, true, "ascii"],
    [false, { LANG: "en_US.UTF-8" }, false, "ascii"],
    [false, { LANG: "C" }, true, "ascii"],
    [false, { LANG: "en_US.UTF-8", TERM: "dumb" }, true, "ascii"],
  ] as const)("--ascii %s, env %j, terminal %s → %s", (ascii, env, isTTY, expected) => {
    expect(chooseCharset({ ascii, env, isTTY })).toBe(expected);
  });
});
