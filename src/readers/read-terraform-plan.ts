import type { Term } from "../core/cost-model/terms.js";
import { escapeControls } from "../core/input/escape-controls.js";
import type { FieldPath } from "../core/input/field-path.js";
import { InputFileError, type InputProblem } from "../errors.js";
import { describeValue } from "./describe-value.js";
import { isObject } from "./is-object.js";
import { parseJsonText } from "./parse-json-text.js";
import { readTextFile } from "./read-text-file.js";

export const PT_RESOURCE_TYPE = "aws_bedrock_provisioned_model_throughput";

/**
 * The most Provisioned Throughput resources a Terraform plan may hold: far more than any account
 * reserves (AWS grants model units by quota request), and few enough that checking them all stays
 * under 256 MB of memory, however large the rest of the plan.
 */
const MAX_TERRAFORM_RESERVATIONS = 10_000;

const COMMITMENTS: Record<string, Term> = { OneMonth: "1-month", SixMonths: "6-month" };
const MAX_MODULE_DEPTH = 100;

/** A PT resource's arguments; null where Terraform does not know the value until apply. */
interface PtValues {
  modelArn: string | null;
  units: number | null;
  term: Term | null;
}

export interface TerraformPt {
  address: string;
  /** Where the resource's arguments before and after the change sit in the plan JSON, for messages. */
  paths: { before: FieldPath; after: FieldPath };
  /** Terraform's actions: ["create"], ["delete", "create"], ["no-op"], ... */
  actions: string[];
  before: PtValues | null;
  after: PtValues | null;
  /** Arguments unknown until apply. */
  unknown: string[];
}

class PlanReader {
  readonly problems: InputProblem[] = [];
  constructor(readonly source: string) {}

  problem(path: FieldPath, message: string): void {
    this.problems.push({ source: this.source, path, message });
  }

  values(raw: unknown, unknownAttrs: Record<string, unknown>, path: FieldPath): PtValues | null {
    if (raw === null || raw === undefined) return null;
    if (!isObject(raw)) {
      this.problem(path, `expected the resource's arguments as an object, got ${describeValue(raw)}`);
      return null;
    }
    const known = (attr: string) => unknownAttrs[attr] !== true;
    const arn = raw.model_arn;
    let modelArn: string | null = null;
    if (known("model_arn")) {
      if (typeof arn === "string" && arn.length > 0) modelArn = arn;
      else this.problem([...path, "model_arn"], `expected a model ARN, got ${describeValue(arn)}`);
    }
    const unitsRaw = raw.model_units;
    let units: number | null = null;
    if (known("model_units")) {
      if (typeof unitsRaw === "number" && Number.isSafeInteger(unitsRaw) && unitsRaw >= 1) units = unitsRaw;
      else this.problem([...path, "model_units"], `expected a whole number of model units, got ${describeValue(unitsRaw)}`);
    }
    const duration = raw.commitment_duration;
    let term: Term | null = null;
    if (known("commitment_duration")) {
      if (duration === null || duration === undefined) term = "no-commit";
      else if (typeof duration === "string" && COMMITMENTS[duration]) term = COMMITMENTS[duration] as Term;
      else this.problem([...path, "commitment_duration"], `expected OneMonth, SixMonths or no value, got ${describeValue(duration)}`);
    }
    return { modelArn, units, term };
  }

  change(entry: unknown, index: number): TerraformPt | undefined {
    const at: FieldPath = ["resource_changes", index];
    if (!isObject(entry)) {
      this.problem(at, `expected a resource change object, got ${describeValue(entry)}`);
      return undefined;
    }
    if (entry.type !== PT_RESOURCE_TYPE || entry.mode === "data") return undefined;
    // An address is shown in tables: a hostile plan's escape sequences are shown as text, not acted on.
    const address = typeof entry.address === "string" ? escapeControls(entry.address) : `${PT_RESOURCE_TYPE}[${index}]`;
    const change = entry.change;
    if (!isObject(change) || !Array.isArray(change.actions) || !change.actions.every((action) => typeof action === "string")) {
      this.problem([...at, "change", "actions"], `${address}: expected change.actions, a list such as ["create"]`);
      return undefined;
    }
    const afterUnknown = isObject(change.after_unknown) ? change.after_unknown : {};
    const unknown = ["model_arn", "model_units", "commitment_duration"].filter((attr) => afterUnknown[attr] === true);
    return {
      address,
      paths: { before: [...at, "change", "before"], after: [...at, "change", "after"] },
      actions: change.actions as string[],
      before: this.values(change.before, {}, [...at, "change", "before"]),
      after: this.values(change.after, afterUnknown, [...at, "change", "after"]),
      unknown,
    };
  }

