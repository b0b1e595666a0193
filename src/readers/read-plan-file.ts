import { statSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import type { FieldPath } from "../core/input/field-path.js";
import { quote } from "../core/input/quote.js";
import { InputFileError, type InputProblem } from "../errors.js";
import { type PlanFileInput, planFileSchema } from "./plan-file-schema.js";
import { readTextFile } from "./read-text-file.js";
import { parseYamlFile } from "./yaml-document.js";
import { zodProblems } from "./zod-problems.js";

export interface PlanFile {
  /** The path as the user gave it. */
  source: string;
  data: PlanFileInput;
  /** Rate overlays named under `rates:`, relative to the plan file's folder. */
  rateFiles: string[];
  /** A path in the plan file, relative to the plan file's folder. */
  relative(file: string): string;
  lineOf(path: FieldPath): number | undefined;
  /** A problem at a field of this file, with its line. */
  problem(path: FieldPath, message: string): InputProblem;
}

function crossChecks(plan: PlanFile): InputProblem[] {
  const problems: InputProblem[] = [];
  const { workloads, reservations } = plan.data;
  const firstIndex = new Map<string, number>();
  workloads.forEach((workload, i) => {
    const earlier = firstIndex.get(workload.name);
    if (earlier !== undefined)
      problems.push(plan.problem(["workloads", i, "name"], `duplicate name ${quote(workload.name)}, also workloads[${earlier}]`));
    else firstIndex.set(workload.name, i);
    if ((workload.monthly === undefined) === (workload.profile === undefined)) {
      problems.push(
        plan.problem(["workloads", i], "give either monthly (token counts) or profile (measured traffic files), not both or neither"),
      );
    }
    if (workload.profile !== undefined && workload.peakTpm !== undefined) {
      problems.push(
        plan.problem(["workloads", i, "peakTpm"], "a workload with profile takes its peak from the measurement; leave peakTpm out"),
      );
    }
    if (workload.sla === "no-throttling" && workload.latency === "async") {
      problems.push(plan.problem(["workloads", i, "sla"], "no-throttling applies to interactive work; an async workload goes to Batch"));
    }
  });
  const reservationNames = new Map<string, number>();
  const addresses = new Map<string, number>();
  reservations.forEach((reservation, i) => {
    if (reservation.name !== undefined) {
      const earlier = reservationNames.get(reservation.name);
      if (earlier !== undefined)
        problems.push(
          plan.problem(["reservations", i, "name"], `duplicate name ${quote(reservation.name)}, also reservations[${earlier}]`),
        );
      else reservationNames.set(reservation.name, i);
    }
    if (reservation.terraformAddress !== undefined) {
      const earlier = addresses.get(reservation.terraformAddress);
      if (earlier !== undefined)
        problems.push(plan.problem(["reservations", i, "terraformAddress"], `also given at reservations[${earlier}]`));
      else addresses.set(reservation.terraformAddress, i);
    } else {
      for (const field of ["name", "model", "units", "term"] as const) {
        if (reservation[field] === undefined) {
          problems.push(plan.problem(["reservations", i, field], "required (unless the reservation names a terraformAddress)"));
        }
      }
    }
    reservation.serves.forEach((name, k) => {
      if (!firstIndex.has(name)) problems.push(plan.problem(["reservations", i, "serves", k], `no workload is named ${quote(name)}`));
    });
  });
  return problems;
}

/** Reads and validates a plan file; every problem is reported with its field path and line. */
export function readPlanFile(path: string): PlanFile {
  const yaml = parseYamlFile(path, readTextFile(path));
  const parsed = planFileSchema.safeParse(yaml.data, { reportInput: true });
  if (!parsed.success) throw new InputFileError(zodProblems(yaml, parsed.error));
  const folder = dirname(path);
  const plan: PlanFile = {
    source: path,
    data: parsed.data,
    rateFiles: parsed.data.rates.map((file) => (isAbsolute(file) ? file : join(folder, file))),
    relative: (file) => (isAbsolute(file) ? file : join(folder, file)),
    lineOf: yaml.lineOf,
    problem: (fieldPath, message) => ({ source: path, path: fieldPath, line: yaml.lineOf(fieldPath), message }),
  };
  const problems = [...crossChecks(plan), ...missingFiles(plan)];
  if (problems.length > 0) throw new InputFileError(problems);
  return plan;
}

/** The files a plan names (rate overlays, measured traffic) that are not there, at the field naming them. */
function missingFiles(plan: PlanFile): InputProblem[] {
  const problems: InputProblem[] = [];
  const check = (file: string, path: FieldPath) => {
    let why: string | null = null;
    try {
      if (!statSync(plan.relative(file)).isFile()) why = "is not a file";
    } catch {
      why = "no such file";
    }
    if (why) problems.push(plan.problem(path, `cannot read ${quote(plan.relative(file), 200)}: ${why}`));
  };
  for (const [i, file] of plan.data.rates.entries()) check(file, ["rates", i]);
  for (const [i, workload] of plan.data.workloads.entries()) {
    for (const [k, file] of (workload.profile ?? []).entries()) check(file, ["workloads", i, "profile", k]);
  }
  return problems;
}
