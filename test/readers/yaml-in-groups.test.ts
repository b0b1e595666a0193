import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FieldPath } from "../../src/errors.js";
import { findBlockLists } from "../../src/readers/yaml-block-lists.js";
import { parseYamlFile } from "../../src/readers/yaml-document.js";
import { problemsOf } from "../helpers/problems.js";

/** The text of each item the finder saw, per list: what a reader in groups would parse. */
function itemsOf(text: string): string[][] | null | { unclosedAt: number } {
  const lists = findBlockLists(text);
  if (lists === null || !Array.isArray(lists)) return lists;
  return lists.map((list) =>
    list.itemStarts.map((start, i) => text.slice(start, i + 1 < list.itemStarts.length ? list.itemStarts[i + 1] : list.end)),
  );
}

describe("the block lists of a file's top level, found by the lexer", () => {
  it("finds each item of a top-level key's list, however its items are written", () => {
    const text = [
      "schemaVersion: 1",
      "workloads:",
      "  - {name: a,",
      "     model: b}",
      "  - name: c",
      "    note: |",
      "      - not an item: the body of a block scalar",
      "    tags:",
      "    - nested, not an item of the top list",
      '    title: "- quoted, not an item"',
      "# a comment at the margin does not end the list",
      "  - name: d",
      "reservations:",
      "- name: r",
      "policy:",
      "  lists:",
      "    - inside a mapping: not a top-level list",
      "",
    ].join("\n");
    expect(itemsOf(text)).toEqual([
      [
        "  - {name: a,\n     model: b}\n",
        '  - name: c\n    note: |\n      - not an item: the body of a block scalar\n    tags:\n    - nested, not an item of the top list\n    title: "- quoted, not an item"\n# a comment at the margin does not end the list\n',
        "  - name: d\n",
      ],
      ["- name: r\n"],
    ]);
  });

  it("gives up on what an item read alone could not resolve: anchors, aliases, directives, several documents", () => {
    expect(itemsOf("a: &x 1\nb:\n  - *x\n")).toBeNull();
    expect(itemsOf("%YAML 1.2\n---\nw:\n  - a\n")).toBeNull();
    expect(itemsOf("w:\n  - a\n---\nw:\n  - b\n")).toBeNull();
    expect(itemsOf("w: [a,\n  b\n")).toEqual({ unclosedAt: 3 }); // a flow list left open
    // A leading document marker is fine, and so are * and & inside quotes or words.
    expect(itemsOf('---\nw:\n  - "*x"\n  - a&b\n')).toEqual([['  - "*x"\n', "  - a&b\n"]]);
  });

  it("takes no list for a key whose value is on its own line", () => {
    expect(itemsOf("rates: [a, b]\nnote: text\n")).toEqual([]);
    expect(itemsOf("w: # a comment is not a value\n  - a\n")).toEqual([["  - a\n"]]);
  });
});

/** Every field path of `value`, parents before children. */
function pathsOf(value: unknown, path: FieldPath = []): FieldPath[] {
  const paths: FieldPath[] = [path];
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : value !== null && typeof value === "object"
      ? Object.entries(value)
      : [];
  for (const [key, item] of children) for (const child of pathsOf(item, [...path, key])) paths.push(child);
  return paths;
}

const FIXTURES = ["test/fixtures/plans", "test/fixtures/rates", "rates/us-east-1"].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => join(dir, name)),
);

describe("a file read a list item at a time reads as the same data, with the same lines", () => {
  it.each(FIXTURES)("%s", (path) => {
    const text = readFileSync(path, "utf8");
    const inGroups = { alwaysInGroups: true, groupChars: 1 };
    let whole: ReturnType<typeof parseYamlFile>;
    try {
      whole = parseYamlFile(path, text);
    } catch {
      expect(problemsOf(() => parseYamlFile(path, text, inGroups))).toEqual(problemsOf(() => parseYamlFile(path, text)));
      return;
    }
    const grouped = parseYamlFile(path, text, inGroups);
    expect(grouped.data).toEqual(whole.data);
    for (const fieldPath of pathsOf(whole.data)) {
      expect(grouped.lineOf(fieldPath), fieldPath.join(".")).toBe(whole.lineOf(fieldPath));
      expect(grouped.keyLine(fieldPath, "missing"), fieldPath.join(".")).toBe(whole.keyLine(fieldPath, "missing"));
      const last = fieldPath.at(-1);
      if (typeof last === "string") {
        expect(grouped.keyLine(fieldPath.slice(0, -1), last), fieldPath.join(".")).toBe(whole.keyLine(fieldPath.slice(0, -1), last));
      }
    }
  });
});

describe("a plan past 1 MB", () => {
  const workload = (i: number) =>
    `  - name: w${i}   # a workload\n    model: nova-micro\n    monthly: {inputTokens: ${i + 1}M, outputTokens: 1M}\n`;
  const big = (count: number, item: (i: number) => string = workload) =>
    `schemaVersion: 1\nworkloads:\n${Array.from({ length: count }, (_, i) => item(i)).join("")}reservations: []\n`;

  it("is read in groups, as the same data and lines as when read whole", () => {
    const text = big(15_000);
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const grouped = parseYamlFile("big.yaml", text);
    const whole = parseYamlFile("big.yaml", text, { wholeParseChars: Number.POSITIVE_INFINITY });
    expect(grouped.data).toEqual(whole.data);
    // Item 12,345 starts on line 3 + 3 × 12,345; its inputTokens on the line after.
    expect(grouped.lineOf(["workloads", 12_345, "monthly", "inputTokens"])).toBe(3 + 3 * 12_345 + 2);
    expect(grouped.keyLine(["workloads", 12_345], "latency")).toBe(3 + 3 * 12_345);
    expect(grouped.lineOf(["reservations"])).toBe(3 + 3 * 15_000);
  });

  it("reports a syntax error deep in the file on its own line", () => {
    const text = big(15_000, (i) => (i === 9_000 ? "  - {name: twice, name: again}\n" : workload(i)));
    expect(problemsOf(() => parseYamlFile("big.yaml", text))).toEqual([`big.yaml:${3 + 3 * 9_000}: invalid YAML: Map keys must be unique`]);
  });

  it("reports a flow collection left open where it opens", () => {
    const text = big(15_000, (i) => (i === 9_000 ? "  - {name: broken\n" : workload(i)));
    expect(problemsOf(() => parseYamlFile("big.yaml", text))).toEqual([
      `big.yaml:${3 + 3 * 9_000}: invalid YAML: a flow collection ({ or [) opened here is never closed`,
    ]);
  });

  it("is refused, saying why, when anchors or aliases keep it from being read an item at a time", () => {
    const text = `defaults: &d {model: nova-micro}\n${big(15_000).replace("schemaVersion: 1\n", "schemaVersion: 1\nother: *d\n")}`;
    expect(problemsOf(() => parseYamlFile("big.yaml", text))).toEqual([
      'big.yaml: larger than 1 MB, and a YAML file this large is read one list item at a time: write its long lists as "- " items, without anchors, aliases, directives or a second document',
    ]);
  });
});
