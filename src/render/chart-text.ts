import { inputSideTokens } from "../core/cost-model/volume.js";
import { type CostChart, costAt, type LineKey } from "../core/lanes/cost-lines.js";
import type { Charset } from "./charset.js";
import type { Painter } from "./colors.js";
import { overflowFallbackText } from "./hints.js";
import { formatTokensShort, formatUsd } from "./money.js";

export interface TextChartOptions {
  /** Columns the whole chart may use, legend included. */
  width: number;
  /** Rows of the plot area. */
  height: number;
  charset: Charset;
  paint: Painter;
  title: string;
  subtitle: string;
}

const GLYPHS: Record<Charset, Record<LineKey | "break-even" | "you" | "axis-x" | "axis-y" | "tick-y" | "origin" | "tick-x", string>> = {
  unicode: {
    "on-demand": "●",
    batch: "○",
    "no-commit": "■",
    "1-month": "▲",
    "6-month": "◆",
    "break-even": "✕",
    you: "│",
    "axis-x": "─",
    "axis-y": "│",
    "tick-y": "┤",
    origin: "┼",
    "tick-x": "┬",
  },
  ascii: {
    "on-demand": "o",
    batch: "b",
    "no-commit": "n",
    "1-month": "1",
    "6-month": "6",
    "break-even": "X",
    you: "|",
    "axis-x": "-",
    "axis-y": "|",
    "tick-y": "+",
    origin: "+",
    "tick-x": "+",
  },
};

export function lineName(key: LineKey, units?: number, model?: string): string {
  const name = key === "on-demand" ? "on-demand" : key === "batch" ? "Batch" : `PT ${key}, ${units === 1 ? "1 unit" : `${units} units`}`;
  return model === undefined ? name : `${model}: ${name}`;
}

/** On a chart of several models every line has a letter of its own, in the order of the legend. */
const MODEL_GLYPHS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

/** The glyph of each line: by lane for one model, by line for several. */
function glyphOf(chart: CostChart, line: CostChart["lines"][number], glyph: Record<LineKey, string>): string {
  if (line.model === undefined) return glyph[line.key];
  return MODEL_GLYPHS[chart.lines.indexOf(line) % MODEL_GLYPHS.length] as string;
}

