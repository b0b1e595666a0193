import Table from "cli-table3";
import type { ModelRates, RateCard } from "../core/rates/rate-card.js";
import type { CurvePoint, TrafficProfile } from "../core/traffic/profile-traffic.js";
import type { Painter } from "./colors.js";
import { formatCount, formatPercent, formatRate, formatTokensShort, formatUsd } from "./money.js";
import { ratesText } from "./rates-line.js";
import { sparkline } from "./sparkline.js";

const CHARS = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };
const NONE = "-";

function time(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 16).replace("T", " ")}Z`;
}

function periodText(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600}-hour` : `${seconds / 60}-minute`;
}

function pointCells(point: CurvePoint): string[] {
  return [
    String(point.units),
    formatUsd(point.reservedCost),
    point.overflowCost === null ? (point.overflowMinutes > 0 ? "throttled" : formatUsd(0)) : formatUsd(point.overflowCost),
    formatUsd(point.monthlyCost),
    point.utilization === null ? NONE : formatPercent(point.utilization),
    formatCount(point.overflowMinutes),
  ];
}

function statsTable(profile: TrafficProfile): string {
  const table = new Table({
    head: ["Tokens a minute", "avg", "p50", "p95", "p99", "peak"],
    colAligns: ["left", "right", "right", "right", "right", "right"],
    chars: CHARS,
    style: { head: [], border: [] },
  });
  for (const [label, stats] of [
    ["input (with cache)", profile.tpm.input],
    ["output", profile.tpm.output],
  ] as const) {
    table.push([label, ...[stats.avg, stats.p50, stats.p95, stats.p99, stats.peak].map(formatTokensShort)]);
  }
  return table.toString();
}

function hourChart(profile: TrafficProfile): string[] {
  const input = profile.hourOfDay.input;
  const peakHour = input.indexOf(Math.max(...input));
  return [
    "Hour of day (UTC), mean input tokens a minute:",
    `  ${sparkline(input)}  peak ${formatTokensShort(input[peakHour] ?? 0)} at ${String(peakHour).padStart(2, "0")}:00`,
    "  0     6     12    18   23",
  ];
}

/** The measurement, its statistics and shape, the lanes side by side, and each term's cost curve. */
export function renderProfileTable(
  profile: TrafficProfile,
  model: ModelRates,
  card: RateCard,
  hoursPerMonth: number,
  paint: Painter,
): string {
  const { window, monthly } = profile;
  const cache = monthly.cacheReadTokens + monthly.cacheWriteTokens;
  const lines = [
    paint.heading(`${model.name} (${model.id})`),
    `Window: ${time(window.start)} to ${time(window.end)} · ${formatCount(window.minutes)} minute${window.minutes === 1 ? "" : "s"} of ${periodText(window.periodSeconds)} data · ${formatCount(window.gapMinutes)} without data`,
    `Rates: ${ratesText(card)} · scaled to a month of ${hoursPerMonth} hours`,
    `Month: ${formatTokensShort(monthly.inputTokens)} input + ${formatTokensShort(monthly.outputTokens)} output tokens${cache > 0 ? ` + ${formatTokensShort(cache)} cache tokens` : ""} · traffic in ${formatPercent(profile.activeShare)} of minutes`,
    "",
    statsTable(profile),
    "",
    ...hourChart(profile),
    "",
  ];

  const lanes = new Table({
    head: ["Lane", "Units", "Reserved", "Overflow", "Monthly cost", "Utilization", "Overflow minutes"],
    colAligns: ["left", "right", "right", "right", "right", "right", "right"],
    chars: CHARS,
    style: { head: [], border: [] },
  });
  const options: { label: string; cost: number }[] = [];
  if (profile.onDemand) {
    lanes.push(["On-demand", NONE, NONE, NONE, formatUsd(profile.onDemand.monthlyCost), NONE, NONE]);
    options.push({ label: "on-demand", cost: profile.onDemand.monthlyCost });
  }
  if (profile.batch) {
    lanes.push(["Batch", NONE, NONE, NONE, formatUsd(profile.batch.monthlyCost), NONE, NONE]);
    options.push({ label: "Batch", cost: profile.batch.monthlyCost });
  }
  for (const curve of profile.provisioned) {
    lanes.push([`PT ${curve.term}, best`, ...pointCells(curve.best)]);
    lanes.push([`PT ${curve.term}, sized to the peak`, ...pointCells(curve.peakSized)]);
    options.push({
      label: `PT ${curve.term} with ${curve.best.units} unit${curve.best.units === 1 ? "" : "s"} (the rest on-demand)`,
      cost: curve.best.monthlyCost,
    });
  }
  for (const option of profile.reserved) {
    for (const [point, which] of [
      [option.best, "best"],
      [option.peakSized, "sized to the peak"],
    ] as const) {
      lanes.push([
        `Reserved ${option.term} (${option.scope}), ${which}`,
        `${formatTokensShort(point.inputTpm)}/${formatTokensShort(point.outputTpm)} TPM`,
        formatUsd(point.reservedCost),
        formatUsd(point.overflowCost),
        formatUsd(point.monthlyCost),
        formatPercent(point.utilization),
        formatCount(point.overflowMinutes),
      ]);
    }
    options.push({
      label: `the Reserved tier (${option.scope}) on a ${option.term} term, ${formatCount(option.best.inputTpm)} input and ${formatCount(option.best.outputTpm)} output tokens a minute (the rest at Standard)`,
      cost: option.best.monthlyCost,
    });
  }
  lines.push(lanes.toString());

  for (const curve of profile.provisioned) {
    const table = new Table({
      head: ["Units", "Reserved", "Overflow", "Monthly cost", "Utilization", "Overflow minutes"],
      colAligns: ["right", "right", "right", "right", "right", "right"],
      chars: CHARS,
      style: { head: [], border: [] },
    });
    for (const point of curve.curve) {
      const cells = pointCells(point);
      table.push(point.units === curve.best.units ? cells.map((cell) => paint.best(cell)) : cells);
    }
    lines.push(
      "",
      `PT ${curve.term} at ${formatRate(curve.hourlyRate)} a unit-hour, every unit count (best: ${curve.best.units}):`,
      table.toString(),
    );
  }

  const cheapest = options.sort((a, b) => a.cost - b.cost)[0];
  if (cheapest) lines.push("", paint.heading(`Cheapest: ${cheapest.label}, ${formatUsd(cheapest.cost)} a month.`));
  return `${lines.join("\n")}\n`;
}
