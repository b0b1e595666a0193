import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { main } from "../../src/main.js";
import { VERSION } from "../../src/version.js";

function io(env: Record<string, string> = {}, failOnWrite = false) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      writeOut: (text: string) => {
        if (failOnWrite) throw new Error("stdout went away");
        out.push(text);
      },
      writeErr: (text: string) => void err.push(text),
      env,
      isTTY: false,
    },
  };
}

const ARGS = ["compare", "-m", "claude-instant", "--input-tokens", "3B", "--output-tokens", "600M", "--format", "json"];

describe("main", () => {
  it("returns 0 and writes the report", async () => {
    const run = io();
    expect(await main(ARGS, run.io)).toBe(0);
    expect(JSON.parse(run.out.join("")).model.id).toBe("anthropic.claude-instant-v1");
  });

  it("turns a bug into exit code 3 with a one-line message and no stack", async () => {
    const run = io({}, true);
    expect(await main(ARGS, run.io)).toBe(3);
    expect(run.err.join("")).toBe(
      "bedrock-cost: internal error: stdout went away\nThis is a bug in bedrock-cost; run again with BEDROCK_COST_DEBUG=1 for the stack trace and report it.\n",
    );
  });

  it("shows the stack of a bug only with BEDROCK_COST_DEBUG=1", async () => {
    const run = io({ BEDROCK_COST_DEBUG: "1" }, true);
    expect(await main(ARGS, run.io)).toBe(3);
    expect(run.err.join("")).toMatch(/internal error: stdout went away\nError: stdout went away\n\s+at /);
  });

  it("reports the version of package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
