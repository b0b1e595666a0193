import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { OPTIONS } from "../src/cli/options.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PAGES = [
  "README.md",
  "SECURITY.md",
  "CONTRIBUTING.md",
  "CHANGELOG.md",
  "rates/README.md",
  ...readdirSync(join(ROOT, "docs")).map((name) => `docs/${name}`),
];
const read = (page: string) => readFileSync(join(ROOT, page), "utf8");

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, "")
    .replace(/ /g, "-");
}

function anchors(page: string): Set<string> {
  return new Set([...read(page).matchAll(/^#+ (.+)$/gm)].map((match) => slug(match[1] as string)));
}

describe("the documentation", () => {
  it("links only to files and headings that exist", () => {
    for (const page of PAGES) {
      const text = read(page).replace(/```[\s\S]*?```/g, "");
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^https?:/.test(target as string)) continue;
        const [file, anchor] = (target as string).split("#") as [string, string | undefined];
        const path = file === "" ? join(ROOT, page) : resolve(dirname(join(ROOT, page)), file);
        expect(existsSync(path), `${page} links to ${target}`).toBe(true);
        if (anchor) expect(anchors(path.slice(ROOT.length)).has(anchor), `${page} links to ${target}`).toBe(true);
      }
    }
  });

  it("keeps the README a short front door", () => {
    expect(read("README.md").split("\n").length).toBeLessThanOrEqual(250);
  });

  it("describes every option of every command", () => {
    const docs = PAGES.filter((page) => page.startsWith("docs/"))
      .map(read)
      .join("\n");
    for (const make of Object.values(OPTIONS)) {
      const option = make();
      expect(docs, `${option.flags} is not in docs/`).toContain(option.long as string);
    }
  });

  it("explains every reason, note and finding code", () => {
    const source = (path: string) => readFileSync(join(ROOT, "src", path), "utf8");
    const codes = (text: string) => [...new Set([...text.matchAll(/code: "([A-Z_]+)"/g)].map((match) => match[1] as string))];
    const docs = ["docs/compare.md", "docs/plan.md", "docs/check.md", "docs/profile.md", "docs/audit.md", "docs/json.md", "docs/rates.md"]
      .map(read)
      .join("\n");
    const all = [
      ...codes(source("core/lanes/reasons.ts")),
      ...codes(source("core/plans/findings.ts")),
      ...codes(source("render/measurement-notes.ts")),
      ...codes(source("render/rates-show.ts")),
    ];
    expect(all.length).toBeGreaterThan(40);
    for (const code of all) expect(docs, `${code} is not explained in docs/`).toContain(`\`${code}\``);
  });
});
