import type { InputProblem } from "../../errors.js";
import type { ScanBatch } from "./scan-log-part.js";
import type { ByteRange } from "./text-stream.js";

/**
 * What the main thread tells a reading thread: a part of a file to scan (`part` numbers it among all
 * the pool's parts; the part that starts a file also tells whether it holds NDJSON logs), a batch
 * read, or to stop the part.
 */
export type ToWorker =
  | { kind: "scan"; part: number; path: string; source: string; range: ByteRange }
  | { kind: "read" }
  | { kind: "cancel" };

/** What a reading thread tells the main thread about the part it scans. */
export type FromWorker =
  | ({ kind: "batch"; part: number } & ScanBatch)
  /**
   * The part is read (ndjson), its `lines` numbered from 1 in its batches and problems; or the file is
   * not NDJSON logs and is left to the main thread (which also says what is wrong with it).
   */
  | { kind: "end"; part: number; ndjson: boolean; lines: number }
  /** What reading the part in one thread would have thrown as an InputFileError, after the batches before it. */
  | { kind: "problems"; part: number; problems: InputProblem[] }
  | { kind: "failed"; part: number; message: string };
