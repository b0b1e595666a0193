import { describe, expect, it } from "vitest";
import { makeVolume } from "../../src/core/cost-model/volume.js";
import { compareLanes } from "../../src/core/lanes/compare-lanes.js";
import { costLines } from "../../src/core/lanes/cost-lines.js";
import { formatUsdShort, renderTextChart, wrapLine } from "../../src/render/chart-text.js";
import { makePainter } from "../../src/render/colors.js";
import { workedExampleModel } from "../helpers/builders.js";

// 2 units at $15 a unit-hour ($21,900 a month): cheap enough that the PT line, once its units are
// full, runs well below on-demand and its bend can be seen.
function chartFor(hourly: number) {
  const model = workedExampleModel({
    batch: { inputPerMTok: 1.5, outputPerMTok: 7.5 },
    provisioned: { hourlyPerUnit: { sixMonth: hourly }, unitThroughput: { inputTpm: 70_000, outputTpm: 14_000 } },
  });
  return costLines(
    compareLanes({
      model,
      volume: makeVolume({ inputTokens: 3e9, outputTokens: 0.6e9 }),
      hoursPerMonth: 730,
      units: 2,
      latency: "interactive",
    }),
  );
}
const draw = (hourly: number, width: number, charset: "ascii" | "unicode" = "ascii") =>
  renderTextChart(chartFor(hourly), { width, height: 18, charset, paint: makePainter(false), title: "Title", subtitle: "subtitle" }).split(
    "\n",
  );

// At width 72 the y labels ($60k, $30k, $0) take 4 columns and a space, then the axis: the plot is
// 66 columns from string index 6, 18 rows from line 2 (after the title and subtitle).
const PLOT_COL = 6;
const PLOT_ROW = 2;
function glyphs(lines: string[], glyph: string): { col: number; row: number }[] {
  const found: { col: number; row: number }[] = [];
  for (let row = 0; row < 18; row++) {
    const line = lines[PLOT_ROW + row] ?? "";
    for (let i = PLOT_COL; i < line.length; i++) if (line[i] === glyph) found.push({ col: i - PLOT_COL, row });
  }
  return found;
}

describe("renderTextChart", () => {
  it("marks the crossover where on-demand meets PT: column round(7.3 / 10 × 65) = 47, row round((1 − 36.5/60) × 17) = 7", () => {
    expect(glyphs(draw(25, 72), "X")).toEqual([{ col: 47, row: 7 }]);
  });

  it("bends the PT line upward where its units are full (capacity at column 7.3584 / 10 × 65 = 47.8)", () => {
    // $21,900 → row round((1 − 21.9/60) × 17) = 11; at 10B: 21,900 + 18,000 × (10 − 7.3584)/3.6 = 35,108 → row 7
    const pt = glyphs(draw(15, 72), "6");
    expect(pt.filter((p) => p.col <= 47).every((p) => p.row === 11)).toBe(true);
    expect(pt.filter((p) => p.row < 11).every((p) => p.col > 47)).toBe(true);
    expect(pt.filter((p) => p.row < 11).length).toBeGreaterThan(10);
    expect(pt.find((p) => p.col === 65)).toEqual({ col: 65, row: 7 });
  });

  it("draws the workload's volume as a vertical line at round(3.6 / 10 × 65) = 23", () => {
    const you = glyphs(draw(25, 72), "|").filter((p) => p.col === 23);
    expect(you.length).toBeGreaterThan(10);
  });

  it("labels the axes with units and lists every line, break-even and your volume", () => {
    const text = draw(25, 100).join("\n");
    for (const label of [
      "$60k +",
      "$30k +",
      "$0 +",
      "2.5B",
      "10B",
      "tokens a month",
      "dollars a month",
      "o on-demand",
      "b Batch",
      "6 PT 6-month, 2 units (full at 7.36B)",
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain("X break-even (6-month): 6.08B input + 1.22B output tokens a month, $36,500.00");
    expect(text).toContain("| your volume: 3B input + 600M output tokens a month");
  });

  it.each([40, 60, 72, 100, 160])("stays within %d columns", (width) => {
    for (const line of draw(25, width)) expect(line.length, line).toBeLessThanOrEqual(width);
  });

  it("uses only ASCII in the plain character set, and drawing characters otherwise", () => {
    expect(draw(25, 72, "ascii").join("\n")).toMatch(/^[\x20-\x7e\n]*$/);
    const unicode = draw(25, 72, "unicode").join("\n");
    expect(unicode).toContain("◆");
    expect(unicode).toContain("✕");
  });

  it("repeats in colour only what the glyphs say", () => {
    const chart = chartFor(25);
    const options = { width: 72, height: 18, charset: "ascii" as const, title: "Title", subtitle: "subtitle" };
    const coloured = renderTextChart(chart, { ...options, paint: makePainter(true) });
    expect(coloured).toMatch(/\x1b\[/);
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, "")).toBe(renderTextChart(chart, { ...options, paint: makePainter(false) }));
  });

  it("formats axis dollars and wraps long lines at spaces", () => {
    expect([formatUsdShort(0), formatUsdShort(500), formatUsdShort(12_500), formatUsdShort(60_000), formatUsdShort(1_250_000)]).toEqual([
      "$0",
      "$500",
      "$12.5k",
      "$60k",
      "$1.3M",
    ]);
    expect(wrapLine("aaa bbb ccc ddd", 8)).toEqual(["aaa bbb", "    ccc", "    ddd"]);
    expect(wrapLine("  X aaa bbb ccc", 10)).toEqual(["  X aaa", "      bbb", "      ccc"]);
  });
});
