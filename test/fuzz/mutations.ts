import fc from "fast-check";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";

/** How a fixture's text is parsed into a tree for structural mutations. */
export type Syntax = "yaml" | "json" | "csv" | "ndjson";

/** One mutation applied to a valid fixture: its name (for the tally) and the text it produces. */
export interface Mutated {
  mutation: string;
  text: string | Uint8Array;
}

// --- values that readers must refuse or handle -----------------------------------------------------

/** Numbers as JSON and YAML can carry them; NaN and the infinities are written as raw tokens. */
const NUMBERS: { label: string; value: unknown }[] = [
  { label: "negative", value: -1 },
  { label: "zero", value: 0 },
  { label: "fraction", value: 1.5 },
  { label: "1e308", value: 1e308 },
  { label: "-1e308", value: -1e308 },
  { label: "2^53+2", value: 2 ** 53 + 2 },
  { label: "denormal", value: 5e-324 },
  { label: "NaN", value: Number.NaN },
  { label: "Infinity", value: Number.POSITIVE_INFINITY },
  { label: "-Infinity", value: Number.NEGATIVE_INFINITY },
];

/** Values of the wrong type, or strings that look like something else. */
const WRONG: { label: string; value: unknown }[] = [
  { label: "null", value: null },
  { label: "boolean", value: true },
  { label: "empty list", value: [] },
  { label: "empty mapping", value: {} },
  { label: "list", value: [1, "two", null] },
  { label: "mapping", value: { a: 1 } },
  { label: "empty string", value: "" },
  { label: "blank string", value: "   " },
  { label: "number as string", value: "12" },
  { label: "NaN as string", value: "NaN" },
  { label: "long string", value: "x".repeat(20_000) },
  { label: "control characters", value: "\u0000\u0007\u001b[31m" },
  { label: "unknown enum value", value: "bogus-value" },
  { label: "date-like", value: "2026-13-45" },
];

const EXTRA_KEYS = ["extra", "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", ""];

// --- trees -----------------------------------------------------------------------------------------

type Tree = unknown;
interface Slot {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
}

function slots(tree: Tree, out: Slot[] = [], depth = 0): Slot[] {
  if (depth > 40 || typeof tree !== "object" || tree === null) return out;
  if (Array.isArray(tree)) {
    tree.forEach((child, index) => {
      out.push({ parent: tree, key: index });
      slots(child, out, depth + 1);
    });
  } else {
    for (const key of Object.keys(tree)) {
      out.push({ parent: tree as Record<string, unknown>, key });
      slots((tree as Record<string, unknown>)[key], out, depth + 1);
    }
  }
  return out;
}

function objects(tree: Tree, out: Record<string, unknown>[] = [], depth = 0): Record<string, unknown>[] {
  if (depth > 40 || typeof tree !== "object" || tree === null) return out;
  if (!Array.isArray(tree)) out.push(tree as Record<string, unknown>);
  for (const child of Array.isArray(tree) ? tree : Object.values(tree)) objects(child, out, depth + 1);
  return out;
}

/** Sets an own property, even `__proto__`, as a parser would. */
function setOwn(target: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const RAW = "\u0001raw:";

function stringifyTree(tree: Tree, syntax: "yaml" | "json"): string {
  if (syntax === "yaml") return stringifyYaml(tree, { lineWidth: 0 });
  const replacer = (_key: string, value: unknown) =>
    typeof value === "number" && !Number.isFinite(value) ? `${RAW}${String(value)}` : value;
  // NaN and the infinities are not JSON: write them as the bare tokens a careless exporter would.
  return JSON.stringify(tree, replacer, 1).replace(/"\\u0001raw:([^"]*)"/g, "$1");
}

type TreeMutation = { kind: string; pick: number; choice: number };

