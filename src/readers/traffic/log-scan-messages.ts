import type { InputProblem } from "../../errors.js";
import type { ScanBatch } from "./scan-log-lines.js";

/** What the main thread tells a reading thread: a file to scan, a batch read, or to stop the file. */
export type ToWorker = { kind: "scan"; file: number; path: string; source: string } | { kind: "read" } | { kind: "cancel" };

/** What a reading thread tells the main thread about the file it scans. */
export type FromWorker =
  | ({ kind: "batch"; file: number } & ScanBatch)
  /** The file is read (ndjson), or is not NDJSON logs and is left to the main thread (which also says what is wrong with it). */
  | { kind: "end"; file: number; ndjson: boolean }
  /** What reading the file in one thread would have thrown as an InputFileError, after the batches before it. */
  | { kind: "problems"; file: number; problems: InputProblem[] }
  | { kind: "failed"; file: number; message: string };
