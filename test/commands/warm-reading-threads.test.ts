import { describe, expect, it } from "vitest";
import { readingArguments } from "../../src/commands/warm-reading-threads.js";

describe("the arguments that may name large logs, before the CLI parses them", () => {
  it("takes every argument after audit or profile that is no option, values of options too", () => {
    expect(readingArguments(["audit", "a.ndjson", "logs/", "--format", "json", "--provisioned", "pt.json"])).toEqual([
      "a.ndjson",
      "logs/",
      "json",
      "pt.json",
    ]);
    expect(readingArguments(["--no-color", "profile", "-m", "claude-instant", "-", "b.ndjson"])).toEqual(["claude-instant", "b.ndjson"]);
    expect(readingArguments(["audit"])).toEqual([]);
  });

  it("takes none for other commands, or a run that asks for help", () => {
    expect(readingArguments(["compare", "--model", "claude-instant"])).toBeUndefined();
    expect(readingArguments(["plan", "audit"])).toBeUndefined();
    expect(readingArguments(["audit", "a.ndjson", "--help"])).toBeUndefined();
    expect(readingArguments(["profile", "-h"])).toBeUndefined();
    expect(readingArguments(["--version"])).toBeUndefined();
    expect(readingArguments([])).toBeUndefined();
  });
});
