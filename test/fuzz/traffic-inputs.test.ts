import { FORMATS } from "./formats.js";
import { fuzzSuite } from "./harness.js";

// A fixed seed (harness.ts): a failure names its case, which replays exactly.
fuzzSuite("traffic files", [FORMATS.trafficCsv, FORMATS.metricData, FORMATS.metricStatistics, FORMATS.invocationLogs, FORMATS.logsExport]);
