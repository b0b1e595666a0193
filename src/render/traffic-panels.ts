import type { AuditModel } from "../core/audit/audit-account.js";
import type { TermCurve, TrafficProfile } from "../core/traffic/profile-traffic.js";
import type { TrafficPanel } from "./traffic-svg.js";

const MISSING: Record<NonNullable<TrafficProfile["provisionedMissing"]>, string> = {
  "no-pt-price": "No PT price is known: give your quote (provisioned.hourlyPerUnit) in a rate file.",
  "no-throughput":
    "A model unit's tokens a minute are unknown (AWS does not publish them): give provisioned.unitThroughput in a rate file.",
  "no-price-for-term": "No PT price is known for the term asked for.",
};

/** The panel of one model's measured traffic: the cheapest term's curve, or why there is none. */
export function trafficPanel(
  title: string,
  weekHours: readonly number[],
  onDemandCost: number | null,
  curves: readonly TermCurve[],
  missing: TrafficProfile["provisionedMissing"],
): TrafficPanel {
  const cheapest = curves.reduce<TermCurve | null>((a, c) => (a === null || c.best.monthlyCost < a.best.monthlyCost ? c : a), null);
  return {
    title,
    weekHours,
    onDemandCost,
    curve: cheapest && {
      term: cheapest.term,
      points: cheapest.curve.map((point) => ({ units: point.units, monthlyCost: point.monthlyCost })),
      bestUnits: cheapest.best.units,
    },
    missing: cheapest ? null : missing === null ? "No traffic to size units for." : MISSING[missing],
  };
}

/** An audited model's panel. */
export function auditPanel(m: AuditModel): TrafficPanel {
  if (m.problems.length > 0) {
    return {
      ...trafficPanel(m.model.id, m.weekHours, null, [], null),
      missing: "Not priced: a price its traffic needs is unknown (see the notes).",
    };
  }
  return trafficPanel(m.model.id, m.weekHours, m.onDemandCost, m.curves, m.curvesMissing);
}
