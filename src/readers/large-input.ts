import { createRequire } from "node:module";

/** Text longer than this is read with the young generation held at its first size. */
const LARGE_CHARS = 1024 * 1024;

let held = false;

/**
 * Called with the size of a file about to be read whole (a plan, a rate file, a Price List or
 * Terraform plan file). V8 doubles its young generation as a run allocates, up to 16 MB a half; with
 * the nodes of a large file and the strings of its report, that took a plan of 20,000 workloads
 * sharing units to 274-299 MB at the peak. Held at its first size from here on, a run collects more
 * often and stays near 190 MB. Only for large input, and only once it is seen: small runs start faster
 * without it, V8 rejects the code caches (written without the flag) of whatever loads after it is
 * set (set by the launcher from the start, it cost more than it saved), and for CloudWatch JSON read
 * whole it made profile 20% slower (2.25 times a bare read) for memory that stays under 256 MB
 * without it.
 */
export function expectLargeInput(chars: number): void {
  if (held || chars <= LARGE_CHARS) return;
  held = true;
  // Required here, not imported: node:v8 loads Node's stream modules, about 2 ms of every start (measured).
  const v8 = createRequire(import.meta.url)("node:v8") as typeof import("node:v8");
  v8.setFlagsFromString("--semi-space-growth-factor=1");
}
