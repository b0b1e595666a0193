import { escapeXml, svgHead } from "./chart-svg.js";
import { formatUsdShort } from "./chart-text.js";
import { formatTokensShort, formatUsd } from "./money.js";

/** One model's picture: when its traffic comes, and what each number of units would cost a month. */
export interface TrafficPanel {
  title: string;
  /** Mean tokens a minute in each hour of each weekday, UTC, Monday 00:00 first: 168 values. */
  weekHours: readonly number[];
  onDemandCost: number | null;
  /** The cheapest term's cost at each unit count, with the best count; null when it cannot be drawn. */
  curve: { term: string; points: readonly { units: number; monthlyCost: number }[]; bestUnits: number } | null;
  /** Why there is no curve. */
  missing: string | null;
}

const WIDTH = 900;
const HEADER = 64;
const PANEL = 220;
const CELL = 16;
const GRID = { left: 64, top: 36 };
const COST = { left: 560, top: 36, width: 300, height: 128 };
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const fixed = (value: number) => Number(value.toFixed(1));

/** From white to dark blue, by a fraction from 0 to 1. */
function shade(fraction: number): string {
  const from = [247, 251, 255];
  const to = [8, 48, 107];
  const f = Math.min(1, Math.max(0, fraction));
  return `#${from
    .map((c, i) =>
      Math.round(c + ((to[i] as number) - c) * f)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

function heatMap(panel: TrafficPanel, top: number): string[] {
  const max = panel.weekHours.reduce((a, b) => Math.max(a, b), 0);
  const out = [`<g class="heat-map" data-max-tpm="${Math.round(max)}">`];
  DAYS.forEach((day, d) => {
    const y = top + GRID.top + d * CELL;
    out.push(`<text x="${GRID.left - 6}" y="${y + 12}" text-anchor="end">${day}</text>`);
    for (let h = 0; h < 24; h++) {
      const value = panel.weekHours[d * 24 + h] ?? 0;
      out.push(
        `<rect x="${GRID.left + h * CELL}" y="${y}" width="${CELL - 1}" height="${CELL - 1}" fill="${shade(max > 0 ? value / max : 0)}"><title>${day} ${String(h).padStart(2, "0")}:00 UTC: ${escapeXml(formatTokensShort(value))} tokens a minute</title></rect>`,
      );
    }
  });
  for (let h = 0; h < 24; h += 3) {
    out.push(
      `<text x="${GRID.left + h * CELL + CELL / 2}" y="${top + GRID.top + 7 * CELL + 14}" text-anchor="middle">${String(h).padStart(2, "0")}</text>`,
    );
  }
  out.push(
    `<text x="${GRID.left}" y="${top + GRID.top + 7 * CELL + 32}" fill="#555555">hour of the day (UTC); mean tokens a minute, darkest ${escapeXml(formatTokensShort(max))}</text>`,
    "</g>",
  );
  return out;
}

function costChart(panel: TrafficPanel, top: number): string[] {
  const x0 = COST.left;
  const y0 = top + COST.top;
  const out = [`<g class="cost">`, `<text x="${x0}" y="${y0 - 10}" font-weight="bold">Monthly cost against model units</text>`];
  const curve = panel.curve;
  if (!curve || curve.points.length === 0) {
    const onDemand = panel.onDemandCost === null ? "" : `On-demand: ${formatUsd(panel.onDemandCost)} a month. `;
    out.push(`<text x="${x0}" y="${y0 + 20}" fill="#555555">${escapeXml(onDemand)}</text>`);
    out.push(`<text x="${x0}" y="${y0 + 40}" fill="#555555">${escapeXml(panel.missing ?? "No PT curve.")}</text>`, "</g>");
    return out;
  }
  const maxUnits = curve.points.reduce((a, p) => Math.max(a, p.units), 1);
  const maxCost = curve.points.reduce((a, p) => Math.max(a, p.monthlyCost), panel.onDemandCost ?? 0) * 1.1 || 1;
  const px = (units: number) => fixed(x0 + (units / maxUnits) * COST.width);
  const py = (usd: number) => fixed(y0 + (1 - usd / maxCost) * COST.height);
  out.push(
    `<line x1="${x0}" y1="${py(0)}" x2="${x0 + COST.width}" y2="${py(0)}" stroke="#333333"/>`,
    `<line x1="${x0}" y1="${py(0)}" x2="${x0}" y2="${y0}" stroke="#333333"/>`,
    `<text x="${x0 - 6}" y="${py(0) + 4}" text-anchor="end">0</text>`,
    `<text x="${x0 - 6}" y="${py(maxCost / 1.1) + 4}" text-anchor="end">${escapeXml(formatUsdShort(maxCost / 1.1))}</text>`,
    `<text x="${px(maxUnits)}" y="${py(0) + 16}" text-anchor="end">${maxUnits} units (${escapeXml(curve.term)})</text>`,
  );
  if (panel.onDemandCost !== null) {
    out.push(
      `<line data-series="on-demand" x1="${x0}" y1="${py(panel.onDemandCost)}" x2="${x0 + COST.width}" y2="${py(panel.onDemandCost)}" stroke="#1f77b4" stroke-dasharray="6 4"/>`,
      `<text x="${x0 + COST.width}" y="${py(panel.onDemandCost) - 4}" text-anchor="end" fill="#1f77b4">all on-demand ${escapeXml(formatUsd(panel.onDemandCost))}</text>`,
    );
  }
  const points = curve.points.map((p) => `${px(p.units)},${py(p.monthlyCost)}`).join(" ");
  out.push(`<polyline data-series="${escapeXml(curve.term)}" points="${points}" fill="none" stroke="#2ca02c" stroke-width="2.5"/>`);
  const best = curve.points.find((p) => p.units === curve.bestUnits);
  if (best) {
    const label = `best: ${best.units === 1 ? "1 unit" : `${best.units} units`}, ${formatUsd(best.monthlyCost)}`;
    out.push(
      `<circle data-best-units="${best.units}" cx="${px(best.units)}" cy="${py(best.monthlyCost)}" r="5" fill="#d62728"/>`,
      `<text x="${px(best.units)}" y="${py(best.monthlyCost) + 18}" text-anchor="${best.units > maxUnits / 2 ? "end" : "start"}" fill="#d62728">${escapeXml(label)}</text>`,
    );
  }
  out.push("</g>");
  return out;
}

/**
 * A page a person would rather look at than read: for each model, the hour-of-day by weekday heat
 * map of its tokens a minute, and its monthly cost against the number of units with the best count
 * marked. A standalone SVG document.
 */
export function renderTrafficSvg(title: string, subtitle: string, panels: readonly TrafficPanel[]): string {
  const height = HEADER + panels.length * PANEL;
  const out = [
    ...svgHead(WIDTH, height, title),
    `<text x="24" y="26" font-size="16" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="24" y="46" fill="#555555">${escapeXml(subtitle)}</text>`,
  ];
  panels.forEach((panel, i) => {
    const top = HEADER + i * PANEL;
    out.push(
      `<g class="model" data-model="${escapeXml(panel.title)}">`,
      `<line x1="24" y1="${top}" x2="${WIDTH - 24}" y2="${top}" stroke="#dddddd"/>`,
      `<text x="24" y="${top + 20}" font-size="14" font-weight="bold">${escapeXml(panel.title)}</text>`,
      ...heatMap(panel, top),
      ...costChart(panel, top),
      "</g>",
    );
  });
  out.push("</svg>", "");
  return out.join("\n");
}
