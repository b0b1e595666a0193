import { findBreakEven } from "../cost-model/break-even.js";
import { unitsForDemand } from "../cost-model/capacity.js";
import { batchCost, onDemandCost, tierCost } from "../cost-model/pricing.js";
import { priceProvisioned } from "../cost-model/provisioned-option.js";
import type { Term } from "../cost-model/terms.js";
import type { LaneChoice } from "../lanes/lanes.js";
import type { Reason } from "../lanes/reasons.js";
import { defaultScope, reservedOptions } from "../lanes/reserved-options.js";
import { type ModelRates, pricedTerms } from "../rates/rate-card.js";
import { chooseJoiners } from "./choose-joiners.js";
import { DEFAULT_POLICY, type PlanPolicy } from "./findings.js";
import { cheapestPool, cheapestReservedCost, loadWeights, memberDemand, type PoolOption, poolDemand, poolOptions } from "./shared-units.js";
import { isProven, payAsYouGoLane, servedModelKey, type Workload, workloadOnDemandCost, workloadPayAsYouGoCost } from "./workload.js";

export interface WorkloadPlan extends LaneChoice {
  workload: Workload;
  /** USD a month for this workload on-demand, at Priority when its tier is priority; null for a custom model. */
  onDemandCost: number | null;
  runnerUp: LaneChoice | null;
  reasons: Reason[];
}

/** Units reserved on one model and shared by the workloads in `members`. */
interface PlanPool {
  /** The model the units are bought for: a base model, or one custom model (see servedModelKey). */
  key: string;
  model: ModelRates;
  members: Workload[];
  /** Members that need PT whatever it costs (custom models, no-throttling SLAs). */
  required: Workload[];
  /** The same, to look up in constant time: a pool may have thousands of members. */
  requiredSet: ReadonlySet<Workload>;
  option: PoolOption;
  /** USD a month for all its members without a commitment, each at its own tier. */
  payAsYouGoCost: number;
}

export interface PlanResult {
  workloads: WorkloadPlan[];
  pools: PlanPool[];
  totals: {
    /** USD a month with every workload in its lane. */
    monthlyCost: number;
    /** USD a month with every workload on-demand (custom models, which have no on-demand lane, at their PT cost). */
    allOnDemandMonthlyCost: number;
    saving: number;
  };
}

type Kind = "custom" | "sla" | "sla-without-pt" | "batch" | "flexible";

function kindOf(workload: Workload): Kind {
  const hasPt = pricedTerms(workload.model).length > 0;
  if (workload.custom) return "custom";
  if (workload.latency === "async" && workload.model.batch) return "batch";
  if (workload.sla === "no-throttling") return hasPt ? "sla" : "sla-without-pt";
  return "flexible";
}

/** What the traffic costs without reserved units: on-demand, or its Flex or Priority tier. */
const odOf = workloadPayAsYouGoCost;

function poolCost(model: ModelRates, members: readonly Workload[], hours: number): number {
  return members.length === 0 ? 0 : (cheapestPool(model, members, hours)?.reservedCost ?? Number.POSITIVE_INFINITY);
}

/**
 * The candidates that, added to the required members, make the model's total lowest (fewest on a tie).
 * A joiner must save at least `minSaving` of its on-demand cost: the search counts only the rest of
 * that cost as saved, so a set joins only when the units it adds cost at most (1 − minSaving) of it.
 */
function joinersOf(model: ModelRates, required: Workload[], candidates: Workload[], hours: number, minSaving: number): Workload[] {
  const custom = required.some((member) => member.custom);
  const cheapestUnitCost = cheapestReservedCost(model, custom, 1, hours);
  const chosen = chooseJoiners({
    required: poolDemand(model, required, hours),
    requiredCount: required.length,
    candidates: candidates.map((candidate) => ({
      demand: memberDemand(model, candidate, hours),
      onDemandCost: (odOf(candidate) ?? 0) * (1 - minSaving),
    })),
    reservedCost: (demand, count) => cheapestReservedCost(model, custom, unitsForDemand(demand, count), hours),
    cheapestUnitCost,
  });
  return chosen.map((i) => candidates[i] as Workload);
}

