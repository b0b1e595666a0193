import { readFileSync } from "node:fs";
import type { FuzzFormat } from "./harness.js";

const text = (path: string) => readFileSync(path, "utf8");
const PROFILE = ["-m", "claude-3.5-sonnet-v2", "--rates", "test/fixtures/plans/quotes/sonnet-pt.yaml", "--format", "json"];
const IMPORT = ["--region", "us-east-1", "--effective-date", "2026-11-01"];

/** FUZZ_SCALE=10 (npm run fuzz) runs ten times the cases; the default keeps npm test quick. */
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);
const runs = (n: number) => n * SCALE;

/** A traffic file read by `bedrock-cost profile`, from test/fixtures/traffic. */
function traffic(name: string, syntax: FuzzFormat["syntax"], fixture: string, companion?: string): FuzzFormat {
  return {
    name,
    syntax,
    fixture: `test/fixtures/traffic/${fixture}`,
    fileName: fixture,
    companions: companion ? { [companion]: text(`test/fixtures/traffic/${companion}`) } : {},
    argv: (file, dir) => ["profile", file, ...(companion ? [`${dir}/${companion}`] : []), ...PROFILE],
    output: "json",
    numRuns: runs(1000),
  };
}

/**
 * Every input format bedrock-cost reads, each with a valid fixture to mutate and the command that
 * reads it. The counts keep the whole suite within about twenty seconds of CPU per core in CI.
 */
export const FORMATS = {
  rateFile: {
    name: "rate file (YAML)",
    syntax: "yaml",
    fixture: "test/fixtures/rates/worked-example.yaml",
    fileName: "rates.yaml",
    argv: (file) => [
      "compare",
      "--rates",
      file,
      "-m",
      "example.sonnet-class",
      "--input-tokens",
      "3B",
      "--output-tokens",
      "600M",
      "--format",
      "json",
    ],
    output: "json",
    numRuns: runs(1500),
  },
  planFile: {
    name: "plan file (YAML), plan",
    syntax: "yaml",
    fixture: "test/fixtures/plans/plan.yaml",
    fileName: "plan.yaml",
    companions: { "quotes/sonnet-pt.yaml": text("test/fixtures/plans/quotes/sonnet-pt.yaml") },
    // The mutant plans sit in a scratch folder with their quote files, outside the working folder.
    argv: (file) => ["plan", file, "--allow-outside-paths", "--format", "json"],
    output: "json",
    numRuns: runs(1000),
  },
  checkFile: {
    name: "plan file (YAML), check",
    syntax: "yaml",
    fixture: "test/fixtures/plans/check-findings.yaml",
    fileName: "plan.yaml",
    companions: { "quotes/sonnet-pt.yaml": text("test/fixtures/plans/quotes/sonnet-pt.yaml") },
    argv: (file) => ["check", file, "--allow-outside-paths", "--format", "json"],
    passCodes: [1],
    output: "json",
    numRuns: runs(1000),
  },
  terraform: {
    name: "Terraform plan JSON",
    syntax: "json",
    fixture: "test/fixtures/plans/terraform-plan.json",
    fileName: "tfplan.json",
    companions: {
      "plan.yaml": text("test/fixtures/plans/check-terraform.yaml"),
      "quotes/sonnet-pt.yaml": text("test/fixtures/plans/quotes/sonnet-pt.yaml"),
    },
    argv: (file, dir) => ["check", `${dir}/plan.yaml`, "--terraform", file, "--allow-outside-paths", "--format", "json"],
    passCodes: [1],
    output: "json",
    numRuns: runs(1500),
  },
  trafficCsv: traffic("traffic CSV", "csv", "five-minutes.csv"),
  metricData: traffic("CloudWatch get-metric-data JSON", "json", "metric-data-page1.json"),
  // get-metric-statistics gives one metric per file: the output tokens come from a second, valid file.
  metricStatistics: traffic("CloudWatch get-metric-statistics JSON", "json", "metric-stats-input.json", "metric-stats-output.json"),
  invocationLogs: traffic("invocation logs (NDJSON)", "ndjson", "invocation-logs.ndjson"),
  logsExport: traffic("CloudWatch Logs export JSON", "json", "logs-export.json"),
  // audit: an account's CSV (a modelId column), its invocation logs of several models, and the
  // output of aws bedrock list-provisioned-model-throughputs.
  auditCsv: {
    name: "account CSV with modelId, audit",
    syntax: "csv",
    fixture: "test/fixtures/audit/per-minute.csv",
    fileName: "account.csv",
    argv: (file) => ["audit", file, "--format", "json"],
    output: "json",
    numRuns: runs(500),
  },
  auditLogs: {
    name: "invocation logs of several models (NDJSON), audit",
    syntax: "ndjson",
    fixture: "test/fixtures/traffic/invocation-logs.ndjson",
    fileName: "logs.ndjson",
    argv: (file) => ["audit", file, "--latency-async", "claude-3-haiku", "--format", "json"],
    output: "json",
    numRuns: runs(500),
  },
  provisionedThroughputs: {
    name: "list-provisioned-model-throughputs JSON, audit",
    syntax: "json",
    fixture: "test/fixtures/audit/provisioned.json",
    fileName: "provisioned.json",
    argv: (file) => ["audit", "test/fixtures/audit/per-minute.csv", "--provisioned", file, "--format", "json"],
    output: "json",
    numRuns: runs(500),
  },
  priceListBulk: {
    name: "AWS Price List offer file (JSON)",
    syntax: "json",
    fixture: "test/fixtures/price-list/AmazonBedrockFoundationModels.json",
    fileName: "offer.json",
    argv: (file) => ["rates", "import", file, ...IMPORT],
    output: "rate-file",
    numRuns: runs(1000),
  },
  getProducts: {
    name: "aws pricing get-products JSON",
    syntax: "json",
    fixture: "test/fixtures/price-list/get-products-page.json",
    fileName: "page.json",
    argv: (file) => ["rates", "import", file, ...IMPORT],
    output: "rate-file",
    numRuns: runs(1000),
  },
  namesFile: {
    name: "Price List names file (YAML)",
    syntax: "yaml",
    fixture: "test/fixtures/price-list/names.yaml",
    fileName: "names.yaml",
    argv: (file) => ["rates", "import", "test/fixtures/price-list/AmazonBedrock.json", "--names", file, ...IMPORT],
    output: "rate-file",
    numRuns: runs(1000),
  },
} satisfies Record<string, FuzzFormat>;
