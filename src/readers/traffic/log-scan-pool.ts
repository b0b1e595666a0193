import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import { InputFileError, type InputProblem } from "../../errors.js";
import type { FromWorker, ToWorker } from "./log-scan-messages.js";
import { isNdjsonLogHead, type LogLineReader } from "./read-invocation-logs.js";
import { RECORD_SLOTS } from "./scan-log-part.js";
import { type ByteRange, eachLine, HEAD_CHARS, isPlainFile, peek, STDIN, textOf } from "./text-stream.js";

/** The reading threads' code, built beside the CLI's bundle (dist/log-worker.cjs). */
const WORKER_FILE = fileURLToPath(new URL("./log-worker.cjs", import.meta.url));

/**
 * Below this many bytes of plain files, one thread reads them: each reading thread starts and warms
 * up its own copy of the code, which costs more than it saves on less (measured on two cores: two
 * files of 100 MB took 0.51 s in threads against 0.46 s in one, four 0.63 s against 0.68 s, ten
 * 1.0 to 1.2 s against 1.3 to 1.5 s, two of 500 MB 1.08 s against 1.3 s).
 */
const MIN_BYTES = 400 * 1024 * 1024;

/**
 * Threads started when none are asked for, at most: one a processor otherwise. Each holds its own
 * heap; only two cores were there to measure on, where two threads gain what two can.
 */
const DEFAULT_MAX_THREADS = 4;

/**
 * Each thread's young generation, in MB, where V8 would let it grow to 48: reading is as fast at 16
 * (measured on 1 GB of logs with two threads, 12 to 48 MB), and the heaps stay small.
 */
const YOUNG_GENERATION_MB = 16;

/**
 * V8 collects each thread's young generation with helper threads of its own; with the reading threads
 * and the main thread already on every core, the helpers wait for a core and each collection's pause
 * stretches (measured on 1 GB of logs with two threads on two cores: 330 collections paused the threads
 * for 340 ms in all, 170 ms collected in the collecting thread alone). Set once threads start, for
 * the rest of the run; V8 then rejects a code cache for what loads later (the vendor bundle, if a run
 * with threads comes to need it), which is compiled as usual: a few milliseconds in a run of a second.
 */
function scavengeInOneThread(): void {
  setFlagsFromString("--no-parallel-scavenge");
}

/** The size of a regular file, or undefined for anything else. */
function sizeOf(path: string): number | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A part of a file as the pool reads it: a file is read in parts of about PART_BYTES, so that every
 * thread has work until the last part, and one large file is read by several threads.
 */
interface PooledPart {
  index: number;
  path: string;
  source: string;
  range: ByteRange;
  messages: FromWorker[];
  wake?: (() => void) | undefined;
  thread?: Thread | undefined;
  /** The main thread has stopped reading it: what comes of it is let go. */
  dropped: boolean;
}

interface Thread {
  worker: Worker;
  part?: PooledPart | undefined;
  /** false once it has failed: it is given no more parts. */
  alive: boolean;
}

/**
 * The size of the parts a file is read in, about: one large file is read by every thread (measured on
 * two cores, 1 GB in one file: 1.02 s in one thread, 0.85 s in parts of 32 MB), and threads end their
 * last parts close together; ten files of 100 MB take the same time whole or in parts (0.84 s).
 */
const PART_BYTES = 32 * 1024 * 1024;

/** Parts a thread may be given ahead of those the main thread has read: each waits as a few batches at most. */
const PARTS_AHEAD = 4;

/** What fromThread made of a part: its lines (undefined: the main thread reads it), and the last line added of it. */
interface PartRead {
  lines: number | "not-logs" | "stopped" | undefined;
  added: number;
}

/**
 * Adds a batch's records through `reader`, their lines numbered after `base`; `ids`: the part's model
 * ids so far, `counts` a list to pass each record's four counts in. Returns the last line added of
 * the part, and whether the reader stopped there. The loop is a function of its own: in the async
 * function that waits for the batches, it was compiled anew for most parts (seven times on 1 GB).
 */
function addBatch(
  batch: { records: Float64Array; texts: readonly string[] },
  ids: readonly string[],
  counts: number[],
  reader: LogLineReader,
  base: number,
): { added: number; stopped: boolean } {
  const { records, texts } = batch;
  let text = 0;
  let added = 0;
  for (let at = 0; at < records.length; at += RECORD_SLOTS) {
    added = records[at] as number;
    const line = added + base;
    const id = records[at + 1] as number;
    let more: boolean;
    if (id < 0) more = reader.line(texts[text++] as string, line);
    else {
      for (let k = 0; k < 4; k++) counts[k] = records[at + 3 + k] as number;
      more = reader.scanned(ids[id] as string, records[at + 2] as number, counts, line);
    }
    if (!more) return { added, stopped: true };
  }
  return { added, stopped: false };
}

