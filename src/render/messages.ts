import type { CreditsRunway } from "../core/cost-model/credits.js";
import type { Volume } from "../core/cost-model/volume.js";
import type { LaneChoice } from "../core/lanes/lanes.js";
import type { Note, Reason } from "../core/lanes/reasons.js";
import { type InputsGivenBy, overflowFallbackText, ptPriceHint, throughputHint } from "./hints.js";
import { formatCount, formatPercent, formatTokensShort, formatUsd, formatUsdDelta } from "./money.js";

export interface MessageContext {
  modelName: string;
  /** Where the user gives inputs; flags when not said. */
  inputs?: InputsGivenBy;
}

function units(count: number): string {
  return count === 1 ? "1 unit" : `${count} units`;
}

function carry(count: number): string {
  return count === 1 ? "carries" : "carry";
}

export function describeChoice(choice: LaneChoice): string {
  switch (choice.lane) {
    case "on-demand":
      return "on-demand";
    case "batch":
      return "Batch";
    case "provisioned":
      return `PT, ${units(choice.units ?? 0)} on a ${choice.term} term`;
    case "reserved":
      return `the Reserved tier on a ${choice.term} term`;
    case "priority":
      return "on-demand at the Priority tier";
    case "flex":
      return "on-demand at the Flex tier";
  }
}

/** "$100,000.00 of credits fund 5.1 months at the recommended $19,800.00 a month, and 5.1 months all on-demand." */
export function creditsMessage(runway: CreditsRunway, monthlyInLanes: number, monthlyAllOnDemand: number | null): string {
  const months = (value: number | null) =>
    value === null ? "indefinitely" : `${value.toFixed(1)} month${value.toFixed(1) === "1.0" ? "" : "s"}`;
  const inLanes = `${formatUsd(runway.amount)} of credits fund ${months(runway.monthsInLanes)} at the recommended ${formatUsd(monthlyInLanes)} a month`;
  if (monthlyAllOnDemand === null) return `${inLanes}.`;
  return `${inLanes}, and ${months(runway.monthsAllOnDemand)} all on-demand (${formatUsd(monthlyAllOnDemand)} a month).`;
}

function volumeText(volume: Volume): string {
  const cache = volume.cacheReadTokens + volume.cacheWriteTokens + volume.cacheWrite1hTokens;
  const cacheText = cache > 0 ? ` (with ${formatTokensShort(cache)} cache tokens)` : "";
  return `${formatTokensShort(volume.inputTokens)} input + ${formatTokensShort(volume.outputTokens)} output tokens a month${cacheText}`;
}

