import { describe, expect, it } from "vitest";
import { terminalSafe } from "../../src/render/terminal-safe.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const { file } = tempDir("terminal");

describe("the terminal shows only what is safe", () => {
  it("escapes control characters, line breaks and bidirectional controls, and caps a line", () => {
    expect(terminalSafe("a\u001b[2Jb\u202eevil\u2066c\nd")).toBe("a\\u001b[2Jb\\u202eevil\\u2066c\\u000ad");
    expect(terminalSafe("x".repeat(5_000))).toBe(`${"x".repeat(1_000)}... (4000 more characters)`);
  });

  it("escapes what the user typed in the command-line library's own messages", () => {
    const option = runCli(["rates", "list", "--\u001b[31mfoo\u202e"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("error: unknown option '--\\u001b[31mfoo\\u202e'");
    const choice = runCli(["compare", "-m", "claude-instant", "--input-tokens", "1", "--output-tokens", "1", "--latency", "a\u001b[2Jb"]);
    expect(choice.stderr).toBe(
      "error: option '--latency <latency>' argument 'a\\u001b[2Jb' is invalid. Allowed choices are interactive, async, flex.\n",
    );
  });

  it("caps a message that echoes a 131,000-character flag value", () => {
    const run = runCli(["compare", "-m", "claude-instant", "--input-tokens", "1", "--output-tokens", "1", "--region", "a".repeat(131_000)]);
    expect(run.code).toBe(2);
    expect(Math.max(...run.stderr.split("\n").map((line) => line.length))).toBeLessThan(1_100);
  });

  it("refuses a name with a bidirectional control in a plan", () => {
    const plan = file(
      "bidi.yaml",
      'schemaVersion: 1\nworkloads:\n  - {name: "pay\u202emonthly", model: claude-instant, monthly: {inputTokens: 1, outputTokens: 1}}\n',
    );
    const run = runCli(["plan", plan]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${plan}:3: workloads[0].name: expected a workload name without control characters\n`);
  });
});

describe("names that differ only by letter case or Unicode normalisation are one name", () => {
  it("in a plan's workloads and reservations", () => {
    const plan = file(
      "case.yaml",
      [
        "schemaVersion: 1",
        "workloads:",
        "  - {name: Chat, model: claude-instant, monthly: {inputTokens: 1, outputTokens: 1}}",
        "  - {name: chat, model: claude-instant, monthly: {inputTokens: 1, outputTokens: 1}}",
        `  - {name: "caf\u00e9", model: claude-instant, monthly: {inputTokens: 1, outputTokens: 1}}`,
        `  - {name: "cafe\u0301", model: claude-instant, monthly: {inputTokens: 1, outputTokens: 1}}`,
        "",
      ].join("\n"),
    );
    const run = runCli(["plan", plan]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: ${plan}:4: workloads[1].name: duplicate name "chat", also workloads[0]\n` +
        `error: ${plan}:6: workloads[3].name: duplicate name "cafe\u0301", also workloads[2]\n`,
    );
  });

  it("in a rate file's model ids", () => {
    const rates = file(
      "case-rates.yaml",
      [
        "schemaVersion: 1",
        "region: us-east-1",
        "models:",
        "  - {id: example.model, name: One, provider: Example, onDemand: {inputPerMTok: 1, outputPerMTok: 2}}",
        "  - {id: Example.Model, name: Two, provider: Example, onDemand: {inputPerMTok: 3, outputPerMTok: 4}}",
        "",
      ].join("\n"),
    );
    const run = runCli(["compare", "-m", "example.model", "--input-tokens", "1", "--output-tokens", "1", "--rates", rates]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${rates}:5: models[1].id: duplicate id "Example.Model", already given at models[0]\n`);
  });
});

describe("a flag that takes one value is given once", () => {
  it.each([
    [["--region", "us-east-1", "--region", "eu-west-1"], "--region"],
    [["--format", "json", "-f", "csv"], "--format"],
    [["--input-tokens=2"], "--input-tokens"],
    [["--term", "6-month", "--term", "1-month"], "--term"],
  ])("%j", (extra, flag) => {
    const run = runCli(["compare", "-m", "claude-instant", "--input-tokens", "1", "--output-tokens", "1", ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${flag} is given 2 times: give it once\n`);
  });

  it("keeps repeatable flags repeatable", () => {
    const run = runCli([
      "compare",
      "-m",
      "claude-3.5-sonnet-v2",
      "--input-tokens",
      "1",
      "--output-tokens",
      "1",
      "-r",
      "test/fixtures/rates/quote-sonnet-pt.yaml",
      "--rates",
      "test/fixtures/rates/quote-one-month.yaml",
      "--format",
      "json",
    ]);
    expect(run.code).toBe(0);
  });
});
