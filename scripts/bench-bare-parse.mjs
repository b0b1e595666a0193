// A baseline for `npm run bench`: what a data engineer's first script does with invocation logs.
// Reads each file as a stream, splits it into lines and JSON.parses every one (or, with --gunzip,
// only inflates gzip files and counts their bytes: the floor for reading gzip at all).
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";

const gunzipOnly = process.argv.includes("--gunzip");
const files = process.argv.slice(2).filter((arg) => arg !== "--gunzip");
let records = 0;
let bytes = 0;
for (const file of files) {
  let stream = createReadStream(file);
  if (file.endsWith(".gz")) stream = stream.pipe(createGunzip());
  if (gunzipOnly) {
    for await (const chunk of stream) bytes += chunk.length;
    continue;
  }
  let rest = "";
  stream.setEncoding("utf8");
  for await (const chunk of stream) {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      if (line === "") continue;
      const record = JSON.parse(line);
      if (record.input?.inputTokenCount >= 0) records++;
    }
  }
  if (rest !== "") JSON.parse(rest);
}
process.stdout.write(`${gunzipOnly ? bytes : records}\n`);
