import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError } from "../errors.js";

/**
 * Writes `text` to `path` through a temporary file in the same folder, renamed into place, so that
 * a reader never sees half a file. An existing file is kept unless `force`.
 */
export function writeFileAtomically(path: string, text: string, force: boolean, flag: string): void {
  if (!force && existsSync(path)) throw new UsageError(`${flag} ${path}: the file exists; add --force to replace it`);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(temporary, "wx");
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (force) renameSync(temporary, path);
    else publishNew(temporary, path, flag);
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${flag} ${path}: cannot write (${code ?? (error as Error).message})`);
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
