import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { dropWarmThreads, LogScanPool, warmThreads } from "../../../src/readers/traffic/log-scan-pool.js";
import { emptySpan, LogLineReader, LogMinutes, type LogSink, readLogLines } from "../../../src/readers/traffic/read-invocation-logs.js";
import { logSeries } from "../../../src/readers/traffic/read-traffic.js";
import { BATCH_RECORDS } from "../../../src/readers/traffic/scan-log-part.js";
import { textOf } from "../../../src/readers/traffic/text-stream.js";
import { tempDir } from "../../helpers/temp-dir.js";

// The reading threads' code as npm run build writes it (npm test builds first).
const WORKER = fileURLToPath(new URL("../../../dist/log-worker.cjs", import.meta.url));
const SONNET = "anthropic.claude-3-5-sonnet-20241022-v2:0";
const HAIKU = "us.anthropic.claude-3-haiku-20240307-v1:0";
const OTHER = "meta.llama3-70b-instruct-v1:0";
const scratch = tempDir("pool");

/** An invocation-log record as Bedrock writes it, with its bodies. */
function record(modelId: string, time: string, input: number, output: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    schemaType: "ModelInvocationLog",
    schemaVersion: "1.0",
    timestamp: time,
    accountId: "123456789012",
    region: "us-east-1",
    requestId: `r-${time}-${input}`,
    operation: "Converse",
    modelId,
    input: {
      inputContentType: "application/json",
      inputBodyJson: { messages: [{ role: "user", content: [{ text: "hi ".repeat(40) }] }] },
      inputTokenCount: input,
      ...extra,
    },
    output: { outputContentType: "application/json", outputBodyJson: { output: { text: "ok" } }, outputTokenCount: output },
  });
}

/** `count` records of three models over a day, one a minute or so, as an NDJSON file's lines. */
function lines(count: number, seed: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const model = [SONNET, HAIKU, OTHER][(i * 7 + seed) % 3] as string;
    const time = new Date(Date.UTC(2026, 10, 2) + ((i * 61_000 + seed * 13_000) % 86_400_000)).toISOString();
    out.push(record(model, time, 100 + ((i * 37 + seed) % 900), 10 + (i % 50), i % 11 === 0 ? { cacheReadInputTokenCount: 40 } : {}));
  }
  return out;
}

interface Result {
  series: unknown;
  span: unknown;
  others: [string, number][];
  records: number[];
  error?: string;
}

/** Reads `files` with `read` into a fresh sink of two models (Sonnet, Haiku): what it adds up, or the error it throws. */
async function readWith(
  files: string[],
  read: (path: string, reader: LogLineReader, sink: LogSink) => Promise<void>,
  needs = () => null as string | null,
): Promise<Result> {
  const models = new Map([SONNET, HAIKU].map((id) => [id, new LogMinutes()]));
  const sink: LogSink = { minutesOf: (id) => models.get(id), otherModels: new Map(), span: emptySpan() };
  let error: string | undefined;
  try {
    for (const path of files) await read(path, new LogLineReader(path, "ndjson", { needs }, sink), sink);
  } catch (thrown) {
    const problems = (thrown as { problems?: unknown }).problems;
    error = `${(thrown as Error).constructor.name}: ${JSON.stringify(problems ?? (thrown as Error).message)}`;
  }
  return {
    series: [...models.values()].map((minutes) => logSeries(minutes)),
    span: sink.span,
    others: [...sink.otherModels.entries()],
    records: [...models.values()].map((minutes) => minutes.records),
    ...(error === undefined ? {} : { error }),
  };
}

const oneThread = (files: string[], needs?: () => string | null) =>
  readWith(
    files,
    async (path, _reader, sink) => readLogLines(textOf(path, path), path, "ndjson", { needs: needs ?? (() => null) }, sink),
    needs,
  );

let pool: LogScanPool | undefined;
afterEach(() => pool?.close());

async function threads(files: string[], count: number, needs?: () => string | null, partBytes?: number): Promise<Result> {
  pool?.close();
  pool = LogScanPool.start(
    files.map((path) => ({ path, source: path })),
    count,
    WORKER,
    partBytes,
  );
  expect(pool).toBeDefined();
  return readWith(
    files,
    async (path, reader, sink) => {
      // A file the threads leave to the main thread is read as one thread reads it.
      if (!(await (pool as LogScanPool).read(path, reader)))
        await readLogLines(textOf(path, path), path, "ndjson", { needs: needs ?? (() => null) }, sink);
    },
    needs,
  );
}

