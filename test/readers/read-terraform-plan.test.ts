import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTerraformPlan } from "../../src/readers/read-terraform-plan.js";
import { problemsOf } from "../helpers/problems.js";

const FIXTURE = "test/fixtures/plans/terraform-plan.json";
const text = readFileSync(FIXTURE, "utf8");

describe("parseTerraformPlan", () => {
  it("finds every PT resource: changes, a replace, an unknown value, and an unchanged one in a child module", () => {
    const resources = parseTerraformPlan(text, FIXTURE);
    expect(resources.map((r) => [r.address, r.actions.join("+")])).toEqual([
      ["aws_bedrock_provisioned_model_throughput.copilot", "create"],
      ["aws_bedrock_provisioned_model_throughput.summaries", "delete+create"],
      ["aws_bedrock_provisioned_model_throughput.pending", "create"],
      ["module.tuning.aws_bedrock_provisioned_model_throughput.tuned", "no-op"],
    ]);
    const [copilot, summaries, pending, tuned] = resources;
    expect(copilot).toMatchObject({ before: null, after: { units: 1, term: "1-month" }, unknown: [] });
    expect(summaries).toMatchObject({ before: { units: 1, term: "6-month" }, after: { units: 2, term: "6-month" } });
    expect(pending).toMatchObject({ after: { units: null, term: "1-month" }, unknown: ["model_units"] });
    expect(tuned?.after?.modelArn).toMatch(/:custom-model\//);
  });

  it("reads an absent commitment_duration as no commitment", () => {
    const plan = {
      format_version: "1.0",
      planned_values: {
        root_module: {
          resources: [
            {
              address: "aws_bedrock_provisioned_model_throughput.x",
              mode: "managed",
              type: "aws_bedrock_provisioned_model_throughput",
              values: { model_arn: "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1", model_units: 1 },
            },
          ],
        },
      },
    };
    expect(parseTerraformPlan(JSON.stringify(plan), "p.json")[0]?.after).toEqual({
      modelArn: "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1",
      units: 1,
      term: "no-commit",
    });
  });

  it("accepts a plan with no changes at all", () => {
    expect(parseTerraformPlan('{"format_version": "1.2"}', "empty.json")).toEqual([]);
  });

  it("rejects what is not a Terraform plan JSON, with the line of a syntax error", () => {
    expect(problemsOf(() => parseTerraformPlan('{\n  "format_version": "1.2",\n  oops\n}', "bad.json"))[0]).toMatch(
      /^bad\.json:3: invalid JSON: /,
    );
    expect(problemsOf(() => parseTerraformPlan("[]", "list.json"))).toEqual([
      "list.json: not a Terraform plan: no format_version (make one with terraform show -json PLANFILE)",
    ]);
    expect(problemsOf(() => parseTerraformPlan('{"format_version": "2.0"}', "v2.json"))).toEqual([
      "v2.json: format_version: format 2.0 is not supported (expected 1.x)",
    ]);
  });

  it("names the field of a malformed PT resource", () => {
    const plan = {
      format_version: "1.2",
      resource_changes: [
        {
          address: "aws_bedrock_provisioned_model_throughput.x",
          type: "aws_bedrock_provisioned_model_throughput",
          change: {
            actions: ["create"],
            before: null,
            after: { model_arn: "arn:x", model_units: 1.5, commitment_duration: "ThreeMonths" },
          },
        },
      ],
    };
    expect(problemsOf(() => parseTerraformPlan(JSON.stringify(plan), "p.json"))).toEqual([
      "p.json: resource_changes[0].change.after.model_units: expected a whole number of model units, got 1.5",
      'p.json: resource_changes[0].change.after.commitment_duration: expected OneMonth, SixMonths or no value, got "ThreeMonths"',
    ]);
  });
});
