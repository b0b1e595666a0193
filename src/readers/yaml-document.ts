import { type Document, isMap, isPair, isScalar, LineCounter, parseDocument } from "yaml";
import { type FieldPath, InputFileError } from "../errors.js";

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

function nodeLine(doc: Document, counter: LineCounter, path: FieldPath): number | undefined {
  // Walk up the path until a node exists: a missing field is reported on its parent's line.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return counter.linePos(range[0]).line;
  }
  return undefined;
}

function keyLine(doc: Document, counter: LineCounter, path: FieldPath, key: string): number | undefined {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isMap(parent)) {
    for (const item of parent.items) {
      if (isPair(item) && isScalar(item.key) && String(item.key.value) === key && item.key.range) {
        return counter.linePos(item.key.range[0]).line;
      }
    }
  }
  return nodeLine(doc, counter, path);
}

/**
 * Parses YAML 1.2 with the core schema only (no custom tags), unique keys and a cap on aliases.
 * Syntax errors become one problem each with their line.
 */
export function parseYamlFile(source: string, text: string): YamlFile & { keyLine(path: FieldPath, key: string): number | undefined } {
  const counter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text.replace(/^\uFEFF/, ""), {
      lineCounter: counter,
      uniqueKeys: true,
      schema: "core",
      merge: false,
      prettyErrors: true,
    });
  } catch (error) {
    throw new InputFileError([{ source, message: `invalid YAML: ${yamlFault(error as Error)}` }]);
  }
  // A tag the core schema does not know (!custom, !!js/function) is an error, not a string.
  const problems = [...doc.errors, ...doc.warnings.filter((warning) => warning.code === "TAG_RESOLVE_FAILED")];
  if (problems.length > 0) {
    throw new InputFileError(
      problems.map((error) => ({
        source,
        line: error.linePos?.[0].line,
        message: `invalid YAML: ${yamlFault(error)}`,
      })),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new InputFileError([{ source, message: `invalid YAML: ${yamlFault(error as Error)}` }]);
  }
  return {
    source,
    data,
    lineOf: (path) => nodeLine(doc, counter, path),
    keyLine: (path, key) => keyLine(doc, counter, path, key),
  };
}
