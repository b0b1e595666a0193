import { closeSync, constants, openSync, readSync, realpathSync, type Stats, statSync } from "node:fs";
import { InputFileError } from "../errors.js";

/** The most a file read whole may hold, and what kind of file it is, for the message. */
export interface FileCap {
  bytes: number;
  kind: "JSON" | "YAML";
}

/**
 * JSON read whole. A run stays under 256 MB of memory up to this cap (measured on the heaviest
 * shapes per byte: a Price List offer file of many small products, 168 MB; a Terraform plan with the
 * most Provisioned Throughput resources a plan may hold, 10,000, among other resources, 209 MB).
 */
export const JSON_CAP: FileCap = { bytes: 40 * 1024 * 1024, kind: "JSON" };

/**
 * A YAML file (a plan, a rate file). Past 1 MB it is read a list item at a time (see
 * yaml-document.ts), so that reading it does not take a hundred times its size; a plan at this cap
 * holds about 25,000 workloads, and planning them all stays under 256 MB (180 MB for a table).
 */
export const YAML_CAP: FileCap = { bytes: 2 * 1024 * 1024, kind: "YAML" };

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