function applyTree(tree: Tree, m: TreeMutation): string {
  const all = slots(tree);
  if (all.length === 0) return "";
  const slot = all[m.pick % all.length] as Slot;
  switch (m.kind) {
    case "missing field": {
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
      return m.kind;
    }
    case "number": {
      // Prefer a number already there, so that the mutation hits a price or a count.
      const numbers = all.filter((s) => typeof (s.parent as Record<string | number, unknown>)[s.key] === "number");
      const target = numbers.length > 0 ? (numbers[m.pick % numbers.length] as Slot) : slot;
      const choice = NUMBERS[m.choice % NUMBERS.length] as (typeof NUMBERS)[number];
      setOwn(target.parent, target.key, choice.value);
      return `number: ${choice.label}`;
    }
    case "number as string": {
      const numbers = all.filter((s) => typeof (s.parent as Record<string | number, unknown>)[s.key] === "number");
      const target = numbers.length > 0 ? (numbers[m.pick % numbers.length] as Slot) : slot;
      setOwn(target.parent, target.key, String((target.parent as Record<string | number, unknown>)[target.key]));
      return m.kind;
    }
    case "wrong type": {
      const choice = WRONG[m.choice % WRONG.length] as (typeof WRONG)[number];
      setOwn(slot.parent, slot.key, choice.value);
      return `wrong type: ${choice.label}`;
    }
    case "unknown enum value": {
      const strings = all.filter((s) => typeof (s.parent as Record<string | number, unknown>)[s.key] === "string");
      const target = strings.length > 0 ? (strings[m.pick % strings.length] as Slot) : slot;
      const value = String((target.parent as Record<string | number, unknown>)[target.key] ?? "");
      setOwn(target.parent, target.key, m.choice % 2 === 0 ? value.toUpperCase() : `${value}-bogus`);
      return m.kind;
    }
    case "extra field": {
      const maps = objects(tree);
      const target = maps[m.pick % Math.max(1, maps.length)];
      const key = EXTRA_KEYS[m.choice % EXTRA_KEYS.length] as string;
      if (target) setOwn(target, key, key === "__proto__" || key === "constructor" ? { polluted: true } : 1);
      return `extra field: ${key === "" ? "(empty key)" : key}`;
    }
    default:
      throw new Error(`unknown mutation ${m.kind}`);
  }
}

const treeMutation = fc.record({
  kind: fc.constantFrom("missing field", "number", "number as string", "wrong type", "unknown enum value", "extra field"),
  pick: fc.nat(),
  choice: fc.nat(),
});

// --- lines and cells (CSV, NDJSON) -------------------------------------------------------------

const CELLS = [
  "-1",
  "1e308",
  "NaN",
  "Infinity",
  "1.5",
  "0x10",
  "",
  " ",
  '"12"',
  "9007199254740993",
  "100000000000001",
  "2026-13-45T00:00:00Z",
  "\u0000",
  "x".repeat(5000),
];

function mutateCsv(text: string, m: TreeMutation): { text: string; mutation: string } {
  const lines = text.split("\n");
  const row = 1 + (m.pick % Math.max(1, lines.length - 2));
  const cells = (lines[row] ?? "").split(",");
  const column = m.choice % Math.max(1, cells.length);
  switch (m.kind) {
    case "missing field":
      cells.splice(column, 1);
      lines[row] = cells.join(",");
      return { text: lines.join("\n"), mutation: "missing cell" };
    case "extra field":
      lines[row] = `${lines[row]},extra`;
      return { text: lines.join("\n"), mutation: "extra cell" };
    case "unknown enum value": {
      const header = (lines[0] ?? "").split(",");
      header[column % header.length] = "bogusColumn";
      lines[0] = header.join(",");
      return { text: lines.join("\n"), mutation: "unknown column" };
    }
    default: {
      const value = CELLS[m.choice % CELLS.length] as string;
      cells[column] = value;
      lines[row] = cells.join(",");
      return { text: lines.join("\n"), mutation: `cell: ${JSON.stringify(value.slice(0, 12))}${value.length > 12 ? "..." : ""}` };
    }
  }
}

function mutateNdjson(text: string, m: TreeMutation): { text: string; mutation: string } {
  const lines = text.split("\n");
  const row = m.pick % Math.max(1, lines.length - 1);
  try {
    const record = JSON.parse(lines[row] ?? "");
    const mutation = applyTree(record, m);
    lines[row] = stringifyTree(record, "json").replace(/\n/g, "");
    return { text: lines.join("\n"), mutation };
  } catch {
    return { text, mutation: "none (a line that is not a record)" };
  }
}

// --- whole-text mutations ------------------------------------------------------------------------

const BOM = "\uFEFF";

