import { FORMATS } from "./formats.js";
import { fuzzSuite } from "./harness.js";

// A fixed seed (harness.ts): a failure names its case, which replays exactly.
fuzzSuite("audit's inputs", [FORMATS.auditCsv, FORMATS.auditLogs, FORMATS.provisionedThroughputs]);
