import { unitsToCarry } from "../cost-model/capacity.js";
import {
  batchCost,
  type OverflowTo,
  onDemandPrices,
  type TokenPrices,
  termRate,
  tokenCost,
  reservedCost as unitsReservedCost,
} from "../cost-model/pricing.js";
import type { ReservedScope } from "../cost-model/reserved-tier.js";
import { TERMS, type Term } from "../cost-model/terms.js";
import type { Volume } from "../cost-model/volume.js";
import type { Latency } from "../lanes/lanes.js";
import { defaultScope } from "../lanes/reserved-options.js";
import { type ModelRates, pricedTerms, type UnitThroughput } from "../rates/rate-card.js";
import type { MinuteTraffic } from "./minute-traffic.js";
import { valuesAtRanks } from "./percentiles.js";
import { profileReserved, type ReservedProfile } from "./profile-reserved.js";

export interface TpmStats {
  avg: number;
  p50: number;
  p95: number;
  p99: number;
  peak: number;
}

/** One unit count on one term, priced over a month. */
export interface CurvePoint {
  units: number;
  /** USD a month for the units. */
  reservedCost: number;
  /** USD a month for the traffic above the units, minute by minute, on-demand; null when it would be throttled (no on-demand price). */
  overflowCost: number | null;
  monthlyCost: number;
  /** Mean over every minute of min(load, units) / units; null for zero units. */
  utilization: number | null;
  /** Minutes in the window whose load exceeds the units. */
  overflowMinutes: number;
}

export interface TermCurve {
  term: Term;
  hourlyRate: number;
  /** The cheapest unit count (the blended optimum); ties go to fewer units. */
  best: CurvePoint;
  /** The fewest units that carry the peak minute. */
  peakSized: CurvePoint;
  curve: CurvePoint[];
}

export interface TrafficProfile {
  window: { start: number; end: number; minutes: number; periodSeconds: number; gapMinutes: number };
  /** The window's tokens scaled to a month of `hoursPerMonth`. */
  monthly: Volume;
  /** Tokens per minute: input side (plain input plus cache reads and writes) and output. */
  tpm: { input: TpmStats; output: TpmStats };
  /** Share of minutes with any traffic. */
  activeShare: number;
  /** Mean tokens per minute in each hour of the day, UTC. */
  hourOfDay: { input: number[]; output: number[] };
  /** Mean tokens a minute (input side + output) in each hour of each weekday, UTC: 168 values, Monday 00:00 first. */
  weekHours: number[];
  onDemand: { monthlyCost: number } | null;
  batch: { monthlyCost: number } | null;
  provisioned: TermCurve[];
  /** Why no PT curve could be drawn, if none was. */
  provisionedMissing: "no-pt-price" | "no-throughput" | "no-price-for-term" | null;
  /** Units that carry the peak minute; null without the unit throughput. */
  peakUnits: number | null;
  /** The Reserved tier in `scope`, one per priced term; empty when none is priced. */
  reserved: ReservedProfile[];
  scope: ReservedScope;
}

export interface ProfileOptions {
  hoursPerMonth: number;
  latency: Latency;
  terms?: readonly Term[] | undefined;
  /** Where traffic above the units goes; on-demand unless the application does not fall back. */
  overflow?: OverflowTo | undefined;
  /** The Reserved tier's scope; that of the model id when absent. */
  scope?: ReservedScope | undefined;
}

const LOAD_TOLERANCE = 1e-9;

/** Statistics of per-minute values, selecting the percentiles in place (the array is reordered). */
function stats(values: Float64Array, sum: number): TpmStats {
  const n = values.length;
  if (n === 0) return { avg: 0, p50: 0, p95: 0, p99: 0, peak: 0 };
  const rank = (p: number) => Math.max(1, Math.ceil(p * n));
  const [p50, p95, p99, peak] = valuesAtRanks(values, [rank(0.5), rank(0.95), rank(0.99), n]) as [number, number, number, number];
  return { avg: sum / n, p50, p95, p99, peak };
}

/** Everything one pass over the minutes can tell, in time order. */
interface Scan {
  /** Input-side tokens (plain input plus cache reads and writes) per minute. */
  input: Float64Array;
  sums: Volume & { inputSide: number };
  active: number;
  hourOfDay: { input: number[]; output: number[] };
  weekHours: number[];
  peakLoad: number;
}

function scan(traffic: MinuteTraffic, throughput: UnitThroughput | undefined): Scan {
  const into: MinuteSums = {
    input: new Float64Array(traffic.minutes),
    totals: new Float64Array(7),
    hourInput: new Float64Array(24),
    hourOutput: new Float64Array(24),
    hourCount: new Float64Array(24),
    weekSum: new Float64Array(168),
    weekCount: new Float64Array(168),
  };
  scanMinutes(traffic, throughput, into);
  const [inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, inputSide, active, peakLoad] = into.totals as unknown as Totals;
  // Measured traffic does not tell 1-hour cache writes from 5-minute ones: all are counted as 5-minute.
  const sums = { inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, cacheWrite1hTokens: 0, inputSide };
  const mean = (values: Float64Array, counts: Float64Array) =>
    Array.from(values, (value, at) => (counts[at] ? value / (counts[at] as number) : 0));
  return {
    input: into.input,
    sums,
    active,
    hourOfDay: { input: mean(into.hourInput, into.hourCount), output: mean(into.hourOutput, into.hourCount) },
    weekHours: mean(into.weekSum, into.weekCount),
    peakLoad,
  };
}

