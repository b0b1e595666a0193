const OBJECT = 1;
const ARRAY = 2;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Where the first JSON syntax error in `text` is (a character offset), or null when the text is
 * valid JSON. A scan without recursion or values, for reporting the line of an error that
 * JSON.parse does not place; it accepts exactly what JSON.parse accepts.
 */
export function jsonErrorOffset(text: string): number | null {
  const n = text.length;
  let i = 0;
  const stack: number[] = [];
  const space = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  /** A string from the opening quote at i; false with i at the fault. */
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  const number = (): boolean => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
    else return false;
    if (text[i] === ".") {
      i++;
      if (!isDigit(text.charCodeAt(i))) return false;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      if (!isDigit(text.charCodeAt(i))) return false;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    return true;
  };
  /** After `{` or `,` in an object: a key and its colon. */
  const key = (): boolean => {
    space();
    if (text[i] !== '"' || !string()) return false;
    space();
    if (text[i] !== ":") return false;
    i++;
    return true;
  };

  let expectValue = true;
  for (;;) {
    space();
    if (expectValue) {
      if (i >= n) return i;
      const c = text[i] as string;
      if (c === "{") {
        i++;
        space();
        if (text[i] === "}") {
          i++;
          expectValue = false;
        } else {
          stack.push(OBJECT);
          if (!key()) return i;
        }
      } else if (c === "[") {
        i++;
        space();
        if (text[i] === "]") {
          i++;
          expectValue = false;
        } else stack.push(ARRAY);
      } else if (c === '"') {
        if (!string()) return i;
        expectValue = false;
      } else if (c === "-" || isDigit(c.charCodeAt(0))) {
        if (!number()) return i;
        expectValue = false;
      } else {
        const literal = ["true", "false", "null"].find((word) => text.startsWith(word, i));
        if (!literal) return i;
        i += literal.length;
        expectValue = false;
      }
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i < n ? i : null;
    const c = text[i];
    if (c === ",") {
      i++;
      if (top === OBJECT && !key()) return i;
      expectValue = true;
    } else if ((top === ARRAY && c === "]") || (top === OBJECT && c === "}")) {
      i++;
      stack.pop();
    } else return i;
  }
}
