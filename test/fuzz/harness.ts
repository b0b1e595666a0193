import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inexactFigure } from "../../src/core/cost-model/exact-figures.js";
import { main } from "../../src/main.js";
import { parseRateFile, rateCardOf } from "../../src/readers/read-rate-file.js";
import { mutationFamily, mutationOf, type Syntax } from "./mutations.js";

/** The seed every fuzz run starts from, so that a failure can be replayed exactly. */
const FUZZ_SEED = 20_261_121;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process, as the launcher does, with output captured. */
export async function runInProcess(argv: readonly string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    writeOut: (text) => void out.push(text),
    writeErr: (text) => void err.push(text),
    env: { NO_COLOR: "1" },
    isTTY: false,
  });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

export interface FuzzFormat {
  /** As in the README's table. */
  name: string;
  syntax: Syntax;
  /** The valid file every case mutates. */
  fixture: string;
  /** The name the mutated file is written under. */
  fileName: string;
  /** Files the input refers to (a plan's quotes), copied next to it. */
  companions?: Record<string, string>;
  /** The command that reads the file. */
  argv(file: string, dir: string): string[];
  /** Exit codes a still-valid file may give besides 0 (check's 1). */
  passCodes?: number[];
  /** What the output is: JSON to check, or a rate file to validate. */
  output: "json" | "rate-file";
  numRuns: number;
}

interface Tally {
  cases: number;
  byFamily: Map<string, { cases: number; exit: Record<number, number> }>;
}

const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

