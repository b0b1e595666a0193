import type { AuditModel, AuditResult } from "../core/audit/audit-account.js";
import { formatPercent, formatTokensShort, formatUsd } from "./money.js";
import { laneText } from "./plan-cells.js";

const NONE = "-";

/** The column heads of an audit's models, in every format that draws them. */
export const AUDIT_HEADS = [
  "Model",
  "Input a month",
  "Output a month",
  "p99 TPM in/out",
  "Peak TPM in/out",
  "On-demand",
  "Batch",
  "Best lane",
  "Best cost",
];

/** One model's cells under AUDIT_HEADS. */
export function auditCells(m: AuditModel): string[] {
  const pair = (a: number, b: number) => `${formatTokensShort(a)}/${formatTokensShort(b)}`;
  return [
    m.model.id,
    formatTokensShort(m.monthly.inputTokens),
    formatTokensShort(m.monthly.outputTokens),
    pair(m.tpm.input.p99, m.tpm.output.p99),
    pair(m.tpm.input.peak, m.tpm.output.peak),
    m.onDemandCost === null ? NONE : formatUsd(m.onDemandCost),
    m.batchCost === null ? NONE : formatUsd(m.batchCost),
    m.best === null ? "not priced" : laneText(m.best),
    m.best === null ? NONE : formatUsd(m.best.monthlyCost),
  ];
}

/** What to do with a Provisioned Throughput: "release it: its traffic costs $5.61 a month on-demand", "keep it: ...". */
export function reservationAdvice(r: AuditResult["reservations"][number]): string {
  const best = r.best;
  if (best === null) return "release it: its ARN carried no traffic";
  if (best.lane !== "provisioned") return `release it: its traffic costs ${formatUsd(best.monthlyCost)} a month ${best.lane}`;
  const same = best.term === r.term && best.units === r.units;
  return `${same ? "keep it" : `change it to ${laneText(best)}`}: ${formatUsd(best.monthlyCost)} a month`;
}

/** "$29,120.40 a month today; $212.40 with every model in its best lane: saving $28,908.00 a month (99.3%)" */
export function auditTotalText(totals: AuditResult["totals"]): string {
  const { currentMonthlyCost, recommendedMonthlyCost, saving } = totals;
  const share = currentMonthlyCost > 0 ? ` (${formatPercent(Math.abs(saving) / currentMonthlyCost)})` : "";
  const verdict = saving >= 0 ? `saving ${formatUsd(saving)} a month${share}` : `${formatUsd(-saving)} a month more${share}`;
  return `${formatUsd(currentMonthlyCost)} a month today; ${formatUsd(recommendedMonthlyCost)} with every model in its best lane: ${verdict}`;
}

/** "2026-10-01 00:00 to 2026-10-31 00:00 UTC (30 days)" */
export function windowText(window: { start: number; end: number; minutes: number }): string {
  const at = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 16).replace("T", " ");
  const days = window.minutes / 1440;
  const hours = window.minutes / 60;
  const span =
    days >= 1
      ? `${Number(days.toFixed(1))} day${days === 1 ? "" : "s"}`
      : hours >= 1
        ? `${Number(hours.toFixed(1))} hour${hours === 1 ? "" : "s"}`
        : `${window.minutes} minute${window.minutes === 1 ? "" : "s"}`;
  return `${at(window.start)} to ${at(window.end)} UTC (${span})`;
}
