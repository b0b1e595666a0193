import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { markdownText } from "../../src/render/check-markdown.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const { dir, file } = tempDir("check-ci");
const PLAN = "test/fixtures/plans/check-findings.yaml";

describe("check for pull requests: markdown and GitHub workflow commands", () => {
  it("appends the markdown report to GITHUB_STEP_SUMMARY with --format github, keeping what is there", () => {
    const summary = file("summary.md", "## Earlier step\n");
    const run = runCli(["check", PLAN, "--format", "github"], { GITHUB_STEP_SUMMARY: summary });
    expect(run.code).toBe(1);
    const markdown = runCli(["check", PLAN, "--format", "markdown"]).stdout;
    expect(readFileSync(summary, "utf8")).toBe(`## Earlier step\n${markdown}\n`);
    // The annotations point at the plan-file line of the reservation or workload named.
    expect(run.stdout.split("\n")[0]).toMatch(/^::error file=test\/fixtures\/plans\/check-findings\.yaml,line=\d+,title=[A-Z_]+::/);
  });

  it("a summary file that cannot be written is bad input, in one line", () => {
    const run = runCli(["check", PLAN, "--format", "github"], { GITHUB_STEP_SUMMARY: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: GITHUB_STEP_SUMMARY: cannot append the report to ${dir} (EISDIR)\n`);
  });

  it("shows names from the user's files as text, never as markup", () => {
    expect(markdownText("a|b <script>x</script> *bold* [l](u)")).toBe("a\\|b &lt;script&gt;x&lt;/script&gt; \\*bold\\* \\[l\\](u)");
  });

  it("names the verdict and the money in the markdown heading, under a marker a workflow can find", () => {
    const lines = runCli(["check", PLAN, "--format", "markdown"]).stdout.split("\n");
    expect(lines[0]).toBe("<!-- bedrock-cost -->");
    expect(lines[1]).toMatch(/^### bedrock-cost: FAILED, \d+ errors?, \$[\d,]+\.\d\d a month wasted or at risk/);
    const clean = runCli(["check", "test/fixtures/plans/check-clean.yaml", "--format", "markdown"]);
    expect(clean.code).toBe(0);
    expect(clean.stdout.split("\n")[1]).toBe("### bedrock-cost: PASSED, no errors, 0 warnings, 0 info");
  });

  it("plan --format markdown shows a workload's name as text in its table", () => {
    const plan = file(
      "md.yaml",
      'schemaVersion: 1\nworkloads:\n  - {name: "chat | <b>x</b>", model: nova-lite, monthly: {inputTokens: 1B, outputTokens: 100M}}\n',
    );
    const lines = runCli(["plan", plan, "--format", "markdown"]).stdout.split("\n");
    // 1,000 × $0.06 + 100 × $0.24 = $84.
    expect(lines).toContain("| chat \\| &lt;b&gt;x&lt;/b&gt; | Amazon Nova Lite | on-demand | $84.00 | - | - | - |");
  });
});
