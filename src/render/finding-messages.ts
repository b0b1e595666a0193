import type { Finding, ReservedCapacity } from "../core/plans/findings.js";
import { throughputHint } from "./hints.js";
import { formatCount, formatPercent, formatUsd } from "./money.js";

/** "The Reserved tier (geo), 120,000 input and 24,000 output tokens a minute" */
function reservedText(capacity: ReservedCapacity): string {
  return `the Reserved tier (${capacity.scope}), ${formatCount(capacity.inputTpm)} input and ${formatCount(capacity.outputTpm)} output tokens a minute`;
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function units(count: number): string {
  return count === 1 ? "1 unit" : `${count} units`;
}

/** The verb for a count of units: "1 unit costs", "2 units cost". */
function verb(count: number, singular: string, plural: string): string {
  return count === 1 ? singular : plural;
}

function overTerm(term: string, committedOver: number): string {
  return term === "no-commit"
    ? " (no commitment: the units can be deleted in any hour)"
    : `, ${formatUsd(committedOver)} over the ${term} term`;
}

/** The sentence for a finding of `bedrock-cost check`. */
export function findingMessage(finding: Finding): string {
  switch (finding.code) {
    case "IDLE_RESERVATION": {
      if (finding.reserved) {
        const what = `${capitalized(reservedText(finding.reserved))}, on a ${finding.term} term`;
        const at = finding.utilization === null ? "" : ` at ${formatPercent(finding.utilization)} utilization`;
        const over = `${formatUsd(finding.monthlyImpact)} a month over on-demand${overTerm(finding.term, finding.committedOver)}`;
        if (finding.why === "more-than-needed") {
          const other =
            finding.onDemandCost !== null && finding.onDemandCost > 0
              ? ` against ${formatUsd(finding.onDemandCost)} on-demand for the other traffic it carries`
              : ", and no other traffic needs it";
          return `${what}, reserves more than the no-throttling SLA traffic it serves needs: the capacity beyond that costs ${formatUsd(finding.extraCost ?? 0)} a month${other}: ${over}, which no SLA calls for.`;
        }
        if (finding.why === "below-min-utilization")
          return `${what}, runs${at}, below the policy's minUtilization of ${formatPercent(finding.minUtilization ?? 0)} (${formatUsd(finding.reservedCost)} a month).`;
        return `${what}, costs ${formatUsd(finding.reservedCost)} a month${at} against ${formatUsd(finding.onDemandCost ?? 0)} on-demand for the traffic it carries, and no no-throttling SLA calls for it: ${over}.`;
      }
      const at = finding.utilization === null ? "" : ` at ${formatPercent(finding.utilization)} utilization`;
      const carried =
        finding.carriedShare < 1 ? `the ${formatPercent(finding.carriedShare)} of the traffic they carry` : "the traffic they carry";
      const od = finding.onDemandCost === null ? "" : ` against ${formatUsd(finding.onDemandCost)} on-demand for ${carried}`;
      switch (finding.why) {
        case "costlier-than-on-demand": {
          // One verdict: more units for a spiky peak would only cost more, so the fix is on-demand.
          const peak =
            finding.neededUnits !== null && finding.neededUnits > finding.units
              ? ` More units would cost more still (the served peak needs ${finding.neededUnits}): serve this traffic on-demand.`
              : "";
          return `${units(finding.units)} on a ${finding.term} term ${verb(finding.units, "costs", "cost")} ${formatUsd(finding.reservedCost)} a month${at}${od}: ${formatUsd(finding.monthlyImpact)} a month over on-demand${overTerm(finding.term, finding.committedOver)}.${peak}`;
        }
        case "below-min-utilization":
          return `${units(finding.units)} on a ${finding.term} term ${verb(finding.units, "runs", "run")}${at}, below the policy's minUtilization of ${formatPercent(finding.minUtilization ?? 0)} (${formatUsd(finding.reservedCost)} a month${od}).`;
        case "more-than-needed": {
          const extra = finding.units - (finding.neededUnits ?? 0);
          const other =
            finding.onDemandCost !== null && finding.onDemandCost > 0
              ? ` against ${formatUsd(finding.onDemandCost)} on-demand for the other traffic they carry`
              : ", and no other traffic needs them";
          return `${units(finding.units)} where the no-throttling SLA and custom-model traffic needs ${finding.neededUnits}: the ${units(extra)} beyond that ${verb(extra, "costs", "cost")} ${formatUsd(finding.extraCost ?? 0)} a month${other}: ${formatUsd(finding.monthlyImpact)} a month over on-demand${overTerm(finding.term, finding.committedOver)}, which no SLA or custom model calls for.`;
        }
      }
      break;
    }
    case "UNKNOWN_CAPACITY":
      return `The unit throughput of ${finding.modelId} is unknown (AWS does not publish it), so capacity and utilization cannot be judged: ${throughputHint("plan")}.`;
    case "UNDER_PROVISIONED": {
      if ("reserved" in finding) {
        const needs = `${formatCount(finding.neededTpm.input)} input and ${formatCount(finding.neededTpm.output)} output tokens a minute`;
        return `${capitalized(reservedText(finding.reserved))} is less than the peak of the no-throttling SLA traffic it serves (${finding.workloads.join(", ")}), which needs ${needs}: the traffic above it is billed at Standard without the guarantee; reserving the rest would cost ${formatUsd(finding.monthlyImpact)} a month more.`;
      }
      const extra = finding.neededUnits - finding.units;
      const more = `${extra === 1 ? "1 more unit" : `${extra} more units`} would cost ${formatUsd(finding.monthlyImpact)} a month`;
      if (finding.throttled) {
        return `${units(finding.units)} ${verb(finding.units, "carries", "carry")} less than the served peak, which needs ${finding.neededUnits}: the traffic above ${verb(finding.units, "it", "them")} would be throttled (a no-throttling SLA or custom model cannot spill to on-demand); ${more}.`;
      }
      const spill =
        finding.maxOverflowShare === 0
          ? `the traffic above ${verb(finding.units, "it", "them")} at the peak spills over to on-demand, and the policy allows none (maxOverflowShare: 0)`
          : `${formatPercent(finding.overflowShare)} of the traffic overflows on average, beyond the policy's maxOverflowShare of ${formatPercent(finding.maxOverflowShare)}`;
      return `${units(finding.units)} ${verb(finding.units, "carries", "carry")} less than the served peak, which needs ${finding.neededUnits}: ${spill}; ${more}.`;
    }
    case "ASYNC_ON_RESERVATION":
      return `Async work is served by ${finding.reservations.join(", ")} (its part: ${formatUsd(finding.reservedShare)} a month); on Batch it would cost ${formatUsd(finding.batchCost)}.`;
    case "CUSTOM_MODEL_UNSERVED": {
      const needs =
        finding.term === null
          ? ""
          : `: it needs ${finding.neededUnits === null ? "at least 1 unit" : units(finding.neededUnits)} (${formatUsd(finding.monthlyImpact)} a month on a ${finding.term} term)`;
      const whose = finding.workloads.length > 1 ? `; workloads ${finding.workloads.join(", ")}` : "";
      return `A custom model (on ${finding.modelId}${whose}) can only be served on Provisioned Throughput, and no reservation serves it${needs}.`;
    }
    case "UNSERVED_RESERVATION":
      return finding.why === "serves-nothing"
        ? `Serves no workload: ${formatUsd(finding.monthlyImpact)} a month for nothing.`
        : `Reserves ${finding.modelId} but serves only workloads on other models (${finding.others.join(", ")}): ${formatUsd(finding.monthlyImpact)} a month for nothing.`;
    case "WRONG_MODEL": {
      const describe = (modelId: string, custom: string | null) =>
        custom === null ? modelId : `the custom model ${custom} (on ${modelId})`;
      const why =
        finding.workloadCustom === null && finding.reservedCustom === null
          ? "reserved units carry only their own model's traffic"
          : "a Provisioned Throughput serves one model, and a custom model's serves that custom model only";
      return `Reserves ${describe(finding.modelId, finding.reservedCustom)}, but ${finding.workload} runs on ${describe(finding.workloadModelId, finding.workloadCustom)}: ${why}.`;
    }
    case "SIZED_ON_AVERAGES":
      return `${units(finding.units)} ${verb(finding.units, "runs", "run")} at ${formatPercent(finding.utilization)} on monthly averages, but ${finding.workloads.join(", ")} ${finding.workloads.length === 1 ? "has" : "have"} no peakTpm and no measured traffic: real peaks will overflow or be throttled. Give peakTpm, or profile: files of measured traffic.`;
    case "UNPROVEN_LONG_TERM":
      return `A ${finding.term} term commits ${formatUsd(finding.committedCost)} for traffic that was never measured, or measured for less than ${finding.minMeasuredDays} days (${finding.unmeasured.join(", ")}): prove the utilization on ${finding.term === "3-month" ? "a 1-month term" : "no-commit or 1-month"} first.`;
    case "SLA_PREMIUM":
      return `The no-throttling SLA of ${finding.workloads.join(", ")} costs ${formatUsd(finding.monthlyImpact)} a month over on-demand (${formatUsd(finding.reservedCost)} reserved against ${formatUsd(finding.onDemandCost)}).`;
    case "SLA_UNRESERVED":
      return `Has a no-throttling SLA, but no reservation serves it: on-demand traffic on ${finding.modelId} can be throttled.`;
    case "COMMITTED_REPLACEMENT": {
      const what = `${units(finding.units)}${finding.modelId ? ` of ${finding.modelId}` : ""} on a ${finding.term} term`;
      const billing = finding.monthlyImpact > 0 ? `; ${formatUsd(finding.monthlyImpact)} a month keeps billing until the term ends` : "";
      return `The plan ${finding.action === "replace" ? "replaces" : "deletes"} a committed PT (${what}): AWS does not allow deleting one before its term ends, and every argument of the resource forces replacement${billing}.`;
    }
    case "BUDGET_EXCEEDED":
      return finding.budget === "monthly"
        ? `The reservations cost ${formatUsd(finding.total)} a month in all, ${formatUsd(finding.total - finding.limit)} over the policy's maxMonthlyCost of ${formatUsd(finding.limit)}.`
        : `The reservations commit ${formatUsd(finding.total)} over their terms, ${formatUsd(finding.total - finding.limit)} over the policy's maxCommittedCost of ${formatUsd(finding.limit)}.`;
    case "INCREASE_EXCEEDED":
      return `The reservations cost ${formatUsd(finding.increase)} a month more than the baseline's ${formatUsd(finding.baseline)}, ${formatUsd(finding.increase - finding.limit)} over the policy's maxMonthlyIncrease of ${formatUsd(finding.limit)}.`;
    case "UNKNOWN_AT_PLAN": {
      const list = finding.attributes.length > 0 ? finding.attributes.join(", ") : "Its arguments";
      return `${list} ${finding.attributes.length === 1 ? "is" : "are"} unknown until apply, so this reservation was not judged.`;
    }
  }
  return finding satisfies never;
}
