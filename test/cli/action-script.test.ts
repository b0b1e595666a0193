import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/temp-dir.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const { dir, file } = tempDir("action");

/** Runs the action's script as the composite action does, with its inputs in the environment. */
function runAction(inputs: Record<string, string>) {
  const summary = file("summary.md", "");
  const output = file("output.txt", "");
  const run = spawnSync("bash", ["scripts/action-check.sh"], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "",
      GITHUB_ACTION_PATH: ROOT,
      RUNNER_TEMP: dir,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      ...inputs,
    },
  });
  return { ...run, summary: readFileSync(summary, "utf8"), output: readFileSync(output, "utf8") };
}

describe("the GitHub Action's script (action.yml)", () => {
  it("passes a clean plan: exit 0, the report for the comment, the job summary", () => {
    const run = runAction({ INPUT_PLAN: "test/fixtures/plans/check-clean.yaml" });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("bedrock-cost: PASSED, no errors, 0 warnings, 0 info\n");
    expect(run.output).toBe(`report=${dir}/bedrock-cost-report.md\n`);
    const report = readFileSync(`${dir}/bedrock-cost-report.md`, "utf8");
    expect(report.split("\n")[0]).toBe("<!-- bedrock-cost -->");
    expect(run.summary).toBe(`${report}\n`);
  });

  it("fails the step on an error finding (exit 1), with annotations", () => {
    const run = runAction({ INPUT_PLAN: "test/fixtures/plans/check-findings.yaml" });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=test\/fixtures\/plans\/check-findings\.yaml,line=\d+,title=IDLE_RESERVATION::/);
  });

  it("passes the Terraform plan and the format through, and fails on bad input (exit 2)", () => {
    const terraform = runAction({
      INPUT_PLAN: "test/fixtures/plans/check-terraform.yaml",
      INPUT_TERRAFORM: "test/fixtures/plans/terraform-plan.json",
      INPUT_FORMAT: "json",
    });
    expect(terraform.status).toBe(1);
    expect(JSON.parse(terraform.stdout).findings.map((f: { code: string }) => f.code)).toContain("COMMITTED_REPLACEMENT");
    const missing = runAction({ INPUT_PLAN: "test/fixtures/plans/no-such-plan.yaml" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("error:");
  });
});
