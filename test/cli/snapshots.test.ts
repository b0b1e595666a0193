import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

/**
 * Every command as a user sees it: the command line, stdout, stderr and the exit code, written to
 * one Markdown file per case under test/cli/snapshots/ (review them in the diff). The environment is
 * pinned by runCli (no terminal, so 80 columns and no colour; TZ=UTC). A changed output fails here
 * until the snapshot is updated on purpose with `npx vitest run test/cli/snapshots.test.ts -u`.
 */
const PLANS = "test/fixtures/plans";
const TRAFFIC = "test/fixtures/traffic";
const HALF = ["--input-tokens", "3B", "--output-tokens", "600M"];
const WORKED = ["compare", "--model", "example.sonnet-class", "--rates", "test/fixtures/rates/worked-example.yaml"];
const QUOTE = ["--rates", "test/fixtures/rates/quote-sonnet-pt.yaml"];
const SONNET = ["--model", "claude-3.5-sonnet-v2", ...QUOTE];

const CASES: [name: string, args: string[]][] = [
  // Reports
  ["compare-worked-example", [...WORKED, ...HALF, "--units", "2"]],
  ["compare-heavy-overflow", [...WORKED, "--input-tokens", "8B", "--output-tokens", "1.6B", "--units", "2"]],
  ["compare-bundled-no-pt-price", ["compare", "--model", "nova-pro", ...HALF]],
  [
    "compare-pt-published-744-hours",
    [
      "compare",
      "--model",
      "titan-text-express",
      "--input-tokens",
      "20B",
      "--output-tokens",
      "2B",
      "--units",
      "2",
      "--term",
      "1-month",
      "--hours-per-month",
      "744",
    ],
  ],
  [
    "compare-async-cache",
    ["compare", ...SONNET, ...HALF, "--cache-read-tokens", "1B", "--cache-write-tokens", "100M", "--latency", "async"],
  ],
  ["compare-json", [...WORKED, ...HALF, "--units", "2", "--format", "json"]],
  ["compare-markdown", [...WORKED, ...HALF, "--units", "2", "--format", "markdown"]],
  [
    "compare-models-markdown",
    ["compare", "-m", "nova-pro", "-m", "nova-lite", "--input-tokens", "1B", "--output-tokens", "100M", "--format", "markdown"],
  ],
  ["compare-csv", [...WORKED, "--input-tokens", "8B", "--output-tokens", "1.6B", "--units", "2", "--format", "csv"]],
  ["chart-text", [...WORKED.map((a) => (a === "compare" ? "chart" : a)), ...HALF, "--units", "2", "--width", "72"]],
  ["profile-four-minutes", ["profile", `${TRAFFIC}/four.csv`, ...SONNET, "--unit-input-tpm", "70k", "--unit-output-tpm", "14k"]],
  ["profile-no-throughput", ["profile", `${TRAFFIC}/four.csv`, ...SONNET]],
  [
    "profile-metric-data",
    ["profile", `${TRAFFIC}/metric-data-page1.json`, `${TRAFFIC}/metric-data-page2.json`, ...SONNET, "--latency", "async"],
  ],
  ["profile-invocation-logs", ["profile", `${TRAFFIC}/invocation-logs.ndjson`, ...SONNET]],
  ["plan", ["plan", `${PLANS}/plan.yaml`]],
  ["plan-csv", ["plan", `${PLANS}/plan.yaml`, "--format", "csv"]],
  ["plan-markdown", ["plan", `${PLANS}/plan.yaml`, "--format", "markdown"]],
  ["check-clean", ["check", `${PLANS}/check-clean.yaml`]],
  ["check-findings", ["check", `${PLANS}/check-findings.yaml`]],
  ["check-terraform", ["check", `${PLANS}/check-terraform.yaml`, "--terraform", `${PLANS}/terraform-plan.json`]],
  ["check-findings-json", ["check", `${PLANS}/check-findings.yaml`, "--format", "json"]],
  ["check-findings-markdown", ["check", `${PLANS}/check-findings.yaml`, "--format", "markdown"]],
  ["check-findings-github", ["check", `${PLANS}/check-findings.yaml`, "--format", "github"]],
  ["check-clean-markdown", ["check", `${PLANS}/check-clean.yaml`, "--format", "markdown"]],
  [
    "check-terraform-github",
    ["check", `${PLANS}/check-terraform.yaml`, "--terraform", `${PLANS}/terraform-plan.json`, "--format", "github"],
  ],
  ["rates-list-provisioned", ["rates", "list", "--lane", "provisioned"]],
  ["rates-versions", ["rates", "versions"]],
  ["rates-show", ["rates", "show", "us.anthropic.claude-sonnet-4-5-20250929-v1:0"]],
  ["rates-validate-ok", ["rates", "validate", "test/fixtures/rates/quote-sonnet-pt.yaml", "test/fixtures/rates/worked-example.yaml"]],
  ["rates-diff", ["rates", "diff", "test/fixtures/bundled/us-east-1/2025-01-01.yaml", "test/fixtures/bundled/us-east-1/2026-01-01.yaml"]],
  ["error-rates-diff-incomplete-file", ["rates", "diff", "2026-11-01", "test/fixtures/rates/quote-sonnet-pt.yaml"]],
  [
    "rates-import",
    [
      "rates",
      "import",
      "test/fixtures/price-list/AmazonBedrockFoundationModels.json",
      "--region",
      "us-east-1",
      "--effective-date",
      "2026-12-01",
    ],
  ],
  // Help
  ["help", ["--help"]],
  ...(["compare", "chart", "profile", "plan", "check", "rates"] as const).map((command): [string, string[]] => [
    `help-${command}`,
    [command, "--help"],
  ]),
  ...(["list", "versions", "show", "validate", "diff", "import"] as const).map((command): [string, string[]] => [
    `help-rates-${command}`,
    ["rates", command, "--help"],
  ]),
  ["version", ["--version"]],
  // Errors: bad flags, names, values and files, each with its exit code
  ["error-unknown-command", ["compp"]],
  ["error-unknown-flag", ["compare", "--model", "claude-instant", ...HALF, "--bogus"]],
  ["error-missing-flag", ["compare", ...HALF]],
  ["error-bad-token-count", ["compare", "--model", "claude-instant", "--input-tokens", "3X", "--output-tokens", "1"]],
  ["error-unknown-model", ["compare", "--model", "claude-3.5-sonet", ...HALF]],
  ["error-unit-hourly-without-term", ["compare", "--model", "claude-instant", ...HALF, "--unit-hourly", "10"]],
  ["error-cache-without-price", ["compare", "--model", "claude-3-haiku", ...HALF, "--cache-read-tokens", "1B"]],
  ["error-peak-below-average", ["compare", "--model", "claude-instant", ...HALF, "--peak-input-tpm", "100", "--peak-output-tpm", "100k"]],
  ["error-too-large", ["compare", "--model", "claude-instant", "--input-tokens", "2e14", "--output-tokens", "1"]],
  ["error-missing-rate-file", ["compare", "--model", "claude-instant", ...HALF, "--rates", "nope.yaml"]],
  ["error-invalid-rate-file", ["compare", "--model", "claude-instant", ...HALF, "--rates", "test/fixtures/rates/invalid-many.yaml"]],
  ["error-rate-file-other-region", ["compare", "--model", "claude-instant", ...HALF, "--rates", "test/fixtures/rates/wrong-region.yaml"]],
  ["error-chart-output-without-svg", ["chart", "--model", "claude-instant", ...HALF, "--output", "chart.txt"]],
  ["error-profile-bad-line", ["profile", `${TRAFFIC}/bad-line.csv`, "--model", "claude-instant"]],
  ["error-profile-cache-without-price", ["profile", `${TRAFFIC}/cached.csv`, "--model", "claude-3-haiku"]],
  ["error-profile-other-model", ["profile", `${TRAFFIC}/invocation-logs.ndjson`, "--model", "claude-instant"]],
  ["error-plan-invalid", ["plan", `${PLANS}/invalid-plan.yaml`]],
  ["error-plan-models", ["plan", `${PLANS}/invalid-models.yaml`]],
  ["error-plan-cross-references", ["check", `${PLANS}/invalid-cross.yaml`]],
  ["error-check-terraform-not-a-plan", ["check", `${PLANS}/check-clean.yaml`, "--terraform", `${PLANS}/plan.yaml`]],
  ["error-check-unmapped-custom", ["check", `${PLANS}/check-unmapped-custom.yaml`, "--terraform", `${PLANS}/terraform-plan.json`]],
  ["error-rates-validate", ["rates", "validate", "test/fixtures/rates/implausible.yaml", "test/fixtures/rates/invalid-header.yaml"]],
  ["error-rates-show-unknown", ["rates", "show", "nova-prime"]],
  ["error-rates-import-no-region", ["rates", "import", "test/fixtures/price-list/AmazonBedrock.json", "--effective-date", "2026-12-01"]],
];

function fence(label: string, text: string): string[] {
  return text === "" ? [`${label}: (empty)`] : [`${label}:`, "```", text.replace(/\n$/, ""), "```"];
}

describe("the CLI as users see it", () => {
  it.each(CASES)("%s", async (name, args) => {
    const run = runCli(args);
    const doc = [
      `# ${name}`,
      "",
      "```",
      `$ bedrock-cost ${args.join(" ")}`,
      "```",
      "",
      ...fence("stdout", run.stdout),
      "",
      ...fence("stderr", run.stderr),
      "",
      `Exit code: ${run.code}`,
      "",
    ].join("\n");
    await expect(doc).toMatchFileSnapshot(`snapshots/${name}.md`);
  });
});
