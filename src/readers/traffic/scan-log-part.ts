import { cannotRead } from "../read-text-file.js";
import { isNdjsonLogHead, scannedTime } from "./read-invocation-logs.js";
import { scanLogRecord } from "./scan-log-record.js";
import {
  type ByteRange,
  CHUNKS_A_TURN,
  ChunkDecoder,
  HEAD_CHARS,
  LineSplitter,
  type LineVisitor,
  PartReader,
  turn,
} from "./text-stream.js";

/**
 * The numbers of one record in a batch: its line, its model (an index into the file's ids so far;
 * -1 for a line to be read whole, whose text is the next of the batch's texts), its time and its
 * four counts as scanLogRecord found them.
 */
export const RECORD_SLOTS = 7;
/** Records a batch holds at most. */
export const BATCH_RECORDS = 8192;
/**
 * Records the first batch of a part holds: handed over early, so that the main thread starts adding
 * sooner, and so that the visitor has called flush before V8 compiles it (a call it had never made
 * threw the compiled visitor back to the interpreter at the first full batch).
 */
const FIRST_BATCH_RECORDS = 64;

/** A batch of an NDJSON log file's lines, in order, as a reading thread hands them over. */
export interface ScanBatch {
  /** RECORD_SLOTS numbers a record. */
  records: Float64Array;
  /** Model ids first seen in this batch, in order: they follow those of the batches before. */
  ids: string[];
  /** The lines to be read whole, in order. */
  texts: string[];
}

/** Where scanLogPart hands its batches. */
export interface ScanOutlet {
  post(batch: ScanBatch): void;
  /** Waits until more batches may be posted; false: stop reading. */
  ready(): Promise<boolean>;
}

/**
 * The lines of a part of an NDJSON log file, scanned as LogLineReader.line would scan them, in
 * batches: a record the scanner reads plainly is kept as its numbers, any other line (but a blank
 * one, which adds nothing) as its text. A class, its methods the same functions for every part: a
 * closure made for each part was a new call target each time, and the line visitor, compiled for
 * the last, was thrown back to the interpreter at the next (measured: four compilations a thread).
 */
class LogBatches implements LineVisitor {
  // Model ids in the order first seen; those from `posted` on are new to the next batch. They are
  // listed when a batch is handed over, not pushed to a new list as they come: the line visitor,
  // compiled for a list of strings, was thrown back to the interpreter at each part's first id,
  // met with an empty list of another kind.
  private readonly ids = new Map<string, number>();
  private posted = 0;
  private records = new Float64Array(BATCH_RECORDS * RECORD_SLOTS);
  private count = 0;
  private texts: string[] = [];
  private full = FIRST_BATCH_RECORDS;

  constructor(private readonly outlet: ScanOutlet) {}

  line(line: string, lineNumber: number): boolean {
    if (line.trim() === "") return true;
    const records = this.records;
    const at = this.count * RECORD_SLOTS;
    records[at] = lineNumber;
    const scanned = scanLogRecord(line);
    const time = scanned ? scannedTime(scanned) : Number.NaN;
    if (scanned && !Number.isNaN(time)) {
      let id = this.ids.get(scanned.modelId);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(scanned.modelId, id);
      }
      records[at + 1] = id;
      records[at + 2] = time;
      const [input, output, read, write] = scanned.counts;
      records[at + 3] = input;
      records[at + 4] = output;
      records[at + 5] = read;
      records[at + 6] = write;
    } else {
      records[at + 1] = -1;
      this.texts.push(line);
    }
    if (++this.count === this.full) this.flush();
    return true;
  }

  /** Hands over the records and texts kept since the last batch, and the ids first seen in them. */
  flush(): void {
    if (this.count === 0 && this.texts.length === 0 && this.posted === this.ids.size) return;
    const ids = this.posted === this.ids.size ? [] : [...this.ids.keys()].slice(this.posted);
    this.posted = this.ids.size;
    this.outlet.post({ records: this.records.subarray(0, this.count * RECORD_SLOTS), ids, texts: this.texts });
    this.records = new Float64Array(BATCH_RECORDS * RECORD_SLOTS);
    this.count = 0;
    this.texts = [];
    this.full = BATCH_RECORDS;
  }
}

/**
 * Reads a part of a regular file (see ByteRange) `chunkBytes` at a time, synchronously, and hands
 * its lines over in batches (see LogBatches), the next chunk read only when the outlet has room for
 * more: no stream of chunks, whose layers of async generators each took V8 10 to 40 ms to compile in
 * every thread. What LineSplitter refuses (bytes that are not text, a line too long) and a failed read
 * are thrown after the batches of the lines before them, as reading the file in one thread would meet
 * them. Returns the number of lines read; "not-logs" when the part starts a file that is not NDJSON
 * logs (told from its first HEAD_CHARS, as the main thread tells it); "unopened" when the file could
 * not be opened again (the main thread reads it, and says what is wrong).
 */
export async function scanLogPart(
  path: string,
  source: string,
  range: ByteRange,
  chunkBytes: number,
  outlet: ScanOutlet,
): Promise<number | "not-logs" | "unopened"> {
  let part: PartReader;
  try {
    part = new PartReader(path, range, chunkBytes);
  } catch {
    return "unopened";
  }
  const batches = new LogBatches(outlet);
  const lines = new LineSplitter(source, batches);
  const decoder = new ChunkDecoder(range.start === 0);
  // The text of the file's first chunks, until there is enough of it to tell its format.
  let head: string | undefined = range.start === 0 ? "" : undefined;
  let stopped = false;
  try {
    for (let chunks = 1; ; chunks++) {
      let bytes: Buffer | undefined;
      try {
        bytes = part.next();
      } catch (error) {
        throw cannotRead(error, source);
      }
      const text = bytes === undefined ? decoder.end() : decoder.write(bytes);
      if (head !== undefined) {
        head += text;
        if (head.length < HEAD_CHARS && bytes !== undefined) continue;
        if (!isNdjsonLogHead(head)) return "not-logs";
        lines.push(head);
        head = undefined;
      } else lines.push(text);
      if (bytes === undefined) return lines.end();
      // The event loop turns now and then, so that the main thread's messages (batches read, stop) are heard.
      if (chunks % CHUNKS_A_TURN === 0) await turn();
      if (!(await outlet.ready())) {
        stopped = true;
        return lines.lineNumber;
      }
    }
  } finally {
    part.close();
    // What came before a problem is handed over before it, as a reader in one thread would have read it.
    if (!stopped) batches.flush();
  }
}
