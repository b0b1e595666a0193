// npm run bench [-- --quick]
// Start-up: the wall time of `bedrock-cost --help`, of `bedrock-cost compare` on the bundled rates and
// of `plan` and `check` on a small plan, each against `node -e 0` on the same machine, as the median of
// the ratios of paired runs. Targets: at most 1.3 (1.5 for plan and check, which read YAML). Where
// NODE_EXTRA_CA_CERTS is set (Node then reads certificates at every start), the same runs without it too.
// Profile: generates a year of synthetic per-minute traffic (fixed seed; daily and weekly cycles; bursts) as CSV
// and as get-metric-data JSON, then reports the median wall time of `bedrock-cost profile` on each next
// to a bare Node script that only reads the same file and sums its columns, and the peak memory.
// Targets: within 2x of the bare read, under 256 MB. --quick runs once each on a month of data and
// fails only if the CLI does not run.
// Large files: a 100 MB invocation log (NDJSON with request bodies, as text logging writes them) read by
// `bedrock-cost profile`, a year of five models' logs (a record an hour) read by `bedrock-cost audit`,
// and a 15 MB AWS Price List offer file read by `bedrock-cost rates import`: wall time and peak
// memory. Target: under 256 MB, for any size of log (it is streamed) and the longest window.
// Log folder: a month of invocation logs laid out as Bedrock delivers them to S3 (a gzip file an hour
// under AWSLogs/<account>/BedrockModelInvocationLogs/<region>/<YYYY>/<MM>/<DD>/<HH>/, beside the
// permission-check object), 1 GB uncompressed (--quick: 50 MB), read by `bedrock-cost profile` in one
// run, against a bare `gzip -dc | wc -l` of the same files. Targets: within 4x of the bare read (it
// parses every record), under 256 MB.
// Audit: a month of five models' logs (1 GB; --quick: 50 MB) as NDJSON files, as one NDJSON file and
// gzipped, read by `bedrock-cost audit` in one run, against a bare loop that JSON.parses every line,
// and against a bare streaming gunzip, as the median of the ratios of seven paired runs. Targets: at
// most 0.35 and 1.3 of them, under 256 MB.
import { spawnSync } from "node:child_process";
import { appendFileSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "dist/cli.cjs");
const RSS_HOOK = join(ROOT, "scripts/bench-rss.cjs");
const BARE = join(ROOT, "scripts/bench-bare-read.mjs");
const BARE_PARSE = join(ROOT, "scripts/bench-bare-parse.mjs");
const quick = process.argv.includes("--quick");
const RUNS = quick ? 1 : 7;
const MINUTES = quick ? 60 * 24 * 30 : 60 * 24 * 365;
const START = Date.UTC(2026, 0, 1) / 1000;