/** The sentence for a recommendation reason. */
export function reasonMessage(reason: Reason, context: MessageContext): string {
  switch (reason.code) {
    case "CHEAPEST": {
      const chosen = describeChoice(reason.choice);
      const first = `${chosen.charAt(0).toUpperCase()}${chosen.slice(1)} is the cheapest lane that fits: ${formatUsd(reason.choice.monthlyCost)} a month`;
      if (!reason.runnerUp) return `${first}.`;
      const gap = reason.runnerUp.monthlyCost - reason.choice.monthlyCost;
      return `${first}, ${formatUsd(gap)} less than ${describeChoice(reason.runnerUp)} (${formatUsd(reason.runnerUp.monthlyCost)}).`;
    }
    case "PT_ONLY_MODEL":
      return `${context.modelName} has no on-demand price: a custom model is served on Provisioned Throughput only.`;
    case "ASYNC_TO_BATCH": {
      const against = reason.onDemandCost === null ? "" : ` against ${formatUsd(reason.onDemandCost)} on-demand`;
      return `The work can wait, so it goes to Batch: ${formatUsd(reason.batchCost)} a month${against}.`;
    }
    case "NO_BATCH_PRICE":
      return `The work can wait, but ${context.modelName} has no Batch price in these rates; add batch prices in a rate file if AWS offers them.`;
    case "BATCH_IF_ASYNC":
      return `If this work can wait, Batch would cost ${formatUsd(reason.batchCost)} a month (${formatUsd(reason.saving)} less): ${context.inputs === "plan" ? "set latency: async" : context.inputs === "rates" ? "give --latency-async with its model id" : "run with --latency async"}.`;
    case "NO_PT_PRICE": {
      const base = `No Provisioned Throughput price is known for ${context.modelName} (AWS publishes none for current models): ${ptPriceHint(context.inputs ?? "flags")}.`;
      // Without a PT price there is no unit throughput either: the ceiling is for all units together.
      const c = reason.ceiling;
      if (!c) return base;
      const saving = c.minSaving > 0 ? `, to save the ${formatPercent(c.minSaving)} asked of a commitment (--min-saving)` : "";
      return `${base} PT pays off only below ${formatUsd(c.hourlyTotal)} an hour in all${saving}: the price to ask the account team for.`;
    }
    case "NO_PT_PRICE_FOR_TERM":
      return `No PT price is known for ${context.modelName} on the ${reason.terms.join(", ")} term; add it with --rates FILE or --unit-hourly USD.`;
    case "BELOW_BREAK_EVEN": {
      const at = reason.utilization === null ? "" : ` would run at ${formatPercent(reason.utilization)} and`;
      const needed = reason.breakEvenUtilization === null ? "" : ` (${formatPercent(reason.breakEvenUtilization)} utilization)`;
      return `PT with ${units(reason.units)} on a ${reason.term} term${at} pays off only above ${volumeText(reason.breakEvenVolume)}${needed}.`;
    }
    case "ABOVE_BREAK_EVEN": {
      const at = reason.utilization === null ? " is" : ` runs at ${formatPercent(reason.utilization)},`;
      const needed = reason.breakEvenUtilization === null ? "" : ` (${formatPercent(reason.breakEvenUtilization)} utilization)`;
      return `PT with ${units(reason.units)} on a ${reason.term} term${at} above the break-even of ${volumeText(reason.breakEvenVolume)}${needed}.`;
    }
    case "PT_NEVER_BREAKS_EVEN":
      return `PT on a ${reason.term} term never beats on-demand at this mix: ${units(reason.units)} would need ${formatPercent(reason.breakEvenUtilization)} utilization to cost no more, so ${reason.units === 1 ? "it is" : "they are"} full before on-demand catches up.`;
    case "OVERFLOW":
      return `${units(reason.units)} ${carry(reason.units)} ${formatPercent(1 - reason.share)} of the traffic; the other ${formatPercent(reason.share)} overflows to on-demand for ${formatUsd(reason.cost)} a month, included in the PT cost (${units(reason.unitsToCarry)} would carry it all).`;
    case "THROTTLED":
      return `${units(reason.units)} ${carry(reason.units)} ${formatPercent(1 - reason.share)} of the traffic; the other ${formatPercent(reason.share)} would be throttled (${units(reason.unitsToCarry)} would carry it all).`;
    case "CAPACITY_UNKNOWN":
      return `Utilization and overflow are unknown because AWS does not publish a model unit's tokens per minute: ${throughputHint(context.inputs ?? "flags")}.`;
    case "UNPROVEN_LONG_TERM":
      return `A ${reason.term} term commits ${formatUsd(reason.committedCost)}: run no-commit or 1-month until measured traffic proves the utilization.`;
    case "BLENDED_CHEAPER":
      return `With the volume spread evenly, ${units(reason.units)} on a ${reason.term} term plus on-demand for the ${formatPercent(reason.overflowShare)} above ${reason.units === 1 ? "it" : "them"} would cost ${formatUsd(reason.monthlyCost)} a month; a monthly total hides the peaks, so measure the traffic per minute before relying on overflow.`;
    case "CUSTOM_MODEL":
      return `A custom model (fine-tuned, distilled or continued pre-training) is served on Provisioned Throughput only, at ${context.modelName}'s PT price.`;
    case "SLA_OVERRIDE":
      return reason.premium > 0
        ? `Its no-throttling SLA keeps it on reserved units: ${formatUsd(reason.premium)} a month over the ${formatUsd(reason.onDemandCost)} it would cost on-demand.`
        : `Its no-throttling SLA keeps it on reserved units, which also cost ${formatUsd(-reason.premium)} a month less than on-demand.`;
    case "SLA_NEEDS_PT_PRICE":
      return `Its no-throttling SLA calls for reserved units, but no PT price is known for ${context.modelName}; it stays on-demand, where it can be throttled: ${ptPriceHint(context.inputs ?? "flags")}.`;
    case "RESERVED_TIER": {
      const what = `The Reserved tier (${reason.scope}) on a ${reason.term} term, ${formatCount(reason.inputTpm)} input and ${formatCount(reason.outputTpm)} output tokens a minute`;
      const terms = `${formatUsd(reason.monthlyCost)} a month (${formatUsd(reason.committedCost)} committed over the term) at ${formatPercent(reason.utilization)} utilization`;
      const against =
        reason.premium < 0 ? `${formatUsd(-reason.premium)} less than on-demand` : `${formatUsd(reason.premium)} a month over on-demand`;
      if (reason.chosen) return `${what}: ${terms}, ${against}; traffic above it is billed at Standard.`;
      if (reason.minSaving !== null) {
        const setting = minSavingSetting(context);
        return `${what}, would cost ${terms}, ${against}: below the ${formatPercent(reason.minSaving)} a commitment must save (${setting}).`;
      }
      return reason.premium < 0
        ? `${what}, would cost ${terms}, ${against}.`
        : `${what}, would cost ${terms}, ${against}: the price of capacity guaranteed at AWS's 99.5% target, with traffic above it billed at Standard.`;
    }
    case "GUARANTEES": {
      const against = (cost: number) => `${formatUsd(cost)} (${formatUsdDelta(cost - reason.standardCost)})`;
      const parts = [
        reason.pt ? `PT, ${units(reason.pt.units)} on a ${reason.pt.term} term, ${against(reason.pt.monthlyCost)}` : "PT: no price known",
        reason.reserved
          ? `the Reserved tier (${reason.reserved.scope}) on a ${reason.reserved.term} term, ${formatCount(reason.reserved.inputTpm)} input and ${formatCount(reason.reserved.outputTpm)} output tokens a minute, ${against(reason.reserved.monthlyCost)}`
          : "the Reserved tier: no price known",
        reason.priority ? `the Priority tier ${against(reason.priority.monthlyCost)}` : "the Priority tier: no price known",
      ];
      return `Ways to buy capacity for its no-throttling SLA, a month against ${formatUsd(reason.standardCost)} on Standard on-demand: ${parts.join("; ")}.`;
    }
    case "FLEX_IF_SLOWER":
      return `If this work can take longer, the Flex tier would cost ${formatUsd(reason.flexCost)} a month (${formatUsd(reason.saving)} less): run with --latency flex.`;
    case "SHARED_UNITS": {
      const unnamed = reason.withCount - reason.with.length;
      const others =
        unnamed > 0 ? `${reason.with.join(", ")} and ${formatCount(unnamed)} other${unnamed === 1 ? "" : "s"}` : reason.with.join(", ");
      const at = reason.utilization === null ? "" : ` at ${formatPercent(reason.utilization)} together`;
      const added = reason.addedCost === null ? "" : `; its part of what joining adds is ${formatUsd(reason.addedCost)} a month`;
      return `Shares ${units(reason.units)} on a ${reason.term} term with ${others}${at}${added}.`;
    }
    case "UNITS_BELOW_PEAK":
      return `${units(reason.units)} ${reason.units === 1 ? "is" : "are"} fewer than the ${reason.peakUnits} the peak minute needs: traffic above them at the peak overflows or is throttled.`;
    case "SAVING_BELOW_THRESHOLD": {
      const setting = minSavingSetting(context);
      return `PT, ${units(reason.units)} on a ${reason.term} term, would cost ${formatUsd(reason.monthlyCost)} a month, ${formatUsd(reason.saving)} (${formatPercent(reason.share)}) less than on-demand: below the ${formatPercent(reason.minSaving)} reserved units must save to be worth their fixed cost (${setting}), so it stays on-demand.`;
    }
  }
}

