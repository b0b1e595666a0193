import type { ProvisionedOption } from "../core/cost-model/provisioned-option.js";
import type { CompareResult } from "../core/lanes/compare-lanes.js";
import type { RateCard } from "../core/rates/rate-card.js";
import type { Painter } from "./colors.js";
import { formatCount, formatPercent, formatRate, formatTokensShort, formatUsd, formatUsdDelta } from "./money.js";
import { ratesText } from "./rates-line.js";

const NONE = "-";

/** "Rates: us-east-1, 2026-11-30 (files) · 730 hours a month · interactive" */
export function ratesLine(result: CompareResult, card: RateCard): string {
  return `Rates: ${ratesText(card)} · ${result.hoursPerMonth} hours a month · ${result.latency}${result.tier === "priority" ? " · Priority tier" : ""}`;
}

/** "Volume: 3B input + 600M output tokens a month", with the cache and long-context tokens given. */
export function volumeLine(result: CompareResult): string {
  const { volume } = result;
  const cache = volume.cacheReadTokens + volume.cacheWriteTokens + volume.cacheWrite1hTokens;
  const oneHour = volume.cacheWrite1hTokens > 0 ? ` + ${formatTokensShort(volume.cacheWrite1hTokens)} cache write kept 1 hour` : "";
  const long = (volume.longContextInputTokens ?? 0) + (volume.longContextOutputTokens ?? 0);
  const longText =
    long > 0
      ? ` (of which long-context: ${formatTokensShort(volume.longContextInputTokens ?? 0)} input + ${formatTokensShort(volume.longContextOutputTokens ?? 0)} output)`
      : "";
  const cacheText =
    cache > 0
      ? ` + ${formatTokensShort(volume.cacheReadTokens)} cache read + ${formatTokensShort(volume.cacheWriteTokens)} cache write${oneHour}`
      : "";
  return `Volume: ${formatTokensShort(volume.inputTokens)} input + ${formatTokensShort(volume.outputTokens)} output tokens a month${cacheText}${longText}`;
}

/** The column heads of a comparison's options, in every format that draws them. */
export const COMPARE_HEADS = [
  "Option",
  "Units",
  "$/unit-hr",
  "Monthly cost",
  "Committed",
  "Utilization",
  "Overflow",
  "Break-even in / out",
  "vs on-demand",
];

function overflowCell(option: ProvisionedOption, paint: Painter): string {
  const overflow = option.overflow;
  if (!overflow) return paint.dim("unknown");
  if (overflow.share === 0) return formatUsd(0);
  const share = formatPercent(overflow.share);
  return paint.warn(overflow.cost === null ? `throttled ${share}` : `${formatUsd(overflow.cost)} (${share})`);
}

function breakEvenCell(option: ProvisionedOption, paint: Painter): string {
  const be = option.breakEven;
  if (be.kind === "never") return paint.warn("never at this mix");
  if (be.kind === "none") return NONE;
  const volume = `${formatTokensShort(be.volume.inputTokens)} / ${formatTokensShort(be.volume.outputTokens)}`;
  return be.utilization === null ? `${volume}, utilization unknown` : `${volume} at ${formatPercent(be.utilization)}`;
}

/** Every option a comparison prices, one row under COMPARE_HEADS each, the recommended one marked. */
export function compareRows(result: CompareResult, paint: Painter): string[][] {
  const rows: string[][] = [];
  const table = { push: (row: string[]) => rows.push(row) };
  const recommended = result.recommendation;
  const label = (text: string, isBest: boolean) => (isBest ? paint.best(`${text} (recommended)`) : text);
  const money = (usd: number, isBest: boolean) => (isBest ? paint.best(formatUsd(usd)) : formatUsd(usd));
  const onDemand = result.onDemand?.monthlyCost ?? null;

  if (result.onDemand) {
    const isBest = recommended.lane === "on-demand";
    table.push([label("On-demand", isBest), NONE, NONE, money(result.onDemand.monthlyCost, isBest), NONE, NONE, NONE, NONE, NONE]);
  }
  for (const [lane, name, cost] of [
    ["priority", "Priority tier", result.priority],
    ["flex", result.latency === "flex" ? "Flex tier" : "Flex tier (slower)", result.flex],
  ] as const) {
    if (!cost) continue;
    const isBest = recommended.lane === lane;
    const delta = onDemand === null ? NONE : formatUsdDelta(cost.monthlyCost - onDemand);
    table.push([label(name, isBest), NONE, NONE, money(cost.monthlyCost, isBest), NONE, NONE, NONE, NONE, delta]);
  }
  if (result.batch) {
    const isBest = recommended.lane === "batch";
    const name = result.latency === "async" ? "Batch" : "Batch (async only)";
    const delta = onDemand === null ? NONE : formatUsdDelta(result.batch.monthlyCost - onDemand);
    table.push([label(name, isBest), NONE, NONE, money(result.batch.monthlyCost, isBest), NONE, NONE, NONE, NONE, delta]);
  }
  for (const option of result.provisioned) {
    const isBest = recommended.lane === "provisioned" && recommended.term === option.term;
    table.push([
      label(`PT ${option.term}`, isBest),
      String(option.units),
      formatRate(option.hourlyRate),
      money(option.monthlyCost, isBest),
      option.term === "no-commit" ? "none" : formatUsd(option.committedCost),
      option.utilization === null ? paint.dim("unknown") : formatPercent(option.utilization),
      overflowCell(option, paint),
      breakEvenCell(option, paint),
      onDemand === null ? NONE : formatUsdDelta(option.monthlyCost - onDemand),
    ]);
  }

  for (const option of result.reserved) {
    const isBest = recommended.lane === "reserved" && recommended.term === option.term;
    table.push([
      label(`Reserved ${option.term} (${option.scope})`, isBest),
      `${formatTokensShort(option.inputTpm)}/${formatTokensShort(option.outputTpm)} TPM`,
      NONE,
      money(option.monthlyCost, isBest),
      formatUsd(option.committedCost),
      formatPercent(option.utilization),
      formatUsd(option.overflowCost),
      NONE,
      formatUsdDelta(option.monthlyCost - option.standardCost),
    ]);
  }

  return rows;
}

/** What a comparison's Reserved tier rows are sized to carry, for the line under the options; null without them. */
export function reservedNoteText(result: CompareResult): string | null {
  const first = result.reserved[0];
  return first
    ? `Reserved tier (${first.scope}): sized to carry the ${first.basis === "peak" ? "peak minute given" : "average minute (give --peak-input-tpm and --peak-output-tpm to size it for the peak)"}, and at least ${formatCount(first.minimumTpm.input)} input and ${formatCount(first.minimumTpm.output)} output tokens a minute; traffic above it is billed at Standard by itself. What it costs over on-demand is the price of guaranteed capacity.`
    : null;
}