/** mulberry32: a small seeded generator, so every run benchmarks the same data. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate() {
  const next = random(20261121);
  const input = new Float64Array(MINUTES);
  const output = new Float64Array(MINUTES);
  let burst = 0;
  for (let m = 0; m < MINUTES; m++) {
    const hour = (m / 60) % 24;
    const day = Math.floor(m / 1440) % 7;
    const daily = 0.15 + 0.85 * Math.max(0, Math.sin((Math.PI * (hour - 6)) / 14));
    const weekly = day >= 5 ? 0.45 : 1;
    if (burst === 0 && next() < 0.0005) burst = 5 + Math.floor(next() * 25);
    const spike = burst > 0 ? 2.5 + next() * 2 : 1;
    if (burst > 0) burst--;
    const tokens = Math.round(60_000 * daily * weekly * spike * (0.8 + 0.4 * next()));
    input[m] = tokens;
    output[m] = Math.round(tokens * (0.15 + 0.1 * next()));
  }
  return { input, output };
}

function iso(m) {
  return new Date((START + m * 60) * 1000).toISOString().replace(".000Z", "Z");
}

function writeFiles(dir, { input, output }) {
  const csv = join(dir, "traffic.csv");
  const lines = ["timestamp,inputTokens,outputTokens"];
  for (let m = 0; m < MINUTES; m++) lines.push(`${iso(m)},${input[m]},${output[m]}`);
  writeFileSync(csv, `${lines.join("\n")}\n`);
  // CloudWatch gives a long window as pages (files), each under the cap on a JSON traffic file read
  // whole (24 MB): the year comes as two, newest first within each, as CloudWatch returns it.
  const pages = [join(dir, "traffic-metric-data-1.json"), join(dir, "traffic-metric-data-2.json")];
  const half = Math.ceil(MINUTES / 2);
  pages.forEach((page, p) => {
    const from = p === 0 ? half : 0;
    const to = p === 0 ? MINUTES : half;
    const count = to - from;
    const times = Array.from({ length: count }, (_, i) => iso(to - 1 - i));
    const reversed = (values) => Array.from({ length: count }, (_, i) => values[to - 1 - i]);
    writeFileSync(
      page,
      JSON.stringify({
        MetricDataResults: [
          { Id: "input_tokens", Label: "InputTokenCount", Timestamps: times, Values: reversed(input), StatusCode: "Complete" },
          { Id: "output_tokens", Label: "OutputTokenCount", Timestamps: times, Values: reversed(output), StatusCode: "Complete" },
        ],
        Messages: [],
      }),
    );
  });
  return [[csv], pages];
}

/** Runs the CLI with `args`; `exitCode` is the code the run must end with (1 for a check that finds). */
function timed(args, rssFile, exitCode = 0) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["--require", RSS_HOOK, ...args], {
    encoding: "utf8",
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: "1" },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== exitCode) {
    process.stderr.write(`bench: ${args.join(" ")} exited ${run.status}\n${run.stderr}`);
    process.exit(1);
  }
  return { ms, rssMb: Number(readFileSync(rssFile, "utf8")) / 1024, stdout: run.stdout };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function wall(args, env = {}, base = process.env) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...base, NO_COLOR: "1", ...env } });
  if (run.status !== 0) {
    process.stderr.write(`bench: node ${args.join(" ")} exited ${run.status}\n${run.stderr}`);
    process.exit(1);
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function startUp() {
  const pairs = quick ? 3 : 31;
  const commands = [
    ["--help", [CLI, "--help"], 1.3],
    [
      "compare (bundled rates, table)",
      [CLI, "compare", "--model", "claude-3.5-sonnet-v2", "--input-tokens", "3B", "--output-tokens", "600M"],
      1.3,
    ],
    // A small plan: its YAML reader loads yaml and zod (from dist/vendor.cjs, through its code cache).
    ["plan (a small plan file)", [CLI, "plan", join(ROOT, "test/fixtures/plans/check-clean.yaml")], 1.5],
    ["check (a small plan file)", [CLI, "check", join(ROOT, "test/fixtures/plans/check-clean.yaml")], 1.5],
  ];
  /** The medians of `node -e 0`, of the command and of their paired ratios, in the environment `env`. */
  const measure = (args, env) => {
    const base = [];
    const cli = [];
    const ratios = [];
    for (let i = 0; i < pairs; i++) {
      const b = wall(["-e", "0"], {}, env);
      const c = wall(args, {}, env);
      base.push(b);
      cli.push(c);
      ratios.push(c / b);
    }
    return { base: median(base), cli: median(cli), ratio: median(ratios) };
  };
  console.log(`start-up against node -e 0, median of ${pairs} paired runs`);
  console.log("command                          node -e 0   bedrock-cost  ratio");
  for (const [name, args, target] of commands) {
    const { base, cli, ratio } = measure(args, process.env);
    console.log(
      `${name.padEnd(32)} ${`${base.toFixed(0)} ms`.padStart(9)} ${`${cli.toFixed(0)} ms`.padStart(14)}  ${ratio.toFixed(2).padStart(5)}  (target ${target})`,
    );
  }
  console.log("targets: --help and compare at most 1.3, plan and check at most 1.5");
  // Node reads the certificates NODE_EXTRA_CA_CERTS names at every start, before any script runs:
  // where it is set, node -e 0 carries that time too, and each ratio is smaller than on a machine
  // without it. The same runs without it are shown beside, so that neither figure is mistaken for the other.
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const without = { ...process.env };
    delete without.NODE_EXTRA_CA_CERTS;
    const figures = commands.map(([name, args]) => ({ name, ...measure(args, without) }));
    console.log(
      `NODE_EXTRA_CA_CERTS is set here; without it, node -e 0 takes ${figures[0].base.toFixed(0)} ms and the ratios are: ${figures
        .map((f) => `${f.name.split(" ")[0]} ${f.ratio.toFixed(2)}`)
        .join(", ")}`,
    );
  }
  console.log("");
}

