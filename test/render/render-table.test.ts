import Table from "cli-table3";
import { describe, expect, it } from "vitest";
import { renderTable } from "../../src/render/render-table.js";

const OPTIONS = {
  head: ["Workload", "Model", "Lane", "Monthly cost"],
  colAligns: ["left", "left", "right", "right"] as ("left" | "right")[],
  chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  style: { head: [], border: [] },
};

function rows(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => [
    `w${i}${i % 7 === 0 ? "日本" : ""}`,
    `Model ${i % 5}`,
    "\u001b[32mlane\u001b[39m",
    `$${(i * 1234.5).toFixed(2)}`,
  ]);
}

function library(count: number): string {
  const table = new Table(OPTIONS);
  for (const row of rows(count)) table.push(row);
  return table.toString();
}

describe("renderTable", () => {
  it.each([3, 200, 201, 950])("draws %i rows exactly as cli-table3 does (colour codes and wide characters included)", (count) => {
    expect(renderTable(OPTIONS, rows(count))).toBe(library(count));
  });
});
