import type { Finding, Reservation } from "../core/plans/findings.js";
import { ptChangeFindings } from "../core/plans/terraform-findings.js";
import type { Workload } from "../core/plans/workload.js";
import { hourlyRateFor, type ModelRates, type RateCard } from "../core/rates/rate-card.js";
import { resolveModel } from "../core/rates/resolve-model.js";
import type { InputProblem } from "../errors.js";
import type { PlanFile } from "../readers/read-plan-file.js";
import { PT_RESOURCE_TYPE, type TerraformPt } from "../readers/read-terraform-plan.js";
import { ptPriceHint } from "../render/hints.js";
import { unknownModelMessage } from "./model-flags.js";
import { reservationModel } from "./resolve-plan.js";

export interface TerraformReservations {
  reservations: Reservation[];
  /** Committed units the plan deletes or replaces, and values unknown until apply. */
  findings: Finding[];
}

/**
 * The reservations a Terraform plan leaves in place or creates. A plan-file reservation that names a
 * resource's terraformAddress says which workloads it serves (and, for a custom model, which base
 * model prices it); any other resource serves the workloads on its model.
 */
export function terraformReservations(
  resources: readonly TerraformPt[],
  source: string,
  plan: PlanFile,
  card: RateCard,
  workloads: readonly Workload[],
  hoursPerMonth: number,
  problems: InputProblem[],
): TerraformReservations {
  const findings: Finding[] = [];
  const reservations: Reservation[] = [];
  // Each Terraform address a plan-file reservation names, with that reservation.
  const mapped = new Map<string, (typeof plan.data.reservations)[number]>();
  const claimed = new Set(plan.data.reservations.filter((entry) => entry.terraformAddress !== undefined).flatMap((entry) => entry.serves));
  for (const entry of plan.data.reservations) {
    if (entry.terraformAddress === undefined) continue;
    mapped.set(entry.terraformAddress, entry);
    if (!resources.some((resource) => resource.address === entry.terraformAddress)) {
      problems.push(
        plan.problem(["reservations", entry.index, "terraformAddress"], `not found among the ${PT_RESOURCE_TYPE} resources of ${source}`),
      );
    }
  }

  const modelOf = (resource: TerraformPt, arn: string | null, side: "before" | "after"): ModelRates | undefined => {
    const entry = mapped.get(resource.address);
    if (entry?.model !== undefined) return reservationModel(plan, card, entry.index, problems);
    if (arn === null) return undefined;
    const lookup = resolveModel(card, arn);
    if (lookup.found) return lookup.model;
    const custom = /:custom-model\//.test(arn);
    const message = custom
      ? `${resource.address}: ${arn} is a custom model; add a reservation with terraformAddress: ${resource.address} and model: <its base model id> to ${plan.source}`
      : `${resource.address}: ${unknownModelMessage(lookup)}`;
    problems.push({ source, path: [...resource.paths[side], "model_arn"], message });
    return undefined;
  };

  for (const resource of resources) {
    const { before, after } = resource;
    const entry = mapped.get(resource.address);
    // A plan-file entry that gives the model settles an ARN unknown until apply.
    const unknown = resource.unknown.filter((attr) => !(attr === "model_arn" && entry?.model !== undefined));
    const committedBefore = resource.actions.includes("delete") && before?.term && before.term !== "no-commit";
    findings.push(
      ...ptChangeFindings(
        {
          address: resource.address,
          actions: resource.actions,
          before: before && {
            model: committedBefore && before.modelArn !== null ? modelOf(resource, before.modelArn, "before") : undefined,
            units: before.units,
            term: before.term,
          },
          after: after !== null,
          unknown,
        },
        hoursPerMonth,
      ),
    );
    if (!after || unknown.length > 0 || after.units === null || after.term === null) continue;
    const model = modelOf(resource, after.modelArn, "after");
    if (!model) continue;
    if (hourlyRateFor(model, after.term) === undefined) {
      problems.push({
        source,
        path: [...resource.paths.after, "commitment_duration"],
        message: `${resource.address}: no ${after.term} PT price is known for ${model.id}: ${ptPriceHint("plan")}`,
      });
      continue;
    }
    // An unmapped resource serves the workloads on its model that no mapped resource claims; a
    // custom model's traffic runs only on a PT bought for that custom model, never on its base model's.
    const serves = entry
      ? entry.serves
      : workloads.filter((w) => w.model.id === model.id && !w.custom && !claimed.has(w.name)).map((w) => w.name);
    reservations.push({ name: resource.address, model, units: after.units, term: after.term, serves });
  }
  return { reservations, findings };
}