/** A month of invocation-log records with request and response bodies, about `megabytes` in all. */
function writeInvocationLog(file, megabytes) {
  const next = random(7);
  const body = "x".repeat(900);
  const start = Date.UTC(2026, 9, 1);
  const chunks = [];
  let bytes = 0;
  let written = 0;
  for (let i = 0; bytes < megabytes * 1e6; i++) {
    const at = new Date(start + Math.floor(next() * 30 * 86_400_000)).toISOString();
    const record = {
      schemaType: "ModelInvocationLog",
      schemaVersion: "1.0",
      timestamp: at,
      accountId: "123456789012",
      region: "us-east-1",
      requestId: `r-${i}`,
      operation: "Converse",
      modelId: next() < 0.9 ? "anthropic.claude-3-5-sonnet-20241022-v2:0" : "anthropic.claude-3-haiku-20240307-v1:0",
      input: {
        inputContentType: "application/json",
        inputBodyJson: { messages: [{ role: "user", content: [{ text: body }] }] },
        inputTokenCount: 200 + Math.floor(next() * 4000),
      },
      output: {
        outputContentType: "application/json",
        outputBodyJson: { output: { text: body.slice(0, 300) } },
        outputTokenCount: 50 + Math.floor(next() * 800),
      },
    };
    const line = `${JSON.stringify(record)}\n`;
    chunks.push(line);
    bytes += line.length;
    if (chunks.length === 10_000) {
      writeFileSync(file, chunks.join(""), { flag: written === 0 ? "w" : "a" });
      written++;
      chunks.length = 0;
    }
  }
  writeFileSync(file, chunks.join(""), { flag: written === 0 ? "w" : "a" });
}

/** Words for request and response bodies that compress like text, not like a run of one letter. */
const WORDS =
  "the a of to and in for is on that by this with you it not or be are from at as your all have new more an was we will can us about if my has but our one other do no time they he up may what which their out use any there see only so his when here who web also now help get pm view online first am been would how were me services some these click its like service than find".split(
    " ",
  );

/**
 * A month of invocation logs as Bedrock delivers them to S3, about `megabytes` uncompressed: a gzip
 * file an hour, mixed models. Returns the folder to give profile, and the gzip files.
 */
/** One invocation-log record as Bedrock writes it, with request and response bodies of `inWords` and `outWords` words. */
function logRecord(next, time, requestId, modelId, inWords, outWords) {
  const text = (words) => Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(" ");
  return {
    schemaType: "ModelInvocationLog",
    schemaVersion: "1.0",
    timestamp: new Date(time).toISOString(),
    accountId: "123456789012",
    region: "us-east-1",
    requestId,
    operation: "Converse",
    modelId,
    input: {
      inputContentType: "application/json",
      inputBodyJson: { messages: [{ role: "user", content: [{ text: text(inWords) }] }] },
      inputTokenCount: 200 + Math.floor(next() * 4000),
    },
    output: {
      outputContentType: "application/json",
      outputBodyJson: { output: { text: text(outWords) } },
      outputTokenCount: 50 + Math.floor(next() * 800),
    },
  };
}

function writeLogFolder(root, megabytes) {
  const next = random(11);
  const prefix = join(root, "AWSLogs/123456789012/BedrockModelInvocationLogs");
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, "amazon-bedrock-logs-permission-check"), "");
  const hours = 30 * 24;
  const perHour = (megabytes * 1e6) / hours;
  const files = [];
  for (let h = 0; h < hours; h++) {
    const at = new Date(Date.UTC(2026, 9, 1) + h * 3_600_000);
    const folder = join(prefix, "us-east-1", at.toISOString().slice(0, 13).replace(/[-T]/g, "/"));
    mkdirSync(folder, { recursive: true });
    const lines = [];
    let bytes = 0;
    for (let i = 0; bytes < perHour; i++) {
      const modelId = next() < 0.8 ? "anthropic.claude-3-5-sonnet-20241022-v2:0" : "amazon.titan-embed-text-v2:0";
      const line = `${JSON.stringify(logRecord(next, at.getTime() + Math.floor(next() * 3_600_000), `r-${h}-${i}`, modelId, 150, 60))}\n`;
      lines.push(line);
      bytes += line.length;
    }
    const file = join(folder, `${at.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z_${h.toString(16).padStart(8, "0")}.json.gz`);
    writeFileSync(file, gzipSync(lines.join(""), { level: 6 }));
    files.push(file);
  }
  return { folder: join(root, "AWSLogs"), files };
}

/**
 * Scale: a plan of 20,000 workloads drawn as a table against the same plan as CSV (tables are drawn in
 * linear time; target within 1.5x), and rate files of 5,000 and 20,000 models (laid in linear time:
 * four times the models, about four times the time; target under 6x).
 */
