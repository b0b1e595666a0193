import { isAscii } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { InputFileError } from "../../errors.js";
import { binaryProblem, cannotRead } from "../read-text-file.js";
import { openPipe, statInput } from "../special-files.js";

/** What `-` names: standard input, read as a stream. */
export const STDIN = "-";

const GZIP_MAGIC = [0x1f, 0x8b];

/** Text chunks of one input, in order. */
export type TextChunks = AsyncIterable<string>;

/**
 * A part of a regular file, by byte positions: the lines that start at `start` or later and before
 * `end` (a line that starts inside it is read to its end, past `end`). Parts that meet, read one
 * after the other, are the file's lines, each once.
 */
export interface ByteRange {
  start: number;
  end: number;
}

function isGzip(head: Buffer): boolean {
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/**
 * The bytes of a file, a pipe or standard input, inflated on the way when they start with gzip's
 * magic bytes (whatever the name), never held whole. Errors name `source`.
 */
async function* bytesOf(
  path: string,
  source: string,
  stdin: (() => Readable) | undefined,
  chunkBytes: number,
  range: ByteRange | undefined,
): AsyncGenerator<Buffer> {
  if (path === STDIN && !stdin) throw new InputFileError([{ source, message: "standard input is read by bedrock-cost profile only" }]);
  let stream: Readable;
  try {
    let file: { stream: Readable } | { plain: AsyncGenerator<Buffer> };
    if (path === STDIN) file = { stream: (stdin as () => Readable)() };
    else file = range ? { plain: rangeChunks(path, range, chunkBytes) } : openInput(path, source, chunkBytes);
    if ("plain" in file) {
      yield* file.plain;
      return;
    }
    stream = file.stream;
  } catch (error) {
    throw error instanceof InputFileError ? error : cannotRead(error, source);
  }
  let gunzip: ReturnType<typeof createGunzip> | undefined;
  try {
    const chunks = stream[Symbol.asyncIterator]();
    let head = Buffer.alloc(0);
    // Enough bytes to tell gzip: a pipe may deliver one byte at a time.
    while (head.length < GZIP_MAGIC.length) {
      const next = await chunks.next();
      if (next.done) break;
      head = Buffer.concat([head, next.value as Buffer]);
    }
    if (!isGzip(head)) {
      if (head.length > 0) yield head;
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        yield next.value as Buffer;
      }
    }
    const inflate = createGunzip({ chunkSize: CHUNK_BYTES });
    gunzip = inflate;
    // Feed the compressed bytes in while the inflated ones are read out, honouring back-pressure.
    const feeding = (async () => {
      try {
        inflate.write(head);
        for (;;) {
          const next = await chunks.next();
          if (next.done) break;
          if (!inflate.write(next.value as Buffer)) await new Promise((resolve) => inflate.once("drain", resolve));
        }
        inflate.end();
      } catch (error) {
        inflate.destroy(error as Error);
      }
    })();
    for await (const chunk of inflate) yield chunk as Buffer;
    await feeding;
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (code.startsWith("Z_")) throw new InputFileError([{ source, message: `not valid gzip data: ${(error as Error).message}` }]);
    throw cannotRead(error, source);
  } finally {
    gunzip?.destroy();
    if (path !== STDIN) stream.destroy();
  }
}

const CHUNK_BYTES = 1 << 20;

/** Reads a descriptor a megabyte at a time into a stream; `retry` waits and reads again when a pipe has nothing yet. */
function descriptorStream(fd: number, first: Buffer, retry: boolean): Readable {
  let closed = false;
  const close = () => {
    if (!closed) closeSync(fd);
    closed = true;
  };
  let pending: Buffer | null = first.length > 0 ? first : null;
  return new Readable({
    read() {
      if (pending) {
        this.push(pending);
        pending = null;
        return;
      }
      const attempt = () => {
        const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
        let bytes: number;
        try {
          bytes = readSync(fd, buffer, 0, CHUNK_BYTES, null);
        } catch (error) {
          if (retry && (error as NodeJS.ErrnoException).code === "EAGAIN") {
            setTimeout(attempt, 2);
            return;
          }
          close();
          this.destroy(error as Error);
          return;
        }
        if (bytes === 0) {
          close();
          this.push(null);
        } else this.push(bytes === CHUNK_BYTES ? buffer : buffer.subarray(0, bytes));
      };
      attempt();
    },
    destroy(error, callback) {
      close();
      callback(error);
    },
  });
}