/** MinuteSums.totals, read as numbers. */
type Totals = [number, number, number, number, number, number, number];

/** What scanMinutes adds up: `totals` holds input, output, cache read, cache write and input-side tokens, active minutes, the peak load. */
interface MinuteSums {
  input: Float64Array;
  totals: Float64Array;
  hourInput: Float64Array;
  hourOutput: Float64Array;
  hourCount: Float64Array;
  weekSum: Float64Array;
  weekCount: Float64Array;
}

/**
 * The one pass over the minutes, in a function of its own that ends with the loop: compiled while it
 * runs (once per model), it is not thrown back to the interpreter at the code after it, which had
 * never run.
 */
function scanMinutes(traffic: MinuteTraffic, throughput: UnitThroughput | undefined, into: MinuteSums): void {
  const { input, totals, hourInput, hourOutput, hourCount, weekSum, weekCount } = into;
  let minuteOfDay = ((Math.floor(traffic.start / 60) % 1440) + 1440) % 1440;
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counted from Monday.
  let weekday = (((Math.floor(traffic.start / 86_400) + 3) % 7) + 7) % 7;
  for (let m = 0; m < traffic.minutes; m++) {
    const plain = traffic.inputTokens[m] as number;
    const output = traffic.outputTokens[m] as number;
    const read = traffic.cacheReadTokens[m] as number;
    const write = traffic.cacheWriteTokens[m] as number;
    const side = plain + read + write;
    input[m] = side;
    totals[0] = (totals[0] as number) + plain;
    totals[1] = (totals[1] as number) + output;
    totals[2] = (totals[2] as number) + read;
    totals[3] = (totals[3] as number) + write;
    totals[4] = (totals[4] as number) + side;
    if (side > 0 || output > 0) totals[5] = (totals[5] as number) + 1;
    const hour = (minuteOfDay / 60) | 0;
    hourInput[hour] = (hourInput[hour] as number) + side;
    hourOutput[hour] = (hourOutput[hour] as number) + output;
    hourCount[hour] = (hourCount[hour] as number) + 1;
    const cell = weekday * 24 + hour;
    weekSum[cell] = (weekSum[cell] as number) + side + output;
    weekCount[cell] = (weekCount[cell] as number) + 1;
    if (minuteOfDay === 1439) {
      minuteOfDay = 0;
      weekday = weekday === 6 ? 0 : weekday + 1;
    } else minuteOfDay++;
    if (throughput) {
      const load = Math.max(side / throughput.inputTpm, output / throughput.outputTpm);
      if (load > (totals[6] as number)) totals[6] = load;
    }
  }
}

/**
 * Suffix sums over minutes grouped by load: bucket b holds the minutes whose load is in (b, b+1].
 * Entry u then sums every minute whose load exceeds u units, so each unit count costs O(1).
 */
interface LoadBuckets {
  count: Float64Array;
  load: Float64Array;
  cost: Float64Array;
  costPerLoad: Float64Array;
  totalLoad: number;
}

function bucketLoads(
  traffic: MinuteTraffic,
  input: Float64Array,
  prices: TokenPrices | null,
  throughput: UnitThroughput,
  peakUnits: number,
): LoadBuckets {
  const size = peakUnits + 1;
  const buckets: LoadBuckets = {
    count: new Float64Array(size),
    load: new Float64Array(size),
    cost: new Float64Array(size),
    costPerLoad: new Float64Array(size),
    totalLoad: 0,
  };
  for (let m = 0; m < traffic.minutes; m++) {
    const output = traffic.outputTokens[m] as number;
    const l = Math.max((input[m] as number) / throughput.inputTpm, output / throughput.outputTpm);
    buckets.totalLoad += l;
    if (l <= LOAD_TOLERANCE) continue;
    const b = Math.min(peakUnits - 1, Math.max(0, Math.ceil(l - LOAD_TOLERANCE) - 1));
    buckets.count[b] = (buckets.count[b] as number) + 1;
    buckets.load[b] = (buckets.load[b] as number) + l;
    if (prices) {
      const c = tokenCost(
        prices,
        traffic.inputTokens[m] as number,
        output,
        traffic.cacheReadTokens[m] as number,
        traffic.cacheWriteTokens[m] as number,
      );
      buckets.cost[b] = (buckets.cost[b] as number) + c;
      buckets.costPerLoad[b] = (buckets.costPerLoad[b] as number) + c / l;
    }
  }
  for (const array of [buckets.count, buckets.load, buckets.cost, buckets.costPerLoad]) {
    for (let b = size - 2; b >= 0; b--) array[b] = (array[b] as number) + (array[b + 1] as number);
  }
  return buckets;
}