function scale(dir) {
  const models = ["claude-instant", "claude-3-haiku", "nova-micro", "claude-3.5-sonnet-v2", "titan-text-express"];
  const plan = join(dir, "plan-20k.yaml");
  const workloads = Array.from(
    { length: quick ? 2_000 : 20_000 },
    (_, i) =>
      `  - {name: w${i}, model: ${models[i % 5]}, monthly: {inputTokens: ${1e6 * ((i % 97) + 1)}, outputTokens: ${1e5 * ((i % 13) + 1)}}}`,
  );
  writeFileSync(plan, `schemaVersion: 1\nregion: us-east-1\nworkloads:\n${workloads.join("\n")}\n`);
  const rates = (count) => {
    const file = join(dir, `rates-${count}.yaml`);
    const lines = Array.from(
      { length: count },
      (_, i) => `  - {id: x.m${i}, name: M${i}, provider: X, onDemand: {inputPerMTok: 1, outputPerMTok: 2}}`,
    );
    writeFileSync(file, `schemaVersion: 1\nregion: us-east-1\nmodels:\n${lines.join("\n")}\n`);
    return file;
  };
  const small = rates(quick ? 500 : 5_000);
  const large = rates(quick ? 2_000 : 20_000);
  // The same number of workloads on one model with a PT quote, so that they share units: the search
  // for who joins and the reasons naming who shares stay linear.
  const quote = join(dir, "quote.yaml");
  writeFileSync(quote, readFileSync(join(ROOT, "test/fixtures/plans/quotes/sonnet-pt.yaml")));
  const pooled = join(dir, "plan-pooled.yaml");
  writeFileSync(
    pooled,
    `schemaVersion: 1\nrates: [quote.yaml]\nworkloads:\n${workloads.map((_, i) => `  - {name: w${i}, model: claude-3.5-sonnet-v2, monthly: {inputTokens: 90M, outputTokens: 10M}}`).join("\n")}\n`,
  );
  const runs = quick ? 1 : 3;
  const time = (args) => median(Array.from({ length: runs }, () => wall(args)));
  const rss = join(dir, "rss");
  const measured = (args) => {
    const results = Array.from({ length: runs }, () => timed(args, rss));
    return { ms: median(results.map((r) => r.ms)), mb: Math.max(...results.map((r) => r.rssMb)) };
  };
  const table = time([CLI, "plan", plan]);
  const csv = time([CLI, "plan", plan, "--format", "csv"]);
  const pooledTable = measured([CLI, "plan", pooled, "--allow-outside-paths"]);
  const pooledCsv = measured([CLI, "plan", pooled, "--allow-outside-paths", "--format", "csv"]);
  const compare = (file) => time([CLI, "compare", "-m", "x.m1", "--input-tokens", "1", "--output-tokens", "1", "--rates", file]);
  const five = compare(small);
  const twenty = compare(large);
  console.log(`\nscale, median of ${runs} run${runs === 1 ? "" : "s"}`);
  console.log(
    `plan of ${workloads.length.toLocaleString("en-US")} workloads: table ${table.toFixed(0)} ms, CSV ${csv.toFixed(0)} ms (${(table / csv).toFixed(2)}x; target within 1.5x)`,
  );
  console.log(
    `the same number sharing units of one model: table ${pooledTable.ms.toFixed(0)} ms at ${pooledTable.mb.toFixed(0)} MB, CSV ${pooledCsv.ms.toFixed(0)} ms at ${pooledCsv.mb.toFixed(0)} MB (target under 256 MB)`,
  );
  console.log(
    `rate files of ${quick ? "500 and 2,000" : "5,000 and 20,000"} models: ${five.toFixed(0)} ms and ${twenty.toFixed(0)} ms (${(twenty / five).toFixed(2)}x for 4x the models; target under 6x)`,
  );
}

const AUDIT_MODELS = [
  "anthropic.claude-3-5-sonnet-20241022-v2:0",
  "us.anthropic.claude-3-haiku-20240307-v1:0",
  "amazon.nova-pro-v1:0",
  "amazon.nova-lite-v1:0",
  "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-70b-instruct-v1:0",
];

/** A month of five models' invocation logs, about 2.9 KB a record, as `count` NDJSON files and the same gzipped. */
function writeAccountLogs(dir, megabytes, count) {
  const next = random(13);
  mkdirSync(dir, { recursive: true });
  const plain = [];
  const gz = [];
  for (let f = 0; f < count; f++) {
    const lines = [];
    let bytes = 0;
    for (let i = 0; bytes < (megabytes * 1e6) / count; i++) {
      const time = Date.UTC(2026, 9, 1) + Math.floor(next() * 30 * 86_400_000);
      const modelId = AUDIT_MODELS[Math.floor(next() * AUDIT_MODELS.length)];
      const line = `${JSON.stringify(logRecord(next, time, `r-${f}-${i}`, modelId, 330, 100))}\n`;
      lines.push(line);
      bytes += line.length;
    }
    const text = lines.join("");
    plain.push(join(dir, `part-${f}.ndjson`));
    writeFileSync(plain[f], text);
    gz.push(join(dir, `part-${f}.ndjson.gz`));
    writeFileSync(gz[f], gzipSync(text, { level: 6 }));
  }
  return { plain, gz };
}