/** Required members pay for the units they need; joiners share what they add; both by load. */
function allocate(pool: PlanPool, hours: number): Map<Workload, number> {
  const shares = new Map<Workload, number>();
  const joiners = pool.members.filter((member) => !pool.requiredSet.has(member));
  const base = Math.min(poolCost(pool.model, pool.required, hours), pool.option.reservedCost);
  const added = pool.option.reservedCost - base;
  const spread = (members: Workload[], amount: number) => {
    if (members.length === 0) return;
    loadWeights(pool.model, members, hours).forEach((weight, i) => {
      shares.set(members[i] as Workload, amount * weight);
    });
  };
  spread(pool.required, base);
  spread(joiners, added);
  return shares;
}

function ptChoice(option: PoolOption, monthlyCost: number): LaneChoice {
  return { lane: "provisioned", term: option.term, units: option.units, monthlyCost };
}

/** Without a commitment: on-demand, or the workload's Flex or Priority tier. */
function payAsYouGoChoice(workload: Workload, cost: number): LaneChoice {
  return { lane: payAsYouGoLane(workload), term: null, units: null, monthlyCost: cost };
}

/** How many of the other members a SHARED_UNITS reason names. */
const SHARED_WITH_NAMES = 10;

function poolReasons(pool: PlanPool, workload: Workload, cost: number, policy: PlanPolicy): Reason[] {
  const reasons: Reason[] = [];
  const { option } = pool;
  // A pool may have thousands of members: each names the first few others and counts the rest.
  const others: string[] = [];
  for (const member of pool.members) {
    if (others.length === SHARED_WITH_NAMES) break;
    if (member !== workload) others.push(member.name);
  }
  const otherCount = pool.members.length - 1;
  const joined = !pool.requiredSet.has(workload);
  if (joined && pool.required.length === 0) {
    // Every member joined, so each has a cost without a commitment: on-demand, Flex or Priority.
    const be = findBreakEven(option.reservedCost, pool.payAsYouGoCost, option.volume, option.utilization);
    if (be.kind === "found") {
      reasons.push({
        code: "ABOVE_BREAK_EVEN",
        term: option.term,
        units: option.units,
        utilization: option.utilization,
        breakEvenUtilization: be.utilization,
        breakEvenVolume: be.volume,
      });
    }
  }
  if (otherCount > 0) {
    reasons.push({
      code: "SHARED_UNITS",
      with: others,
      withCount: otherCount,
      units: option.units,
      term: option.term,
      utilization: option.utilization,
      addedCost: joined ? cost : null,
    });
  }
  if (option.utilization === null) reasons.push({ code: "CAPACITY_UNKNOWN", units: option.units });
  if (option.term === "6-month" && !isProven(workload, policy.minMeasuredDays)) {
    reasons.push({ code: "UNPROVEN_LONG_TERM", term: option.term, committedCost: option.committedCost });
  }
  return reasons;
}

/**
 * For a no-throttling SLA: PT (as planned, or its own cheapest units), the Reserved tier sized for its
 * peak (or average) and the Priority tier side by side, each against Standard on-demand. Null where
 * neither the Reserved tier nor Priority is priced (SLA_OVERRIDE and SLA_NEEDS_PT_PRICE say the rest).
 */
function guaranteesReason(plan: WorkloadPlan, hours: number): Reason | null {
  const { workload } = plan;
  if (workload.sla !== "no-throttling" || plan.onDemandCost === null) return null;
  const reserved = reservedOptions({
    model: workload.model,
    volume: workload.volume,
    hoursPerMonth: hours,
    scope: workload.scope ?? defaultScope(workload.model.id),
    peakTpm: workload.peakTpm,
  }).sort((a, b) => a.monthlyCost - b.monthlyCost)[0];
  const priority = tierCost(workload.model, workload.volume, "priority");
  if (!reserved && priority === null) return null;
  let pt: { term: Term; units: number; monthlyCost: number } | null = null;
  if (plan.lane === "provisioned" && plan.term && plan.units !== null)
    pt = { term: plan.term as Term, units: plan.units, monthlyCost: plan.monthlyCost };
  else {
    const own = cheapestPool(workload.model, [workload], hours);
    if (own) pt = { term: own.term, units: own.units, monthlyCost: own.reservedCost };
  }
  return {
    code: "GUARANTEES",
    standardCost: onDemandCost(workload.model, workload.volume) ?? plan.onDemandCost,
    pt,
    reserved: reserved
      ? {
          term: reserved.term,
          scope: reserved.scope,
          inputTpm: reserved.inputTpm,
          outputTpm: reserved.outputTpm,
          monthlyCost: reserved.monthlyCost,
        }
      : null,
    priority: priority === null ? null : { monthlyCost: priority },
  };
}