/** A part's problems as the file's: their lines numbered after the `base` lines of the parts before. */
function afterLines(problems: readonly InputProblem[], base: number): InputFileError {
  return new InputFileError(problems.map((problem) => (problem.line === undefined ? problem : { ...problem, line: problem.line + base })));
}

/** A file of `size` bytes in parts of about `partBytes`; the last reads to the end of the file. */
function partsOf(size: number, partBytes: number): ByteRange[] {
  const count = Math.max(1, Math.ceil(size / partBytes));
  return Array.from({ length: count }, (_, i) => ({
    start: Math.floor((i * size) / count),
    end: i === count - 1 ? Number.MAX_SAFE_INTEGER : Math.floor(((i + 1) * size) / count),
  }));
}

/** The files a pool reads, in parts, and the threads it starts: see LogScanPool.start. */
interface ThreadPlan {
  files: { path: string; source: string; parts: ByteRange[] }[];
  count: number;
}

/** How `paths` are read: by `count` threads, or undefined where one thread is better (see LogScanPool.start). */
function planThreads(
  paths: readonly { path: string; source: string }[],
  threads: number | undefined,
  workerFile: string,
  partBytes: number,
): ThreadPlan | undefined {
  if (threads === 1 || !existsSync(workerFile)) return undefined;
  if (threads === undefined && availableParallelism() < 2) return undefined;
  const sized = paths.map((file) => ({ ...file, size: file.path === STDIN ? undefined : sizeOf(file.path) }));
  // Looked at by size first: a folder of small files is not opened once more to see which are gzip.
  const enough = (files: typeof sized) => threads !== undefined || files.reduce((sum, file) => sum + (file.size ?? 0), 0) >= MIN_BYTES;
  if (!enough(sized)) return undefined;
  const regular = sized.filter((file) => file.size !== undefined && isPlainFile(file.path));
  if (regular.length === 0 || !enough(regular)) return undefined;
  const files = regular.map((file) => ({ path: file.path, source: file.source, parts: partsOf(file.size as number, partBytes) }));
  const parts = files.reduce((sum, file) => sum + file.parts.length, 0);
  const count = Math.min(threads ?? Math.min(availableParallelism(), DEFAULT_MAX_THREADS), parts);
  if (count < 2 && threads === undefined) return undefined;
  return { files, count };
}

