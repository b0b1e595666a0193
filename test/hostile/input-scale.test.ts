import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

// Inputs far larger in count than any argument list: each once made a run exit 3 with "Maximum call
// stack size exceeded" (push(...list) on a list sized by the input).
const { file } = tempDir("scale");
const CLI = join(process.cwd(), "dist/cli.cjs");

describe("inputs sized past an argument list", () => {
  it("reads a get-metric-data file of 200,000 results", () => {
    const results: unknown[] = [];
    for (let i = 0; i < 200_000; i++)
      results.push({ Id: `m${i}`, Label: `Invocations ${i}`, Timestamps: [], Values: [], StatusCode: "Complete" });
    const times = ["2026-11-01T00:00:00Z", "2026-11-01T00:01:00Z"];
    results.push({ Id: "in", Label: "InputTokenCount", Timestamps: times, Values: [60_000, 120_000], StatusCode: "Complete" });
    results.push({ Id: "out", Label: "OutputTokenCount", Timestamps: times, Values: [6_000, 12_000], StatusCode: "Complete" });
    const path = file("many-results.json", JSON.stringify({ MetricDataResults: results }));
    const run = runCli(["profile", path, "-m", "claude-3.5-sonnet-v2", "--format", "json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    // 180,000 input tokens in 2 minutes, over 43,800 minutes
    expect(report.monthly.inputTokens).toBe(180_000 * 21_900);
    const ignored = report.notes.find((note: { code: string }) => note.code === "IGNORED_METRICS").message;
    expect(ignored).toBe(
      "Left out metrics that are not token counts: Invocations 0, Invocations 1, Invocations 2, Invocations 3, Invocations 4, and 199,995 more.",
    );
  });

  /** A Terraform plan of `pt` Provisioned Throughput resources among `others` other resources. */
  function terraformPlan(name: string, pt: number, others: number): string {
    const resources: unknown[] = [];
    for (let i = 0; i < others; i++) {
      resources.push({ address: `aws_s3_object.o${i}`, mode: "managed", type: "aws_s3_object", name: `o${i}`, values: { key: `k${i}` } });
    }
    for (let i = 0; i < pt; i++) {
      resources.push({
        address: `aws_bedrock_provisioned_model_throughput.p${i}`,
        mode: "managed",
        type: "aws_bedrock_provisioned_model_throughput",
        name: `p${i}`,
        values: {
          model_arn: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-instant-v1",
          model_units: 1,
          commitment_duration: "SixMonths",
          provisioned_model_name: `p${i}`,
        },
      });
    }
    return file(name, JSON.stringify({ format_version: "1.2", planned_values: { root_module: { resources } }, resource_changes: [] }));
  }

  it("reads a Terraform plan of 150,000 resources, 10,000 of them Provisioned Throughput", () => {
    const path = terraformPlan("big-plan.json", 10_000, 140_000);
    const run = spawnSync(
      process.execPath,
      [CLI, "check", "test/fixtures/plans/check-clean.yaml", "--terraform", path, "--format", "json"],
      { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    // Each is one unit of Claude Instant on 6 months serving nothing: $22 × 730 = $16,060 a month.
    expect(JSON.parse(run.stdout).totals).toMatchObject({ reservations: 10_000, errors: 10_000, reservedMonthlyCost: 16_060 * 10_000 });
  });

  it("refuses more than 10,000 Provisioned Throughput resources, which no account has, before checking them", () => {
    const path = terraformPlan("too-many.json", 10_001, 0);
    const run = runCli(["check", "test/fixtures/plans/check-clean.yaml", "--terraform", path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: ${path}: 10,001 aws_bedrock_provisioned_model_throughput resources: bedrock-cost checks at most 10,000 at once (split the plan by module or workspace)\n`,
    );
  });

  it("reads a Price List offer file of 150,000 products", () => {
    const products: Record<string, unknown> = {};
    const onDemand: Record<string, unknown> = {};
    for (let i = 0; i < 150_000; i++) {
      const sku = `SKU${i}`;
      products[sku] = {
        sku,
        // Few attributes: 150,000 products must stay under the 40 MB cap on JSON read whole.
        attributes: { regionCode: "eu-west-1", model: "Nova Micro", inferenceType: "Input tokens" },
      };
      onDemand[sku] = {
        [`${sku}.T`]: { priceDimensions: { [`${sku}.T.R`]: { unit: "1K tokens", pricePerUnit: { USD: "0.0000350000" } } } },
      };
    }
    for (const [sku, type, usd] of [
      ["IN", "Input tokens", "0.0000350000"],
      ["OUT", "Output tokens", "0.0001400000"],
    ]) {
      products[sku as string] = {
        sku,
        attributes: {
          regionCode: "us-east-1",
          model: "Nova Micro",
          inferenceType: type,
          usagetype: `USE1-NovaMicro-${type === "Input tokens" ? "input" : "output"}-tokens`,
        },
      };
      onDemand[sku as string] = {
        [`${sku}.T`]: { priceDimensions: { [`${sku}.T.R`]: { unit: "1K tokens", pricePerUnit: { USD: usd } } } },
      };
    }
    const path = file(
      "big-offer.json",
      JSON.stringify({
        offerCode: "AmazonBedrock",
        version: "1",
        publicationDate: "2026-11-01T00:00:00Z",
        products,
        terms: { OnDemand: onDemand },
      }),
    );
    const run = runCli(["rates", "import", path, "--region", "us-east-1", "--effective-date", "2026-11-01"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("onDemand: {inputPerMTok: 0.035, outputPerMTok: 0.14}");
    expect(run.stderr).toContain("note: left out 150000 price lines of other regions");
  });
});
