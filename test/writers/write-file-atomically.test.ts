import { spawnSync } from "node:child_process";
import { lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
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

  it.each([
    ["a folder", () => dir, "it is a folder, not a file"],
    ["a character device", () => "/dev/null", "it is a character device (such as /dev/zero), not a file"],
    [
      "a named pipe",
      () => {
        const path = join(dir, "pipe");
        spawnSync("mkfifo", [path]);
        return path;
      },
      "it is a named pipe, not a file",
    ],
  ])("refuses to write onto %s, with or without --force", (_, target, why) => {
    const path = target();
    for (const force of [false, true]) {
      expect(() => writeFileAtomically(path, "x\n", force, "--output")).toThrow(new UsageError(`--output ${path}: ${why}`));
    }
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("replaces a link only with --force, as a link: the file it points to is never written", () => {
    const target = join(dir, "linked-target.yaml");
    writeFileSync(target, "theirs\n");
    const link = join(dir, "link.yaml");
    symlinkSync(target, link);
    expect(() => writeFileAtomically(link, "mine\n", false, "--output")).toThrow(
      new UsageError(`--output ${link}: the file exists (a link); add --force to replace it`),
    );
    writeFileAtomically(link, "mine\n", true, "--output");
    expect(lstatSync(link).isSymbolicLink()).toBe(false);
    expect(readFileSync(link, "utf8")).toBe("mine\n");
    expect(readFileSync(target, "utf8")).toBe("theirs\n");
  });

  it("writes a name of 255 bytes, the longest a file system takes", () => {
    const path = join(dir, `${"n".repeat(250)}.yaml`);
    writeFileAtomically(path, "a: 1\n", false, "--output");
    expect(readFileSync(path, "utf8")).toBe("a: 1\n");
  });
});