/** Where the share a commitment must save is set. */
function minSavingSetting(context: MessageContext): string {
  if (context.inputs === "plan") return "policy.minSavingShare";
  return context.inputs === "rates" ? "policy.minSavingShare, in a plan written with --write-plan" : "--min-saving";
}

/** The sentence for a note about how the inputs were read. */
export function noteMessage(note: Note): string {
  switch (note.code) {
    case "UNITS_FROM_VOLUME":
      return `Units: ${note.units}, the fewest that carry the monthly volume spread evenly; real traffic peaks, so size from --peak-input-tpm and --peak-output-tpm when you know them.`;
    case "UNITS_FROM_PEAK":
      return `Units: ${note.units}, the fewest that carry the peak minute.`;
    case "OVERFLOW_FALLBACK":
      return overflowFallbackText("flags");
    case "LONG_CONTEXT_ON_DEMAND_ONLY":
      return `Long-context requests are priced on Standard on-demand only: no ${note.lanes.join(", ")} price for them is known, so ${note.lanes.length === 1 ? "that lane is" : "those lanes are"} not priced for this volume.`;
    case "UNITS_DEFAULT": {
      const peak = note.peakGiven ? " (the peak flags cannot size units without it)" : "";
      return `Units: 1, because a unit's throughput is unknown${peak}; give --units, or ${throughputHint("flags")}.`;
    }
  }
}
