import { Lexer } from "yaml";

/** A block list ("- " items) that is the value of a key of the top-level mapping. */
export interface BlockList {
  /** Where the key's token starts. */
  keyOffset: number;
  /** Where the line of each item's "- " starts. */
  itemStarts: number[];
  /** Where the line after the last item's last line starts (or the end of the text). */
  end: number;
}

/** Where a flow collection ({ or [) that is never closed opens. */
export interface UnclosedFlow {
  unclosedAt: number;
}

/**
 * What a file's top level holds, found by yaml's lexer (which knows quoted, block and multi-line
 * scalars and flow collections) without building its syntax tree: the block lists that are values of
 * top-level keys; null when the file uses what an item read on its own could not resolve (anchors,
 * aliases, directives, several documents); or where a flow collection is left open.
 */
export function findBlockLists(text: string): BlockList[] | UnclosedFlow | null {
  const lists: BlockList[] = [];
  let offset = 0;
  let lineStart = 0;
  let atLineStart = true;
  let flowDepth = 0;
  let flowStart = 0;
  let documents = 0;
  // The top-level key whose value may still be a block list: nothing but ":" followed it on its line.
  let keyOffset: number | null = null;
  let onKeyLine = false;
  let list: { keyOffset: number; itemStarts: number[]; indent: number } | null = null;
  const close = (at: number) => {
    if (list) lists.push({ keyOffset: list.keyOffset, itemStarts: list.itemStarts, end: at });
    list = null;
  };
  for (const token of new Lexer().lex(text)) {
    // Tokens of one control character mark a document or a scalar; they are not in the text.
    if (token === "\x02") {
      if (++documents > 1) return null;
      continue;
    }
    if (token === "\x1f") continue;
    // The lexer ends a flow collection left open where the indentation shows it should have closed.
    if (token === "\x18") return { unclosedAt: flowStart };
    const at = offset;
    offset += token.length;
    // An anchor, an alias or a directive: a plain scalar cannot start with these characters.
    if (/^[&*%]/.test(token)) return null;
    const flowBefore = flowDepth;
    if (token === "{" || token === "[") {
      if (flowDepth === 0) flowStart = at;
      flowDepth++;
    } else if (token === "}" || token === "]") flowDepth = Math.max(0, flowDepth - 1);
    const blank = isBlank(token) || token.startsWith("#");
    if (atLineStart && !blank) {
      atLineStart = false;
      onKeyLine = false;
      const column = at + leadingSpaces(token) - lineStart;
      if (flowBefore > 0) {
        // A line inside a flow collection: no structure of the top level.
      } else if (token === "---" || token === "...") {
        if (at > 0 || token === "...") return null;
      } else if (token === "-") {
        if (list !== null && column === list.indent) list.itemStarts.push(lineStart);
        else if (list !== null && column < list.indent) return null;
        else if (list === null && keyOffset !== null) list = { keyOffset, itemStarts: [lineStart], indent: column };
        keyOffset = null;
      } else {
        if (list !== null && column <= list.indent) close(lineStart);
        keyOffset = column === 0 && list === null && token !== "{" && token !== "[" ? at : null;
        onKeyLine = keyOffset !== null;
      }
    } else if (onKeyLine && !blank && token !== ":") {
      // The key has its value on its own line.
      keyOffset = null;
      onKeyLine = false;
    }
    if (token.endsWith("\n")) {
      atLineStart = true;
      onKeyLine = false;
      lineStart = offset;
    }
  }
  if (flowDepth !== 0) return { unclosedAt: flowStart };
  close(text.length);
  return lists;
}

function isBlank(token: string): boolean {
  return /^[ \t\r\n]*$/.test(token);
}

function leadingSpaces(token: string): number {
  let n = 0;
  while (n < token.length && token.charCodeAt(n) === 0x20) n++;
  return n;
}
