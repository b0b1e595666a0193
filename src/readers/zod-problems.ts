import type { z } from "zod";
import type { InputProblem } from "../errors.js";
import type { YamlFile } from "./yaml-document.js";

type Located = YamlFile & { keyLine(path: readonly (string | number)[], key: string): number | undefined };

/** One problem per zod issue, each with its field path and line; unknown keys get one each. */
export function zodProblems(file: Located, error: z.ZodError): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({ source: file.source, path: [...path, key], line: file.keyLine(path, key), message: "unknown field (a typo?)" });
      }
      continue;
    }
    const message = issue.code === "invalid_union" ? "does not match any of the accepted forms" : issue.message;
    problems.push({ source: file.source, path, line: file.lineOf(path), message });
  }
  return problems;
}
