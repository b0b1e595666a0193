import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { InputFileError } from "../../errors.js";
import { binaryProblem, readTextFile } from "../read-text-file.js";

const CHUNK_BYTES = 1 << 20;

/**
 * Calls `visit` with each line of a file and its 1-based number, reading a megabyte at a time so that
 * a large file is never held whole. Handles a byte-order mark and CRLF line ends. Return false from
 * `visit` to stop.
 */
export function forEachLine(path: string, visit: (line: string, lineNumber: number) => boolean | undefined): void {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    readTextFile(path); // throws the same one-line error as every other reader
    return;
  }
  const decoder = new StringDecoder("utf8");
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let carry = "";
  let lineNumber = 0;
  let first = true;
  try {
    for (;;) {
      let bytes: number;
      try {
        bytes = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      } catch (error) {
        throw new InputFileError([{ source: path, message: `cannot read: ${(error as Error).message}` }]);
      }
      let text = carry + (bytes > 0 ? decoder.write(buffer.subarray(0, bytes)) : decoder.end());
      if (first) {
        text = text.replace(/^\uFEFF/, "");
        first = false;
      }
      const binary = binaryProblem(text, lineNumber + 1);
      if (binary) throw new InputFileError([{ source: path, line: binary.line, message: binary.message }]);
      let start = 0;
      for (;;) {
        const end = text.indexOf("\n", start);
        if (end < 0) break;
        lineNumber++;
        const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
        if (visit(line, lineNumber) === false) return;
        start = end + 1;
      }
      carry = text.slice(start);
      if (bytes === 0) break;
    }
    if (carry.length > 0) visit(carry.endsWith("\r") ? carry.slice(0, -1) : carry, lineNumber + 1);
  } finally {
    closeSync(fd);
  }
}
