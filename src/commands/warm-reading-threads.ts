import { readingThreads } from "./reading-threads.js";

/** Commands whose file arguments may be invocation logs large enough for reading threads. */
const READING_COMMANDS = new Set(["audit", "profile"]);

/**
 * The arguments of a run of audit or profile that may name its files, told from the rest by look
 * alone: every argument after the command that is no option (an option's value is taken too: it
 * names no large plain file, or a file the command reads). Undefined for any other command, and for
 * a run that asks for help.
 */
export function readingArguments(argv: readonly string[]): string[] | undefined {
  const at = argv.findIndex((arg) => !arg.startsWith("-"));
  if (at < 0 || !READING_COMMANDS.has(argv[at] as string)) return undefined;
  const rest = argv.slice(at + 1);
  if (rest.includes("--help") || rest.includes("-h")) return undefined;
  return rest.filter((arg) => !arg.startsWith("-"));
}

/**
 * Starts the reading threads a run of audit or profile on large logs will want (see warmThreads)
 * before the CLI parses its arguments and reads its rates, which then cover the threads' own start.
 * Arguments taken for files that are not (see readingArguments) can start threads the run then
 * stops, never change what it reads. Nothing is started with a BEDROCK_COST_THREADS the command
 * will refuse.
 */
export async function warmReadingThreads(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<void> {
  const paths = readingArguments(argv);
  if (!paths) return;
  let threads: number | undefined;
  try {
    threads = readingThreads(env);
  } catch {
    return;
  }
  const { warmThreads } = await import("../readers/traffic/log-scan-pool.js");
  warmThreads(paths, threads);
}
