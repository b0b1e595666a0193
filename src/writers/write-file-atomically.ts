import { closeSync, fsyncSync, linkSync, lstatSync, openSync, renameSync, rmSync, type Stats, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { UsageError } from "../errors.js";

/** Temporary files being written: a signal that ends the run removes them (see removeTemporaryFiles). */
const temporaryFiles = new Set<string>();
let written = 0;

/** Removes every temporary file a write has not finished with: for a run ended by a signal. */
export function removeTemporaryFiles(): void {
  for (const path of temporaryFiles) rmSync(path, { force: true });
  temporaryFiles.clear();
}

/** What is at a path that must not be written over, in words; null for nothing there, a file or a link. */
function notWritable(stat: Stats | undefined): string | null {
  if (!stat || stat.isFile() || stat.isSymbolicLink()) return null;
  if (stat.isDirectory()) return "it is a folder, not a file";
  if (stat.isCharacterDevice()) return "it is a character device (such as /dev/zero), not a file";
  if (stat.isBlockDevice()) return "it is a block device, not a file";
  if (stat.isFIFO()) return "it is a named pipe, not a file";
  if (stat.isSocket()) return "it is a socket, not a file";
  return "it is not a regular file";
}

function lstatOrNothing(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Writes `text` to `path` through a temporary file in the same folder, renamed into place, so that
 * a reader never sees half a file. An existing file is kept unless `force`; a folder, a device, a
 * pipe or a socket is never written over; a link is replaced (with `force`) by the file itself, and
 * what it pointed to is never written. The temporary name is short, so that any name the file
 * system takes can be written.
 */
export function writeFileAtomically(path: string, text: string, force: boolean, flag: string): void {
  const existing = lstatOrNothing(path);
  const refused = notWritable(existing);
  if (refused) throw new UsageError(`${flag} ${path}: ${refused}`);
  if (!force && existing) {
    const what = existing.isSymbolicLink() ? "the file exists (a link)" : "the file exists";
    throw new UsageError(`${flag} ${path}: ${what}; add --force to replace it`);
  }
  const temporary = join(dirname(path), `.bedrock-cost-${process.pid}-${(++written).toString(36)}.tmp`);
  temporaryFiles.add(temporary);
  try {
    const fd = openSync(temporary, "wx");
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // rename replaces a link itself, never the file it points to.
    if (force) renameSync(temporary, path);
    else publishNew(temporary, path, flag);
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${flag} ${path}: cannot write (${code ?? (error as Error).message})`);
  } finally {
    temporaryFiles.delete(temporary);
  }
}

/**
 * Gives the finished temporary file its name only if that name is still free: a hard link fails
 * when a file of that name appeared since the check above. Where the file system has no hard links,
 * the check above is the guard.
 */
function publishNew(temporary: string, path: string, flag: string): void {
  try {
    linkSync(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new UsageError(`${flag} ${path}: the file exists; add --force to replace it`);
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") throw error;
    renameSync(temporary, path);
    return;
  }
  rmSync(temporary, { force: true });
}
