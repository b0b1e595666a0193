import { scannedTime } from "./read-invocation-logs.js";
import { scanLogRecord } from "./scan-log-record.js";
import { eachLine, type TextChunks } from "./text-stream.js";

/**
 * The numbers of one record in a batch: its line, its model (an index into the file's ids so far;
 * -1 for a line to be read whole, whose text is the next of the batch's texts), its time and its
 * four counts as scanLogRecord found them.
 */
export const RECORD_SLOTS = 7;
/** Records a batch holds at most. */
export const BATCH_RECORDS = 8192;

/** A batch of an NDJSON log file's lines, in order, as a reading thread hands them over. */
export interface ScanBatch {
  /** RECORD_SLOTS numbers a record. */
  records: Float64Array;
  /** Model ids first seen in this batch, in order: they follow those of the batches before. */
  ids: string[];
  /** The lines to be read whole, in order. */
  texts: string[];
}

/** Where scanLogLines hands its batches. */
interface ScanOutlet {
  post(batch: ScanBatch): void;
  /** Waits until more batches may be posted; false: stop reading. */
  ready(): Promise<boolean>;
}

/**
 * The chunks of `chunks`, the next read only when the outlet has room for more batches. A function of
 * the module, not a closure made for each part: the objects of an async generator take their shape
 * from the function that makes them, and eachLine, compiled for one shape, was thrown back to the
 * interpreter and compiled again for every part (8 times in a thread on 1 GB, measured).
 */
async function* paced(chunks: TextChunks, outlet: ScanOutlet, pacing: { stopped: boolean }): TextChunks {
  for await (const chunk of chunks) {
    if (!(await outlet.ready())) {
      pacing.stopped = true;
      return;
    }
    yield chunk;
  }
}

/**
 * The lines of an NDJSON log file, scanned as LogLineReader.line would scan them: a record the scanner
 * reads plainly is handed over as its numbers, any other line (but a blank one, which adds nothing)
 * as its text. What eachLine refuses (bytes that are not text, a line too long) is thrown after the
 * batches of the lines before it, as reading the file in one thread would meet it. Returns the
 * number of lines read.
 */
export async function scanLogLines(chunks: TextChunks, source: string, outlet: ScanOutlet): Promise<number> {
  // Model ids in the order first seen; those from `posted` on are new to the next batch. They are
  // listed when a batch is handed over, not pushed to a new list as they come: the line visitor,
  // compiled for a list of strings, was thrown back to the interpreter at each part's first id,
  // met with an empty list of another kind.
  const ids = new Map<string, number>();
  let posted = 0;
  let records = new Float64Array(BATCH_RECORDS * RECORD_SLOTS);
  let count = 0;
  let texts: string[] = [];
  const flush = () => {
    if (count === 0 && texts.length === 0 && posted === ids.size) return;
    const newIds = posted === ids.size ? [] : [...ids.keys()].slice(posted);
    posted = ids.size;
    outlet.post({ records: records.subarray(0, count * RECORD_SLOTS), ids: newIds, texts });
    records = new Float64Array(BATCH_RECORDS * RECORD_SLOTS);
    count = 0;
    texts = [];
  };
  const pacing = { stopped: false };
  try {
    return await eachLine(paced(chunks, outlet, pacing), source, visit);
  } finally {
    // What came before a problem is handed over before it, as a reader in one thread would have read it.
    if (!pacing.stopped) flush();
  }

  function visit(line: string, lineNumber: number): boolean {
    if (pacing.stopped) return false;
    if (line.trim() === "") return true;
    const at = count * RECORD_SLOTS;
    records[at] = lineNumber;
    const scanned = scanLogRecord(line);
    const time = scanned ? scannedTime(scanned) : Number.NaN;
    if (scanned && !Number.isNaN(time)) {
      let id = ids.get(scanned.modelId);
      if (id === undefined) {
        id = ids.size;
        ids.set(scanned.modelId, id);
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
      texts.push(line);
    }
    if (++count === BATCH_RECORDS) flush();
    return true;
  }
}
