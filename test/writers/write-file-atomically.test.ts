import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { writeFileAtomically } from "../../src/writers/write-file-atomically.js";
import { tempDir } from "../helpers/temp-dir.js";

const { dir } = tempDir("write");

describe("writeFileAtomically", () => {
  it("writes a new file whole and leaves no temporary file", () => {
    const path = join(dir, "new.yaml");
    writeFileAtomically(path, "a: 1\n", false, "--output");
    expect(readFileSync(path, "utf8")).toBe("a: 1\n");
    expect(readdirSync(dir)).toEqual(["new.yaml"]);
  });

  it("keeps an existing file unless forced, and then replaces it", () => {
    const path = join(dir, "mine.yaml");
    writeFileSync(path, "my own\n");
    expect(() => writeFileAtomically(path, "other\n", false, "--output")).toThrow(
      new UsageError(`--output ${path}: the file exists; add --force to replace it`),
    );
    expect(readFileSync(path, "utf8")).toBe("my own\n");
    writeFileAtomically(path, "other\n", true, "--output");
    expect(readFileSync(path, "utf8")).toBe("other\n");
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("names the flag and the reason when the folder cannot be written", () => {
    const path = join(dir, "missing", "out.yaml");
    expect(() => writeFileAtomically(path, "x\n", false, "--output")).toThrow(new UsageError(`--output ${path}: cannot write (ENOENT)`));
  });
});
