// Required (--require) into every benchmarked process: records its peak resident memory at exit.
// CommonJS, not an ES module given to --import: the reading threads inherit the flag, and each paid
// for starting the ES module loader (audit of 1 GB: 30 to 40 ms of the hook's own, measured).
"use strict";
process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) require("node:fs").writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