  /** Resources in planned_values, walking child modules. */
  planned(module: unknown, path: FieldPath, depth: number, found: TerraformPt[]): void {
    if (!isObject(module)) return;
    if (depth > MAX_MODULE_DEPTH) {
      this.problem(path, `modules nested more than ${MAX_MODULE_DEPTH} deep`);
      return;
    }
    const resources = Array.isArray(module.resources) ? module.resources : [];
    resources.forEach((resource, i) => {
      if (!isObject(resource) || resource.type !== PT_RESOURCE_TYPE || resource.mode === "data") return;
      const at = [...path, "resources", i];
      const values = this.values(resource.values, {}, [...at, "values"]);
      const address = typeof resource.address === "string" ? escapeControls(resource.address) : `${PT_RESOURCE_TYPE}[${i}]`;
      found.push({
        address,
        paths: { before: [...at, "values"], after: [...at, "values"] },
        actions: ["no-op"],
        before: values,
        after: values,
        unknown: [],
      });
    });
    const children = Array.isArray(module.child_modules) ? module.child_modules : [];
    for (const [i, child] of children.entries()) this.planned(child, [...path, "child_modules", i], depth + 1, found);
  }
}

/**
 * Every aws_bedrock_provisioned_model_throughput in the output of `terraform show -json PLANFILE`:
 * those in resource_changes, and those without changes from planned_values.
 */
export function parseTerraformPlan(text: string, source: string): TerraformPt[] {
  const plan = parseJsonText(source, text);
  if (!isObject(plan) || typeof plan.format_version !== "string") {
    throw new InputFileError([
      { source, message: "not a Terraform plan: no format_version (make one with terraform show -json PLANFILE)" },
    ]);
  }
  if (!/^1\./.test(plan.format_version)) {
    throw new InputFileError([
      { source, path: ["format_version"], message: `format ${plan.format_version} is not supported (expected 1.x)` },
    ]);
  }
  const reader = new PlanReader(source);
  const found: TerraformPt[] = [];
  if (plan.resource_changes !== undefined && !Array.isArray(plan.resource_changes)) {
    reader.problem(["resource_changes"], `expected a list, got ${describeValue(plan.resource_changes)}`);
  } else {
    (plan.resource_changes ?? []).forEach((entry: unknown, i: number) => {
      const pt = reader.change(entry, i);
      if (pt) found.push(pt);
    });
  }
  const planned: TerraformPt[] = [];
  const values = plan.planned_values;
  if (isObject(values)) reader.planned(values.root_module, ["planned_values", "root_module"], 0, planned);
  const changed = new Set(found.map((pt) => pt.address));
  // A loop, not push(...): a plan of 150,000 resources would overflow the call stack.
  for (const pt of planned) if (!changed.has(pt.address)) found.push(pt);
  if (reader.problems.length > 0) throw new InputFileError(reader.problems);
  if (found.length > MAX_TERRAFORM_RESERVATIONS) {
    throw new InputFileError([
      {
        source,
        message: `${found.length.toLocaleString("en-US")} ${PT_RESOURCE_TYPE} resources: bedrock-cost checks at most ${MAX_TERRAFORM_RESERVATIONS.toLocaleString("en-US")} at once (split the plan by module or workspace)`,
      },
    ]);
  }
  return found;
}

export function readTerraformPlan(path: string): TerraformPt[] {
  return parseTerraformPlan(readTextFile(path), path);
}
