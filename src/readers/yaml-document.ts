import { type Document, isMap, isPair, isScalar, LineCounter, parseDocument } from "yaml";
import { type FieldPath, InputFileError } from "../errors.js";
import { type BlockList, findBlockLists } from "./yaml-block-lists.js";

/** A parsed YAML file that can say on which line any field path sits. */
export interface YamlFile {
  source: string;
  data: unknown;
  lineOf(path: FieldPath): number | undefined;
}

// Aliases are legitimate in hand-written files but an alias bomb must not expand without bound.
const MAX_ALIAS_COUNT = 100;

/** The first line of a YAML error, in words a user can act on. */
function yamlFault(error: Error): string {
  const first = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "";
  if (error instanceof RangeError || /call stack/i.test(first)) return "nested too deeply to read";
  if (/alias count/i.test(first)) return `more than ${MAX_ALIAS_COUNT} alias expansions (an alias bomb?)`;
  if (/^Unresolved tag/.test(first))
    return `${first.replace(/^Unresolved tag: /, "unknown tag ")}: bedrock-cost reads plain YAML (core schema) without custom tags`;
  return first;
}

/** Where the node at `path` starts (or its nearest parent, for a missing field). */
function nodeOffset(doc: Document, path: FieldPath): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return range[0];
  }
  return undefined;
}

/** Where the key `key` of the mapping at `path` starts, or the mapping itself when it has no such key. */
function keyOffset(doc: Document, path: FieldPath, key: string): number | undefined {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isMap(parent)) {
    for (const item of parent.items) {
      if (isPair(item) && isScalar(item.key) && String(item.key.value) === key && item.key.range) return item.key.range[0];
    }
  }
  return nodeOffset(doc, path);
}

/** A YAML document and the problems of its syntax, each with its offset in the file. */
interface Parsed {
  doc: Document;
  problems: { offset: number | undefined; message: string }[];
}

/** Parses one document (a whole file, or part of one): YAML 1.2, the core schema, unique keys. */
function parseText(source: string, text: string, counter?: LineCounter): Parsed {
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, schema: "core", merge: false, prettyErrors: false });
  } catch (error) {
    throw new InputFileError([{ source, message: `invalid YAML: ${yamlFault(error as Error)}` }]);
  }
  // A tag the core schema does not know (!custom, !!js/function) is an error, not a string.
  const faults = [...doc.errors, ...doc.warnings.filter((warning) => warning.code === "TAG_RESOLVE_FAILED")];
  return { doc, problems: faults.map((error) => ({ offset: error.pos[0], message: `invalid YAML: ${yamlFault(error)}` })) };
}

function toData(source: string, doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new InputFileError([{ source, message: `invalid YAML: ${yamlFault(error as Error)}` }]);
  }
}

/**
 * A file larger than this is read a list item at a time (see `findBlockLists`): yaml keeps a syntax
 * tree and a document of every node, about 120 times the text in memory, so a file parsed whole
 * stays under 256 MB of memory only up to about 1.5 MB.
 */
const WHOLE_PARSE_CHARS = 1024 * 1024;

/** Items of a long list are parsed in groups of about this many characters. */
const GROUP_CHARS = 64 * 1024;

/** When a file is read in groups, and how (the tests read small files in groups of one item). */
interface Layout {
  /** Files longer than this are read a list item at a time, and no piece read whole may be longer. */
  wholeParseChars: number;
  /** Read in groups even when the file is shorter than wholeParseChars. */
  alwaysInGroups: boolean;
  groupChars: number;
}

const LAYOUT: Layout = { wholeParseChars: WHOLE_PARSE_CHARS, alwaysInGroups: false, groupChars: GROUP_CHARS };

export type ParsedYaml = YamlFile & { keyLine(path: FieldPath, key: string): number | undefined };

/**
 * Parses YAML 1.2 with the core schema only (no custom tags), unique keys and a cap on aliases.
 * Syntax errors become one problem each with their line. A file past `wholeParseChars` is read one
 * group of list items at a time, so that its memory does not grow a hundredfold with its size; the
 * data and the lines of messages are the same.
 */
export function parseYamlFile(source: string, text: string, layout: Partial<Layout> = {}): ParsedYaml {
  const { wholeParseChars, alwaysInGroups, groupChars } = { ...LAYOUT, ...layout };
  const clean = text.replace(/^\uFEFF/, "");
  const counter = new LineCounter();
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : counter.linePos(offset).line);
  const fail = (problems: Parsed["problems"]) => {
    throw new InputFileError(problems.map((p) => ({ source, line: lineAt(p.offset), message: p.message })));
  };
  const lists = alwaysInGroups || clean.length > wholeParseChars ? findBlockLists(clean) : [];
  if (lists !== null && "unclosedAt" in lists) {
    if (clean.length <= wholeParseChars) return parseYamlFile(source, clean, { ...layout, alwaysInGroups: false });
    const line = clean.slice(0, lists.unclosedAt).split("\n").length;
    throw new InputFileError([{ source, line, message: "invalid YAML: a flow collection ({ or [) opened here is never closed" }]);
  }
  if (lists === null || lists.length === 0) {
    if (clean.length > wholeParseChars) throw new InputFileError([{ source, message: tooLargeToParseWhole(wholeParseChars) }]);
    const { doc, problems } = parseText(source, clean, counter);
    if (problems.length > 0) fail(problems);
    const data = toData(source, doc);
    return {
      source,
      data,
      lineOf: (path) => lineAt(nodeOffset(doc, path)),
      keyLine: (path, key) => lineAt(keyOffset(doc, path, key)),
    };
  }
  return parseInGroups(source, clean, lists, counter, wholeParseChars, groupChars);
}