/** What is wrong with a run of the CLI on a hostile file, or null when it behaved. */
export function judge(run: Run, file: string, format: FuzzFormat): string | null {
  const pass = [0, ...(format.passCodes ?? [])];
  if (run.code !== 2 && !pass.includes(run.code)) return `exit ${run.code}: ${run.stderr.slice(0, 500)}`;
  if (/internal error/.test(run.stderr) || STACK.test(run.stderr)) return `a stack trace or internal error: ${run.stderr.slice(0, 500)}`;
  const lines = run.stderr.split("\n").filter((line) => line !== "");
  for (const line of lines) {
    if (!/^(error|note|hint): /.test(line))
      return `a stderr line that is not an error, note or hint: ${JSON.stringify(line.slice(0, 200))}`;
    if (line.length > 1_100) return `a stderr line of ${line.length} characters`;
  }
  if (lines.length > 60) return `${lines.length} lines on stderr`;
  if (run.code === 2) {
    const errors = lines.filter((line) => line.startsWith("error: "));
    if (errors.length === 0) return "exit 2 without an error line";
    // The file and its line or field, or, where the file made a flag wrong (a model it removed), the flag.
    if (!errors[0]?.includes(file) && !/^error: (--|option '--)/.test(errors[0] ?? "")) {
      return `the first error names neither the file nor a flag: ${JSON.stringify(errors[0]?.slice(0, 300))}`;
    }
    if (run.stdout !== "") return "exit 2 with output on stdout";
    return null;
  }
  if (run.stdout === "") return `exit ${run.code} without output`;
  if (format.output === "json") {
    let report: unknown;
    try {
      report = JSON.parse(run.stdout);
    } catch {
      return "output that is not JSON";
    }
    const inexact = inexactFigure(report);
    if (inexact) return `an inexact figure in the output: ${inexact.path} = ${inexact.value}`;
    return null;
  }
  // An imported rate file must validate as a bundled one.
  try {
    const merged = rateCardOf(parseRateFile(run.stdout, "imported.yaml", true));
    if (merged.problems.length > 0) return `the imported file does not validate: ${merged.problems[0]?.message}`;
  } catch (error) {
    return `the imported file does not validate: ${(error as Error).message.slice(0, 500)}`;
  }
  return null;
}

/**
 * Mutates `format.fixture` numRuns times from the fixed seed and runs the CLI on each mutant:
 * exit 2 with a clear error naming the file, or a sound result; never a crash or a stack trace,
 * and the input file is never modified. Returns the tally by kind of mutation.
 */
async function fuzzFormat(format: FuzzFormat): Promise<Tally> {
  const dir = mkdtempSync(join(tmpdir(), "bedrock-cost-fuzz-"));
  const tally: Tally = { cases: 0, byFamily: new Map() };
  try {
    for (const [name, text] of Object.entries(format.companions ?? {})) {
      mkdirSync(join(dir, name, ".."), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const seed = readFileSync(format.fixture, "utf8");
    const file = join(dir, format.fileName);
    // The unmutated fixture's report: a byte-order mark or CRLF line ends must not change a figure.
    writeFileSync(file, seed);
    const baseline = await runInProcess(format.argv(file, dir));
    if (baseline.code !== 0 && !(format.passCodes ?? []).includes(baseline.code))
      throw new Error(`${format.fixture} itself fails: ${baseline.stderr}`);
    const details = await fc.check(
      fc.asyncProperty(mutationOf(seed, format.syntax), async (mutant) => {
        writeFileSync(file, mutant.text);
        const before = Buffer.from(mutant.text);
        const run = await runInProcess(format.argv(file, dir));
        const problem =
          (mutant.mutation === "BOM" || mutant.mutation === "CRLF") && (run.stdout !== baseline.stdout || run.code !== baseline.code)
            ? "a different report from the same data"
            : judge(run, file, format);
        if (!readFileSync(file).equals(before)) throw new Error(`${mutant.mutation}: the input file was modified`);
        if (problem) throw new Error(`${mutant.mutation}: ${problem}`);
        tally.cases++;
        const family = mutationFamily(mutant.mutation);
        const entry = tally.byFamily.get(family) ?? { cases: 0, exit: {} };
        entry.cases++;
        entry.exit[run.code] = (entry.exit[run.code] ?? 0) + 1;
        tally.byFamily.set(family, entry);
      }),
      { seed: FUZZ_SEED, numRuns: format.numRuns, endOnFailure: true },
    );
    if (details.failed) {
      // The counterexample can be megabytes of junk: say what failed and how to replay it instead.
      const error = details.errorInstance as Error | undefined;
      const text = details.counterexample?.[0]?.text;
      const head = typeof text === "string" ? text.slice(0, 400) : `${text?.length ?? 0} bytes`;
      throw new Error(
        `${format.name}, case ${details.numRuns} (seed ${FUZZ_SEED}, path ${details.counterexamplePath}): ${error?.message.slice(0, 1_500) ?? "failed"}\n--- the mutated file begins:\n${head}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return tally;
}

/** One line per format for the test log: cases, and how many ended in each exit code. */
function describeTally(name: string, tally: Tally): string {
  const exits: Record<number, number> = {};
  for (const entry of tally.byFamily.values())
    for (const [code, n] of Object.entries(entry.exit)) exits[Number(code)] = (exits[Number(code)] ?? 0) + n;
  const codes = Object.entries(exits)
    .map(([code, n]) => `exit ${code}: ${n}`)
    .join(", ");
  return `fuzz ${name}: ${tally.cases} cases (${codes})`;
}

/**
 * With FUZZ_REPORT=FILE, appends one JSON line per format (its cases by mutation and exit code),
 * from which the README's table is written.
 */
function reportTally(name: string, tally: Tally): void {
  const file = process.env.FUZZ_REPORT;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ name, cases: tally.cases, byFamily: Object.fromEntries(tally.byFamily) })}\n`);
}

/**
 * One vitest suite per file of formats, so that vitest spreads the formats over its workers: each
 * format is one test that prints its case counts.
 */
export function fuzzSuite(title: string, formats: readonly FuzzFormat[]): void {
  describe(`fuzz: ${title}`, () => {
    for (const format of formats) {
      it(`${format.name}: every mutant ends in exit 2 with a clear error, or a sound result`, async () => {
        const tally = await fuzzFormat(format);
        console.log(describeTally(format.name, tally));
        reportTally(format.name, tally);
        expect(tally.cases).toBe(format.numRuns);
      }, 300_000);
    }
  });
}