/**
 * Each unit count's monthly cost from the buckets. A minute at load l over u units overflows the share
 * 1 − u/l of its on-demand cost c (overflowShare at utilization l/u), so the overflow of the window is
 * Σ c − u·Σ c/l over the minutes above u: two suffix sums.
 */
function curveFor(
  rate: number,
  peakUnits: number,
  buckets: LoadBuckets,
  minutes: number,
  hours: number,
  hasOnDemand: boolean,
): CurvePoint[] {
  const scale = (hours * 60) / minutes;
  const points: CurvePoint[] = [];
  for (let u = 0; u <= peakUnits; u++) {
    const over = buckets.count[u] as number;
    const windowOverflow = Math.max(0, (buckets.cost[u] as number) - u * (buckets.costPerLoad[u] as number));
    const overflowCost = hasOnDemand ? windowOverflow * scale : null;
    const reservedCost = unitsReservedCost(u, rate, hours);
    const utilization = u === 0 ? null : (buckets.totalLoad - (buckets.load[u] as number) + u * over) / (u * minutes);
    points.push({
      units: u,
      reservedCost,
      overflowCost,
      monthlyCost: reservedCost + (overflowCost ?? 0),
      utilization,
      overflowMinutes: over,
    });
  }
  return points;
}

/**
 * Profiles measured traffic minute by minute: the statistics of its tokens per minute, and for each
 * PT term the monthly cost of every unit count from 0 to the peak, with the overflow of each minute
 * priced on-demand (docs/cost-model.md §11). Two passes over the
 * minutes, whatever the number of unit counts.
 */
export function profileTraffic(traffic: MinuteTraffic, model: ModelRates, options: ProfileOptions): TrafficProfile {
  const { hoursPerMonth: hours } = options;
  const minutes = traffic.minutes;
  const scale = minutes === 0 ? 0 : (hours * 60) / minutes;
  const throughput = model.provisioned?.unitThroughput;
  const pass = scan(traffic, throughput);
  const { sums } = pass;
  const monthly: Volume = {
    inputTokens: sums.inputTokens * scale,
    outputTokens: sums.outputTokens * scale,
    cacheReadTokens: sums.cacheReadTokens * scale,
    cacheWriteTokens: sums.cacheWriteTokens * scale,
    cacheWrite1hTokens: 0,
  };
  // The window's own tokens decide which prices are needed: cache tokens without a cache price are refused.
  const prices = onDemandPrices(model, sums);
  const batchWindow = options.latency === "async" ? batchCost(model, sums) : null;

  const wanted = (options.terms ?? TERMS).filter((term) => pricedTerms(model).includes(term));
  let provisioned: TermCurve[] = [];
  let peakUnits: number | null = null;
  let provisionedMissing: TrafficProfile["provisionedMissing"] = null;
  if (!model.provisioned) provisionedMissing = "no-pt-price";
  else if (!throughput) provisionedMissing = "no-throughput";
  else if (wanted.length === 0) provisionedMissing = "no-price-for-term";
  const fallsBack = prices !== null && options.overflow !== "throttle";
  if (throughput && minutes > 0) {
    peakUnits = unitsToCarry(pass.peakLoad);
    const buckets = bucketLoads(traffic, pass.input, prices, throughput, peakUnits);
    provisioned = wanted.map((term) => {
      const hourlyRate = termRate(model, term);
      const curve = curveFor(hourlyRate, peakUnits as number, buckets, minutes, hours, fallsBack);
      const peakSized = curve[curve.length - 1] as CurvePoint;
      // Traffic above the units that is throttled (no on-demand lane, or no fallback to it) is not served:
      // only the peak-sized count serves it all.
      const best = fallsBack ? curve.reduce((a, b) => (b.monthlyCost < a.monthlyCost - 1e-9 ? b : a)) : peakSized;
      return { term, hourlyRate, best, peakSized, curve };
    });
  }
  const scope = options.scope ?? defaultScope(model.id);
  const reserved = profileReserved(traffic, model, hours, scope);
  // Last, because selecting the percentiles reorders the input-side array in place.
  const tpm = { input: stats(pass.input, sums.inputSide), output: stats(Float64Array.from(traffic.outputTokens), sums.outputTokens) };

  return {
    window: {
      start: traffic.start,
      end: traffic.start + minutes * 60,
      minutes,
      periodSeconds: traffic.periodSeconds,
      gapMinutes: traffic.gapMinutes,
    },
    monthly,
    tpm,
    activeShare: minutes === 0 ? 0 : pass.active / minutes,
    hourOfDay: pass.hourOfDay,
    weekHours: pass.weekHours,
    onDemand:
      prices === null
        ? null
        : { monthlyCost: tokenCost(prices, sums.inputTokens, sums.outputTokens, sums.cacheReadTokens, sums.cacheWriteTokens) * scale },
    batch: batchWindow === null ? null : { monthlyCost: batchWindow * scale },
    provisioned,
    provisionedMissing,
    peakUnits,
    reserved,
    scope,
  };
}