function tooLargeToParseWhole(limit: number): string {
  return `larger than ${limit / (1024 * 1024)} MB, and a YAML file this large is read one list item at a time: write its long lists as "- " items, without anchors, aliases, directives or a second document`;
}

interface Group {
  start: number;
  end: number;
  /** The index in its list of the group's first item. */
  first: number;
  count: number;
}

function parseInGroups(
  source: string,
  text: string,
  lists: BlockList[],
  counter: LineCounter,
  limit: number,
  groupChars: number,
): ParsedYaml {
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : counter.linePos(offset).line);
  // The file with every long list's items blanked out (line breaks kept, so offsets and lines hold).
  const parts: string[] = [];
  let kept = 0;
  let from = 0;
  for (const list of lists) {
    const start = list.itemStarts[0] as number;
    parts.push(
      text.slice(from, start),
      text.slice(start, list.end).replace(/[^\r\n]+/g, (run) => " ".repeat(run.length)),
    );
    kept += start - from;
    from = list.end;
  }
  parts.push(text.slice(from));
  kept += text.length - from;
  if (kept > limit) throw new InputFileError([{ source, message: tooLargeToParseWhole(limit) }]);
  const skeleton = parseText(source, parts.join(""), counter);
  parts.length = 0;
  const problems = [...skeleton.problems];
  const top = skeleton.doc.contents;
  const keys: string[] = [];
  for (const list of lists) {
    const pair = isMap(top) ? top.items.find((item) => isScalar(item.key) && item.key.range?.[0] === list.keyOffset) : undefined;
    const value = pair?.value;
    if (!pair || !isScalar(pair.key) || !(value === null || (isScalar(value) && value.value === null))) {
      // Not the shape the lexer saw: read the file whole, if it is small enough to be.
      if (text.length > limit) throw new InputFileError([{ source, message: tooLargeToParseWhole(limit) }]);
      return parseYamlFile(source, text, { wholeParseChars: Number.POSITIVE_INFINITY, alwaysInGroups: false });
    }
    keys.push(String(pair.key.value));
  }
  const groupsByKey = new Map<string, Group[]>();
  const items = new Map<string, unknown[]>();
  lists.forEach((list, i) => {
    const key = keys[i] as string;
    const groups: Group[] = [];
    const values: unknown[] = [];
    let first = 0;
    while (first < list.itemStarts.length) {
      const start = list.itemStarts[first] as number;
      let next = first + 1;
      while (next < list.itemStarts.length && (list.itemStarts[next] as number) - start < groupChars) next++;
      const end = next < list.itemStarts.length ? (list.itemStarts[next] as number) : list.end;
      if (end - start > limit) throw new InputFileError([{ source, line: lineAt(start), message: tooLargeToParseWhole(limit) }]);
      const group: Group = { start, end, first, count: next - first };
      const parsed = parseText(source, text.slice(start, end));
      for (const problem of parsed.problems)
        problems.push({ ...problem, offset: problem.offset === undefined ? start : start + problem.offset });
      if (parsed.problems.length === 0) {
        const data = toData(source, parsed.doc);
        if (!Array.isArray(data) || data.length !== group.count) {
          problems.push({ offset: start, message: "invalid YAML: a list item could not be read on its own" });
        } else for (const value of data) values.push(value);
      }
      groups.push(group);
      first = next;
    }
    groupsByKey.set(key, groups);
    items.set(key, values);
  });
  if (problems.length > 0) {
    problems.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
    throw new InputFileError(problems.map((p) => ({ source, line: lineAt(p.offset), message: p.message })));
  }
  const data = toData(source, skeleton.doc) as Record<string, unknown>;
  for (const [key, values] of items) data[key] = values;
  items.clear();

  // Lines of messages: an item's group is parsed again when a message needs one of its lines.
  let cached: { group: Group; doc: Document } | undefined;
  const inGroup = (path: FieldPath): { group: Group; doc: Document; rest: FieldPath } | undefined => {
    const [key, index, ...rest] = path;
    const groups = typeof key === "string" && (index === undefined || typeof index === "number") ? groupsByKey.get(key) : undefined;
    // The list itself starts where its first group does.
    const group =
      index === undefined ? groups?.[0] : groups?.find((g) => (index as number) >= g.first && (index as number) < g.first + g.count);
    if (!group) return undefined;
    if (cached?.group !== group) cached = { group, doc: parseText(source, text.slice(group.start, group.end)).doc };
    return { group, doc: cached.doc, rest: index === undefined ? [] : [(index as number) - group.first, ...rest] };
  };
  return {
    source,
    data,
    lineOf: (path) => {
      const found = inGroup(path);
      if (!found) return lineAt(nodeOffset(skeleton.doc, path));
      const offset = nodeOffset(found.doc, found.rest);
      return lineAt(offset === undefined ? undefined : found.group.start + offset);
    },
    keyLine: (path, key) => {
      const found = inGroup(path);
      if (!found) return lineAt(keyOffset(skeleton.doc, path, key));
      const offset = keyOffset(found.doc, found.rest, key);
      return lineAt(offset === undefined ? undefined : found.group.start + offset);
    },
  };
}
