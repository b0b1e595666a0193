import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/run-cli.js";

// 1B input + 100M output a month: Nova Pro ($0.80 / $3.20) 800 + 320 = $1,120; Nova Lite ($0.06 / $0.24) 60 + 24 = $84.
const BOTH = ["compare", "-m", "nova-pro", "-m", "nova-lite", "--input-tokens", "1B", "--output-tokens", "100M"];

describe("compare several models for one workload", () => {
  it("gives each comparison and the cheapest: Nova Lite at $84.00 against $1,120.00", () => {
    const report = runJson(BOTH);
    expect(report.schemaVersion).toBe(1);
    expect(
      report.comparisons.map((c: { model: { id: string }; onDemand: { monthlyCost: number } }) => [c.model.id, c.onDemand.monthlyCost]),
    ).toEqual([
      ["amazon.nova-pro-v1:0", 1_120],
      ["amazon.nova-lite-v1:0", 84],
    ]);
    expect(report.cheapest).toEqual({ model: "amazon.nova-lite-v1:0", lane: "on-demand", term: null, units: null, monthlyCost: 84 });
  });

  it("puts the models side by side, cheapest first, then each one's comparison", () => {
    const run = runCli(BOTH);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Amazon Nova Lite \(amazon\.nova-lite-v1:0\) │ on-demand │\s+\$84\.00 │\s+- │\n│ Amazon Nova Pro \(amazon\.nova-pro-v1:0\)\s+│ on-demand │\s+\$1,120\.00 │\s+\+\$1,036\.00 │/,
    );
    expect(run.stdout).toContain("Recommendation: on-demand, $1,120.00 a month");
    expect(run.stdout).toContain("Recommendation: on-demand, $84.00 a month");
  });

  it("writes today's CSV rows for every model under one header", () => {
    const lines = runCli([...BOTH, "--format", "csv"])
      .stdout.trimEnd()
      .split("\n");
    expect(lines[0]?.startsWith("model,lane,term,")).toBe(true);
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 2).join(","))).toEqual([
      "amazon.nova-pro-v1:0,on-demand",
      "amazon.nova-pro-v1:0,batch",
      "amazon.nova-lite-v1:0,on-demand",
      "amazon.nova-lite-v1:0,batch",
    ]);
  });

  it("refuses the same model named twice", () => {
    const run = runCli(["compare", "-m", "nova-pro", "-m", "amazon.nova-pro-v1:0", "--input-tokens", "1B", "--output-tokens", "100M"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: --model amazon.nova-pro-v1:0 and --model nova-pro name the same model, amazon.nova-pro-v1:0\n");
  });
});

describe("chart several models", () => {
  const CHART = ["chart", "-m", "nova-pro", "-m", "nova-lite", "--input-tokens", "1B", "--output-tokens", "100M"];

  it("draws each model's on-demand line on one chart, each with a letter of its own", () => {
    const run = runCli([...CHART, "--width", "80", "--ascii"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Amazon Nova Pro, Amazon Nova Lite: cost against volume");
    expect(run.stdout).toContain("  A Amazon Nova Pro: on-demand\n  B Amazon Nova Lite: on-demand\n");
  });

  it("and as SVG, one series each", () => {
    const svg = runCli([...CHART, "--format", "svg"]).stdout;
    expect(svg.match(/data-series="[^"]*"/g)).toEqual([
      'data-series="Amazon Nova Pro: on-demand"',
      'data-series="Amazon Nova Lite: on-demand"',
    ]);
  });
});