describe("reading logs in threads", () => {
  it("adds up several files as one thread does: every model's minutes, the span, the other models", async () => {
    const files = [1, 2, 3, 4].map((n) => scratch.file(`part-${n}.ndjson`, `${lines(BATCH_RECORDS + 500 * n, n).join("\n")}\n`));
    const expected = await oneThread(files);
    expect(expected.error).toBeUndefined();
    expect(expected.records[0]).toBeGreaterThan(0);
    expect(await threads(files, 2)).toEqual(expected);
    expect(await threads(files, 3)).toEqual(expected);
    // In parts of a few lines: parts that start and end inside lines, each file read by several threads.
    for (const partBytes of [60_000, 1_000_000]) expect(await threads(files, 2, undefined, partBytes)).toEqual(expected);
  });

  it("reads one large file in parts, several threads at once, as one thread reads it", async () => {
    const file = scratch.file("one.ndjson", `${lines(3 * BATCH_RECORDS, 4).join("\n")}\n`);
    const expected = await oneThread([file]);
    expect(expected.error).toBeUndefined();
    for (const partBytes of [50_000, 999_999]) expect(await threads([file], 2, undefined, partBytes)).toEqual(expected);
  });

  it("reads a line longer than several parts once, in the part it starts in", async () => {
    const long = record(SONNET, "2026-11-02T10:00:00Z", 500, 50, { note: "x".repeat(50_000) });
    const file = scratch.file("long.ndjson", `${[...lines(40, 2), long, ...lines(40, 3), long].join("\n")}\n`);
    const expected = await oneThread([file]);
    expect(expected.error).toBeUndefined();
    for (const partBytes of [4096, 9999, 30_000]) expect(await threads([file], 2, undefined, partBytes)).toEqual(expected);
  });

  it("drops a byte-order mark at the start of a file only, not at the start of a part", async () => {
    const text = [`\uFEFF${record(SONNET, "2026-11-02T00:00:00Z", 5, 5)}`, ...lines(3, 5), `\uFEFF{"modelId": 5}`, ...lines(3, 6)];
    const file = scratch.file("marks.ndjson", `${text.join("\n")}\n`);
    const expected = await oneThread([file]);
    expect(expected.error).toMatch(/"line":5,/);
    for (let partBytes = 300; partBytes < 3000; partBytes += 101) expect(await threads([file], 2, undefined, partBytes)).toEqual(expected);
  });

  it("reads lines the scanner leaves (escapes, CRLF, blank lines, a last line without a break) as one thread does", async () => {
    const odd = [
      ...lines(50, 7),
      "",
      "   ",
      record(SONNET, "2026-11-02T10:00:00+02:00", 500, 50),
      record("anthropic.claude-3-5-sonnet-20241022-v2\\u003a0", "2026-11-02T10:01:00Z", 600, 60),
      `${record(HAIKU, "2026-11-02T10:02:00.250Z", 700, 70)}\r`,
      record(SONNET, "2026-11-02T10:03:00Z", 800, 80),
    ];
    const files = [scratch.file("odd-1.ndjson", odd.join("\n")), scratch.file("odd-2.ndjson", `${lines(100, 8).join("\r\n")}\r\n`)];
    const expected = await oneThread(files);
    expect(expected.error).toBeUndefined();
    expect(await threads(files, 2)).toEqual(expected);
    // Parts that start between a CR and its LF, at blank lines, in the line without a break.
    for (let partBytes = 97; partBytes < 3000; partBytes += 211) expect(await threads(files, 2, undefined, partBytes)).toEqual(expected);
  });

  it("stops at the same problems: bad records (at most 20), a NUL byte, a price a field needs", async () => {
    const good = lines(3000, 3);
    const bad = [...good.slice(0, 1000), "not json", record(SONNET, "yesterday", 5, 5), ...good.slice(1000)];
    const many = [...good.slice(0, 200), ...Array.from({ length: 30 }, (_, i) => `{"modelId": ${i}}`), ...good.slice(200)];
    const nul = `${good.slice(0, 2000).join("\n")}\n${"\u0000"}\n${good.slice(2000).join("\n")}\n`;
    for (const files of [
      [scratch.file("good.ndjson", good.join("\n")), scratch.file("bad.ndjson", bad.join("\n"))],
      [scratch.file("many.ndjson", many.join("\n")), scratch.file("good-2.ndjson", good.join("\n"))],
      [scratch.file("good-3.ndjson", good.join("\n")), scratch.file("nul.ndjson", nul)],
    ]) {
      const expected = await oneThread(files);
      expect(expected.error).toMatch(/InputFileError/);
      expect(await threads(files, 2)).toEqual(expected);
      // The lines problems name are the file's, whichever part they are in.
      expect(await threads(files, 2, undefined, 20_000)).toEqual(expected);
    }
    // A price the cache reads need is missing: the read stops at the first record that has them.
    const files = [scratch.file("cache-1.ndjson", good.join("\n")), scratch.file("cache-2.ndjson", good.join("\n"))];
    const needs = () => "no cache read price";
    const expected = await oneThread(files, needs);
    expect(expected.error).toMatch(/StopReading.*"line":1,/);
    expect(await threads(files, 2, needs)).toEqual(expected);
    expect(await threads(files, 2, needs, 20_000)).toEqual(expected);
  });

  it("reads in the main thread what failed threads leave of a part, after the lines added of it", async () => {
    const files = [1, 2, 3].map((n) => scratch.file(`fail-${n}.ndjson`, lines(BATCH_RECORDS + 300 * n, n).join("\n")));
    const expected = await oneThread(files);
    // Threads that fail after handing over the first batch of each part they read.
    const failing = scratch.file(
      "failing-worker.cjs",
      `const { parentPort } = require("node:worker_threads");
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (message, transfer) => {
  post(message, transfer);
  if (message.kind === "batch") setImmediate(() => { throw new Error("lost"); });
};
require(${JSON.stringify(WORKER)});
`,
    );
    // Threads that never start: every part they were given is read in the main thread.
    const broken = scratch.file("broken-worker.cjs", 'throw new Error("cannot start");\n');
    for (const [worker, partBytes] of [
      [failing, undefined],
      [failing, 400_000],
      [broken, 2000],
    ] as const) {
      pool?.close();
      pool = LogScanPool.start(
        files.map((path) => ({ path, source: path })),
        2,
        worker,
        partBytes,
      );
      expect(
        await readWith(files, async (path, reader) => {
          expect(await (pool as LogScanPool).read(path, reader)).toBe(true);
        }),
      ).toEqual(expected);
    }
  });

  it("keeps the threads started before it (warmThreads), and stops those it does not take", async () => {
    const files = [1, 2].map((n) => scratch.file(`warm-${n}.ndjson`, `${lines(BATCH_RECORDS + 200 * n, n).join("\n")}\n`));
    const expected = await oneThread(files);
    const read = () =>
      readWith(files, async (path, reader) => {
        expect(await (pool as LogScanPool).read(path, reader)).toBe(true);
      });
    const start = (count: number, worker: string) => {
      pool?.close();
      pool = LogScanPool.start(
        files.map((path) => ({ path, source: path })),
        count,
        worker,
      );
    };
    // Reading threads that note each start in a file.
    const starts = scratch.file("starts.txt", "");
    const counting = scratch.file(
      "counting-worker.cjs",
      `require("node:fs").appendFileSync(${JSON.stringify(starts)}, "start\\n");\nrequire(${JSON.stringify(WORKER)});\n`,
    );
    expect(warmThreads(files, 2, counting)).toBe(2);
    // Both have started before the pool does: a pool that started its own would make four.
    while (readFileSync(starts, "utf8") !== "start\nstart\n") await new Promise((resolve) => setTimeout(resolve, 10));
    start(2, counting);
    expect(dropWarmThreads()).toBe(0);
    expect(await read()).toEqual(expected);
    expect(readFileSync(starts, "utf8")).toBe("start\nstart\n");
    // A pool that starts none (one thread asked for) stops them; so does the next warmThreads.
    expect(warmThreads(files, 2, counting)).toBe(2);
    expect(LogScanPool.start([{ path: files[0] as string, source: "a" }], 1, counting)).toBeUndefined();
    expect(dropWarmThreads()).toBe(0);
    expect(warmThreads(files, 2, counting)).toBe(2);
    expect(warmThreads(files, 1, counting)).toBe(0);
    expect(dropWarmThreads()).toBe(0);
    // Threads that fail to start, taken before they fail and after: the main thread reads what they leave.
    const broken = scratch.file("broken-warm-worker.cjs", 'throw new Error("cannot start");\n');
    for (const wait of [0, 300]) {
      expect(warmThreads(files, 2, broken)).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, wait));
      start(2, broken);
      expect(await read()).toEqual(expected);
    }
  });

  it("leaves files that are not NDJSON logs to the main thread, and starts no threads where one is better", async () => {
    const csv = scratch.file("rows.csv", "timestamp,inputTokens,outputTokens\n2026-11-02T00:00:00Z,1,1\n");
    const logs = scratch.file("logs.ndjson", lines(10, 1).join("\n"));
    pool = LogScanPool.start(
      [csv, logs].map((path) => ({ path, source: path })),
      2,
      WORKER,
    );
    const sink: LogSink = { minutesOf: () => new LogMinutes(), otherModels: new Map(), span: emptySpan() };
    expect(await (pool as LogScanPool).read(csv, new LogLineReader(csv, "ndjson", { needs: () => null }, sink))).toBe(false);
    expect(await (pool as LogScanPool).read(logs, new LogLineReader(logs, "ndjson", { needs: () => null }, sink))).toBe(true);
    // One thread asked for; two small files without a count asked for; standard input; no worker code.
    expect(
      LogScanPool.start(
        [
          { path: logs, source: logs },
          { path: csv, source: csv },
        ],
        1,
        WORKER,
      ),
    ).toBeUndefined();
    expect(
      LogScanPool.start(
        [
          { path: logs, source: logs },
          { path: csv, source: csv },
        ],
        undefined,
        WORKER,
      ),
    ).toBeUndefined();
    expect(LogScanPool.start([{ path: "-", source: "-" }], 2, WORKER)).toBeUndefined();
    expect(LogScanPool.start([{ path: logs, source: logs }], 2, `${WORKER}.missing`)).toBeUndefined();
  });
});
