import type { Readable } from "node:stream";
import type { ModelRates, RateCard } from "../../core/rates/rate-card.js";
import { resolveModel } from "../../core/rates/resolve-model.js";
import {
  buildMinuteTraffic,
  type MinuteTraffic,
  type TokenField,
  type TokenSeries,
  WindowTooLongError,
} from "../../core/traffic/minute-traffic.js";
import { UsageError } from "../../errors.js";
import type { GivenPeriod } from "./detect-period.js";
import { readTraffic, type TrafficRead } from "./read-traffic.js";

export interface MeasureOptions {
  period?: GivenPeriod;
  /** Why the model's traffic cannot use a token field (a price the rates lack), or null. */
  needs?: (field: TokenField) => string | null;
  /** Model ids of application-inference-profile ARNs, which name no model themselves (--profile-map). */
  profileMap?: ReadonlyMap<string, string>;
  /** Opens standard input, for a file named `-`. */
  stdin?: (() => Readable) | undefined;
  /** Threads that read invocation logs (BEDROCK_COST_THREADS); undefined: as many as help. */
  threads?: number | undefined;
}

/** Whether an invocation log's modelId (an id, profile id or ARN) is this model. */
function modelMatcher(
  card: RateCard,
  model: ModelRates,
  profileMap: ReadonlyMap<string, string> | undefined,
): (modelId: string) => boolean {
  const seen = new Map<string, boolean>();
  return (modelId) => {
    let match = seen.get(modelId);
    if (match === undefined) {
      const lookup = resolveModel(card, profileMap?.get(modelId) ?? modelId);
      match = lookup.found && lookup.model.id === model.id;
      seen.set(modelId, match);
    }
    return match;
  };
}

/** The measured traffic of `files` (files, folders, `-`) for `model`, on a minute grid, or a clear error when there is none. */
export async function measureTraffic(
  files: readonly string[],
  card: RateCard,
  model: ModelRates,
  options: MeasureOptions = {},
): Promise<{ read: TrafficRead; traffic: MinuteTraffic }> {
  const read = await readTraffic(files, {
    modelId: model.id,
    matches: modelMatcher(card, model, options.profileMap),
    needs: options.needs ?? (() => null),
    period: options.period,
    stdin: options.stdin,
    threads: options.threads,
  });
  const has = (field: TokenSeries["field"]) => read.series.some((series) => series.field === field && series.times.length > 0);
  if (read.series.length === 0 && read.otherModels.length > 0) {
    const found = read.otherModels
      .slice(0, 5)
      .map(([id, n]) => `${id} (${n})`)
      .join(", ");
    throw new UsageError(`no invocation-log records of ${model.id} in ${files.join(", ")}; found ${found}`);
  }
  if (!has("inputTokens") || !has("outputTokens")) {
    const missing = has("inputTokens") ? "output" : "input";
    throw new UsageError(
      `no ${missing} token counts in ${files.join(", ")} (for CloudWatch, query ${missing === "input" ? "InputTokenCount" : "OutputTokenCount"} with Stat Sum)`,
    );
  }
  try {
    return { read, traffic: buildMinuteTraffic(read.series, read.window ?? undefined) };
  } catch (error) {
    if (error instanceof WindowTooLongError) throw new UsageError(`${files.join(", ")}: ${error.message}`);
    throw error;
  }
}