/** Why a workload that could use PT stays on-demand: its own units against its own traffic. */
function standaloneReasons(workload: Workload, od: number, hours: number): Reason[] {
  const option = cheapestPool(workload.model, [workload], hours);
  if (!option) return [{ code: "NO_PT_PRICE" }];
  const priced = priceProvisioned({
    term: option.term,
    hourlyRate: option.hourlyRate,
    units: option.units,
    unitsBasis: "volume",
    hoursPerMonth: hours,
    volume: workload.volume,
    throughput: workload.model.provisioned?.unitThroughput,
    onDemandCost: od,
    overflowTo: workload.overflow,
  });
  const reasons: Reason[] = [];
  const be = priced.breakEven;
  if (be.kind === "found") {
    reasons.push({
      code: "BELOW_BREAK_EVEN",
      term: option.term,
      units: option.units,
      utilization: priced.utilization,
      breakEvenUtilization: be.utilization,
      breakEvenVolume: be.volume,
    });
  } else if (be.kind === "never") {
    reasons.push({ code: "PT_NEVER_BREAKS_EVEN", term: option.term, units: option.units, breakEvenUtilization: be.utilization });
  }
  if (priced.utilization === null && be.kind !== "none") reasons.push({ code: "CAPACITY_UNKNOWN", units: option.units });
  return reasons;
}

/**
 * Puts every workload in its lane (docs/cost-model.md §9): custom models on PT; async work on Batch
 * where the model has it; no-throttling SLAs on PT even when dearer; everything else on the cheaper
 * of on-demand and PT. Workloads on the same model share reserved units, sized for the sum of their
 * traffic, and join them only where that lowers the account's total.
 */