/**
 * audit in one pass over an account's logs (five models), against what a data engineer would write
 * first: a loop that splits lines and JSON.parses each (and, for gzip, one that only inflates).
 */
function auditOnePass(dir, rss) {
  const megabytes = quick ? 50 : 1000;
  const { plain, gz } = writeAccountLogs(join(dir, "account"), megabytes, quick ? 2 : 10);
  // The same logs as one file, as a month concatenated (read by the threads in parts).
  const one = join(dir, "account", "all.ndjson");
  writeFileSync(one, "");
  for (const file of plain) appendFileSync(one, readFileSync(file));
  // Written to disk before they are timed: the kernel writes 2 GB of fresh files back about 30 s
  // later, in the middle of the runs, on the same two cores.
  for (const file of [...plain, ...gz, one]) {
    const fd = openSync(file, "r");
    fsyncSync(fd);
    closeSync(fd);
  }
  // Paired runs, as the start-up section pairs them: this machine has slow spells of several seconds,
  // which five runs of one side and then five of the other met on one side only (the ratio moved from
  // 0.30 to 0.40 between runs of the bench); the median of the pairs' ratios is the figure.
  const runs = quick ? 1 : 7;
  const rows = [
    ["NDJSON", plain, [BARE_PARSE, ...plain], 0.35, "the bare JSON.parse loop"],
    ["one file", [one], [BARE_PARSE, one], 0.35, "the bare JSON.parse loop"],
    ["gzip", gz, [BARE_PARSE, "--gunzip", ...gz], 1.3, "a bare streaming gunzip"],
  ];
  console.log(`\naudit of five models in one run, ${megabytes} MB of logs, median of ${runs} paired run${runs === 1 ? "" : "s"}`);
  console.log("files          audit    baseline  ratio  target  peak memory");
  for (const [name, files, bareArgs, target, what] of rows) {
    const audit = [];
    const bare = [];
    const ratios = [];
    for (let i = 0; i < runs; i++) {
      // Either side first in turn: neither always runs in what the other left in the caches.
      const a = i % 2 === 0 ? timed([CLI, "audit", ...files, "--format", "json"], rss) : undefined;
      const b = timed(bareArgs, rss);
      const pair = a ?? timed([CLI, "audit", ...files, "--format", "json"], rss);
      audit.push(pair);
      bare.push(b);
      ratios.push(pair.ms / b.ms);
    }
    const report = JSON.parse(audit[0].stdout);
    if (report.models.length !== AUDIT_MODELS.length)
      throw new Error(`audit priced ${report.models.length} models, expected ${AUDIT_MODELS.length}`);
    const a = median(audit.map((r) => r.ms));
    const b = median(bare.map((r) => r.ms));
    const memory = Math.max(...audit.map((r) => r.rssMb));
    console.log(
      `${name.padEnd(8)} ${`${a.toFixed(0)} ms`.padStart(11)} ${`${b.toFixed(0)} ms`.padStart(11)}  ${median(ratios).toFixed(2).padStart(5)}  ${String(target).padStart(6)}  ${`${memory.toFixed(0)} MB`.padStart(11)}  (against ${what})`,
    );
  }
  console.log("targets: at most 0.35 of the JSON.parse loop, 1.3 of gunzip, under 256 MB");
}

