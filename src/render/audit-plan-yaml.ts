import type { Volume } from "../core/cost-model/volume.js";
import { windowText } from "./audit-cells.js";
import type { AuditReport } from "./audit-report.js";
import { formatUsd } from "./money.js";

export interface PlanFileOptions {
  /** The traffic paths as the plan reads them (relative to its folder); null when one was standard input. */
  profile: readonly string[] | null;
  /** --rates files as the plan reads them, listed under rates: so that plan and check price as audit did. */
  rates: readonly string[];
  /** Models whose traffic can wait (--latency-async). */
  asyncModels: ReadonlySet<string>;
}

/** A YAML double-quoted scalar: JSON's string syntax is YAML's. */
const q = (text: string) => JSON.stringify(text);

const whole = (n: number) => String(Math.round(n));

/** A measured month as a workload's `monthly:` line. */
const monthlyLine = (v: Volume) =>
  `    monthly: {inputTokens: ${whole(v.inputTokens)}, outputTokens: ${whole(v.outputTokens)}, cacheReadTokens: ${whole(v.cacheReadTokens)}, cacheWriteTokens: ${whole(v.cacheWriteTokens)}}`;

/**
 * The plan file `audit --write-plan` writes: one measured workload per model, reading the same
 * traffic files (`profile:`), and each Provisioned Throughput found as a reservation serving a
 * workload of the traffic its ARN carried (given as measured numbers: a plan's `profile:` reads a
 * model's records, not a provisioned model's). The user adds latency and SLA, then runs plan and check.
 */
export function renderAuditPlan(report: AuditReport, options: PlanFileOptions): string {
  const { result } = report;
  const profile = options.profile && `[${options.profile.map(q).join(", ")}]`;
  const lines = [
    `# Written by bedrock-cost audit from ${report.paths.join(", ")}: ${windowText(report.window)}.`,
    `# Today ${formatUsd(result.totals.currentMonthlyCost)} a month; audit's lanes ${formatUsd(result.totals.recommendedMonthlyCost)}.`,
    "# Add each workload's latency (async: it can wait for Batch; flex) and sla (no-throttling), then run",
    "# bedrock-cost plan and bedrock-cost check on this file.",
    "schemaVersion: 1",
    `region: ${q(report.card.region)}`,
    `hoursPerMonth: ${report.hoursPerMonth}`,
  ];
  if (options.rates.length > 0) lines.push(`rates: [${options.rates.map(q).join(", ")}]`);
  lines.push("workloads:");
  for (const m of result.models) {
    if (m.problems.length > 0) continue;
    lines.push(`  - name: ${q(m.model.id)}`, `    model: ${q(m.model.id)}`);
    if (profile === null) {
      // Standard input cannot be read again: the measured month and peak, as numbers.
      lines.push(monthlyLine(m.monthly), `    peakTpm: {input: ${whole(m.tpm.input.peak)}, output: ${whole(m.tpm.output.peak)}}`);
    } else lines.push(`    profile: ${profile}`);
    if (options.asyncModels.has(m.model.id)) lines.push("    latency: async");
  }
  const served = new Set<string>();
  for (const r of result.reservations) {
    if (r.monthly.inputTokens + r.monthly.outputTokens === 0) continue;
    served.add(r.name);
    lines.push(
      `  - name: ${q(`${r.name}-traffic`)}  # measured on ${r.provisionedModelArn}`,
      `    model: ${q(r.model.id)}`,
      monthlyLine(r.monthly),
      `    peakTpm: {input: ${whole(r.peakTpm.input)}, output: ${whole(r.peakTpm.output)}}`,
    );
    if (r.custom !== null) lines.push(`    custom: ${q(r.custom.split("/").pop() as string)}`);
  }
  if (result.reservations.length > 0) {
    lines.push("reservations:");
    for (const r of result.reservations) {
      lines.push(
        `  - name: ${q(r.name)}  # ${r.provisionedModelArn}`,
        `    model: ${q(r.model.id)}`,
        `    units: ${r.units}`,
        `    term: ${r.term}`,
        `    serves: [${served.has(r.name) ? q(`${r.name}-traffic`) : ""}]`,
      );
    }
  }
  lines.push("");
  return lines.join("\n");
}
