import type { $ZodError, $ZodType } from "zod/v4/core";
import { nearestNames } from "../core/input/nearest-names.js";
import type { InputProblem } from "../errors.js";
import type { YamlFile } from "./yaml-document.js";

type Located = YamlFile & { keyLine(path: readonly (string | number)[], key: string): number | undefined };

/** The parts of a zod 4 schema's definition that lead from a value to the fields inside it. */
interface SchemaDef {
  type: string;
  shape?: Record<string, $ZodType>;
  element?: $ZodType;
  innerType?: $ZodType;
  in?: $ZodType;
  out?: $ZodType;
  options?: $ZodType[];
}

const defOf = (schema: $ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** The object schemas a value at `path` may be checked against (more than one through a union). */
function objectsAt(schema: $ZodType, path: readonly (string | number)[]): SchemaDef[] {
  const def = defOf(schema);
  const inner = [def.innerType, def.in, def.out, ...(def.options ?? [])].filter((s): s is $ZodType => s !== undefined);
  if (inner.length > 0 && def.type !== "object" && def.type !== "array") return inner.flatMap((s) => objectsAt(s, path));
  if (path.length === 0) return def.type === "object" ? [def] : [];
  const [head, ...rest] = path;
  if (def.type === "array" && typeof head === "number" && def.element) return objectsAt(def.element, rest);
  const field =
    def.type === "object" && typeof head === "string" && def.shape && Object.hasOwn(def.shape, head) ? def.shape[head] : undefined;
  return field ? objectsAt(field, rest) : [];
}

const commonPrefix = (a: string, b: string): number => {
  let n = 0;
  while (n < a.length && n < b.length && a[n]?.toLowerCase() === b[n]?.toLowerCase()) n++;
  return n;
};

/** The valid field a user most likely meant: the nearest by spelling, else the one sharing the longest start (`cacheReads`). */
function meantField(key: string, fields: readonly string[]): string | undefined {
  const [nearest] = nearestNames(key, fields, 1);
  if (nearest !== undefined) return nearest;
  const byPrefix = fields
    .map((field) => ({ field, shared: commonPrefix(key, field) }))
    .filter((entry) => entry.shared >= Math.max(4, Math.ceil(key.length / 2)))
    .sort((a, b) => b.shared - a.shared);
  return byPrefix[0]?.field;
}

/** What to tell a user who gave a field the schema does not know: the field they likely meant, or the valid ones. */
function unknownFieldMessage(schema: $ZodType, path: readonly (string | number)[], key: string): string {
  const fields = [...new Set(objectsAt(schema, path).flatMap((def) => Object.keys(def.shape ?? {})))];
  const meant = meantField(key, fields);
  if (meant !== undefined) return `unknown field (a typo?); did you mean ${meant}?`;
  return fields.length > 0 ? `unknown field (a typo?); the fields here are ${fields.join(", ")}` : "unknown field (a typo?)";
}

/**
 * One problem per zod issue, each with its field path and line; unknown keys get one each, naming
 * the nearest field `schema` accepts there.
 */
export function zodProblems(file: Located, error: $ZodError, schema: $ZodType): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const message = unknownFieldMessage(schema, path, key);
        problems.push({ source: file.source, path: [...path, key], line: file.keyLine(path, key), message });
      }
      continue;
    }
    const message = issue.code === "invalid_union" ? "does not match any of the accepted forms" : issue.message;
    problems.push({ source: file.source, path, line: file.lineOf(path), message });
  }
  return problems;
}
