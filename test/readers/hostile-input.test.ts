import { describe, expect, it } from "vitest";
import { quote } from "../../src/core/input/quote.js";
import { readPlanFile } from "../../src/readers/read-plan-file.js";
import { parseRateFile } from "../../src/readers/read-rate-file.js";
import { readTextFile } from "../../src/readers/read-text-file.js";
import { eachLine, textOf } from "../../src/readers/traffic/text-stream.js";
import { parseYamlFile } from "../../src/readers/yaml-document.js";
import { terminalSafe } from "../../src/render/terminal-safe.js";
import { problemsOf, problemsOfAsync } from "../helpers/problems.js";
import { tempDir } from "../helpers/temp-dir.js";

const { file } = tempDir("hostile");

describe("YAML is read as plain data", () => {
  it("refuses custom tags instead of reading them as strings", () => {
    expect(problemsOf(() => parseYamlFile("t.yaml", "a: !custom x\nb: !!js/function 'f'\n"))).toEqual([
      "t.yaml:1: invalid YAML: unknown tag !custom: bedrock-cost reads plain YAML (core schema) without custom tags",
      "t.yaml:2: invalid YAML: unknown tag tag:yaml.org,2002:js/function: bedrock-cost reads plain YAML (core schema) without custom tags",
    ]);
  });

  it("stops an alias bomb at 100 expansions", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
    ].join("\n");
    expect(problemsOf(() => parseYamlFile("bomb.yaml", bomb))).toEqual([
      "bomb.yaml: invalid YAML: more than 100 alias expansions (an alias bomb?)",
    ]);
    // A few aliases, as people write them, are fine.
    expect(parseYamlFile("ok.yaml", "base: &b {x: 1}\nuse: *b\n").data).toEqual({ base: { x: 1 }, use: { x: 1 } });
  });

  it("reports nesting too deep to read, without a crash", () => {
    const deep = `schemaVersion: 1\nmodels: ${"[".repeat(5_000)}${"]".repeat(5_000)}\n`;
    expect(problemsOf(() => parseYamlFile("deep.yaml", deep))).toEqual(["deep.yaml:2: invalid YAML: nested too deeply to read"]);
  });

  it("takes __proto__ and constructor as keys like any other: unknown fields, never a prototype", () => {
    const rates =
      "schemaVersion: 1\nregion: us-east-1\nmodels:\n  - id: claude-instant\n    __proto__: {onDemand: {inputPerMTok: 0.01, outputPerMTok: 0.01}}\n";
    expect(problemsOf(() => parseRateFile(rates, "proto.yaml", false))).toEqual([
      "proto.yaml:5: models[0].__proto__: unknown field (a typo?); the fields here are id, name, provider, aliases, source, onDemand, batch, priority, flex, longContext, promptCache, provisioned, reserved",
    ]);
    const plan = file(
      "proto-plan.yaml",
      "schemaVersion: 1\nconstructor: {}\nworkloads:\n  - {name: a, model: claude-instant, monthly: {inputTokens: 1, outputTokens: 1}}\n",
    );
    expect(problemsOf(() => readPlanFile(plan))).toEqual([
      `${plan}:2: constructor: unknown field (a typo?); the fields here are schemaVersion, region, hoursPerMonth, rates, workloads, reservations, policy`,
    ]);
    expect(({} as Record<string, unknown>).onDemand).toBeUndefined();
  });
});

describe("binary files are named as such", () => {
  it("refuses NUL characters and bytes that are not UTF-8, with the line", () => {
    const nul = file("nul.yaml", "schemaVersion: 1\nregion: us-east-1\x00\n");
    expect(problemsOf(() => readTextFile(nul))).toEqual([`${nul}:2: a NUL character: not a text file, or not saved as UTF-8`]);
    const latin1 = file(
      "latin1.csv",
      Buffer.concat([Buffer.from("timestamp,inputTokens,outputTokens\n"), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]),
    );
    expect(problemsOf(() => readTextFile(latin1))).toEqual([
      `${latin1}:2: bytes that are not UTF-8 text: not a text file, or not saved as UTF-8`,
    ]);
  });

  it("finds them while streaming a large file, on the right line", async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `2026-01-01T00:00:00Z,${i},${i}`);
    lines[70_000] = "2026-01-01T00:00:00Z,1\u0000,1";
    const big = file("big.csv", `timestamp,inputTokens,outputTokens\n${lines.join("\n")}\n`);
    let seen = 0;
    expect(await problemsOfAsync(() => eachLine(textOf(big, big), big, () => void seen++))).toEqual([
      `${big}:70002: a NUL character: not a text file, or not saved as UTF-8`,
    ]);
    expect(seen).toBeLessThan(70_002);
  });
});

describe("a long read", () => {
  it("lets the event loop turn now and then, so that a signal (Ctrl-C) is heard during it", async () => {
    // Chunks that come without waiting, as a regular file's do: only the reader's own turns let a timer run.
    async function* chunks() {
      for (let i = 0; i < 64; i++) yield `${"x".repeat(99)}\n`.repeat(100);
    }
    let line = 0;
    let heardAt = 0;
    setImmediate(() => {
      heardAt = line;
    });
    await eachLine(chunks(), "memory", (_text, lineNumber) => {
      line = lineNumber;
      return true;
    });
    expect(line).toBe(6400);
    expect(heardAt).toBeGreaterThan(0);
    expect(heardAt).toBeLessThan(6400);
  });
});

describe("messages cannot flood or take over a terminal", () => {
  it("quotes long values short", () => {
    expect(quote("x".repeat(20_000))).toBe(`"${"x".repeat(57)}..."`);
    expect(quote("claude-instant")).toBe('"claude-instant"');
  });

  it("shows control characters as escapes and cuts very long lines", () => {
    expect(terminalSafe("model \u001b[31mred\u001b[0m\u0007")).toBe("model \\u001b[31mred\\u001b[0m\\u0007");
    expect(terminalSafe("tab\tstays")).toBe("tab\tstays");
    expect(terminalSafe("y".repeat(1_500))).toBe(`${"y".repeat(1_000)}... (500 more characters)`);
  });

  it("refuses names with control characters in rate and plan files", () => {
    const rates =
      'schemaVersion: 1\nregion: us-east-1\nmodels:\n  - id: "x.y\\e[2J"\n    name: X\n    provider: P\n    onDemand: {inputPerMTok: 1, outputPerMTok: 2}\n';
    expect(problemsOf(() => parseRateFile(rates, "esc.yaml", false))).toEqual([
      "esc.yaml:4: models[0].id: expected a Bedrock model id without control characters",
    ]);
    const plan = file(
      "esc-plan.yaml",
      'schemaVersion: 1\nworkloads:\n  - name: "bot\\a"\n    model: claude-instant\n    monthly: {inputTokens: 1, outputTokens: 1}\n',
    );
    expect(problemsOf(() => readPlanFile(plan))).toEqual([
      `${plan}:3: workloads[0].name: expected a workload name without control characters`,
    ]);
  });
});
