import Table from "cli-table3";
import type { ProvisionedOption } from "../core/cost-model/provisioned-option.js";
import type { CompareResult } from "../core/lanes/compare-lanes.js";
import type { RateCard } from "../core/rates/rate-card.js";
import type { Painter } from "./colors.js";
import { describeChoice, reasonMessage } from "./messages.js";
import { formatCount, formatPercent, formatRate, formatTokensShort, formatUsd, formatUsdDelta } from "./money.js";
import { ratesText } from "./rates-line.js";

const HEAD = [
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
// Only the line under the header: rows follow each other without separators.
const CHARS = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };
const ALIGN = ["left", "right", "right", "right", "right", "right", "right", "left", "right"] as const;
const NONE = "-";

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

function header(result: CompareResult, card: RateCard, paint: Painter): string[] {
  const { model, volume } = result;
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
  return [
    paint.heading(`${model.name} (${model.id})`),
    `Rates: ${ratesText(card)} · ${result.hoursPerMonth} hours a month · ${result.latency}${result.tier === "priority" ? " · Priority tier" : ""}`,
    `Volume: ${formatTokensShort(volume.inputTokens)} input + ${formatTokensShort(volume.outputTokens)} output tokens a month${cacheText}${longText}`,
  ];
}

/** Several models: each one's best lane and cost side by side, cheapest first, then each one's comparison. */
export function renderCompareSetTable(runs: readonly { result: CompareResult; card: RateCard; extra?: string }[], paint: Painter): string {
  const sorted = [...runs].sort((a, b) => a.result.recommendation.monthlyCost - b.result.recommendation.monthlyCost);
  const cheapest = sorted[0]?.result.recommendation.monthlyCost ?? 0;
  const table = new Table({
    head: ["Model", "Best lane", "Monthly cost", "vs the cheapest"],
    colAligns: ["left", "left", "right", "right"],
    chars: CHARS,
    style: { head: [], border: [] },
  });
  for (const [i, { result }] of sorted.entries()) {
    const choice = result.recommendation;
    const cost = formatUsd(choice.monthlyCost);
    table.push([
      `${result.model.name} (${result.model.id})`,
      describeChoice(choice),
      i === 0 ? paint.best(cost) : cost,
      i === 0 ? NONE : formatUsdDelta(choice.monthlyCost - cheapest),
    ]);
  }
  const details = runs.map((run) => `${renderCompareTable(run.result, run.card, paint)}${run.extra ?? ""}`);
  return [paint.heading(`${runs.length} models for the same workload, cheapest first`), table.toString(), "", ...details].join("\n");
}

/** The comparison as a table with the recommendation and its reasons below it. */
export function renderCompareTable(result: CompareResult, card: RateCard, paint: Painter): string {
  const table = new Table({ head: HEAD, colAligns: [...ALIGN], chars: CHARS, style: { head: [], border: [] } });
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

  const context = { modelName: result.model.name };
  const first = result.reserved[0];
  const reservedNote = first
    ? [
        "",
        `Reserved tier (${first.scope}): sized to carry the ${first.basis === "peak" ? "peak minute given" : "average minute (give --peak-input-tpm and --peak-output-tpm to size it for the peak)"}, and at least ${formatCount(first.minimumTpm.input)} input and ${formatCount(first.minimumTpm.output)} output tokens a minute; traffic above it is billed at Standard by itself. What it costs over on-demand is the price of guaranteed capacity.`,
      ]
    : [];
  const lines = [
    ...header(result, card, paint),
    "",
    table.toString(),
    ...reservedNote,
    "",
    paint.heading(`Recommendation: ${describeChoice(recommended)}, ${formatUsd(recommended.monthlyCost)} a month`),
    ...recommended.reasons.map((reason) => `  - ${reasonMessage(reason, context)} ${paint.dim(`[${reason.code}]`)}`),
  ];
  return `${lines.join("\n")}\n`;
}
