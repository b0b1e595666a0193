import { type Dirent, readdirSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import type { SkipReason } from "../../core/traffic/minute-traffic.js";
import { InputFileError, type InputProblem } from "../../errors.js";
import { cannotRead } from "../read-text-file.js";
import { realPathOr } from "../special-files.js";
import { STDIN } from "./text-stream.js";

/** The object AWS writes beside invocation logs in S3 to test its access to the bucket. */
const PERMISSION_CHECK = "amazon-bedrock-logs-permission-check";

/** One input to read: a file, a pipe, or standard input. */
export interface TrafficFile {
  path: string;
  /** Found in a folder the user named: a file of no known format is skipped there, not an error. */
  inFolder: boolean;
}

export interface TrafficFiles {
  files: TrafficFile[];
  /** Files left out of the folders read, by why. */
  skipped: Map<SkipReason, number>;
  /** Files named more than once (directly or through folders): each is read once. */
  repeated: string[];
}

/** The most files one run reads from folders: far more than a year of hourly S3 deliveries. */
const MAX_FILES = 1_000_000;

/**
 * The files behind the arguments of `profile` (or a plan's `profile:`): a folder is read whole, its
 * subfolders too, in name order, leaving out hidden files and AWS's permission-check object; `-` is
 * standard input. A file reached twice (two arguments, or a folder and a file in it) is read once.
 */
export function trafficFiles(args: readonly string[]): TrafficFiles {
  const result: TrafficFiles = { files: [], skipped: new Map(), repeated: [] };
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const skip = (reason: SkipReason) => result.skipped.set(reason, (result.skipped.get(reason) ?? 0) + 1);
  const add = (path: string, inFolder: boolean, key = path === STDIN ? path : realPathOr(path)) => {
    if (seen.has(key)) {
      result.repeated.push(path);
      return;
    }
    seen.add(key);
    if (result.files.length >= MAX_FILES) throw new InputFileError([{ source: path, message: `more than ${MAX_FILES} files to read` }]);
    result.files.push({ path, inFolder });
  };
  const walk = (folder: string, visited: Set<string>) => {
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(folder);
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      problems.push(...cannotRead(error, folder).problems);
      return;
    }
    // A link back up the tree would loop for ever.
    if (visited.has(real)) return;
    const inside = new Set(visited).add(real);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.name.startsWith(".")) skip("hidden");
      else if (entry.name === PERMISSION_CHECK) skip("permission-check");
      else if (entry.isDirectory() || (entry.isSymbolicLink() && isFolder(path))) walk(path, inside);
      // A file's identity is its folder's real path and its name, unless it is a link.
      else add(path, true, entry.isSymbolicLink() ? realPathOr(path) : join(real, entry.name));
    }
  };
  for (const arg of args) {
    if (arg !== STDIN && isFolder(arg)) walk(arg, new Set());
    else add(arg, false);
  }
  if (problems.length > 0) throw new InputFileError(problems);
  return result;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
