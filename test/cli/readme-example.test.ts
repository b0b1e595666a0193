import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const { file } = tempDir("readme");
const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** The README's first example: the command, what it prints, and the quote file it reads. */
function firstExample(): { args: string[]; printed: string; quote: string } {
  const section = README.slice(README.indexOf("### Compare the lanes for one workload"));
  const [, block = "", quote = ""] = /```\n([\s\S]*?)```[\s\S]*?```yaml\n([\s\S]*?)```/.exec(section) ?? [];
  const lines = block.split("\n");
  let command = "";
  while (lines.length > 0) {
    const line = lines.shift() as string;
    command += line.replace(/\\$/, "");
    if (!line.endsWith("\\")) break;
  }
  const args = command
    .replace(/^\$ npx bedrock-cost /, "")
    .trim()
    .split(/\s+/);
  return { args, printed: lines.join("\n"), quote };
}

describe("the README's first example", () => {
  it("prints what the README shows, from the quote file it shows", () => {
    const { args, printed, quote } = firstExample();
    const path = file("quote.yaml", quote);
    const run = runCli(args.map((arg) => (arg === "quote.yaml" ? path : arg)));
    expect(run.code).toBe(0);
    // Only the quote's path differs: the README runs it from the folder that holds quote.yaml.
    expect(run.stdout.replaceAll(path, "quote.yaml")).toBe(printed);
  });

  it("holds the figures the text gives for 8B input + 1.6B output", () => {
    const { args, quote } = firstExample();
    const path = file("quote.yaml", quote);
    const flags = args.map((arg) => (arg === "quote.yaml" ? path : arg === "3B" ? "8B" : arg === "600M" ? "1.6B" : arg));
    // Without the peaks: the volume spread evenly, as the text says.
    const at = flags.indexOf("--peak-input-tpm");
    flags.splice(at, 4);
    const report = runJson(flags);
    // 8,000 × 3.30 + 1,600 × 16.50 = $52,800; 2 units × 25 × 730 = $36,500 plus 23.35% of $52,800 overflowing.
    expect(report.onDemand.monthlyCost).toBe(52_800);
    expect(report.recommendation).toMatchObject({ lane: "provisioned", units: 2, monthlyCost: 48_828.8 });
  });
});
