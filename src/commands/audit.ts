import { dirname, relative, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { type AuditModelInput, type AuditReservationInput, auditAccount } from "../core/audit/audit-account.js";
import type { Latency } from "../core/lanes/lanes.js";
import { hourlyRateFor, type ModelRates, type RateCard } from "../core/rates/rate-card.js";
import { resolveModel } from "../core/rates/resolve-model.js";
import { buildMinuteTraffic, isShortWindow, type MinuteTraffic, WindowTooLongError } from "../core/traffic/minute-traffic.js";
import { InputFileError, type InputProblem, UsageError } from "../errors.js";
import type { ProvisionedThroughput } from "../readers/read-provisioned-throughputs.js";
import type { AccountTraffic } from "../readers/traffic/read-account-traffic.js";
import { renderAuditCsv } from "../render/audit-csv.js";
import { renderAuditJson } from "../render/audit-json.js";
import { renderAuditMarkdown } from "../render/audit-markdown.js";
import { renderAuditPlan } from "../render/audit-plan-yaml.js";
import type { AuditReport } from "../render/audit-report.js";
import { type MeasurementNote, measurementNoteMessage } from "../render/measurement-notes.js";
import { workloadProblemMessage } from "../render/workload-problem-message.js";
import { writeFileAtomically } from "../writers/write-file-atomically.js";
import { assertExact } from "./assert-exact.js";
import { type AuditFormat, type CommandResult, renderAs } from "./command-result.js";
import { findModel, type RateFlags, rateCardOfFlags, unknownModelMessage } from "./model-flags.js";
import { deliver, refuseOutputWithoutSvg } from "./picture-output.js";
import { profileMapOf } from "./profile-map.js";
import { readingThreads } from "./reading-threads.js";

export interface AuditOptions extends RateFlags {
  provisioned?: string;
  writePlan?: string;
  /** --output: where --format svg writes its picture. */
  output?: string;
  force?: boolean;
  latencyAsync?: string[];
  profileMap?: string;
  period?: number;
  hoursPerMonth?: number;
  format: AuditFormat;
}

const PROVISIONED_ARN = /:provisioned-model\//;
const CUSTOM_ARN = /:custom-model\//;
/** Provisioned Throughputs that bill: one that is being created or has failed is listed, not judged. */
const BILLED = new Set(["InService", "Updating"]);

/** A Provisioned Throughput of the account with its base model, whose prices its units have. */
type Listed = ProvisionedThroughput & { model: ModelRates };

/** The account's reservations, each with its base model's prices for its term; every problem at once. */
async function reservationsOf(file: string, card: RateCard): Promise<{ billed: Listed[]; others: Listed[] }> {
  const { readProvisionedThroughputs } = await import("../readers/read-provisioned-throughputs.js");
  const problems: InputProblem[] = [];
  const listed: Listed[] = [];
  for (const entry of readProvisionedThroughputs(file)) {
    const lookup = resolveModel(card, entry.foundationModelArn);
    if (!lookup.found) {
      problems.push({ source: file, path: [...entry.path, "foundationModelArn"], message: unknownModelMessage(lookup) });
    } else if (BILLED.has(entry.status) && hourlyRateFor(lookup.model, entry.term) === undefined) {
      problems.push({
        source: file,
        path: [...entry.path, "commitmentDuration"],
        message: `no ${entry.term} PT price is known for ${lookup.model.id}: add your quote as provisioned.hourlyPerUnit in a rate file given with --rates`,
      });
    } else listed.push({ ...entry, model: lookup.model });
  }
  if (problems.length > 0) throw new InputFileError(problems);
  return { billed: listed.filter((entry) => BILLED.has(entry.status)), others: listed.filter((entry) => !BILLED.has(entry.status)) };
}

/** A group's series on the account's window; a group with input and no output counts (or the reverse) is an error. */
function trafficOf(read: AccountTraffic, group: string, files: readonly string[]): MinuteTraffic {
  const series = read.groups.get(group) ?? [];
  const has = (field: string) => series.some((s) => s.field === field && s.times.length > 0);
  if (has("inputTokens") !== has("outputTokens")) {
    const missing = has("inputTokens") ? "output" : "input";
    throw new UsageError(
      `no ${missing} token counts for ${group} in ${files.join(", ")} (for CloudWatch, query ${missing === "input" ? "InputTokenCount" : "OutputTokenCount"} with Stat Sum for every model)`,
    );
  }
  try {
    return buildMinuteTraffic(series, read.window ?? undefined);
  } catch (error) {
    if (error instanceof WindowTooLongError) throw new UsageError(`${files.join(", ")}: ${error.message}`);
    throw error;
  }
}

/** A path as a plan file at `planFile` reads it: relative to the plan's folder, with forward slashes. */
function fromPlan(planFile: string, path: string): string {
  const rel = relative(dirname(resolve(planFile)), resolve(path));
  return (rel === "" ? "." : rel).split(sep).join("/");
}

/**
 * `bedrock-cost audit`: an account's measured traffic read once, every model priced and put in its
 * lane, every Provisioned Throughput judged against the traffic its ARN carried, and a plan file
 * written to start from.
 */
export async function runAudit(paths: string[], options: AuditOptions, color: boolean, stdin?: () => Readable): Promise<CommandResult> {
  refuseOutputWithoutSvg(options);
  const card = await rateCardOfFlags(options);
  const hoursPerMonth = options.hoursPerMonth ?? card.hoursPerMonth;
  const asyncModels = new Set((options.latencyAsync ?? []).map((name) => findModel(card, name, `--latency-async ${name}`).id));
  const profileMap = options.profileMap === undefined ? undefined : await profileMapOf(options.profileMap, card);
  const provisioned = options.provisioned === undefined ? { billed: [], others: [] } : await reservationsOf(options.provisioned, card);

  const { readAccountTraffic } = await import("../readers/traffic/read-account-traffic.js");
  const read = await readAccountTraffic(paths, {
    period: { seconds: options.period, flag: "--period" },
    stdin,
    threads: readingThreads(),
    groupOf(modelId) {
      if (PROVISIONED_ARN.test(modelId)) return modelId;
      const lookup = resolveModel(card, profileMap?.get(modelId) ?? modelId);
      return lookup.found ? lookup.model.id : undefined;
    },
  });
  if (read.window === null) {
    const found = read.unresolved.slice(0, 5).map(([id, n]) => `${id} (${n})`);
    throw new UsageError(
      `no traffic of a model in these rates in ${paths.join(", ")}${found.length > 0 ? `; found ${found.join(", ")}` : ""}`,
    );
  }

  const byArn = new Map(provisioned.billed.map((entry) => [entry.provisionedModelArn, entry]));
  const models: AuditModelInput[] = [];
  const unlisted: [string, number][] = [];
  for (const group of read.groups.keys()) {
    if (PROVISIONED_ARN.test(group)) {
      // Minutes with traffic: every series of a log group has the same minutes.
      if (!byArn.has(group)) unlisted.push([group, (read.groups.get(group) ?? []).reduce((n, s) => Math.max(n, s.times.length), 0)]);
      continue;
    }
    const model = resolveModel(card, group);
    if (!model.found) continue;
    const latency: Latency = asyncModels.has(model.model.id) ? "async" : "interactive";
    models.push({ model: model.model, traffic: trafficOf(read, group, paths), latency });
  }
  const reservations: AuditReservationInput[] = provisioned.billed.map((entry) => ({
    name: entry.name,
    provisionedModelArn: entry.provisionedModelArn,
    model: entry.model,
    custom: CUSTOM_ARN.test(entry.modelArn) ? entry.modelArn : null,
    units: entry.units,
    term: entry.term,
    traffic: read.groups.has(entry.provisionedModelArn) ? trafficOf(read, entry.provisionedModelArn, paths) : null,
  }));

  const result = auditAccount({ models, reservations, hoursPerMonth });
  assertExact(result, paths.join(", "));

  const window = { start: read.window.start, end: read.window.end, minutes: Math.round((read.window.end - read.window.start) / 60) };
  const notes: MeasurementNote[] = [];
  if (isShortWindow(window.minutes)) notes.push({ code: "SHORT_WINDOW", minutes: window.minutes, workload: null });
  const period = models.reduce((longest, m) => Math.max(longest, m.traffic.periodSeconds), 60);
  if (period > 60) notes.push({ code: "COARSE_PERIOD", periodSeconds: period });
  if (read.unresolved.length > 0) notes.push({ code: "UNRESOLVED_MODELS", records: read.unresolved });
  if (unlisted.length > 0) notes.push({ code: "UNLISTED_PROVISIONED", arns: unlisted, given: options.provisioned !== undefined });
  if (read.unlabelled.length > 0) notes.push({ code: "UNLABELLED_METRICS", labels: [...new Set(read.unlabelled.map((m) => m.label))] });
  if (read.ignoredMetrics.length > 0)
    notes.push({ code: "IGNORED_METRICS", labels: [...new Set(read.ignoredMetrics.map((m) => m.label))] });
  if (read.skipped.length > 0) notes.push({ code: "SKIPPED_FILES", skipped: read.skipped });
  if (read.repeated.length > 0) notes.push({ code: "REPEATED_FILES", files: read.repeated });
  const unpriced = result.models.filter((m) => m.problems.length > 0);
  if (unpriced.length > 0) {
    notes.push({
      code: "UNPRICED_MODELS",
      models: unpriced.map((m) => ({ id: m.model.id, message: m.problems.map((p) => workloadProblemMessage(p, "rates")).join("; ") })),
    });
  }
  if (provisioned.others.length > 0) {
    notes.push({ code: "RESERVATIONS_NOT_JUDGED", reservations: provisioned.others.map((r) => ({ name: r.name, status: r.status })) });
  }

  const report: AuditReport = { result, card, hoursPerMonth, window, paths, notes };
  const stderr: string[] = [];
  if (options.writePlan !== undefined) {
    const planFile = options.writePlan;
    const text = renderAuditPlan(report, {
      profile: paths.includes("-") ? null : paths.map((path) => fromPlan(planFile, path)),
      rates: options.rates.map((path) => fromPlan(planFile, path)),
      asyncModels,
    });
    writeFileAtomically(options.writePlan, text, options.force === true, "--write-plan");
    stderr.push(`wrote ${options.writePlan}: add each workload's latency and sla, then run bedrock-cost plan and check on it`);
  }
  const stdout = await renderAs(
    options.format,
    {
      svg: async (r) => {
        const [{ renderTrafficSvg }, { auditPanel }, { auditTotalText, windowText }] = await Promise.all([
          import("../render/traffic-svg.js"),
          import("../render/traffic-panels.js"),
          import("../render/audit-cells.js"),
        ]);
        return renderTrafficSvg(
          `bedrock-cost audit: ${auditTotalText(r.result.totals)}`,
          `${windowText(r.window)} · ${r.card.region}, ${r.hoursPerMonth} hours a month`,
          r.result.models.map(auditPanel),
        );
      },
      json: renderAuditJson,
      csv: renderAuditCsv,
      markdown: renderAuditMarkdown,
      table: async (r) => {
        const [{ renderAuditTable }, { makePainter }] = await Promise.all([
          import("../render/audit-table.js"),
          import("../render/colors.js"),
        ]);
        return renderAuditTable(r, makePainter(color));
      },
    },
    report,
  );
  if (options.format !== "json") stderr.unshift(...notes.map((note) => `note: ${measurementNoteMessage(note)}`));
  return deliver(stdout, stderr, options);
}
