// A reading thread (dist/log-worker.cjs): it reads the parts of files LogScanPool gives it, one at a
// time, and hands each NDJSON log file's records back in batches (see scanLogPart). Nothing it reads is
// added up here: the main thread adds every record, in file order, as one thread would.
import { parentPort } from "node:worker_threads";
import { InputFileError } from "../../errors.js";
import type { FromWorker, ToWorker } from "./log-scan-messages.js";
import { type ScanBatch, type ScanOutlet, scanLogPart } from "./scan-log-part.js";
import type { ByteRange } from "./text-stream.js";

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

let part = -1;
let unread = 0;
let cancelled = false;
let wake: (() => void) | undefined;

/** Where every part's batches go: one object for the thread, so that its methods are the same call targets for every part. */
const outlet: ScanOutlet = {
  post(batch: ScanBatch) {
    unread++;
    send({ kind: "batch", part, ...batch }, [batch.records.buffer as ArrayBuffer]);
  },
  async ready() {
    while (unread >= MAX_UNREAD_BATCHES && !cancelled) await new Promise<void>((resolve) => (wake = resolve));
    return !cancelled;
  },
};

async function scanPart(path: string, source: string, range: ByteRange): Promise<void> {
  unread = 0;
  cancelled = false;
  try {
    const lines = await scanLogPart(path, source, range, CHUNK_BYTES, outlet);
    // A file that could not be opened again is read by the main thread, which says what is wrong.
    if (typeof lines === "number") send({ kind: "end", part, ndjson: true, lines });
    else send({ kind: "end", part, ndjson: false, lines: 0 });
  } catch (error) {
    if (error instanceof InputFileError) send({ kind: "problems", part, problems: error.problems });
    else send({ kind: "failed", part, message: (error as Error)?.message ?? String(error) });
  }
}

port.on("message", (message: ToWorker) => {
  if (message.kind === "scan") {
    part = message.part;
    void scanPart(message.path, message.source, message.range);
  } else {
    if (message.kind === "read") unread--;
    else cancelled = true;
    wake?.();
    wake = undefined;
  }
});
