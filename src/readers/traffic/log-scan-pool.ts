import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import { InputFileError } from "../../errors.js";
import type { FromWorker, ToWorker } from "./log-scan-messages.js";
import type { LogLineReader } from "./read-invocation-logs.js";
import { RECORD_SLOTS } from "./scan-log-lines.js";
import { isPlainFile, STDIN } from "./text-stream.js";

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
 * the rest of the run.
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

/** A file as the pool reads it. */
interface PooledFile {
  index: number;
  path: string;
  source: string;
  messages: FromWorker[];
  wake?: (() => void) | undefined;
  thread?: Thread | undefined;
  /** The main thread has stopped reading it: what comes of it is let go. */
  dropped: boolean;
}

interface Thread {
  worker: Worker;
  file?: PooledFile | undefined;
  /** false once it has failed: it is given no more files. */
  alive: boolean;
}

/**
 * Reading threads for the invocation logs of several files: each thread reads a file and hands its
 * records over in batches (see log-worker and scanLogLines), a few files ahead of the main thread,
 * which adds every record in file order, as reading them in one thread would: the result, the problems
 * and the lines they name are the same. A file that is not NDJSON logs is left to the main thread.
 */
export class LogScanPool {
  private readonly files = new Map<string, PooledFile>();
  private readonly order: PooledFile[] = [];
  private readonly threads: Thread[] = [];
  private next = 0;
  private done = 0;

  /**
   * A pool for the plain files of `paths` (in the order they are read), or undefined where one thread
   * is better: a run asked for one thread, fewer than two plain files (unless threads were asked
   * for), less than MIN_BYTES of them, one processor, or no reading threads' code (the sources run
   * under tests). Gzip files are left to the main thread: inflating in several threads held 90 MB
   * more memory for each (the memory allocator of each thread keeps what zlib let go; measured on
   * 1 GB of gzipped logs), for no speed the targets need.
   */
  static start(
    paths: readonly { path: string; source: string }[],
    threads: number | undefined,
    workerFile = WORKER_FILE,
  ): LogScanPool | undefined {
    try {
      return LogScanPool.create(paths, threads, workerFile);
    } catch {
      // No thread could be started (too many threads in the process, no memory): one thread reads.
      return undefined;
    }
  }

  private static create(
    paths: readonly { path: string; source: string }[],
    threads: number | undefined,
    workerFile: string,
  ): LogScanPool | undefined {
    if (threads === 1 || !existsSync(workerFile)) return undefined;
    if (threads === undefined && availableParallelism() < 2) return undefined;
    const sized = paths.map((file) => ({ ...file, size: file.path === STDIN ? undefined : sizeOf(file.path) }));
    // Looked at by size first: a folder of small files is not opened once more to see which are gzip.
    const enough = (files: typeof sized) => threads !== undefined || files.reduce((sum, file) => sum + (file.size ?? 0), 0) >= MIN_BYTES;
    if (!enough(sized)) return undefined;
    const regular = sized.filter((file) => file.size !== undefined && isPlainFile(file.path));
    if (regular.length < (threads === undefined ? 2 : 1) || !enough(regular)) return undefined;
    const count = Math.min(threads ?? Math.min(availableParallelism(), DEFAULT_MAX_THREADS), regular.length);
    if (count < 2 && threads === undefined) return undefined;
    return new LogScanPool(regular, count, workerFile);
  }

  private constructor(paths: readonly { path: string; source: string }[], count: number, workerFile: string) {
    for (const { path, source } of paths) {
      const file: PooledFile = { index: this.order.length, path, source, messages: [], dropped: false };
      this.order.push(file);
      this.files.set(path, file);
    }
    scavengeInOneThread();
    try {
      for (let i = 0; i < count; i++) {
        const worker = new Worker(workerFile, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
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
   * Reads `path` through `reader` if a thread has read it as NDJSON logs: true, after reader.finish();
   * false when the main thread must read it (not in the pool, or not NDJSON logs). What reading the
   * file in one thread would throw is thrown, at the same point.
   */
  async read(path: string, reader: LogLineReader): Promise<boolean> {
    const file = this.files.get(path);
    if (!file) return false;
    // Every thread has failed before reaching this file: the main thread reads it.
    if (!file.thread && !this.threads.some((thread) => thread.alive)) {
      this.done++;
      file.dropped = true;
      return false;
    }
    const ids: string[] = [];
    const counts = [0, 0, 0, 0];
    let added = false;
    try {
      for (;;) {
        const message = await this.nextOf(file);
        if (message.kind === "end") {
          if (!message.ndjson) return false;
          break;
        }
        if (message.kind === "problems") throw new InputFileError(message.problems);
        if (message.kind === "failed") {
          // A thread that failed before anything of the file was added leaves it to the main thread.
          if (!added) return false;
          throw new Error(`reading ${file.source} in a reading thread: ${message.message}`);
        }
        added = true;
        for (const id of message.ids) ids.push(id);
        const { records, texts } = message;
        let text = 0;
        let more = true;
        for (let at = 0; more && at < records.length; at += RECORD_SLOTS) {
          const line = records[at] as number;
          const id = records[at + 1] as number;
          if (id < 0) more = reader.line(texts[text++] as string, line);
          else {
            for (let k = 0; k < 4; k++) counts[k] = records[at + 3 + k] as number;
            more = reader.scanned(ids[id] as string, records[at + 2] as number, counts, line);
          }
        }
        if (!more) {
          this.drop(file);
          break;
        }
        this.tell(file, { kind: "read" });
      }
    } finally {
      file.dropped = true;
      this.done++;
      for (const thread of this.threads) if (!thread.file) this.give(thread);
    }
    reader.finish();
    return true;
  }

  /** Stops every thread. */
  close(): void {
    for (const thread of this.threads) {
      thread.worker.removeAllListeners("exit");
      void thread.worker.terminate();
    }
  }

  /** Gives a thread the next file, unless it would run too far ahead of the main thread. */
  private give(thread: Thread): void {
    thread.file = undefined;
    if (!thread.alive || this.next >= this.order.length || this.next - this.done > this.threads.length) return;
    const file = this.order[this.next++] as PooledFile;
    thread.file = file;
    file.thread = thread;
    const message: ToWorker = { kind: "scan", file: file.index, path: file.path, source: file.source };
    thread.worker.postMessage(message);
  }

  private receive(thread: Thread, message: FromWorker): void {
    const file = this.order[message.file] as PooledFile;
    const last = message.kind !== "batch";
    if (last) this.give(thread);
    if (file.dropped) return;
    file.messages.push(message);
    file.wake?.();
    file.wake = undefined;
  }

  private fail(thread: Thread, reason: string): void {
    const file = thread.file;
    thread.file = undefined;
    thread.alive = false;
    if (!file || file.dropped) return;
    file.messages.push({ kind: "failed", file: file.index, message: reason });
    file.wake?.();
    file.wake = undefined;
  }

  private async nextOf(file: PooledFile): Promise<FromWorker> {
    while (file.messages.length === 0) await new Promise<void>((resolve) => (file.wake = resolve));
    return file.messages.shift() as FromWorker;
  }

  private drop(file: PooledFile): void {
    file.dropped = true;
    this.tell(file, { kind: "cancel" });
  }

  private tell(file: PooledFile, message: ToWorker): void {
    if (file.thread?.file === file) file.thread.worker.postMessage(message);
  }
}
