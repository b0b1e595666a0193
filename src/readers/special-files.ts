import { closeSync, constants, openSync, readSync, realpathSync, type Stats, statSync } from "node:fs";
import { InputFileError } from "../errors.js";

/** The most a file read whole may hold, and what kind of file it is, for the message. */
export interface FileCap {
  bytes: number;
  kind: "JSON" | "YAML";
}

/** JSON read whole: its parse then stays under 256 MB of memory (a 60 MB Terraform plan: 220 MB). */
export const JSON_CAP: FileCap = { bytes: 64 * 1024 * 1024, kind: "JSON" };

/**
 * A YAML file (a plan, a rate file). YAML takes about 100 times its size while it is parsed (the
 * parser keeps every node, for the line numbers of messages): a plan of 20,000 workloads, 2 MB,
 * peaks at about 300 MB, and this cap at about 900 MB.
 */
export const YAML_CAP: FileCap = { bytes: 8 * 1024 * 1024, kind: "YAML" };

/** What a path is when it is not a file bedrock-cost can read, in words; null for a file or a pipe. */
function specialKind(stat: Stats): string | null {
  if (stat.isFile() || stat.isFIFO()) return null;
  if (stat.isDirectory()) return "a folder";
  if (stat.isCharacterDevice()) return "a character device (such as /dev/zero)";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * A path looked at before it is opened: a file or a pipe, whose Stats are returned; a device, a
 * socket or a folder is refused at once, with what it is (opening one could block or never end).
 */
export function statInput(path: string, source: string): Stats {
  const stat = statSync(path);
  const kind = specialKind(stat);
  if (kind) throw new InputFileError([{ source, message: `cannot read: it is ${kind}, not a file` }]);
  return stat;
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
  let bytes: number;
  try {
    bytes = readSync(fd, buffer, 0, buffer.length, null);
  } catch (error) {
    // A writer that has not written yet.
    if ((error as NodeJS.ErrnoException).code === "EAGAIN") return { fd, first: Buffer.alloc(0) };
    closeSync(fd);
    throw error;
  }
  if (bytes === 0) {
    closeSync(fd);
    throw new InputFileError([{ source, message: "cannot read: it is a named pipe with nothing writing to it" }]);
  }
  return { fd, first: buffer.subarray(0, bytes) };
}

/**
 * The whole of a pipe (`--rates /dev/stdin`, `<(cat file)`), up to `maxBytes`: an endless stream ends
 * in a clear error at the cap, not in memory exhaustion.
 */
export function readPipeWhole(path: string, source: string, cap: FileCap): Buffer {
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
      if (total > cap.bytes) throw tooLarge(source, cap);
      parts.push(Buffer.from(buffer.subarray(0, bytes)));
    }
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(parts, total);
}

export function tooLarge(source: string, cap: FileCap): InputFileError {
  return new InputFileError([
    {
      source,
      message: `larger than ${cap.bytes / (1024 * 1024)} MB, the most bedrock-cost reads of a ${cap.kind} file`,
    },
  ]);
}

/** A path's real place, after links: a file's identity however it is reached; the path itself when it cannot be resolved. */
export function realPathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
