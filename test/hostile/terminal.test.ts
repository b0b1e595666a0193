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
      "error: option '--latency <latency>' argument 'a\\u001b[2Jb' is invalid. Allowed choices are interactive, async.\n",
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
