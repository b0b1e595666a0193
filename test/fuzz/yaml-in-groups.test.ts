import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputFileError } from "../../src/errors.js";
import { parseYamlFile } from "../../src/readers/yaml-document.js";
import { mutationOf } from "./mutations.js";

/** FUZZ_SCALE=10 (npm run fuzz) runs ten times the cases. */
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);

/** What a read gives: the data, or the lines and messages of its problems. */
function outcome(text: string, layout: Parameters<typeof parseYamlFile>[2]): unknown {
  try {
    const read = parseYamlFile("f.yaml", text, layout);
    return { data: read.data, firstLine: read.lineOf(["workloads", 0]) ?? read.lineOf(["models", 0]) };
  } catch (error) {
    if (error instanceof InputFileError) return { problems: error.problems.map((p) => [p.line, p.message]) };
    throw error;
  }
}

describe.each([
  ["plan", "test/fixtures/plans/plan.yaml"],
  ["rate file", "test/fixtures/rates/eu-west-1.yaml"],
])("a mutated %s reads the same whole and a list item at a time", (_, fixture) => {
  it("gives the same data, or refuses it either way", () => {
    const text = readFileSync(fixture, "utf8");
    fc.assert(
      fc.property(
        // Deep nesting is refused where the parser runs out of stack, which depends on how much stack
        // the caller has used: it has its own test (test/readers/hostile-input.test.ts).
        mutationOf(text, "yaml").filter((m) => typeof m.text === "string" && !m.mutation.includes("deep nesting")),
        (mutated) => {
          const source = mutated.text as string;
          const whole = outcome(source, {});
          const grouped = outcome(source, { alwaysInGroups: true, groupChars: 1 });
          if ("problems" in (whole as object)) expect(grouped, mutated.mutation).toHaveProperty("problems");
          else expect(grouped, mutated.mutation).toEqual(whole);
        },
      ),
      { numRuns: 400 * SCALE, seed: 20261130 },
    );
  });
});