/**
 * A file looked at before it is opened. A regular file is read synchronously, so that a folder of
 * thousands of small files does not wait on the thread pool for every read: as plain chunks read
 * into one buffer when it does not start with gzip's magic bytes (each chunk holds until the next is
 * asked for: no buffer is taken and let go for every chunk), else as a stream to inflate. A pipe
 * (`<(zcat ...)`, a FIFO) is opened without blocking, refused at once when nothing writes to it, and
 * read as its writer writes; a device or a socket is refused.
 */
function openInput(path: string, source: string, chunkBytes: number): { stream: Readable } | { plain: AsyncGenerator<Buffer> } {
  if (statInput(path, source).isFIFO()) {
    const { fd, first } = openPipe(path, source);
    return { stream: descriptorStream(fd, first, true) };
  }
  const fd = openSync(path, "r");
  const buffer = Buffer.allocUnsafe(chunkBytes);
  let bytes: number;
  try {
    bytes = readSync(fd, buffer, 0, chunkBytes, null);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (bytes >= GZIP_MAGIC.length && isGzip(buffer)) return { stream: descriptorStream(fd, Buffer.from(buffer.subarray(0, bytes)), false) };
  return { plain: plainChunks(fd, buffer, bytes, source) };
}

/** A regular file's chunks read into `buffer`, the first (`first` bytes) already in it; the file is closed at the end. */
async function* plainChunks(fd: number, buffer: Buffer, first: number, source: string): AsyncGenerator<Buffer> {
  try {
    for (let bytes = first; bytes > 0; ) {
      yield bytes === buffer.length ? buffer : buffer.subarray(0, bytes);
      try {
        bytes = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        throw cannotRead(error, source);
      }
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Where the first line that starts at `at` or later, and before `before`, starts (`at` itself at the
 * start of the file or after a line break); `before` when none does or the file ends first. Only the
 * bytes from `at` to `before` are looked at.
 */
function lineStartFrom(fd: number, at: number, before: number, buffer: Buffer): number {
  if (at === 0) return 0;
  for (let from = at - 1; from < before - 1; ) {
    const bytes = readSync(fd, buffer, 0, Math.min(buffer.length, before - 1 - from), from);
    if (bytes === 0) return before;
    const end = buffer.subarray(0, bytes).indexOf(10);
    if (end >= 0) return from + end + 1;
    from += bytes;
  }
  return before;
}

/**
 * The bytes of a part of a regular file (see ByteRange), read a chunk at a time into one buffer,
 * synchronously: each chunk holds until the next is read. A part in which no line starts (inside a
 * long line) is empty, found by reading only the part: a file of one long line is not read again for
 * each part. Close it when done.
 */
export class PartReader {
  private readonly fd: number;
  private readonly buffer: Buffer;
  private at = 0;
  private end = 0;

  constructor(path: string, range: ByteRange, chunkBytes: number) {
    // Opened without waiting, in case the file was replaced by a pipe since it was looked at.
    this.fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      if (!fstatSync(this.fd).isFile()) throw new Error("it is no longer a regular file");
      this.buffer = Buffer.allocUnsafe(chunkBytes);
      this.at = lineStartFrom(this.fd, range.start, range.end, this.buffer);
      // The last line that starts in the part is read to its end.
      if (this.at < range.end) this.end = lineStartFrom(this.fd, range.end, Number.MAX_SAFE_INTEGER, this.buffer);
    } catch (error) {
      closeSync(this.fd);
      throw error;
    }
  }

  /** The next chunk, or undefined at the end of the part. */
  next(): Buffer | undefined {
    if (this.at >= this.end) return undefined;
    const bytes = readSync(this.fd, this.buffer, 0, Math.min(this.buffer.length, this.end - this.at), this.at);
    if (bytes === 0) {
      this.end = this.at;
      return undefined;
    }
    this.at += bytes;
    return bytes === this.buffer.length ? this.buffer : this.buffer.subarray(0, bytes);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** The chunks of a PartReader, as a stream of them. */
async function* rangeChunks(path: string, range: ByteRange, chunkBytes: number): AsyncGenerator<Buffer> {
  const part = new PartReader(path, range, chunkBytes);
  try {
    for (let bytes = part.next(); bytes !== undefined; bytes = part.next()) yield bytes;
  } finally {
    part.close();
  }
}

/** UTF-8 text a chunk of bytes at a time, without a byte-order mark at the start of a file. */
export class ChunkDecoder {
  private readonly decoder = new StringDecoder("utf8");

  /** `first`: the text starts the file, where a byte-order mark is dropped. */
  constructor(private first: boolean) {}

  write(bytes: Buffer): string {
    // Logs and metrics are almost always ASCII, which decodes to the same text several times faster
    // as such (measured: 8 ms against 49 ms for 50 MB), and as Latin-1 a little faster still (the same text for
    // ASCII bytes, copied without checking them again: 53 to 56 against 61 to 70 ms for 500 MB). A multibyte
    // character left unfinished by the chunk before cannot be finished by ASCII bytes: end() gives it
    // as U+FFFD, as write() would.
    let text = isAscii(bytes) ? this.decoder.end() + bytes.toString("latin1") : this.decoder.write(bytes);
    if (this.first && text.length > 0) {
      text = text.replace(/^\uFEFF/, "");
      this.first = false;
    }
    return text;
  }

  end(): string {
    return this.decoder.end();
  }
}

/**
 * The UTF-8 text of an input (`-`: standard input, which `stdin` opens), a chunk at a time, without
 * a byte-order mark; a regular file is read `chunkBytes` at a time (see openInput), or only a part
 * of it (`range`: a plain file's, not inflated).
 */
export async function* textOf(
  path: string,
  source: string,
  stdin?: () => Readable,
  chunkBytes = CHUNK_BYTES,
  range?: ByteRange,
): TextChunks {
  const decoder = new ChunkDecoder(range === undefined || range.start === 0);
  // Each chunk is decoded before the next is read: a plain file's chunks share one buffer.
  for await (const bytes of bytesOf(path, source, stdin, chunkBytes, range)) {
    const text = decoder.write(bytes);
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

/** Whether `path` is a regular file that does not start with gzip's magic bytes. */
export function isPlainFile(path: string): boolean {
  let fd: number | undefined;
  try {
    if (!statSync(path).isFile()) return false;
    fd = openSync(path, "r");
    const head = Buffer.alloc(GZIP_MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) < GZIP_MAGIC.length || !isGzip(head);
  } catch {
    // Left to the stream, which says what is wrong.
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** How much of a traffic file is looked at to tell its format: its first line, mostly. */
export const HEAD_CHARS = 64 * 1024;

/**
 * The first `size` characters or more of `chunks` (or all of them), and every chunk from the start
 * again; `close` lets go of an input that is not read further.
 */
export async function peek(chunks: TextChunks, size: number): Promise<{ head: string; chunks: TextChunks; close(): Promise<void> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: string[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    length += next.value.length;
  }
  async function* again(): TextChunks {
    try {
      yield* seen;
      if (done) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return {
    head: seen.join(""),
    chunks: again(),
    close: async () => {
      await iterator.return?.();
    },
  };
}

/**
 * The most a traffic file read whole (CloudWatch JSON, records in a JSON array) may hold: its many
 * timestamps take about eight times the file's size in memory, which then stays under 256 MB. Larger
 * CloudWatch data comes in several pages (files), which are merged; larger logs, one record a line.
 */
const MAX_WHOLE_TRAFFIC_CHARS = 24 * 1024 * 1024;

/** The longest line of a file read a line at a time (a record with its request and response bodies). */
const MAX_LINE_CHARS = 64 * 1024 * 1024;

/** All the text of `chunks`: for formats read whole (JSON documents), up to `maxChars`. */
export async function readAll(chunks: TextChunks, source: string, maxChars = MAX_WHOLE_TRAFFIC_CHARS): Promise<string> {
  const parts: string[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    length += chunk.length;
    if (length > maxChars) {
      throw new InputFileError([
        {
          source,
          message: `larger than ${maxChars / (1024 * 1024)} MB, the most read whole of a JSON traffic file: give CloudWatch data as several pages (files), and logs one record a line`,
        },
      ]);
    }
    parts.push(chunk);
  }
  const text = parts.join("");
  const binary = binaryProblem(text);
  if (binary) throw new InputFileError([{ source, line: binary.line, message: binary.message }]);
  return text;
}

/** Chunks read between two turns of the event loop. */
export const CHUNKS_A_TURN = 8;

/** What LineSplitter hands each line to, with its 1-based number: false to stop reading. */
export interface LineVisitor {
  line(line: string, lineNumber: number): boolean | undefined;
}

/**
 * Splits text handed a chunk at a time into lines (CRLF or LF) for a visitor. Each chunk is scanned
 * once, however long its lines; a line past MAX_LINE_CHARS is an error, as is a line with bytes that
 * are not UTF-8 text or a NUL character, once the lines before it are read: what is read does not
 * depend on where chunks begin.
 */
export class LineSplitter {
  /**
   * The start of a line that began in an earlier chunk, joined as V8 joins strings (a rope, laid flat
   * once, when the line is read), so that a long line is not rescanned.
   */
  private carry = "";
  private carried = 0;
  /** Lines read so far. */
  lineNumber = 0;

  constructor(
    private readonly source: string,
    private readonly visitor: LineVisitor,
  ) {}

  /** Hands the visitor each line `chunk` finishes; false once the visitor has said stop. */
  push(chunk: string): boolean {
    const binary = binaryProblem(chunk, this.lineNumber + 1);
    let start = 0;
    for (;;) {
      const end = chunk.indexOf("\n", start);
      if (end < 0) break;
      this.lineNumber++;
      if (binary && binary.line === this.lineNumber) throw new InputFileError([{ source: this.source, ...binary }]);
      let line = chunk.slice(start, end);
      if (this.carried > 0) {
        line = this.carry + line;
        this.carry = "";
        this.carried = 0;
      }
      if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
      if (this.visitor.line(line, this.lineNumber) === false) return false;
      start = end + 1;
    }
    // In the line this chunk leaves unfinished.
    if (binary) throw new InputFileError([{ source: this.source, ...binary }]);
    if (start < chunk.length) {
      this.carried += chunk.length - start;
      if (this.carried > MAX_LINE_CHARS) {
        throw new InputFileError([
          {
            source: this.source,
            line: this.lineNumber + 1,
            message: `a line longer than ${MAX_LINE_CHARS / (1024 * 1024)} MB: not a file of one record or row a line`,
          },
        ]);
      }
      this.carry += chunk.slice(start);
    }
    return true;
  }

  /** Hands the visitor the last line, when no line break ends it; returns the number of lines read. */
  end(): number {
    if (this.carried === 0) return this.lineNumber;
    const line = this.carry;
    this.carry = "";
    this.carried = 0;
    this.visitor.line(line.endsWith("\r") ? line.slice(0, -1) : line, ++this.lineNumber);
    return this.lineNumber;
  }
}

/**
 * Calls `visit` with each line of `chunks` and its 1-based number, as LineSplitter splits them. The
 * work is done a chunk at a time, synchronously within it, so a file of millions of lines pays for
 * few awaits. Return false from `visit` to stop reading. Returns the number of lines read.
 */
export async function eachLine(
  chunks: TextChunks,
  source: string,
  visit: (line: string, lineNumber: number) => boolean | undefined,
): Promise<number> {
  const lines = new LineSplitter(source, { line: visit });
  let sinceTurn = 0;
  for await (const chunk of chunks) {
    // A regular file's chunks come without waiting: the event loop is let turn now and then, so that
    // a signal (Ctrl-C) is heard during a long read, not after it.
    if (++sinceTurn === CHUNKS_A_TURN) {
      sinceTurn = 0;
      await turn();
    }
    if (!lines.push(chunk)) return lines.lineNumber;
  }
  return lines.end();
}

/** Lets the event loop turn: signals and messages waiting are heard. */
export function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
