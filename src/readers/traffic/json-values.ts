/**
 * The top-level objects of a text holding several JSON objects one after another (pretty-printed
 * records, as the AWS documentation and console show them), each as its text and the line it starts
 * on; null when the text is not such a sequence (a lone value, or anything between the objects).
 */
export function jsonObjectsIn(text: string): { text: string; line: number }[] | null {
  const objects: { text: string; line: number }[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 10) line++;
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13) {
      i++;
      continue;
    }
    if (ch !== 123) return null; // "{"
    const start = i;
    const startLine = line;
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      if (inString) {
        if (c === 92)
          i++; // a backslash escapes the next character
        else if (c === 34) inString = false;
      } else if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        depth--;
        if (depth === 0) break;
      }
    }
    if (depth !== 0) return null;
    i++;
    objects.push({ text: text.slice(start, i), line: startLine });
  }
  return objects.length > 1 ? objects : null;
}
