import { inputSideTokens } from "../core/cost-model/volume.js";
import type { CostChart, LineKey } from "../core/lanes/cost-lines.js";
import { formatUsdShort, lineName } from "./chart-text.js";
import { formatTokensShort, formatUsd } from "./money.js";

const WIDTH = 840;
const PLOT = { left: 80, right: 24, top: 64, height: 330 };
const STROKES: Record<LineKey, { color: string; dash?: string }> = {
  "on-demand": { color: "#1f77b4" },
  batch: { color: "#7f7f7f", dash: "6 4" },
  "no-commit": { color: "#d62728" },
  "1-month": { color: "#ff7f0e" },
  "6-month": { color: "#2ca02c" },
};

/** On a chart of several models, a colour for each line, in the order of the legend. */
const MODEL_COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];

function strokeOf(chart: CostChart, line: CostChart["lines"][number]): { color: string; dash?: string } {
  if (line.model === undefined) return STROKES[line.key];
  const index = chart.lines.indexOf(line);
  return { color: MODEL_COLORS[index % MODEL_COLORS.length] as string, ...(line.key === "on-demand" ? {} : { dash: "6 3" }) };
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const fixed = (value: number) => Number(value.toFixed(1));

/** The opening of a standalone SVG document on a white page, titled for screen readers and file browsers. */
export function svgHead(width: number, height: number, title: string): string[] {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
}

/** The same chart as the terminal's, as a standalone SVG document for a report. */
export function renderSvgChart(chart: CostChart, title: string, subtitle: string): string {
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = PLOT.height;
  const legendLines = chart.lines.length + chart.breakEvens.length + 1 + (chart.overflowPriced ? 1 : 0);
  const HEIGHT = PLOT.top + plotHeight + 70 + legendLines * 18 + 16;
  const px = (x: number) => fixed(PLOT.left + (x / chart.xMax) * plotWidth);
  const py = (y: number) => fixed(PLOT.top + (1 - Math.min(y, chart.yMax) / chart.yMax) * plotHeight);
  const out: string[] = [
    ...svgHead(WIDTH, HEIGHT, title),
    `<text x="${PLOT.left}" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="${PLOT.left}" y="44" fill="#555555">${escapeXml(subtitle)}</text>`,
    '<g class="axes" stroke="#333333" stroke-width="1">',
    `<line x1="${PLOT.left}" y1="${py(0)}" x2="${px(chart.xMax)}" y2="${py(0)}"/>`,
    `<line x1="${PLOT.left}" y1="${py(0)}" x2="${PLOT.left}" y2="${py(chart.yMax)}"/>`,
    "</g>",
    '<g class="ticks" fill="#333333">',
  ];
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    const x = f * chart.xMax;
    const y = f * chart.yMax;
    out.push(`<text x="${px(x)}" y="${py(0) + 18}" text-anchor="middle">${escapeXml(f === 0 ? "0" : formatTokensShort(x))}</text>`);
    out.push(`<text x="${PLOT.left - 8}" y="${py(y) + 4}" text-anchor="end">${escapeXml(formatUsdShort(y))}</text>`);
  }
  out.push(
    `<text x="${fixed(PLOT.left + plotWidth / 2)}" y="${py(0) + 38}" text-anchor="middle">tokens a month (input side + output)</text>`,
    `<text x="18" y="${fixed(PLOT.top + plotHeight / 2)}" text-anchor="middle" transform="rotate(-90 18 ${fixed(PLOT.top + plotHeight / 2)})">dollars a month</text>`,
    "</g>",
  );

  out.push(
    `<g data-user-volume="${Math.round(chart.userX)}"><line x1="${px(chart.userX)}" y1="${py(0)}" x2="${px(chart.userX)}" y2="${py(chart.yMax)}" stroke="#555555" stroke-dasharray="3 3"/>`,
    `<text x="${px(chart.userX) + 4}" y="${PLOT.top + 12}" fill="#555555">your volume</text></g>`,
  );
  for (const line of chart.lines) {
    const stroke = strokeOf(chart, line);
    const points = line.points.map((point) => `${px(point.x)},${py(point.y)}`).join(" ");
    const dash = stroke.dash ? ` stroke-dasharray="${stroke.dash}"` : "";
    const series = escapeXml(line.model === undefined ? line.key : `${line.model}: ${line.key}`);
    out.push(`<polyline data-series="${series}" points="${points}" fill="none" stroke="${stroke.color}" stroke-width="2.5"${dash}/>`);
  }
  for (const point of chart.breakEvens) {
    const v = point.volume;
    const label = `${formatTokensShort(inputSideTokens(v))} in + ${formatTokensShort(v.outputTokens)} out`;
    // Labels in the right half of the plot read leftward, so that they stay inside it.
    const right = point.x > chart.xMax / 2;
    out.push(
      `<g data-break-even="${point.term}"><circle cx="${px(point.x)}" cy="${py(point.y)}" r="5" fill="#000000"/>`,
      `<text x="${px(point.x) + (right ? -8 : 8)}" y="${py(point.y) - 8}" text-anchor="${right ? "end" : "start"}">${escapeXml(`break-even (${point.term}): ${label}`)}</text></g>`,
    );
  }

  out.push('<g class="legend">');
  let y = PLOT.top + plotHeight + 70;
  for (const line of chart.lines) {
    const stroke = strokeOf(chart, line);
    const dash = stroke.dash ? ` stroke-dasharray="${stroke.dash}"` : "";
    out.push(
      `<line x1="${PLOT.left}" y1="${y - 4}" x2="${PLOT.left + 28}" y2="${y - 4}" stroke="${stroke.color}" stroke-width="2.5"${dash}/>`,
    );
    out.push(`<text x="${PLOT.left + 36}" y="${y}">${escapeXml(lineName(line.key, line.units, line.model))}</text>`);
    y += 18;
  }
  for (const point of chart.breakEvens) {
    out.push(`<circle cx="${PLOT.left + 14}" cy="${y - 4}" r="5" fill="#000000"/>`);
    const whose = point.model === undefined ? "" : `${point.model}, `;
    out.push(
      `<text x="${PLOT.left + 36}" y="${y}">${escapeXml(`break-even with ${whose}${point.term}: ${formatUsd(point.y)} a month`)}</text>`,
    );
    y += 18;
  }
  if (chart.overflowPriced) {
    // Short enough for the legend's width: the terminal chart says it in full.
    out.push(
      `<text x="${PLOT.left}" y="${y}">${escapeXml("PT lines bend where the units are full: the traffic above is priced on-demand, which assumes your application falls back to it.")}</text>`,
    );
    y += 18;
  }
  out.push(`<line x1="${PLOT.left}" y1="${y - 4}" x2="${PLOT.left + 28}" y2="${y - 4}" stroke="#555555" stroke-dasharray="3 3"/>`);
  out.push(`<text x="${PLOT.left + 36}" y="${y}">${escapeXml(`your volume: ${formatTokensShort(chart.userX)} tokens a month`)}</text>`);
  out.push("</g>", "</svg>", "");
  return out.join("\n");
}
