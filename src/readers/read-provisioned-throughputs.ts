import type { Term } from "../core/cost-model/terms.js";
import type { FieldPath } from "../core/input/field-path.js";
import { InputFileError, type InputProblem } from "../errors.js";
import { describeValue } from "./describe-value.js";
import { isObject } from "./is-object.js";
import { parseJsonText } from "./parse-json-text.js";
import { readTextFile } from "./read-text-file.js";

/** One Provisioned Throughput of the account, as `aws bedrock list-provisioned-model-throughputs` lists it. */
export interface ProvisionedThroughput {
  /** Where it sits in the file, for messages: provisionedModelSummaries[i]. */
  path: FieldPath;
  name: string;
  provisionedModelArn: string;
  /** The model it serves: a foundation-model ARN, or a custom model's. */
  modelArn: string;
  /** The base model: the foundation model itself, or the one the custom model was customized from. */
  foundationModelArn: string;
  units: number;
  /** no-commit when the output has no commitmentDuration. */
  term: Term;
  /** Creating, InService, Updating or Failed. */
  status: string;
}

/** commitmentDuration in the API (docs.aws.amazon.com/bedrock/latest/APIReference/API_ProvisionedModelSummary.html). */
const COMMITMENTS: Record<string, Term> = { OneMonth: "1-month", SixMonths: "6-month" };
const STATUSES = ["Creating", "InService", "Updating", "Failed"];

/**
 * Reads the JSON output of `aws bedrock list-provisioned-model-throughputs` (one page or several
 * pages' `provisionedModelSummaries` in one document). Every problem is reported with its field.
 */
export function readProvisionedThroughputs(path: string): ProvisionedThroughput[] {
  const doc = parseJsonText(path, readTextFile(path));
  const problems: InputProblem[] = [];
  const problem = (at: FieldPath, message: string) => problems.push({ source: path, path: at, message });
  if (!isObject(doc) || !Array.isArray(doc.provisionedModelSummaries)) {
    throw new InputFileError([
      {
        source: path,
        message: "expected the output of aws bedrock list-provisioned-model-throughputs: an object with provisionedModelSummaries",
      },
    ]);
  }
  const found: ProvisionedThroughput[] = [];
  doc.provisionedModelSummaries.forEach((entry: unknown, i: number) => {
    const at: FieldPath = ["provisionedModelSummaries", i];
    if (!isObject(entry)) {
      problem(at, `expected a provisioned model summary (an object), got ${describeValue(entry)}`);
      return;
    }
    const text = (key: string, required: boolean): string | undefined => {
      const value = entry[key];
      // AWS's names and ARNs are printable ASCII without spaces: anything else is not shown as given.
      if (typeof value === "string" && /^[\x21-\x7e]{1,2048}$/.test(value)) return value;
      if (required || value !== undefined)
        problem([...at, key], `expected ${key === "status" ? "a status" : "an ARN or name"}, got ${describeValue(value)}`);
      return undefined;
    };
    const arn = text("provisionedModelArn", true);
    const modelArn = text("modelArn", false);
    const foundationModelArn = text("foundationModelArn", false);
    const name = text("provisionedModelName", false);
    const status = text("status", true);
    if (status !== undefined && !STATUSES.includes(status))
      problem([...at, "status"], `expected one of ${STATUSES.join(", ")}, got ${describeValue(status)}`);
    const units = entry.modelUnits;
    if (!(typeof units === "number" && Number.isInteger(units) && units >= 1 && units <= 10_000)) {
      problem([...at, "modelUnits"], `expected a whole number of model units from 1 to 10,000, got ${describeValue(units)}`);
    }
    const duration = entry.commitmentDuration;
    let term: Term = "no-commit";
    if (duration !== undefined && duration !== null) {
      const known = typeof duration === "string" ? COMMITMENTS[duration] : undefined;
      if (known) term = known;
      else
        problem(
          [...at, "commitmentDuration"],
          `expected OneMonth or SixMonths (or none, for no commitment), got ${describeValue(duration)}`,
        );
    }
    if (modelArn === undefined && foundationModelArn === undefined) problem(at, "names no model: expected modelArn or foundationModelArn");
    if (arn === undefined || status === undefined || (modelArn ?? foundationModelArn) === undefined || typeof units !== "number") return;
    found.push({
      path: at,
      name: name ?? (arn.split("/").pop() as string),
      provisionedModelArn: arn,
      modelArn: (modelArn ?? foundationModelArn) as string,
      foundationModelArn: (foundationModelArn ?? modelArn) as string,
      units,
      term,
      status,
    });
  });
  const arns = new Map<string, number>();
  for (const entry of found) {
    const before = arns.get(entry.provisionedModelArn);
    if (before !== undefined) problem([...entry.path, "provisionedModelArn"], `listed twice, also at provisionedModelSummaries[${before}]`);
    else arns.set(entry.provisionedModelArn, entry.path[1] as number);
  }
  if (problems.length > 0) throw new InputFileError(problems);
  return found;
}
