// npm run bench [-- --quick]
// Start-up: the wall time of `bedrock-cost --help` and of `bedrock-cost compare` on the bundled rates,
// each against `node -e 0` on the same machine, as the median of the ratios of paired runs. Target:
// at most 1.3.
// Profile: generates a year of synthetic per-minute traffic (fixed seed; daily and weekly cycles; bursts) as CSV
// and as get-metric-data JSON, then reports the median wall time of `bedrock-cost profile` on each next
// to a bare Node script that only reads the same file and sums its columns, and the peak memory.
// Targets: within 2x of the bare read, under 256 MB. --quick runs once each on a month of data and
// fails only if the CLI does not run.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "dist/cli.cjs");
const RSS_HOOK = join(ROOT, "scripts/bench-rss.mjs");
const BARE = join(ROOT, "scripts/bench-bare-read.mjs");
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
  const json = join(dir, "traffic-metric-data.json");
  // Newest first, as CloudWatch returns it by default.
  const times = Array.from({ length: MINUTES }, (_, i) => iso(MINUTES - 1 - i));
  const reversed = (values) => Array.from({ length: MINUTES }, (_, i) => values[MINUTES - 1 - i]);
  writeFileSync(
    json,
    JSON.stringify({
      MetricDataResults: [
        { Id: "input_tokens", Label: "InputTokenCount", Timestamps: times, Values: reversed(input), StatusCode: "Complete" },
        { Id: "output_tokens", Label: "OutputTokenCount", Timestamps: times, Values: reversed(output), StatusCode: "Complete" },
      ],
      Messages: [],
    }),
  );
  return [csv, json];
}

function timed(args, rssFile) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["--import", RSS_HOOK, ...args], {
    encoding: "utf8",
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) {
    process.stderr.write(`bench: ${args.join(" ")} exited ${run.status}\n${run.stderr}`);
    process.exit(1);
  }
  return { ms, rssMb: Number(readFileSync(rssFile, "utf8")) / 1024, stdout: run.stdout };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function wall(args, env = {}) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1", ...env } });
  if (run.status !== 0) {
    process.stderr.write(`bench: node ${args.join(" ")} exited ${run.status}\n${run.stderr}`);
    process.exit(1);
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function startUp() {
  const pairs = quick ? 3 : 31;
  const commands = [
    ["--help", [CLI, "--help"]],
    ["compare (bundled rates, table)", [CLI, "compare", "--model", "claude-3.5-sonnet-v2", "--input-tokens", "3B", "--output-tokens", "600M"]],
  ];
  console.log(`start-up against node -e 0, median of ${pairs} paired runs`);
  console.log("command                          node -e 0   bedrock-cost  ratio");
  for (const [name, args] of commands) {
    const base = [];
    const cli = [];
    const ratios = [];
    for (let i = 0; i < pairs; i++) {
      const b = wall(["-e", "0"]);
      const c = wall(args);
      base.push(b);
      cli.push(c);
      ratios.push(c / b);
    }
    console.log(`${name.padEnd(32)} ${`${median(base).toFixed(0)} ms`.padStart(9)} ${`${median(cli).toFixed(0)} ms`.padStart(14)}  ${median(ratios).toFixed(2).padStart(5)}`);
  }
  console.log("target: at most 1.3\n");
}

startUp();
const dir = join(tmpdir(), `bedrock-cost-bench-${process.pid}`);
mkdirSync(dir, { recursive: true });
try {
  const files = writeFiles(dir, generate());
  const rss = join(dir, "rss");
  const profileArgs = (file) => [CLI, "profile", file, "-m", "claude-3.5-sonnet-v2", "--unit-hourly", "25", "--term", "6-month", "--unit-input-tpm", "70000", "--unit-output-tpm", "14000", "--format", "json"];
  console.log(`bedrock-cost profile on ${MINUTES.toLocaleString("en-US")} minutes of traffic, median of ${RUNS} run${RUNS === 1 ? "" : "s"}`);
  console.log("file                     size      profile    bare read  ratio  peak memory");
  let worst = 0;
  for (const file of files) {
    const profile = Array.from({ length: RUNS }, () => timed(profileArgs(file), rss));
    const bare = Array.from({ length: RUNS }, () => timed([BARE, file], rss));
    const report = JSON.parse(profile[0].stdout);
    if (report.window.minutes !== MINUTES) throw new Error(`profile read ${report.window.minutes} minutes, expected ${MINUTES}`);
    const p = median(profile.map((r) => r.ms));
    const b = median(bare.map((r) => r.ms));
    const memory = Math.max(...profile.map((r) => r.rssMb));
    worst = Math.max(worst, p / b);
    const name = file.split("/").pop();
    const size = `${(statSync(file).size / 1e6).toFixed(1)} MB`;
    console.log(
      `${name.padEnd(24)} ${size.padStart(8)} ${`${p.toFixed(0)} ms`.padStart(10)} ${`${b.toFixed(0)} ms`.padStart(10)}  ${(p / b).toFixed(2).padStart(5)}  ${`${memory.toFixed(0)} MB`.padStart(11)}`,
    );
  }
  console.log(`targets: profile within 2x of the bare read (worst ${worst.toFixed(2)}x), under 256 MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