export function planLanes(workloads: readonly Workload[], hoursPerMonth: number, policy: PlanPolicy = DEFAULT_POLICY): PlanResult {
  const hours = hoursPerMonth;
  const kinds = new Map(workloads.map((workload) => [workload, kindOf(workload)]));
  const pools: PlanPool[] = [];
  const declinedSavings = new Map<Workload, Reason>();
  // One group for each model that units can be bought for: a base model, or one custom model.
  const byModel = new Map<string, Workload[]>();
  for (const workload of workloads) {
    const key = servedModelKey(workload);
    const group = byModel.get(key);
    if (group) group.push(workload);
    else byModel.set(key, [workload]);
  }

  for (const [key, group] of byModel) {
    const model = (group[0] as Workload).model;
    if (pricedTerms(model).length === 0) continue;
    const required = group.filter((w) => ["custom", "sla"].includes(kinds.get(w) as Kind));
    const candidates = group.filter((w) => kinds.get(w) === "flexible" && (odOf(w) ?? 0) > 0);
    const joiners = joinersOf(model, required, candidates, hours, policy.minSavingShare);
    const members = [...required, ...joiners];
    const option = cheapestPool(model, members, hours);
    if (option) {
      const payAsYouGoCost = members.reduce((sum, w) => sum + (odOf(w) ?? 0), 0);
      pools.push({ key, model, members, required, requiredSet: new Set(required), option, payAsYouGoCost });
    }
    // Joiners that would lower the total, but by less than policy.minSavingShare of their on-demand cost.
    const anySaving = policy.minSavingShare > 0 ? joinersOf(model, required, candidates, hours, 0) : joiners;
    const joined = new Set(joiners);
    const declined = anySaving.filter((w) => !joined.has(w));
    const withThem = cheapestPool(model, [...required, ...anySaving], hours);
    if (declined.length > 0 && withThem) {
      const declinedOd = declined.reduce((sum, w) => sum + (odOf(w) ?? 0), 0);
      const added = withThem.reservedCost - poolCost(model, members, hours);
      for (const w of declined) {
        declinedSavings.set(w, {
          code: "SAVING_BELOW_THRESHOLD",
          term: withThem.term,
          units: withThem.units,
          monthlyCost: added,
          saving: declinedOd - added,
          share: (declinedOd - added) / declinedOd,
          minSaving: policy.minSavingShare,
        });
      }
    }
  }

  const shares = new Map<Workload, number>();
  for (const pool of pools) for (const [member, share] of allocate(pool, hours)) shares.set(member, share);
  const pooled = new Map<Workload, PlanPool>();
  for (const pool of pools) for (const member of pool.members) pooled.set(member, pool);
  const poolOf = (workload: Workload) => pooled.get(workload);

  const plans = workloads.map((workload): WorkloadPlan => {
    const kind = kinds.get(workload) as Kind;
    const od = odOf(workload);
    const pool = poolOf(workload);
    if (pool) {
      const cost = shares.get(workload) as number;
      const reasons: Reason[] = [];
      let runnerUp: LaneChoice | null = od === null ? null : payAsYouGoChoice(workload, od);
      if (kind === "custom") {
        reasons.push({ code: "CUSTOM_MODEL" });
        const next = poolOptions(pool.model, pool.members, hours)[1];
        runnerUp = next ? ptChoice(next, cost * (next.reservedCost / pool.option.reservedCost)) : null;
      }
      if (kind === "sla" && od !== null) reasons.push({ code: "SLA_OVERRIDE", premium: cost - od, onDemandCost: od });
      if (workload.latency === "async" && !workload.model.batch) reasons.unshift({ code: "NO_BATCH_PRICE" });
      reasons.push(...poolReasons(pool, workload, cost, policy));
      return { workload, ...ptChoice(pool.option, cost), onDemandCost: workloadOnDemandCost(workload), runnerUp, reasons };
    }
    if (kind === "batch") {
      const cost = batchCost(workload.model, workload.volume) as number;
      return {
        workload,
        lane: "batch",
        term: null,
        units: null,
        monthlyCost: cost,
        onDemandCost: workloadOnDemandCost(workload),
        runnerUp: od === null ? null : payAsYouGoChoice(workload, od),
        reasons: [{ code: "ASYNC_TO_BATCH", batchCost: cost, onDemandCost: od }],
      };
    }
    // On-demand: flexible work that PT does not pay for, or a no-throttling SLA with no PT price.
    const cost = od ?? 0;
    const reasons: Reason[] = [];
    if (kind === "sla-without-pt") reasons.push({ code: "SLA_NEEDS_PT_PRICE" });
    if (workload.latency === "async") reasons.push({ code: "NO_BATCH_PRICE" });
    let runnerUp: LaneChoice | null = null;
    if (kind === "flexible" && pricedTerms(workload.model).length > 0) {
      const modelPool = pools.find((p) => p.key === servedModelKey(workload));
      const joined = modelPool ? [...modelPool.members, workload] : [workload];
      const option = cheapestPool(workload.model, joined, hours);
      // What joining adds: the units beyond those already shared, and what they cost.
      if (option)
        runnerUp = {
          ...ptChoice(option, option.reservedCost - (modelPool?.option.reservedCost ?? 0)),
          units: option.units - (modelPool?.option.units ?? 0),
        };
      const declined = declinedSavings.get(workload);
      if (declined) reasons.push(declined);
      if (cost > 0) reasons.push(...standaloneReasons(workload, cost, hours));
    } else if (kind === "flexible") {
      // The PT price worth asking for: what all its units together may cost an hour to pay off.
      const ceiling = cost > 0 ? { hourlyTotal: cost / hours, units: null, hourlyPerUnit: null, minSaving: 0 } : null;
      reasons.push({ code: "NO_PT_PRICE", ceiling });
    }
    const choice = payAsYouGoChoice(workload, cost);
    const baseline = workloadOnDemandCost(workload);
    // Work that can take longer runs on the Flex tier: what it saves against on-demand comes first.
    if (choice.lane === "flex" && baseline !== null)
      reasons.unshift({ code: "CHEAPEST", choice, runnerUp: { lane: "on-demand", term: null, units: null, monthlyCost: baseline } });
    return { workload, ...choice, onDemandCost: baseline, runnerUp, reasons };
  });
  for (const plan of plans) {
    const guarantees = guaranteesReason(plan, hours);
    if (guarantees) plan.reasons.push(guarantees);
  }

  const monthlyCost = plans.reduce((sum, plan) => sum + plan.monthlyCost, 0);
  const allOnDemandMonthlyCost = plans.reduce((sum, plan) => sum + (plan.onDemandCost ?? plan.monthlyCost), 0);
  return { workloads: plans, pools, totals: { monthlyCost, allOnDemandMonthlyCost, saving: allOnDemandMonthlyCost - monthlyCost } };
}
