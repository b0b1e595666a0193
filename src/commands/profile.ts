import type { Readable } from "node:stream";
import type { OverflowTo } from "../core/cost-model/pricing.js";
import type { ReservedScope } from "../core/cost-model/reserved-tier.js";
import type { Latency } from "../core/lanes/lanes.js";
import { workloadProblems } from "../core/plans/workload-problems.js";
import { isShortWindow, summarizeTraffic } from "../core/traffic/minute-traffic.js";
import { profileTraffic } from "../core/traffic/profile-traffic.js";
import { UsageError } from "../errors.js";
import { measureTraffic } from "../readers/traffic/measure-traffic.js";
import { type MeasurementNote, measurementNoteMessage } from "../render/measurement-notes.js";
import { renderProfileCsv } from "../render/profile-csv.js";
import { renderProfileJson } from "../render/profile-json.js";
import { workloadProblemMessage } from "../render/workload-problem-message.js";
import { assertExact } from "./assert-exact.js";
import { type CommandResult, type ProfileFormat, renderAs } from "./command-result.js";
import { applyUnitFlags, findModel, type RateFlags, rateCardOfFlags, type UnitFlags } from "./model-flags.js";
import { deliver, refuseOutputWithoutSvg } from "./picture-output.js";
import { priceNeeds } from "./price-needs.js";
import { profileMapOf } from "./profile-map.js";
import { readingThreads } from "./reading-threads.js";

export interface ProfileOptions extends RateFlags, UnitFlags {
  model: string;
  latency: Latency;
  overflow: OverflowTo;
  /** Seconds each data point covers, when the data cannot tell (a lone CloudWatch point). */
  period?: number;
  /** A YAML file of application-inference-profile ARNs and the models behind them. */
  profileMap?: string;
  hoursPerMonth?: number;
  scope?: ReservedScope;
  format: ProfileFormat;
  /** --output: where --format svg writes its picture. */
  output?: string;
  force?: boolean;
}

/** `stdin` opens standard input, for a file named `-`. */
export async function runProfile(files: string[], options: ProfileOptions, color: boolean, stdin?: () => Readable): Promise<CommandResult> {
  refuseOutputWithoutSvg(options);
  const card = await rateCardOfFlags(options);
  const model = applyUnitFlags(findModel(card, options.model), options);
  const hoursPerMonth = options.hoursPerMonth ?? card.hoursPerMonth;
  const profileMap = options.profileMap === undefined ? undefined : await profileMapOf(options.profileMap, card);
  const { read, traffic } = await measureTraffic(files, card, model, {
    period: { seconds: options.period, flag: "--period" },
    needs: priceNeeds(model, false, "flags"),
    profileMap,
    stdin,
    threads: readingThreads(),
  });
  const problems = workloadProblems({ model, volume: summarizeTraffic(traffic, hoursPerMonth).volume, custom: false, hoursPerMonth });
  if (problems.length > 0)
    throw new UsageError(problems.map((problem) => `${files.join(", ")}: ${workloadProblemMessage(problem, "flags")}`).join("\n"));
  const profile = profileTraffic(traffic, model, {
    hoursPerMonth,
    latency: options.latency,
    terms: options.term ? [options.term] : undefined,
    overflow: options.overflow,
    scope: options.scope,
  });
  assertExact(profile, files.join(", "));

  const notes: MeasurementNote[] = [];
  if (isShortWindow(traffic.minutes)) notes.push({ code: "SHORT_WINDOW", minutes: traffic.minutes, workload: null });
  // Overflow priced on-demand assumes the application falls back to the on-demand model id.
  if (profile.provisioned.some((curve) => curve.curve.some((point) => (point.overflowCost ?? 0) > 0))) {
    notes.push({ code: "OVERFLOW_FALLBACK", reservations: null });
  }
  if (traffic.periodSeconds > 60) notes.push({ code: "COARSE_PERIOD", periodSeconds: traffic.periodSeconds });
  if (traffic.gapMinutes > 0) notes.push({ code: "GAPS", gapMinutes: traffic.gapMinutes, minutes: traffic.minutes });
  if (read.otherModels.length > 0) notes.push({ code: "OTHER_MODELS", records: read.otherModels });
  if (read.skipped.length > 0) notes.push({ code: "SKIPPED_FILES", skipped: read.skipped });
  if (read.repeated.length > 0) notes.push({ code: "REPEATED_FILES", files: read.repeated });
  if (read.ignoredMetrics.length > 0)
    notes.push({ code: "IGNORED_METRICS", labels: [...new Set(read.ignoredMetrics.map((m) => m.label))] });
  if (profile.provisionedMissing === "no-pt-price") notes.push({ code: "NO_PT_PRICE" });
  if (profile.provisionedMissing === "no-price-for-term") notes.push({ code: "NO_PT_PRICE_FOR_TERM" });
  if (profile.provisionedMissing === "no-throughput") notes.push({ code: "UNKNOWN_THROUGHPUT" });

  const stdout = await renderAs(
    options.format,
    {
      svg: async (p) => {
        const [{ renderTrafficSvg }, { trafficPanel }, { windowText }] = await Promise.all([
          import("../render/traffic-svg.js"),
          import("../render/traffic-panels.js"),
          import("../render/audit-cells.js"),
        ]);
        const panel = trafficPanel(model.id, p.weekHours, p.onDemand?.monthlyCost ?? null, p.provisioned, p.provisionedMissing);
        return renderTrafficSvg(
          `bedrock-cost profile: ${model.name}`,
          `${windowText(p.window)} · ${card.region}, ${hoursPerMonth} hours a month`,
          [panel],
        );
      },
      json: (p) => renderProfileJson(p, model, card, hoursPerMonth, notes),
      csv: renderProfileCsv,
      // The table libraries (cli-table3, chalk) are loaded only for table output.
      table: async (p) => {
        const [{ renderProfileTable }, { makePainter }] = await Promise.all([
          import("../render/profile-table.js"),
          import("../render/colors.js"),
        ]);
        return renderProfileTable(p, model, card, hoursPerMonth, makePainter(color));
      },
    },
    profile,
  );
  // In JSON the notes are part of the report.
  const stderr = options.format === "json" ? [] : notes.map((note) => `note: ${measurementNoteMessage(note)}`);
  return deliver(stdout, stderr, options);
}
