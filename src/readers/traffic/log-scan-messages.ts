import type { InputProblem } from "../../errors.js";
import type { ScanBatch } from "./scan-log-lines.js";
import type { ByteRange } from "./text-stream.js";

/**
 * What the main thread tells a reading thread: a part of a file to scan (`file` numbers the part; the
 * part that starts the file also tells whether it holds NDJSON logs), a batch read, or to stop the part.
 */
export type ToWorker =
  | { kind: "scan"; file: number; path: string; source: string; range: ByteRange }
  | { kind: "read" }
  | { kind: "cancel" };

/** What a reading thread tells the main thread about the file it scans. */
export type FromWorker =
  | ({ kind: "batch"; file: number } & ScanBatch)
  /**
   * The part is read (ndjson), its `lines` numbered from 1 in its batches and problems; or the file is
   * not NDJSON logs and is left to the main thread (which also says what is wrong with it).
   */
  | { kind: "end"; file: number; ndjson: boolean; lines: number }
  /** What reading the file in one thread would have thrown as an InputFileError, after the batches before it. */
  | { kind: "problems"; file: number; problems: InputProblem[] }
  | { kind: "failed"; file: number; message: string };
