import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

function sources(folder: string): { file: string; text: string }[] {
  const dir = join(SRC, folder);
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => ({ file: `${folder}/${name}`, text: readFileSync(join(dir, name), "utf8") }));
}

function imports(text: string): string[] {
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((match) => match[1] as string);
}

describe("module boundaries", () => {
  it("keeps the core pure: it imports only the core (no I/O, no process, no console, no colour, no CLI or file libraries)", () => {
    const core = join(SRC, "core");
    for (const { file, text } of sources("core")) {
      for (const spec of imports(text)) {
        const target = resolve(dirname(join(SRC, file)), spec);
        expect(spec.startsWith(".") && target.startsWith(`${core}/`), `${file} imports ${spec}`).toBe(true);
      }
      expect(text, file).not.toMatch(/\bprocess\.|\bconsole\./);
    }
  });

  it("keeps renderers to strings: no files, no process, no exit", () => {
    for (const { file, text } of sources("render")) {
      for (const spec of imports(text)) {
        expect(
          spec.startsWith("node:") || spec === "commander" || spec === "yaml" || spec.startsWith("zod"),
          `${file} imports ${spec}`,
        ).toBe(false);
        expect(spec.includes("/readers/") || spec.includes("/commands/"), `${file} imports ${spec}`).toBe(false);
      }
      expect(text, file).not.toMatch(/\bprocess\.|\bconsole\./);
    }
  });

  it("keeps readers away from rendering and the CLI", () => {
    for (const { file, text } of sources("readers")) {
      for (const spec of imports(text)) {
        expect(
          spec.includes("/render/") || spec.includes("/commands/") || ["chalk", "cli-table3", "commander"].includes(spec),
          `${file} imports ${spec}`,
        ).toBe(false);
      }
      expect(text, file).not.toMatch(/\bprocess\.|\bconsole\./);
    }
  });

  it("lets only the entry point touch process.stdout and the exit code", () => {
    for (const folder of ["commands", "cli"]) {
      for (const { file, text } of sources(folder)) {
        expect(text, file).not.toMatch(/process\.(stdout|stderr|exit)/);
      }
    }
  });
});

describe("process state", () => {
  it("is touched only by the entry point", () => {
    for (const { file, text } of [...sources("commands"), ...sources("cli")]) {
      expect(text, file).not.toMatch(/process\.exitCode/);
    }
    for (const name of ["program.ts", "main.ts"]) {
      expect(readFileSync(join(SRC, name), "utf8"), name).not.toMatch(/process\.(exitCode|exit\(|stdout|stderr)/);
    }
  });
});

describe("no network", () => {
  const NETWORK =
    /require\(["'](node:)?(http|https|http2|net|tls|dgram|dns|inspector)["']\)|(from|import)\s*\(?\s*["'](node:)?(http|https|http2|net|tls|dgram|dns)["']|\bfetch\(|XMLHttpRequest|WebSocket/;

  it("is in the sources: no network module, no fetch", () => {
    for (const folder of ["core", "readers", "render", "commands", "cli", "writers"]) {
      for (const { file, text } of sources(folder)) expect(text, file).not.toMatch(NETWORK);
    }
  });

  it("is in the built CLI and the libraries it loads (commander, chalk, cli-table3 bundled; yaml and zod in dist/vendor.cjs)", () => {
    const ROOT = fileURLToPath(new URL("..", import.meta.url));
    const files = [
      join(ROOT, "dist/bedrock-cost.cjs"),
      join(ROOT, "dist/cli.cjs"),
      join(ROOT, "dist/vendor.cjs"),
      ...["yaml/dist", "zod/v4"].flatMap((lib) =>
        readdirSync(join(ROOT, "node_modules", lib), { recursive: true })
          .map(String)
          .filter((name) => /\.c?js$/.test(name))
          .map((name) => join(ROOT, "node_modules", lib, name)),
      ),
    ];
    for (const file of files) expect(readFileSync(file, "utf8"), file).not.toMatch(NETWORK);
  });
});

describe("the vendor bundle", () => {
  it("names every zod function and yaml export the sources call (dist/vendor.cjs holds only those)", () => {
    const entry = readFileSync(fileURLToPath(new URL("../scripts/vendor-entry.mjs", import.meta.url)), "utf8");
    const zodExport = /export const zod = \{\s*z: \{([^}]*)\}/.exec(entry)?.[1] ?? "";
    const provided = new Set(zodExport.split(",").map((part) => (part.split(":")[0] ?? "").trim()));
    expect(provided.size).toBeGreaterThan(10);
    const all = sources(".").filter(({ text }) => /from "zod\/mini"/.test(text));
    expect(all.length).toBeGreaterThan(0);
    for (const { file, text } of all) {
      // Type positions (z.infer, z.ZodType, z.ZodError) need nothing at run time.
      const calls = [...text.matchAll(/\bz\.([a-zA-Z]+)\b/g)]
        .map((match) => match[1] as string)
        .filter((name) => !/^(infer|Zod[A-Z]\w*)$/.test(name));
      for (const name of calls) expect(provided.has(name), `${file} calls z.${name}`).toBe(true);
    }
  });
});
