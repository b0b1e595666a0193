import type { Readable } from "node:stream";
import { CommanderError } from "commander";
import { warmReadingThreads } from "./commands/warm-reading-threads.js";
import { formatProblem, InputFileError, isUserError } from "./errors.js";
import { EXIT } from "./exit-codes.js";
import { createProgram } from "./program.js";
import { chooseCharset } from "./render/charset.js";
import { shouldColor } from "./render/color-choice.js";
import { terminalSafe } from "./render/terminal-safe.js";

export interface MainIo {
  writeOut(text: string): void;
  writeErr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
  /** Columns of the terminal, when stdout is one. */
  columns?: number | undefined;
  /** Standard input, opened only when a command reads `-`. */
  stdin?: (() => Readable) | undefined;
}

const MAX_PROBLEMS_SHOWN = 50;

function reportUserError(error: unknown, io: MainIo): void {
  if (error instanceof InputFileError) {
    const shown = error.problems.slice(0, MAX_PROBLEMS_SHOWN);
    for (const problem of shown) io.writeErr(`error: ${terminalSafe(formatProblem(problem))}\n`);
    const more = error.problems.length - shown.length;
    if (more > 0) io.writeErr(`error: ...and ${more} more problems\n`);
    return;
  }
  for (const line of (error as Error).message.split("\n")) io.writeErr(`error: ${terminalSafe(line)}\n`);
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: MainIo): Promise<number> {
  let exitCode: number = EXIT.OK;
  await warmReadingThreads(argv, io.env);
  const program = createProgram({
    writeOut: io.writeOut,
    writeErr: io.writeErr,
    color: (flag) => shouldColor({ flag, env: io.env, isTTY: io.isTTY }),
    charset: (ascii) => chooseCharset({ ascii, env: io.env, isTTY: io.isTTY }),
    columns: io.columns,
    stdin: io.stdin,
    setExitCode: (code) => {
      exitCode = code;
    },
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its own message; help and --version end with exit code 0.
      return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (isUserError(error)) {
      reportUserError(error, io);
      return EXIT.USAGE;
    }
    io.writeErr(`bedrock-cost: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (io.env.BEDROCK_COST_DEBUG === "1") io.writeErr(`${(error as Error)?.stack ?? ""}\n`);
    else io.writeErr("This is a bug in bedrock-cost; run again with BEDROCK_COST_DEBUG=1 for the stack trace and report it.\n");
    return EXIT.INTERNAL;
  }
}
