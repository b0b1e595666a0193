import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FuzzFormat, judge, runInProcess } from "./harness.js";

// Invocation logs as S3 holds them, damaged the ways a download or a disk damages a binary file:
// every case must end in a sound report or one clear error naming the file, never a crash or a hang.
const HOUR = "test/fixtures/traffic/s3/bucket/AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/2026/11/01/00";
const SEED = readFileSync(join(HOUR, readdirSync(HOUR)[0] as string));
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);
const RUNS = 300 * SCALE;

const FORMAT: FuzzFormat = {
  name: "invocation logs, gzip",
  syntax: "json",
  fixture: HOUR,
  fileName: "logs.json.gz",
  argv: (file) => ["profile", file, "-m", "claude-3.5-sonnet-v2", "--format", "json"],
  output: "json",
  numRuns: RUNS,
};

/** A damaged gzip file, and what was done to it. */
const damaged: fc.Arbitrary<{ bytes: Buffer; how: string }> = fc.oneof(
  fc.nat({ max: SEED.length - 1 }).map((at) => ({ bytes: SEED.subarray(0, at), how: "cut short" })),
  fc.tuple(fc.nat({ max: SEED.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => {
    const bytes = Buffer.from(SEED);
    bytes[at] = (bytes[at] as number) ^ xor;
    return { bytes, how: "a byte changed" };
  }),
  fc.uint8Array({ minLength: 1, maxLength: 2_000 }).map((junk) => ({ bytes: Buffer.concat([SEED, Buffer.from(junk)]), how: "junk after" })),
  fc
    .tuple(fc.nat({ max: SEED.length - 1 }), fc.uint8Array({ minLength: 1, maxLength: 200 }))
    .map(([at, junk]) => ({ bytes: Buffer.concat([SEED.subarray(0, at), Buffer.from(junk), SEED.subarray(at)]), how: "junk inside" })),
  fc.nat({ max: SEED.length - 1 }).map((at) => ({ bytes: Buffer.concat([SEED, SEED.subarray(0, at)]), how: "a second member cut short" })),
  fc.uint8Array({ minLength: 0, maxLength: 5_000 }).map((junk) => ({ bytes: gzipSync(Buffer.from(junk)), how: "gzip of binary junk" })),
  fc.integer({ min: 1, max: 3_000_000 }).map((length) => ({ bytes: gzipSync(Buffer.alloc(length, "{")), how: "gzip of one endless line" })),
);

describe("fuzz: gzip invocation logs", () => {
  it(`every damaged file ends in exit 2 with a clear error, or a sound result (${RUNS} cases)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "bedrock-cost-fuzz-gzip-"));
    const file = join(dir, FORMAT.fileName);
    const tally: Record<string, Record<number, number>> = {};
    try {
      await fc.assert(
        fc.asyncProperty(damaged, async ({ bytes, how }) => {
          writeFileSync(file, bytes);
          const run = await runInProcess(FORMAT.argv(file, dir));
          const problem = judge(run, file, FORMAT);
          if (problem) throw new Error(`${how}: ${problem}`);
          if (!readFileSync(file).equals(bytes)) throw new Error(`${how}: the input file was modified`);
          const counts = tally[how] ?? {};
          counts[run.code] = (counts[run.code] ?? 0) + 1;
          tally[how] = counts;
        }),
        { seed: 20_261_130, numRuns: RUNS, endOnFailure: true },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`fuzz invocation logs, gzip: ${RUNS} cases ${JSON.stringify(tally)}`);
    expect(Object.values(tally).reduce((sum, counts) => sum + Object.values(counts).reduce((a, b) => a + b, 0), 0)).toBe(RUNS);
  }, 300_000);
});
