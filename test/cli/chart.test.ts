import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const ARGS = [
  "chart",
  "--rates",
  "test/fixtures/rates/worked-example.yaml",
  "--model",
  "example.sonnet-class",
  "--input-tokens",
  "3B",
  "--output-tokens",
  "600M",
  "--units",
  "2",
];

describe("bedrock-cost chart", () => {
  it("draws in plain characters at 80 columns when stdout is not a terminal", () => {
    const run = runCli(ARGS);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Sonnet-class example: cost against volume");
    expect(run.stdout).toMatch(/^[\x20-\x7e\n]*$/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(run.stdout).toContain("X break-even (6-month): 6.08B input + 1.22B output tokens a month, $36,500.00");
  });

  it("respects --width", () => {
    const run = runCli([...ARGS, "--width", "60"]);
    for (const line of run.stdout.trimEnd().split("\n")) expect(line.length).toBeLessThanOrEqual(60);
  });

  it("writes SVG to stdout, or whole to --output and never over a file without --force", () => {
    const svg = runCli([...ARGS, "--format", "svg"]);
    expect(XMLValidator.validate(svg.stdout)).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), "bedrock-cost-chart-"));
    const file = join(dir, "chart.svg");
    const first = runCli([...ARGS, "--format", "svg", "--output", file]);
    expect(first).toMatchObject({ code: 0, stdout: "", stderr: `wrote ${file}\n` });
    expect(readFileSync(file, "utf8")).toBe(svg.stdout);

    writeFileSync(file, "the user's own file");
    const again = runCli([...ARGS, "--format", "svg", "--output", file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`error: --output ${file}: the file exists; add --force to replace it\n`);
    expect(readFileSync(file, "utf8")).toBe("the user's own file");

    expect(runCli([...ARGS, "--format", "svg", "--output", file, "--force"]).code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(svg.stdout);
    expect(readdirSync(dir)).toEqual(["chart.svg"]);
  });

  it.each([
    ["--output without svg", [...ARGS, "--output", "x.svg"], "error: --output writes SVG: add --format svg"],
    [
      "a folder that does not exist",
      [...ARGS, "--format", "svg", "--output", "/nonexistent-dir/x.svg"],
      "error: --output /nonexistent-dir/x.svg: cannot write (ENOENT)",
    ],
    [
      "a width too narrow to draw in",
      [...ARGS, "--width", "10"],
      "error: option '--width <columns>' argument '10' is invalid. expected between 40 and 1,000 columns",
    ],
    [
      "no volume to set the mix",
      ["chart", "-m", "claude-instant", "--input-tokens", "0", "--output-tokens", "0"],
      "error: --input-tokens and --output-tokens are both 0: the chart needs a volume to set the mix of tokens",
    ],
  ])("exits 2 on %s", (_, args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${message}\n`);
  });
});