/** Short dollars for an axis: $0, $500, $36.5k, $1.2M. */
export function formatUsdShort(usd: number): string {
  if (Math.abs(usd) >= 1e6) return `$${Number((usd / 1e6).toFixed(1))}M`;
  if (Math.abs(usd) >= 1e3) return `$${Number((usd / 1e3).toFixed(1))}k`;
  return `$${Math.round(usd)}`;
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** Breaks a line at spaces so that none is wider than `width`; continuation lines are indented. */
export function wrapLine(line: string, width: number, indent = "    "): string[] {
  if (line.replace(ANSI, "").length <= width) return [line];
  const lead = /^ */.exec(line)?.[0] ?? "";
  const out: string[] = [];
  let current = lead;
  for (const word of line.slice(lead.length).split(" ")) {
    const candidate = current.trim() === "" ? `${current}${word}` : `${current} ${word}`;
    if (candidate.replace(ANSI, "").length > width && current.trim() !== "") {
      out.push(current);
      current = `${lead}${indent}${word}`;
    } else current = candidate;
  }
  out.push(current);
  return out;
}

/** Where a chart value falls on the grid: column from x, row from y (row 0 at the top). */
function gridPosition(chart: CostChart, cols: number, rows: number, x: number, y: number): { col: number; row: number } {
  return {
    col: Math.round((x / chart.xMax) * (cols - 1)),
    row: Math.round((1 - Math.min(y, chart.yMax) / chart.yMax) * (rows - 1)),
  };
}

/**
 * The chart in characters: each lane a line of its own glyph, break-evens marked and listed with
 * their volumes, the workload's volume as a vertical line. Fits `width` columns.
 */
export function renderTextChart(chart: CostChart, options: TextChartOptions): string {
  const glyph = GLYPHS[options.charset];
  const { paint } = options;
  const yLabels = [chart.yMax, chart.yMax / 2, 0].map(formatUsdShort);
  const margin = Math.max(...yLabels.map((label) => label.length)) + 1;
  const cols = Math.max(10, options.width - margin - 1);
  const rows = Math.max(5, options.height);
  const grid: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill(" "));
  const put = (col: number, row: number, text: string) => {
    if (row >= 0 && row < rows && col >= 0 && col < cols) (grid[row] as string[])[col] = text;
  };

  // The workload's own volume first, so that every line is drawn over it.
  const you = gridPosition(chart, cols, rows, chart.userX, 0);
  for (let row = 0; row < rows; row++) put(you.col, row, paint.dim(glyph.you));
  // PT lines under the per-token lines, so that the on-demand line stays whole.
  const order = [...chart.lines].sort((a, b) => (a.key === "on-demand" ? 1 : 0) - (b.key === "on-demand" ? 1 : 0));
  for (const line of order) {
    for (let col = 0; col < cols; col++) {
      const x = (col / (cols - 1)) * chart.xMax;
      const { row } = gridPosition(chart, cols, rows, x, costAt(line, x));
      put(col, row, glyphOf(chart, line, glyph));
    }
  }
  for (const point of chart.breakEvens) {
    const { col, row } = gridPosition(chart, cols, rows, point.x, point.y);
    put(col, row, paint.warn(glyph["break-even"]));
  }

  const lines = [paint.heading(options.title), options.subtitle];
  grid.forEach((cells, row) => {
    const label = row === 0 ? (yLabels[0] as string) : row === Math.round((rows - 1) / 2) ? (yLabels[1] as string) : "";
    const edge = label ? glyph["tick-y"] : glyph["axis-y"];
    lines.push(`${label.padStart(margin - 1)} ${edge}${cells.join("")}`);
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({
    col: Math.round(f * (cols - 1)),
    label: f === 0 ? "0" : formatTokensShort(f * chart.xMax),
  }));
  const axis = new Array<string>(cols).fill(glyph["axis-x"]);
  for (const tick of ticks) if (tick.col > 0) axis[tick.col] = glyph["tick-x"];
  lines.push(`${(yLabels[2] as string).padStart(margin - 1)} ${glyph.origin}${axis.join("")}`);
  const labelRow = new Array<string>(cols + 1).fill(" ");
  for (const tick of ticks) {
    const start = Math.min(cols + 1 - tick.label.length, Math.max(0, tick.col + 1 - Math.ceil(tick.label.length / 2)));
    for (let i = 0; i < tick.label.length; i++) labelRow[start + i] = tick.label[i] as string;
  }
  lines.push(`${" ".repeat(margin)}${labelRow.join("").trimEnd()}`);
  lines.push(`${" ".repeat(margin)}tokens a month (input side + output) against dollars a month`, "");

  for (const line of chart.lines) {
    const capacity =
      line.capacityX === undefined
        ? ""
        : line.capacityX === null
          ? " (capacity unknown: no bend)"
          : ` (full at ${formatTokensShort(line.capacityX)}${chart.overflow === "throttle" ? "; the traffic above is throttled" : ""})`;
    lines.push(`  ${glyphOf(chart, line, glyph)} ${lineName(line.key, line.units, line.model)}${capacity}`);
  }
  for (const point of chart.breakEvens) {
    const v = point.volume;
    lines.push(
      `  ${paint.warn(glyph["break-even"])} break-even (${point.model === undefined ? "" : `${point.model}, `}${point.term}): ${formatTokensShort(inputSideTokens(v))} input + ${formatTokensShort(v.outputTokens)} output tokens a month, ${formatUsd(point.y)}`,
    );
  }
  if (chart.overflowPriced) lines.push(`  ${overflowFallbackText("flags")}`);
  const u = chart.userVolume;
  lines.push(
    `  ${paint.dim(glyph.you)} your volume: ${formatTokensShort(inputSideTokens(u))} input + ${formatTokensShort(u.outputTokens)} output tokens a month`,
  );
  return `${lines.flatMap((line) => wrapLine(line.trimEnd(), options.width)).join("\n")}\n`;
}
