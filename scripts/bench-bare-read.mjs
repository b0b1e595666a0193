// The baseline for `npm run bench`: read a traffic file and sum its token columns, nothing else.
import { readFileSync } from "node:fs";

// Several files: CloudWatch pages of one window.
let input = 0;
let output = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  if (file.endsWith(".csv")) {
    const lines = text.split("\n");
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      if (!line) continue;
      const cells = line.split(",");
      input += Number(cells[1]);
      output += Number(cells[2]);
    }
  } else {
    for (const result of JSON.parse(text).MetricDataResults) {
      const sum = result.Values.reduce((a, b) => a + b, 0);
      if (result.Label === "InputTokenCount") input += sum;
      else output += sum;
    }
  }
}
process.stdout.write(`${input} ${output}\n`);
