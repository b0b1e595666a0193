#!/usr/bin/env node
"use strict";
// The installed `bedrock-cost` command. It runs the bundled CLI through V8's code cache, written
// when the package was built, so that a run skips parsing and compiling the bundle: start-up is
// most of the time of a run. A cache from another Node version is rejected by V8 and the bundle is
// compiled as usual.
const { readFileSync, writeFileSync } = require("node:fs");
const { wrap } = require("node:module");
const { join } = require("node:path");
const { Script } = require("node:vm");

const bundle = join(__dirname, "bedrock-cost.cjs");
const cacheFile = `${bundle}.cache`;
const writing = process.env.BEDROCK_COST_WRITE_CODE_CACHE === "1";
let cachedData;
if (!writing) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache: compile as usual
  }
}
const script = new Script(wrap(readFileSync(bundle, "utf8")), { filename: bundle, cachedData });
const bundleModule = { exports: {} };
script.runInThisContext().call(bundleModule.exports, bundleModule.exports, require, bundleModule, bundle, __dirname);
const { main, removeTemporaryFiles } = bundleModule.exports;

// The build runs the commands people run most, quietly, so that their code is in the cache.
const WARM_UP = [
  ["--help"],
  ["--version"],
  ["compare", "--help"],
  ["compare", "--model", "claude-instant", "--input-tokens", "3B", "--output-tokens", "600M"],
  ["compare", "--model", "claude-instant", "--input-tokens", "3B", "--output-tokens", "600M", "--units", "2", "--format", "json"],
  ["compare", "--model", "claude-3.5-sonnet-v2", "--input-tokens", "3B", "--output-tokens", "600M", "--format", "csv"],
  ["chart", "--model", "claude-instant", "--input-tokens", "3B", "--output-tokens", "600M"],
];
if (writing) {
  const quiet = { writeOut() {}, writeErr() {}, env: { NO_COLOR: "1" }, isTTY: false };
  (async () => {
    for (const argv of WARM_UP) await main(argv, quiet);
    // A plan with a quote file, planned and checked: the YAML readers, and yaml and zod for their own
    // code cache (dist/vendor.cjs.cache).
    const { mkdtempSync, rmSync } = require("node:fs");
    const scratch = mkdtempSync(join(require("node:os").tmpdir(), "bedrock-cost-build-"));
    try {
      writeFileSync(
        join(scratch, "quote.yaml"),
        "schemaVersion: 1\nregion: us-east-1\nmodels:\n  - id: claude-instant\n    provisioned:\n      hourlyPerUnit: {sixMonth: 22}\n",
      );
      const plan = join(scratch, "plan.yaml");
      writeFileSync(
        plan,
        "schemaVersion: 1\nrates: [quote.yaml]\nworkloads:\n  - {name: a, model: claude-instant, monthly: {inputTokens: 3B, outputTokens: 600M}, peakTpm: {input: 80000, output: 20000}}\n  - {name: b, model: claude-instant, monthly: {inputTokens: 1B, outputTokens: 100M}, latency: async, custom: false}\nreservations:\n  - {name: pt, model: claude-instant, units: 1, term: 6-month, serves: [a]}\n",
      );
      await main(["plan", plan, "--allow-outside-paths"], quiet);
      await main(["check", plan, "--allow-outside-paths"], quiet);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    writeFileSync(cacheFile, script.createCachedData());
    if (globalThis.__bedrockCostVendorScript)
      writeFileSync(join(__dirname, "vendor.cjs.cache"), globalThis.__bedrockCostVendorScript.createCachedData());
  })();
} else {
  const fs = require("node:fs");

  /**
   * Whether output to `fd` can be written with plain synchronous writes: a file, a pipe, a socket or
   * /dev/null, which is no terminal. Node's process.stdout and process.stderr load its stream modules
   * (about 2 ms of a 60 ms start, measured); a terminal, or any other device, still gets them.
   */
  const plainOutput = (fd) => {
    if (process.platform === "win32") return false;
    try {
      const stat = fs.fstatSync(fd);
      if (stat.isFile() || stat.isFIFO() || stat.isSocket()) return true;
      if (!stat.isCharacterDevice()) return false;
      const nul = fs.statSync("/dev/null");
      return stat.rdev === nul.rdev && stat.ino === nul.ino;
    } catch {
      return false;
    }
  };

  /**
   * A writer to `fd`: synchronous writes where the output is plain, else the process's stream. A
   * descriptor left non-blocking by whoever started the run says EAGAIN when its pipe is full: the
   * rest, and everything after it, goes through the stream, which waits for the reader.
   */
  const writerTo = (fd, openStream, failed) => {
    let stream = plainOutput(fd) ? undefined : openStream();
    return {
      isTTY: () => stream?.isTTY === true,
      columns: () => (stream?.isTTY === true ? stream.columns : undefined),
      write(text) {
        if (stream) {
          stream.write(text);
          return;
        }
        let bytes = Buffer.from(text);
        try {
          while (bytes.length > 0) bytes = bytes.subarray(fs.writeSync(fd, bytes));
        } catch (error) {
          if (error.code !== "EAGAIN") {
            failed(error);
            return;
          }
          stream = openStream();
          stream.write(bytes);
        }
      },
    };
  };

  const stderr = writerTo(
    2,
    () =>
      process.stderr.on("error", () => {
        // A closed stderr must not turn a finished run into a crash.
      }),
    () => {
      // The same: nothing is left to say it on.
    },
  );

  // A reader that stops early (`| head -1`) closes the pipe: the rest of the report is not wanted,
  // and the exit code stays the one the work earned (a passing check still exits 0 in CI). Any other
  // failure to write the report (a full disk) is one line on stderr and exit code 2.
  let stdoutClosed = false;
  let stdoutFailed = false;
  const stdoutError = (error) => {
    if (error.code === "EPIPE") {
      stdoutClosed = true;
      return;
    }
    if (stdoutFailed) return;
    stdoutFailed = true;
    const reason = error.code === "ENOSPC" ? "no space left on device" : error.message;
    stderr.write(`error: cannot write the report to standard output: ${reason}\n`);
    process.exitCode = 2;
  };
  const stdout = writerTo(1, () => process.stdout.on("error", stdoutError), stdoutError);

  // A run ended by Ctrl-C, kill or a closed terminal leaves no temporary file behind, and says so in
  // its exit code (128 + the signal's number).
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ]) {
    process.on(signal, () => {
      removeTemporaryFiles();
      process.exit(code);
    });
  }
  main(process.argv.slice(2), {
    writeOut: (text) => {
      if (!stdoutClosed && !stdoutFailed) stdout.write(text);
    },
    writeErr: (text) => stderr.write(text),
    env: process.env,
    isTTY: stdout.isTTY(),
    columns: stdout.columns(),
    stdin: () => process.stdin,
  }).then((code) => {
    process.exitCode = stdoutFailed ? 2 : code;
  });
}
