import { reservedCost } from "../cost-model/pricing.js";
import type { Term } from "../cost-model/terms.js";
import { hourlyRateFor, type ModelRates } from "../rates/rate-card.js";
import { type Finding, makeFinding } from "./findings.js";

/** A Provisioned Throughput resource in a Terraform plan, as far as the plan and the rates know it. */
export interface PtChange {
  /** The resource address: what findings name it by. */
  address: string;
  /** Terraform's actions: ["create"], ["delete", "create"], ["no-op"], ... */
  actions: readonly string[];
  /** The reservation before the change; its model undefined where it does not resolve. */
  before: { model: ModelRates | undefined; units: number | null; term: Term | null } | null;
  /** Whether the resource exists after the change. */
  after: boolean;
  /** Arguments unknown until apply that nothing else settles (a plan-file entry may give the model). */
  unknown: readonly string[];
}

/**
 * What a planned change to a PT costs before its reservation is judged: deleting or replacing
 * committed units (AWS does not allow it before the term ends, and every argument of the resource
 * forces replacement, so they keep billing), and arguments unknown until apply, which are reported
 * rather than guessed.
 */
export function ptChangeFindings(change: PtChange, hoursPerMonth: number): Finding[] {
  const findings: Finding[] = [];
  const before = change.before;
  if (change.actions.includes("delete") && before?.term && before.term !== "no-commit") {
    const rate = before.model ? hourlyRateFor(before.model, before.term) : undefined;
    const impact = rate !== undefined && before.units !== null ? reservedCost(before.units, rate, hoursPerMonth) : 0;
    findings.push(
      makeFinding(change.address, impact, {
        code: "COMMITTED_REPLACEMENT",
        action: change.after ? "replace" : "delete",
        term: before.term,
        units: before.units ?? 0,
        modelId: before.model?.id ?? null,
      }),
    );
  }
  if (change.after && change.unknown.length > 0)
    findings.push(makeFinding(change.address, 0, { code: "UNKNOWN_AT_PLAN", attributes: [...change.unknown] }));
  return findings;
}
