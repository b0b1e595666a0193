// A reading thread (dist/log-worker.cjs): it reads the parts of files LogScanPool gives it, one at a
// time, and hands each NDJSON log file's records back in batches (see scanLogLines). Nothing it reads is
// added up here: the main thread adds every record, in file order, as one thread would.
import { parentPort } from "node:worker_threads";
import { InputFileError } from "../../errors.js";
import type { FromWorker, ToWorker } from "./log-scan-messages.js";
import { isNdjsonLogHead } from "./read-invocation-logs.js";
import { type ScanBatch, scanLogLines } from "./scan-log-lines.js";
import { type ByteRange, HEAD_CHARS, peek, textOf } from "./text-stream.js";

/**
 * Bytes a read: text of this size is held in V8's young generation, let go at each collection, where
 * a megabyte of text is held outside it until V8 counts 64 MB of such (measured on 1 GB of logs with
 * two threads: 130 MB at the peak against 275 MB, at the same speed).
 */
const CHUNK_BYTES = 120 * 1024;

/** Batches handed over and not yet read by the main thread, at most: a part is read no faster than it is added up. */
const MAX_UNREAD_BATCHES = 8;

const port = parentPort;
if (!port) throw new Error("log-worker runs as a worker thread");
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let unread = 0;
let cancelled = false;
let wake: (() => void) | undefined;

async function scanPart(part: number, path: string, source: string, range: ByteRange): Promise<void> {
  unread = 0;
  cancelled = false;
  let input: Awaited<ReturnType<typeof peek>>;
  try {
    input = await peek(textOf(path, source, undefined, CHUNK_BYTES, range), HEAD_CHARS);
  } catch {
    // Whatever is wrong with the file is said by the main thread, which reads it again.
    send({ kind: "end", part, ndjson: false, lines: 0 });
    return;
  }
  // The part that starts the file tells whether it is NDJSON logs; the others are read as such.
  if (range.start === 0 && !isNdjsonLogHead(input.head)) {
    await input.close();
    send({ kind: "end", part, ndjson: false, lines: 0 });
    return;
  }
  try {
    const lines = await scanLogLines(input.chunks, source, {
      post(batch: ScanBatch) {
        unread++;
        send({ kind: "batch", part, ...batch }, [batch.records.buffer as ArrayBuffer]);
      },
      async ready() {
        while (unread >= MAX_UNREAD_BATCHES && !cancelled) await new Promise<void>((resolve) => (wake = resolve));
        return !cancelled;
      },
    });
    send({ kind: "end", part, ndjson: true, lines });
  } catch (error) {
    if (error instanceof InputFileError) send({ kind: "problems", part, problems: error.problems });
    else send({ kind: "failed", part, message: (error as Error)?.message ?? String(error) });
  }
}

port.on("message", (message: ToWorker) => {
  if (message.kind === "scan") void scanPart(message.part, message.path, message.source, message.range);
  else {
    if (message.kind === "read") unread--;
    else cancelled = true;
    wake?.();
    wake = undefined;
  }
});
