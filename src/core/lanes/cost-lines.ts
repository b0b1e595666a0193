import type { Term } from "../cost-model/terms.js";
import { inputSideTokens, type Volume } from "../cost-model/volume.js";
import type { CompareResult } from "./compare-lanes.js";

export type LineKey = "on-demand" | "batch" | Term;

interface LinePoint {
  /** Tokens a month (input side plus output) at the workload's mix. */
  x: number;
  /** USD a month. */
  y: number;
}

/** A lane's monthly cost against monthly volume: a piecewise-linear line through its points. */
export interface CostLine {
  key: LineKey;
  points: LinePoint[];
  /** For PT: the units and where they fill up (null when the unit throughput is unknown). */
  units?: number;
  capacityX?: number | null;
  /** The model's name, on a chart of several models. */
  model?: string;
}

interface ChartBreakEven {
  /** The model's name, on a chart of several models. */
  model?: string;
  term: Term;
  x: number;
  y: number;
  volume: Volume;
}

export interface CostChart {
  /** The workload's own volume, in tokens a month. */
  userX: number;
  userVolume: Volume;
  xMax: number;
  yMax: number;
  lines: CostLine[];
  breakEvens: ChartBreakEven[];
  /** Whether a PT line bends upward: traffic above full units priced on-demand, which assumes a fallback. */
  overflowPriced: boolean;
  /** Where traffic above the units goes. */
  overflow: CompareResult["overflow"];
}

const NICE_STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 or 10 times a power of ten that is at least `value`. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of NICE_STEPS) if (step * power >= value * (1 - 1e-12)) return step * power;
  return 10 * power;
}

/** The cost of a line at x, reading its piecewise-linear points. */
export function costAt(line: CostLine, x: number): number {
  const points = line.points;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as LinePoint;
    const b = points[i] as LinePoint;
    if (x <= b.x || i === points.length - 1) {
      if (b.x === a.x) return b.y;
      return a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
    }
  }
  return points[0]?.y ?? 0;
}

/**
 * Monthly cost against monthly volume at the workload's mix (docs/cost-model.md §3 to §6): the
 * on-demand and Batch lines through the origin, and for each PT term a flat line that bends upward
 * where its units fill up, the traffic above them priced on-demand. The x-axis runs well past the
 * larger of the workload's volume and the break-evens.
 */
export function costLines(result: CompareResult, xMaxGiven?: number): CostChart {
  const volume = result.volume;
  const total = inputSideTokens(volume) + volume.outputTokens;
  const od = result.onDemand?.monthlyCost ?? null;
  let sMax = 1;
  for (const option of result.provisioned) {
    if (option.breakEven.kind === "found") sMax = Math.max(sMax, option.breakEven.scale);
    if (option.utilization !== null && option.utilization > 0) sMax = Math.max(sMax, 1 / option.utilization);
  }
  const xMax = xMaxGiven ?? niceCeil(total * sMax * 1.25);
  const s = xMax / total;

  const lines: CostLine[] = [];
  if (od !== null)
    lines.push({
      key: "on-demand",
      points: [
        { x: 0, y: 0 },
        { x: xMax, y: od * s },
      ],
    });
  if (result.batch)
    lines.push({
      key: "batch",
      points: [
        { x: 0, y: 0 },
        { x: xMax, y: result.batch.monthlyCost * s },
      ],
    });
  const breakEvens: ChartBreakEven[] = [];
  for (const option of result.provisioned) {
    const fixed = option.reservedCost;
    const capacityScale = option.utilization !== null && option.utilization > 0 ? 1 / option.utilization : null;
    const points: LinePoint[] = [{ x: 0, y: fixed }];
    // Above capacity the traffic is throttled (a flat line) unless the application falls back to on-demand.
    if (capacityScale !== null && capacityScale < s && od !== null && result.overflow === "on-demand") {
      // Above capacity the overflow, OD × (s − capacity), is priced on-demand: a line parallel to it.
      points.push({ x: capacityScale * total, y: fixed }, { x: xMax, y: fixed + od * (s - capacityScale) });
    } else points.push({ x: xMax, y: fixed });
    lines.push({ key: option.term, points, units: option.units, capacityX: capacityScale === null ? null : capacityScale * total });
    if (option.breakEven.kind === "found") {
      breakEvens.push({ term: option.term, x: option.breakEven.scale * total, y: fixed, volume: option.breakEven.volume });
    }
  }
  const yHigh = Math.max(...lines.map((line) => Math.max(...line.points.map((point) => point.y))), 1);
  return {
    userX: total,
    userVolume: volume,
    xMax,
    yMax: niceCeil(yHigh * 1.05),
    lines,
    breakEvens,
    overflowPriced: lines.some((line) => line.points.length > 2),
    overflow: result.overflow,
  };
}

/**
 * Several models for the same workload on one chart: each model's on-demand line and its PT lines
 * where priced (Batch left out, to keep the chart readable), on the widest of their x-axes.
 */
export function modelCostLines(results: readonly CompareResult[]): CostChart {
  const first = results[0];
  if (!first) throw new Error("no model to chart");
  const xMax = Math.max(...results.map((result) => costLines(result).xMax));
  const charts = results.map((result) => ({ name: result.model.name, chart: costLines(result, xMax) }));
  const lines = charts.flatMap(({ name, chart }) =>
    chart.lines.filter((line) => line.key !== "batch").map((line) => ({ ...line, model: name })),
  );
  const breakEvens = charts.flatMap(({ name, chart }) => chart.breakEvens.map((point) => ({ ...point, model: name })));
  const yHigh = Math.max(...lines.map((line) => Math.max(...line.points.map((point) => point.y))), 1);
  return {
    userX: charts[0]?.chart.userX ?? 0,
    userVolume: first.volume,
    xMax,
    yMax: niceCeil(yHigh * 1.05),
    lines,
    breakEvens,
    overflowPriced: lines.some((line) => line.points.length > 2),
    overflow: first.overflow,
  };
}