function logFolder(dir, rss) {
  const megabytes = quick ? 50 : 1000;
  const { folder, files } = writeLogFolder(join(dir, "s3"), megabytes);
  const runs = quick ? 1 : 3;
  const compressed = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const listFile = join(dir, "gz-files");
  writeFileSync(listFile, files.join("\n"));
  const bareArgs = ["-c", `xargs gzip -dc < '${listFile}' | wc -l`];
  const profile = Array.from({ length: runs }, () =>
    timed([CLI, "profile", folder, "-m", "claude-3.5-sonnet-v2", "--format", "json"], rss),
  );
  const bare = Array.from({ length: runs }, () => {
    const start = process.hrtime.bigint();
    const run = spawnSync("sh", bareArgs, { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`gzip -dc | wc -l failed: ${run.stderr}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  const report = JSON.parse(profile[0].stdout);
  if (!(report.monthly.inputTokens > 0)) throw new Error("profile read no traffic from the log folder");
  const p = median(profile.map((r) => r.ms));
  const b = median(bare);
  const memory = Math.max(...profile.map((r) => r.rssMb));
  console.log(`\nlog folder as S3 delivers it, median of ${runs} run${runs === 1 ? "" : "s"}`);
  console.log("files  uncompressed  gzip        profile  gzip -dc | wc -l  ratio  peak memory");
  console.log(
    `${String(files.length).padStart(5)}  ${`${megabytes} MB`.padStart(12)}  ${`${(compressed / 1e6).toFixed(0)} MB`.padStart(6)}  ${`${p.toFixed(0)} ms`.padStart(11)}  ${`${b.toFixed(0)} ms`.padStart(16)}  ${(p / b).toFixed(2).padStart(5)}  ${`${memory.toFixed(0)} MB`.padStart(11)}`,
  );
  console.log(`targets: within 4x of gzip -dc | wc -l (${(p / b).toFixed(2)}x), under 256 MB (${memory.toFixed(0)} MB)`);
}

/** An AmazonBedrock offer file of `products` products (about 1.4 KB each, as AWS writes them). */
function writePriceList(file, products) {
  const doc = {
    formatVersion: "v1.0",
    offerCode: "AmazonBedrock",
    version: "20261101000000",
    publicationDate: "2026-11-01T00:00:00Z",
    products: {},
    terms: { OnDemand: {} },
  };
  const kinds = [
    "input-tokens",
    "output-tokens",
    "input-tokens-batch",
    "output-tokens-batch",
    "input-tokens-priority",
    "cache-read-input-token-count",
  ];
  for (let i = 0; i < products; i++) {
    const sku = `SKU${String(i).padStart(13, "0")}`;
    const kind = kinds[i % kinds.length];
    const group = Math.floor(i / kinds.length);
    const model = group % 50 === 0 ? "Claude 2.1" : `Model ${group}`;
    doc.products[sku] = {
      sku,
      productFamily: "Amazon Bedrock",
      attributes: {
        regionCode: group % 4 === 0 ? "us-east-1" : "eu-west-1",
        servicecode: "AmazonBedrock",
        model,
        provider: "Example",
        usagetype: `USE1-M${i}-${kind}`,
        inferenceType: kind.replace(/-/g, " "),
        feature: kind.includes("batch") ? "Batch Inference" : "On-demand Inference",
        location: "US East (N. Virginia)",
        locationType: "AWS Region",
        operation: "",
      },
    };
    const rate = `${sku}.JRTCKXETXF.6YS6EN2CT7`;
    doc.terms.OnDemand[sku] = {
      [`${sku}.JRTCKXETXF`]: {
        offerTermCode: "JRTCKXETXF",
        sku,
        effectiveDate: "2026-11-01T00:00:00Z",
        priceDimensions: {
          [rate]: {
            rateCode: rate,
            description: `$0.0080000000 per 1K tokens for ${kind} in US East (N. Virginia)`,
            beginRange: "0",
            endRange: "Inf",
            unit: "1K tokens",
            pricePerUnit: { USD: kind.includes("output") ? "0.0240000000" : "0.0080000000" },
            appliesTo: [],
          },
        },
        termAttributes: {},
      },
    };
  }
  writeFileSync(file, JSON.stringify(doc, null, 2));
}

const MiB = 1024 * 1024;

/** Writes lines of `line(i)` after `head` until the file would pass `bytes`; returns how many. */
function writeUpTo(file, bytes, head, line, tail = "") {
  const lines = [];
  let size = head.length + tail.length;
  for (let i = 0; ; i++) {
    const next = line(i);
    if (size + next.length > bytes) break;
    lines.push(next);
    size += next.length;
  }
  writeFileSync(file, `${head}${lines.join("")}${tail}`);
  return lines.length;
}

/**
 * Files read whole, each just under its size cap, in the shape that takes the most memory per byte:
 * the peak memory of reading and reporting on each (target: under 256 MB).
 */
function atCaps(dir, rss) {
  const cases = [];
  // A Price List offer file: many small products. 1,000 products tell the size of one.
  const sample = join(dir, "offer-sample.json");
  writePriceList(sample, 1_000);
  const offer = join(dir, "offer-at-cap.json");
  writePriceList(offer, Math.floor((39.5 * MiB * 1_000) / statSync(sample).size));
  cases.push([
    "rates import, offer file (40 MB cap)",
    offer,
    [CLI, "rates", "import", offer, "--region", "us-east-1", "--effective-date", "2026-11-01"],
  ]);
  // A Terraform plan at its cap: 10,000 Provisioned Throughput resources (the most a plan may hold),
  // among as many other resources as fit, checked.
  const terraform = join(dir, "terraform-at-cap.json");
  const pt = (i) =>
    `{"address":"aws_bedrock_provisioned_model_throughput.p${i}","mode":"managed","type":"aws_bedrock_provisioned_model_throughput","name":"p${i}","values":{"model_arn":"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-instant-v1","model_units":1,"commitment_duration":"SixMonths","provisioned_model_name":"p${i}"}},`;
  const other = (i) =>
    i < 10_000
      ? pt(i)
      : `{"address":"aws_s3_object.o${i}","mode":"managed","type":"aws_s3_object","name":"o${i}","values":{"bucket":"reports","key":"daily/${i}.csv","storage_class":"STANDARD","tags":{"team":"finops"}}},`;
  writeUpTo(
    terraform,
    40 * MiB - 1024,
    '{"format_version":"1.2","planned_values":{"root_module":{"resources":[',
    other,
    '{"address":"x.y","mode":"data","type":"x","name":"y","values":{}}]}},"resource_changes":[]}',
  );
  cases.push([
    "check --terraform, plan JSON (40 MB cap)",
    terraform,
    [CLI, "check", join(ROOT, "test/fixtures/plans/check-clean.yaml"), "--terraform", terraform, "--format", "csv"],
    1, // every reservation is idle
  ]);
  // CloudWatch get-metric-data: four metrics a minute, as many minutes as fit.
  const metrics = join(dir, "metric-data-at-cap.json");
  const labels = ["InputTokenCount", "OutputTokenCount", "CacheReadInputTokenCount", "CacheWriteInputTokenCount"];
  const minutes = Math.floor((23.5 * MiB) / (labels.length * 29));
  const times = JSON.stringify(Array.from({ length: minutes }, (_, i) => iso(minutes - 1 - i)));
  const values = JSON.stringify(Array.from({ length: minutes }, (_, i) => 1_000 + (i % 5_000)));
  writeFileSync(
    metrics,
    `{"MetricDataResults":[${labels.map((label, i) => `{"Id":"m${i}","Label":"${label}","Timestamps":${times},"Values":${values},"StatusCode":"Complete"}`).join(",")}],"Messages":[]}`,
  );
  cases.push([
    "profile, CloudWatch JSON (24 MB cap)",
    metrics,
    [CLI, "profile", metrics, "-m", "claude-3.5-sonnet-v2", "--format", "json"],
  ]);
  // A plan of the shortest workloads that fit, planned as a table and as JSON.
  const plan = join(dir, "plan-at-cap.yaml");
  writeUpTo(
    plan,
    2 * MiB,
    "schemaVersion: 1\nworkloads:\n",
    (i) => `- {name: w${i}, model: nova-micro, monthly: {inputTokens: 1M, outputTokens: 1M}}\n`,
  );
  cases.push(["plan, plan file (2 MB cap), table", plan, [CLI, "plan", plan]]);
  cases.push(["plan, plan file (2 MB cap), JSON", plan, [CLI, "plan", plan, "--format", "json"]]);
  // A rate file of the shortest models that fit.
  const rates = join(dir, "rates-at-cap.yaml");
  writeUpTo(
    rates,
    2 * MiB,
    "schemaVersion: 1\nregion: us-east-1\nmodels:\n",
    (i) => `- {id: x.m${i}, name: M${i}, provider: X, onDemand: {inputPerMTok: 1, outputPerMTok: 2}}\n`,
  );
  cases.push([
    "compare, rate file (2 MB cap)",
    rates,
    [CLI, "compare", "-m", "x.m1", "--input-tokens", "1B", "--output-tokens", "1M", "--rates", rates],
  ]);
  console.log("files read whole at their size caps, one run each");
  console.log("command                                      size       time  peak memory");
  let worst = 0;
  for (const [name, file, args, exitCode = 0] of cases) {
    const result = timed(args, rss, exitCode);
    worst = Math.max(worst, result.rssMb);
    console.log(
      `${name.padEnd(44)} ${`${(statSync(file).size / 1e6).toFixed(1)} MB`.padStart(8)} ${`${result.ms.toFixed(0)} ms`.padStart(10)}  ${`${result.rssMb.toFixed(0)} MB`.padStart(11)}`,
    );
  }
  console.log(`target: under 256 MB (worst ${worst.toFixed(0)} MB)\n`);
}

/**
 * A year (399 days, near the longest window) of five models' logs, a record an hour each, at a random
 * minute of it: every model's minutes held for the whole window at once.
 */
function writeYearOfLogs(file) {
  const next = random(399);
  const start = Date.UTC(2025, 10, 1);
  const lines = [];
  for (let hour = 0; hour < 399 * 24; hour++) {
    for (const modelId of AUDIT_MODELS) {
      const time = start + hour * 3_600_000 + Math.floor(next() * 3_600_000);
      lines.push(JSON.stringify(logRecord(next, time, `y-${hour}`, modelId, 5, 3)));
    }
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

function largeFiles(dir, rss) {
  const logMb = quick ? 10 : 100;
  const log = join(dir, "invocation-log.ndjson");
  writeInvocationLog(log, logMb);
  const year = join(dir, "year-of-logs.ndjson");
  writeYearOfLogs(year);
  const list = join(dir, "AmazonBedrock.json");
  writePriceList(list, quick ? 1_500 : 11_000);
  const runs = quick ? 1 : 3;
  console.log(`large files, median of ${runs} run${runs === 1 ? "" : "s"}`);
  console.log("command                                  size       time  peak memory");
  const cases = [
    ["profile, invocation log", log, [CLI, "profile", log, "-m", "claude-3.5-sonnet-v2", "--format", "json"]],
    ["audit, a year of five models hourly", year, [CLI, "audit", year, "--format", "json"]],
    [
      "rates import, offer file",
      list,
      [
        CLI,
        "rates",
        "import",
        list,
        "--region",
        "us-east-1",
        "--effective-date",
        "2026-11-01",
        "--names",
        join(ROOT, "scripts/bench-names.yaml"),
      ],
    ],
  ];
  let worstMb = 0;
  for (const [name, file, args] of cases) {
    const results = Array.from({ length: runs }, () => timed(args, rss));
    const memory = Math.max(...results.map((r) => r.rssMb));
    worstMb = Math.max(worstMb, memory);
    const size = `${(statSync(file).size / 1e6).toFixed(1)} MB`;
    console.log(
      `${name.padEnd(40)} ${size.padStart(8)} ${`${median(results.map((r) => r.ms)).toFixed(0)} ms`.padStart(10)}  ${`${memory.toFixed(0)} MB`.padStart(11)}`,
    );
  }
  console.log(`target: under 256 MB (worst ${worstMb.toFixed(0)} MB)`);
}

// --audit-only: the audit section alone, for working on audit's reader.
if (process.argv.includes("--audit-only")) {
  const scratch = join(tmpdir(), `bedrock-cost-bench-${process.pid}`);
  try {
    auditOnePass(scratch, join(mkdirSync(scratch, { recursive: true }) ?? scratch, "rss"));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  process.exit(0);
}
startUp();
// --start-up-only: the start-up section alone, for working on start-up.
if (process.argv.includes("--start-up-only")) process.exit(0);
const dir = join(tmpdir(), `bedrock-cost-bench-${process.pid}`);
mkdirSync(dir, { recursive: true });
try {
  const files = writeFiles(dir, generate());
  const rss = join(dir, "rss");
  const profileArgs = (inputs) => [
    CLI,
    "profile",
    ...inputs,
    "-m",
    "claude-3.5-sonnet-v2",
    "--unit-hourly",
    "25",
    "--term",
    "6-month",
    "--unit-input-tpm",
    "70000",
    "--unit-output-tpm",
    "14000",
    "--format",
    "json",
  ];
  console.log(
    `bedrock-cost profile on ${MINUTES.toLocaleString("en-US")} minutes of traffic, median of ${RUNS} run${RUNS === 1 ? "" : "s"}`,
  );
  console.log("file                           size      profile    bare read  ratio  peak memory");
  let worst = 0;
  for (const inputs of files) {
    const profile = Array.from({ length: RUNS }, () => timed(profileArgs(inputs), rss));
    const bare = Array.from({ length: RUNS }, () => timed([BARE, ...inputs], rss));
    const report = JSON.parse(profile[0].stdout);
    if (report.window.minutes !== MINUTES) throw new Error(`profile read ${report.window.minutes} minutes, expected ${MINUTES}`);
    const p = median(profile.map((r) => r.ms));
    const b = median(bare.map((r) => r.ms));
    const memory = Math.max(...profile.map((r) => r.rssMb));
    worst = Math.max(worst, p / b);
    const name =
      inputs.length === 1 ? inputs[0].split("/").pop() : `${inputs[0].split("/").pop().replace("-1.json", "-*.json")} (${inputs.length})`;
    const size = `${(inputs.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6).toFixed(1)} MB`;
    console.log(
      `${name.padEnd(30)} ${size.padStart(8)} ${`${p.toFixed(0)} ms`.padStart(10)} ${`${b.toFixed(0)} ms`.padStart(10)}  ${(p / b).toFixed(2).padStart(5)}  ${`${memory.toFixed(0)} MB`.padStart(11)}`,
    );
  }
  console.log(`targets: profile within 2x of the bare read (worst ${worst.toFixed(2)}x), under 256 MB\n`);
  largeFiles(dir, rss);
  if (!quick) atCaps(dir, rss);
  logFolder(dir, rss);
  auditOnePass(dir, rss);
  scale(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