function startThread(workerFile: string): Worker {
  return new Worker(workerFile, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
}

/** A reading thread started before its pool; `failed` once it has failed or stopped. */
interface WarmThread {
  worker: Worker;
  workerFile: string;
  failed: boolean;
  /** Marks it failed: heard until a pool takes it. */
  onFailure: () => void;
}

/** Threads warmThreads started and no pool has taken yet. */
let warm: WarmThread[] = [];

/**
 * Starts the reading threads a pool will want for `paths` (a command's file arguments; folders and
 * standard input count for nothing), before the command reads its rates and looks for its files:
 * a thread takes 30 to 35 ms to start, which the main thread's own start then covers. The next pool
 * takes them; they keep no run alive, and dropWarmThreads stops those no pool took (the files were
 * gzip, or fewer than they looked). Returns how many it started.
 */
export function warmThreads(paths: readonly string[], threads: number | undefined, workerFile = WORKER_FILE): number {
  dropWarmThreads();
  try {
    const plan = planThreads(
      paths.map((path) => ({ path, source: path })),
      threads,
      workerFile,
      PART_BYTES,
    );
    if (!plan) return 0;
    scavengeInOneThread();
    for (let i = 0; i < plan.count; i++) {
      const thread: WarmThread = {
        worker: startThread(workerFile),
        workerFile,
        failed: false,
        onFailure: () => {
          thread.failed = true;
        },
      };
      thread.worker.on("error", thread.onFailure);
      thread.worker.on("exit", thread.onFailure);
      thread.worker.unref();
      warm.push(thread);
    }
  } catch {
    // No more threads could be started: the pool tries again, or one thread reads.
  }
  return warm.length;
}

/** A thread warmThreads started for `workerFile` and still running, for a pool to keep; undefined when none is left. */
function takeWarmThread(workerFile: string): Worker | undefined {
  for (;;) {
    const thread = warm.find((one) => one.workerFile === workerFile);
    if (!thread) return undefined;
    warm = warm.filter((one) => one !== thread);
    if (thread.failed) {
      void thread.worker.terminate();
      continue;
    }
    // The pool listens from here on, in this same turn: nothing it would hear is missed.
    thread.worker.off("error", thread.onFailure);
    thread.worker.off("exit", thread.onFailure);
    thread.worker.ref();
    return thread.worker;
  }
}

/** Stops the threads warmThreads started that no pool took; returns how many. */
export function dropWarmThreads(): number {
  // Still heard: a thread that fails as it stops is no uncaught error.
  for (const thread of warm) void thread.worker.terminate();
  const dropped = warm.length;
  warm = [];
  return dropped;
}

/**
 * Reading threads for the invocation logs of several files: each thread reads a part of a file and
 * hands its records over in batches (see log-worker and scanLogPart), a few parts ahead of the main
 * thread, which adds every record in file order, as reading them in one thread would: the result, the
 * problems and the lines they name are the same. A file that is not NDJSON logs is left to the main
 * thread.
 */
export class LogScanPool {
  private readonly files = new Map<string, PooledPart[]>();
  private readonly order: PooledPart[] = [];
  private readonly threads: Thread[] = [];
  private next = 0;
  /** Parts given to threads and not yet read or dropped by the main thread. */
  private ahead = 0;

  /**
   * A pool for the plain files of `paths` (in the order they are read), or undefined where one thread
   * is better: a run asked for one thread, less than MIN_BYTES of plain files (unless threads were
   * asked for), one processor, or no reading threads' code (the sources run under tests). Gzip files
   * are left to the main thread: inflating in several threads held 90 MB more memory for each (the
   * memory allocator of each thread keeps what zlib let go; measured on 1 GB of gzipped logs), for no
   * speed the targets need. `partBytes`: the size of the parts files are read in (tests make it small).
   */
  static start(
    paths: readonly { path: string; source: string }[],
    threads: number | undefined,
    workerFile = WORKER_FILE,
    partBytes = PART_BYTES,
  ): LogScanPool | undefined {
    try {
      return LogScanPool.create(paths, threads, workerFile, partBytes);
    } catch {
      // No thread could be started (too many threads in the process, no memory): one thread reads.
      return undefined;
    } finally {
      // Those started early that this pool did not take (see warmThreads).
      dropWarmThreads();
    }
  }

  private static create(
    paths: readonly { path: string; source: string }[],
    threads: number | undefined,
    workerFile: string,
    partBytes: number,
  ): LogScanPool | undefined {
    const plan = planThreads(paths, threads, workerFile, partBytes);
    return plan && new LogScanPool(plan.files, plan.count, workerFile);
  }

  private constructor(files: readonly { path: string; source: string; parts: ByteRange[] }[], count: number, workerFile: string) {
    for (const { path, source, parts } of files) {
      const pooled: PooledPart[] = [];
      for (const range of parts) {
        const part: PooledPart = { index: this.order.length, path, source, range, messages: [], dropped: false };
        this.order.push(part);
        pooled.push(part);
      }
      this.files.set(path, pooled);
    }
    scavengeInOneThread();
    try {
      for (let i = 0; i < count; i++) {
        const worker = takeWarmThread(workerFile) ?? startThread(workerFile);
        const thread: Thread = { worker, alive: true };
        worker.on("message", (message: FromWorker) => this.receive(thread, message));
        worker.on("error", (error) => this.fail(thread, error.message));
        worker.on("exit", (code) => this.fail(thread, `a reading thread stopped (exit code ${code})`));
        this.threads.push(thread);
        this.give(thread);
      }
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /**
   * Reads `path` through `reader`, the parts threads have read from their batches and the others in
   * this thread: true, after reader.finish(); false when the main thread must read it as any other
   * file (not in the pool, or not NDJSON logs). What reading the file in one thread would throw is
   * thrown, at the same point.
   */
  async read(path: string, reader: LogLineReader): Promise<boolean> {
    const parts = this.files.get(path);
    if (!parts) return false;
    // Lines before the part being read: each part numbers its own from 1.
    let base = 0;
    try {
      for (const part of parts) {
        let read: PartRead = { lines: undefined, added: 0 };
        if (part.thread) read = await this.fromThread(part, reader, base);
        // No thread was given it (every thread has failed, or was still busy with a part let go), or its
        // thread failed: it is read here, after what was added of it.
        const lines = read.lines ?? (await this.readHere(part, reader, base, read.added));
        if (lines === "not-logs") return false;
        if (lines === "stopped") return this.stop(parts, reader);
        base += lines;
        this.release(part);
        this.giveIdle();
      }
    } finally {
      this.drop(parts);
    }
    reader.finish();
    return true;
  }

  /**
   * Adds up a part from its thread's batches, its lines numbered after `base`: its number of lines,
   * "not-logs" or "stopped" (see readHere), or, when its thread failed, no lines and the last line
   * added of it.
   */
  private async fromThread(part: PooledPart, reader: LogLineReader, base: number): Promise<PartRead> {
    const ids: string[] = [];
    const counts = [0, 0, 0, 0];
    let added = 0;
    for (;;) {
      const message = await this.nextOf(part);
      if (message.kind === "end") {
        if (message.ndjson) return { lines: message.lines, added };
        // The part that starts a file that is not NDJSON logs; or one that could not be opened again,
        // which the main thread reads, saying what is wrong.
        return { lines: part.range.start === 0 ? "not-logs" : undefined, added };
      }
      if (message.kind === "problems") {
        throw afterLines(message.problems, base);
      }
      if (message.kind === "failed") return { lines: undefined, added };
      for (const id of message.ids) ids.push(id);
      const batch = addBatch(message, ids, counts, reader, base);
      added = batch.added;
      if (batch.stopped) return { lines: "stopped", added };
      this.tell(part, { kind: "read" });
    }
  }

  /**
   * Reads a part in the main thread, its lines numbered after `base`, those up to `after` (added from
   * its thread's batches before it failed) passed over: the number of its lines; "not-logs" for the
   * part that starts a file that is not NDJSON logs; "stopped" when the reader has stopped.
   */
  private async readHere(part: PooledPart, reader: LogLineReader, base: number, after: number): Promise<number | "not-logs" | "stopped"> {
    // Not to be given to a thread: parts are given in order, and this is the next or one given already.
    this.next = Math.max(this.next, part.index + 1);
    const input = await peek(textOf(part.path, part.source, undefined, undefined, part.range), HEAD_CHARS);
    if (part.range.start === 0 && after === 0 && !isNdjsonLogHead(input.head)) {
      await input.close();
      return "not-logs";
    }
    let stopped = false;
    try {
      const lines = await eachLine(input.chunks, part.source, (line, lineNumber) => {
        if (lineNumber <= after) return true;
        stopped = !reader.line(line, lineNumber + base);
        return !stopped;
      });
      return stopped ? "stopped" : lines;
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      throw afterLines(error.problems, base);
    }
  }

  /** Stops every thread. */
  close(): void {
    for (const thread of this.threads) {
      thread.worker.removeAllListeners("exit");
      void thread.worker.terminate();
    }
  }

  /** Gives a thread the next part, unless it would run too far ahead of the main thread. */
  private give(thread: Thread): void {
    thread.part = undefined;
    if (!thread.alive || this.ahead >= this.threads.length * PARTS_AHEAD) return;
    // Parts of a file the main thread has stopped reading (or reads itself) are not read.
    while (this.next < this.order.length && (this.order[this.next] as PooledPart).dropped) this.next++;
    if (this.next >= this.order.length) return;
    const part = this.order[this.next++] as PooledPart;
    this.ahead++;
    thread.part = part;
    part.thread = thread;
    const message: ToWorker = { kind: "scan", part: part.index, path: part.path, source: part.source, range: part.range };
    thread.worker.postMessage(message);
  }

  private giveIdle(): void {
    for (const thread of this.threads) if (!thread.part) this.give(thread);
  }

  private receive(thread: Thread, message: FromWorker): void {
    const part = this.order[message.part] as PooledPart;
    const last = message.kind !== "batch";
    if (last) this.give(thread);
    if (part.dropped) return;
    part.messages.push(message);
    part.wake?.();
    part.wake = undefined;
  }

  private fail(thread: Thread, reason: string): void {
    const part = thread.part;
    thread.part = undefined;
    thread.alive = false;
    if (!part || part.dropped) return;
    part.messages.push({ kind: "failed", part: part.index, message: reason });
    part.wake?.();
    part.wake = undefined;
  }

  private async nextOf(part: PooledPart): Promise<FromWorker> {
    while (part.messages.length === 0) await new Promise<void>((resolve) => (part.wake = resolve));
    return part.messages.shift() as FromWorker;
  }

  /** The reader stopped (a missing price, too many problems): the rest of the file is not read. */
  private stop(parts: readonly PooledPart[], reader: LogLineReader): boolean {
    this.drop(parts);
    reader.finish();
    return true;
  }

  /** Lets go of a file's parts: those read, and those not wanted any more (their threads stop them). */
  private drop(parts: readonly PooledPart[]): void {
    for (const part of parts) {
      if (part.dropped) continue;
      this.release(part);
      this.tell(part, { kind: "cancel" });
    }
    this.giveIdle();
  }

  /** A part read, or not wanted: what comes of it is let go, and a thread may be given another. */
  private release(part: PooledPart): void {
    part.dropped = true;
    if (part.thread) this.ahead--;
  }

  private tell(part: PooledPart, message: ToWorker): void {
    if (part.thread?.part === part) part.thread.worker.postMessage(message);
  }
}
