import { closeSync, constants, openSync, readSync, type Stats } from "node:fs";
import { InputFileError } from "../errors.js";

/** The most a JSON file read whole may hold: its parse then stays under 256 MB of memory (60 MB: 220 MB). */
export const MAX_WHOLE_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The most a YAML file (a plan, a rate file) may hold. YAML takes about 100 times its size while it is
 * parsed (the parser keeps every node, for the line numbers of messages): a plan of 20,000 workloads,
 * 2 MB, peaks at about 300 MB, and this cap at about 900 MB.
 */
export const MAX_YAML_BYTES = 8 * 1024 * 1024;

/** What a path is when it is not a file bedrock-cost can read, in words; null for a file or a pipe. */
export function specialKind(stat: Stats): string | null {
  if (stat.isFile() || stat.isFIFO()) return null;
  if (stat.isDirectory()) return "a folder";
  if (stat.isCharacterDevice()) return "a character device (such as /dev/zero)";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

export function notAFile(source: string, kind: string): InputFileError {
  return new InputFileError([{ source, message: `cannot read: it is ${kind}, not a file` }]);
}

/** Blocks the thread for `ms` milliseconds, for a pipe whose writer has not written yet. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Opens a named pipe without blocking: a pipe with nothing writing to it is refused at once instead
 * of waiting for ever. Returns the descriptor, opened non-blocking, and the first bytes read.
 */
export function openPipe(path: string, source: string): { fd: number; first: Buffer } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const buffer = Buffer.allocUnsafe(64 * 1024);
  try {
    const bytes = readSync(fd, buffer, 0, buffer.length, null);
    if (bytes === 0) {
      closeSync(fd);
      throw new InputFileError([{ source, message: "cannot read: it is a named pipe with nothing writing to it" }]);
    }
    return { fd, first: buffer.subarray(0, bytes) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EAGAIN") return { fd, first: Buffer.alloc(0) };
    throw error;
  }
}

/**
 * The whole of a pipe (`--rates /dev/stdin`, `<(cat file)`), up to `maxBytes`: an endless stream ends
 * in a clear error at the cap, not in memory exhaustion.
 */
export function readPipeWhole(path: string, source: string, maxBytes: number): Buffer {
  const { fd, first } = openPipe(path, source);
  const parts = [first];
  let total = first.length;
  const buffer = Buffer.allocUnsafe(1 << 20);
  try {
    for (;;) {
      let bytes: number;
      try {
        bytes = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
        pause(5);
        continue;
      }
      if (bytes === 0) break;
      total += bytes;
      if (total > maxBytes) throw tooLarge(source, maxBytes);
      parts.push(Buffer.from(buffer.subarray(0, bytes)));
    }
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(parts, total);
}

export function tooLarge(source: string, maxBytes: number): InputFileError {
  return new InputFileError([
    {
      source,
      message: `larger than ${maxBytes / (1024 * 1024)} MB, the most bedrock-cost reads of a ${maxBytes === MAX_YAML_BYTES ? "YAML" : "JSON"} file`,
    },
  ]);
}
