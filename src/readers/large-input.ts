import { setFlagsFromString } from "node:v8";

/** Text longer than this is read with the young generation held at its first size. */
const LARGE_CHARS = 1024 * 1024;

let held = false;

/**
 * Called with the length of text about to be parsed whole. V8 doubles its young generation as a run
 * allocates, up to 16 MB a half; with the strings of a large file and of its report, that is most of
 * the difference between about 210 and 300 MB at the peak (measured on a plan of 20,000 workloads and
 * on CloudWatch pages). Held at its first size, a run collects more often and stays under 256 MB.
 * Only for large input, and only once it is seen: small runs start faster without it, and V8
 * rejects the code caches (written without the flag) of whatever loads after it is set. Set from the
 * start, by the launcher, it cost more than it saved: two CloudWatch pages took 222 MB and 0.8 s,
 * against 155-167 MB and 0.6-0.8 s set here.
 */
export function expectLargeInput(chars: number): void {
  if (held || chars <= LARGE_CHARS) return;
  held = true;
  setFlagsFromString("--semi-space-growth-factor=1");
}