function aliasBomb(): string {
  const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 9; i++)
    lines.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(", ")}]`,
    );
  return `${lines.join("\n")}\n`;
}

type TextMutation = { kind: string; at: number; size: number };

function applyText(text: string, syntax: Syntax, m: TextMutation): Mutated {
  const at = text.length === 0 ? 0 : m.at % text.length;
  switch (m.kind) {
    case "truncated":
      return { mutation: m.kind, text: text.slice(0, at) };
    case "empty file":
      return { mutation: m.kind, text: m.size % 2 === 0 ? "" : "\n  \n" };
    case "binary junk": {
      const junk = new Uint8Array(64 + (m.size % 512));
      let seed = m.at + 1;
      for (let i = 0; i < junk.length; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        junk[i] = seed & 0xff;
      }
      if (m.size % 3 === 0) return { mutation: "binary file", text: junk };
      const head = new TextEncoder().encode(text.slice(0, at));
      const tail = new TextEncoder().encode(text.slice(at));
      const out = new Uint8Array(head.length + junk.length + tail.length);
      out.set(head, 0);
      out.set(junk, head.length);
      out.set(tail, head.length + junk.length);
      return { mutation: m.kind, text: out };
    }
    case "BOM":
      return { mutation: m.kind, text: BOM + text };
    case "CRLF":
      return { mutation: m.kind, text: text.replace(/\r?\n/g, "\r\n") };
    case "very long line": {
      const line = m.size % 2 === 0 ? "#".repeat(100_000) : "9".repeat(100_000);
      const cut = text.indexOf("\n", at);
      const where = cut < 0 ? text.length : cut + 1;
      return { mutation: m.kind, text: `${text.slice(0, where)}${line}\n${text.slice(where)}` };
    }
    case "duplicate key": {
      const lines = text.split("\n");
      const keyed = lines.map((line, i) => [line, i] as const).filter(([line]) => /^\s*(- )?"?[A-Za-z_]\w*"?\s*:/.test(line));
      if (keyed.length === 0) return { mutation: m.kind, text };
      const [line, index] = keyed[m.at % keyed.length] as readonly [string, number];
      if (syntax === "json") {
        const copy = line.trimEnd().endsWith(",") ? line : `${line},`;
        lines.splice(index, 0, copy);
      } else lines.splice(index + 1, 0, line.replace(/^(\s*)- /, "$1  "));
      return { mutation: m.kind, text: lines.join("\n") };
    }
    case "deep nesting": {
      const depth = 1_000 + (m.size % 9_000);
      if (syntax === "json") return { mutation: m.kind, text: `${"[".repeat(depth)}${"]".repeat(depth)}` };
      if (syntax === "yaml") return { mutation: m.kind, text: `schemaVersion: 1\nmodels: ${"[".repeat(depth)}${"]".repeat(depth)}\n` };
      return { mutation: m.kind, text: `${text.slice(0, at)}${"[".repeat(depth)}${text.slice(at)}` };
    }
    case "alias bomb":
      if (syntax !== "yaml") return { mutation: "NUL bytes", text: `${text.slice(0, at)}\u0000\u0000${text.slice(at)}` };
      return { mutation: m.kind, text: m.size % 2 === 0 ? aliasBomb() : `${text}bomb: &b [*b]\n` };
    default:
      throw new Error(`unknown mutation ${m.kind}`);
  }
}

const textMutation = fc.record({
  kind: fc.constantFrom(
    "truncated",
    "empty file",
    "binary junk",
    "BOM",
    "CRLF",
    "very long line",
    "duplicate key",
    "deep nesting",
    "alias bomb",
  ),
  at: fc.nat(),
  size: fc.nat(),
});

/**
 * A mutation of `text`: structural (a field removed, a number made hostile, a value of the wrong
 * type, an unknown enum value, an extra or `__proto__` key) or textual (truncation, junk, a BOM,
 * CRLF, a very long line, a duplicate key, deep nesting, an alias bomb), or both.
 */
export function mutationOf(text: string, syntax: Syntax): fc.Arbitrary<Mutated> {
  // Parsed once; each case mutates its own copy.
  const parsed: unknown = syntax === "yaml" ? parseYaml(text) : syntax === "json" ? JSON.parse(text) : null;
  const freshTree = () => structuredClone(parsed);
  const structural = treeMutation.map((m): Mutated => {
    if (syntax === "csv") return mutateCsv(text, m);
    if (syntax === "ndjson") return mutateNdjson(text, m);
    const tree = freshTree();
    const mutation = applyTree(tree, m);
    return { mutation, text: stringifyTree(tree, syntax) };
  });
  const textual = textMutation.map((m) => applyText(text, syntax, m));
  const both = fc.tuple(treeMutation, textMutation).map(([tm, xm]): Mutated => {
    const first = syntax === "csv" ? mutateCsv(text, tm) : syntax === "ndjson" ? mutateNdjson(text, tm) : null;
    let mutatedText: string;
    let label: string;
    if (first) {
      mutatedText = first.text;
      label = first.mutation;
    } else {
      const tree = freshTree();
      label = applyTree(tree, tm);
      mutatedText = stringifyTree(tree, syntax as "yaml" | "json");
    }
    const second = applyText(mutatedText, syntax, xm);
    return { mutation: `${label} + ${second.mutation}`, text: second.text };
  });
  return fc.oneof({ arbitrary: structural, weight: 3 }, { arbitrary: textual, weight: 2 }, { arbitrary: both, weight: 1 });
}

/** The tally key of a mutation: its first kind, without the detail after a colon. */
export function mutationFamily(mutation: string): string {
  return (mutation.split(" + ")[0] as string).split(":")[0] as string;
}
