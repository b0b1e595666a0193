import { formatProblem, InputFileError } from "../../src/errors.js";

/** Runs `run`, which must throw an InputFileError, and returns its problems as the CLI prints them. */
export function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputFileError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("expected an InputFileError");
}

/** The same for a promise that must reject with an InputFileError. */
export async function problemsOfAsync(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputFileError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("expected an InputFileError");
}
