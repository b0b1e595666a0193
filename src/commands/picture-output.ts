import { UsageError } from "../errors.js";
import { writeFileAtomically } from "../writers/write-file-atomically.js";
import type { CommandResult } from "./command-result.js";

interface PictureFlags {
  format: string;
  /** --output: where --format svg writes its picture. */
  output?: string | undefined;
  force?: boolean | undefined;
}

/** --output is for the picture only: refused, before any work, with another format. */
export function refuseOutputWithoutSvg(flags: PictureFlags): void {
  if (flags.output !== undefined && flags.format !== "svg") throw new UsageError("--output writes the picture: add --format svg");
}

/** The report on stdout, or with --output written whole to that file (kept unless --force) and said on stderr. */
export function deliver(stdout: string, stderr: string[], flags: PictureFlags): CommandResult {
  if (flags.output === undefined) return { stdout, stderr, exitCode: 0 };
  writeFileAtomically(flags.output, stdout, flags.force === true, "--output");
  return { stdout: "", stderr: [...stderr, `wrote ${flags.output}`], exitCode: 0 };
}
