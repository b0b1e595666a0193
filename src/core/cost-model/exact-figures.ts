import { MAX_EXACT_USD } from "./limits.js";

/** Result fields that hold US dollars: monthlyCost, onDemandCost, cost, saving, usd, ... */
const MONEY_KEY = /(^|[a-z])(cost|Cost|saving|Saving|usd|Usd)s?$/;
/** Result fields that count tokens: inputTokens, overflowOutputTokens, ... */
const TOKEN_KEY = /(^t|T)okens$/;

export interface InexactFigure {
  /** Where in the result, such as `options[2].committedCost`. */
  path: string;
  value: number;
  kind: "money" | "tokens";
}

function check(value: unknown, kind: "money" | "tokens", path: string): InexactFigure | null {
  const bad = (v: number) => !Number.isFinite(v) || (kind === "money" ? Math.abs(v) >= MAX_EXACT_USD : v > Number.MAX_SAFE_INTEGER);
  if (typeof value === "number") return bad(value) ? { path, value, kind } : null;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const array = value as unknown as ArrayLike<number>;
    for (let i = 0; i < array.length; i++) if (bad(array[i] as number)) return { path: `${path}[${i}]`, value: array[i] as number, kind };
  }
  return null;
}

/**
 * The first money figure of a result that is too large (or not finite) to be exact to the cent, or
 * token total too large to count exactly; null when every figure is sound. Walks plain objects,
 * arrays and maps; number arrays are read only under a money or token key, so a year of minutes is
 * not walked for nothing.
 */
export function inexactFigure(result: unknown): InexactFigure | null {
  const seen = new Set<object>();
  const walk = (node: unknown, path: string, depth: number): InexactFigure | null => {
    if (typeof node !== "object" || node === null || depth > 32 || seen.has(node) || ArrayBuffer.isView(node)) return null;
    seen.add(node);
    const entries: [string, unknown][] = Array.isArray(node)
      ? node.map((value, i) => [String(i), value])
      : node instanceof Map
        ? [...node.entries()].map(([key, value]) => [String(key), value])
        : Object.entries(node);
    for (const [key, value] of entries) {
      const at = Array.isArray(node) ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;
      const kind = MONEY_KEY.test(key) ? "money" : TOKEN_KEY.test(key) ? "tokens" : null;
      if (kind) {
        const found = check(value, kind, at);
        if (found) return found;
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) {
            const item = check(value[i], kind, `${at}[${i}]`);
            if (item) return item;
          }
        }
      }
      if (typeof value === "object" && value !== null) {
        if (Array.isArray(value) && value.length > 0 && typeof value[0] === "number") continue;
        const found = walk(value, at, depth + 1);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(result, "", 0);
}
