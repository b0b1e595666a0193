import { statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve, sep } from "node:path";
import { RESERVED_TERMS } from "../core/cost-model/reserved-tier.js";
import type { FieldPath } from "../core/input/field-path.js";
import { nameKey } from "../core/input/name-key.js";
import { quote } from "../core/input/quote.js";
import { InputFileError, type InputProblem } from "../errors.js";
import { isObject } from "./is-object.js";
import {
  type PlanFileInput,
  planFileSchema,
  type ReservationEntry,
  reservationSchema,
  type WorkloadEntry,
  workloadSchema,
} from "./plan-file-schema.js";
import { readTextFile } from "./read-text-file.js";
import { realPathOr, YAML_CAP } from "./special-files.js";
import { parseYamlFile } from "./yaml-document.js";
import { zodProblems } from "./zod-problems.js";

/** An entry of a list in the plan file, with its place in that list (for the field paths of its problems). */
type Indexed<T> = T & { index: number };

/**
 * A plan file's valid content. When some workloads or reservations are invalid, they are left out
 * (their problems are reported), so that every other problem of the file is found in the same run.
 */
interface PlanData extends Omit<PlanFileInput, "workloads" | "reservations"> {
  workloads: Indexed<WorkloadEntry>[];
  reservations: Indexed<ReservationEntry>[];
}

export interface PlanFile {
  /** The path as the user gave it. */
  source: string;
  data: PlanData;
  /** The name of every workload the file gives, valid or not: what `serves` may name. */
  workloadNames: ReadonlySet<string>;
  /** Rate overlays named under `rates:`, relative to the plan file's folder. */
  rateFiles: string[];
  /** A path in the plan file, relative to the plan file's folder. */
  relative(file: string): string;
  lineOf(path: FieldPath): number | undefined;
  /** A problem at a field of this file, with its line. */
  problem(path: FieldPath, message: string): InputProblem;
}

/** A plan file read as far as it can be, with every problem found in it. */
export interface PlanRead {
  plan: PlanFile;
  problems: InputProblem[];
}

const indexed = <T>(entries: readonly T[]): Indexed<T>[] => entries.map((entry, index) => ({ ...entry, index }));

/** Each entry of a list that is valid on its own, with its place in the list. */
function validEntries<T>(list: unknown, schema: { safeParse(value: unknown): { success: boolean; data?: T } }): Indexed<T>[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [{ ...(parsed.data as T), index }] : [];
  });
}

/** The valid part of a plan file that failed validation, or null when nothing in it can be checked further. */
function validPart(raw: unknown): PlanData | null {
  if (!isObject(raw) || !Array.isArray(raw.workloads)) return null;
  const shape = planFileSchema.shape;
  const field = <K extends keyof typeof shape>(key: K) => {
    const parsed = shape[key].safeParse(raw[key]);
    // An invalid setting is reported; the rest of the file is checked with its default.
    return (parsed.success ? parsed.data : shape[key].safeParse(undefined).data) as PlanFileInput[K];
  };
  return {
    schemaVersion: 1,
    region: field("region"),
    hoursPerMonth: field("hoursPerMonth"),
    rates: field("rates") ?? [],
    policy: field("policy"),
    workloads: validEntries<WorkloadEntry>(raw.workloads, workloadSchema),
    reservations: validEntries<ReservationEntry>(raw.reservations, reservationSchema),
  };
}

/** Every workload name the file gives, even in an entry that is otherwise invalid. */
function namesIn(raw: unknown): Set<string> {
  const workloads = isObject(raw) && Array.isArray(raw.workloads) ? raw.workloads : [];
  return new Set(workloads.flatMap((w) => (isObject(w) && typeof w.name === "string" ? [w.name] : [])));
}

function crossChecks(plan: PlanFile): InputProblem[] {
  const problems: InputProblem[] = [];
  const { workloads, reservations } = plan.data;
  const firstIndex = new Map<string, number>();
  for (const workload of workloads) {
    const i = workload.index;
    // "Chat" and "chat", or a name in two Unicode normalisations, are one name.
    const earlier = firstIndex.get(nameKey(workload.name));
    if (earlier !== undefined)
      problems.push(plan.problem(["workloads", i, "name"], `duplicate name ${quote(workload.name)}, also workloads[${earlier}]`));
    else firstIndex.set(nameKey(workload.name), i);
    if ((workload.monthly === undefined) === (workload.profile === undefined)) {
      problems.push(
        plan.problem(["workloads", i], "give either monthly (token counts) or profile (measured traffic files), not both or neither"),
      );
    }
    if (workload.profile === undefined && workload.period !== undefined) {
      problems.push(plan.problem(["workloads", i, "period"], "the period of measured data points: give it with profile, or leave it out"));
    }
    if (workload.profile !== undefined && workload.peakTpm !== undefined) {
      problems.push(
        plan.problem(["workloads", i, "peakTpm"], "a workload with profile takes its peak from the measurement; leave peakTpm out"),
      );
    }
    if (workload.sla === "no-throttling" && workload.latency === "async") {
      problems.push(plan.problem(["workloads", i, "sla"], "no-throttling applies to interactive work; an async workload goes to Batch"));
    }
  }
  const reservationNames = new Map<string, number>();
  const addresses = new Map<string, number>();
  for (const reservation of reservations) {
    const i = reservation.index;
    if (reservation.name !== undefined) {
      const earlier = reservationNames.get(nameKey(reservation.name));
      if (earlier !== undefined)
        problems.push(
          plan.problem(["reservations", i, "name"], `duplicate name ${quote(reservation.name)}, also reservations[${earlier}]`),
        );
      else reservationNames.set(nameKey(reservation.name), i);
    }
    if (reservation.terraformAddress !== undefined) {
      const earlier = addresses.get(reservation.terraformAddress);
      if (earlier !== undefined)
        problems.push(plan.problem(["reservations", i, "terraformAddress"], `also given at reservations[${earlier}]`));
      else addresses.set(reservation.terraformAddress, i);
    } else if (reservation.type === "pt") {
      for (const field of ["name", "model", "units", "term"] as const) {
        if (reservation[field] === undefined) {
          problems.push(plan.problem(["reservations", i, field], "required (unless the reservation names a terraformAddress)"));
        }
      }
    }
    problems.push(...reservationKindProblems(plan, reservation));
    reservation.serves.forEach((name, k) => {
      if (!plan.workloadNames.has(name))
        problems.push(plan.problem(["reservations", i, "serves", k], `no workload is named ${quote(name)}`));
    });
  }
  problems.push(...mixedCapacityProblems(plan));
  return problems;
}

/** The fields of one kind of reservation given on the other, and the terms each kind is sold on. */
function reservationKindProblems(plan: PlanFile, reservation: PlanFile["data"]["reservations"][number]): InputProblem[] {
  const problems: InputProblem[] = [];
  const at = (field: string) => ["reservations", reservation.index, field];
  if (reservation.type === "reserved") {
    for (const field of ["name", "model", "inputTpm", "outputTpm", "term"] as const) {
      if (reservation[field] === undefined) problems.push(plan.problem(at(field), "required for a reservation of type: reserved"));
    }
    if (reservation.units !== undefined)
      problems.push(plan.problem(at("units"), "the Reserved tier is sized in tokens a minute (inputTpm, outputTpm), not model units"));
    if (reservation.term !== undefined && !(RESERVED_TERMS as readonly string[]).includes(reservation.term))
      problems.push(plan.problem(at("term"), `the Reserved tier is sold on 1-month or 3-month terms, got ${quote(reservation.term)}`));
    if (reservation.terraformAddress !== undefined)
      problems.push(
        plan.problem(at("terraformAddress"), "Terraform plans create model units (PT); the Reserved tier has no Terraform resource"),
      );
    return problems;
  }
  for (const field of ["inputTpm", "outputTpm", "scope"] as const) {
    if (reservation[field] !== undefined)
      problems.push(plan.problem(at(field), "for a reservation of type: reserved only; model units are given as units"));
  }
  if (reservation.term === "3-month")
    problems.push(
      plan.problem(
        at("term"),
        "PT is sold without commitment or on 1-month or 6-month terms; 3-month is a Reserved tier term (type: reserved)",
      ),
    );
  return problems;
}

/**
 * A workload served by both model units and the Reserved tier, or a custom model's workload served by
 * the Reserved tier: its traffic goes to one kind of reserved capacity, and a custom model to PT only.
 */
function mixedCapacityProblems(plan: PlanFile): InputProblem[] {
  const problems: InputProblem[] = [];
  const byName = new Map(plan.data.workloads.map((w) => [w.name, w]));
  const pt = new Map<string, number>();
  for (const r of plan.data.reservations) if (r.type === "pt") for (const name of r.serves) if (!pt.has(name)) pt.set(name, r.index);
  for (const r of plan.data.reservations) {
    if (r.type !== "reserved") continue;
    r.serves.forEach((name, k) => {
      const at = ["reservations", r.index, "serves", k];
      if (byName.get(name)?.custom) problems.push(plan.problem(at, `${quote(name)} runs on a custom model, which is served on PT only`));
      else if (pt.has(name))
        problems.push(
          plan.problem(
            at,
            `${quote(name)} is also served by model units (reservations[${pt.get(name)}]): give its traffic to one kind of reserved capacity`,
          ),
        );
    });
  }
  return problems;
}

/** Where the paths a plan names may lead. */
export interface PlanPathRule {
  /** The working folder: a plan's `rates:` and `profile:` must resolve inside it, after links. */
  cwd: string;
  /** Read paths outside it too (`--allow-outside-paths`). */
  allowOutside: boolean;
}

/**
 * Reads a plan file as far as it can be read: its schema problems, the problems across its entries
 * and the files it names that are not there or lead outside the working folder. Throws only when
 * nothing more can be checked (the file cannot be read, is not YAML, or has no list of workloads).
 */
export function readPlanFileLeniently(path: string, rule?: PlanPathRule): PlanRead {
  const yaml = parseYamlFile(path, readTextFile(path, path, YAML_CAP));
  const parsed = planFileSchema.safeParse(yaml.data, { reportInput: true });
  const problems = parsed.success ? [] : zodProblems(yaml, parsed.error, planFileSchema);
  const data = parsed.success
    ? { ...parsed.data, workloads: indexed(parsed.data.workloads), reservations: indexed(parsed.data.reservations) }
    : validPart(yaml.data);
  if (data === null) throw new InputFileError(problems);
  const folder = dirname(path);
  const plan: PlanFile = {
    source: path,
    data,
    workloadNames: namesIn(yaml.data),
    rateFiles: data.rates.map((file) => (isAbsolute(file) ? file : join(folder, file))),
    relative: (file) => (isAbsolute(file) ? file : join(folder, file)),
    lineOf: yaml.lineOf,
    problem: (fieldPath, message) => ({ source: path, path: fieldPath, line: yaml.lineOf(fieldPath), message }),
  };
  return { plan, problems: [...problems, ...crossChecks(plan), ...missingFiles(plan, rule)] };
}

/** Reads and validates a plan file; every problem is reported with its field path and line. */
export function readPlanFile(path: string, rule?: PlanPathRule): PlanFile {
  const { plan, problems } = readPlanFileLeniently(path, rule);
  if (problems.length > 0) throw new InputFileError(problems);
  return plan;
}

/**
 * The files a plan names (rate overlays, measured traffic) that are outside the working folder, or
 * not there, at the field naming them. A plan from a pull request must not make a CI run read (and
 * quote into its log) a file elsewhere: `rates: [/etc/shadow]` is refused without being opened.
 */
function missingFiles(plan: PlanFile, rule: PlanPathRule | undefined): InputProblem[] {
  const problems: InputProblem[] = [];
  const root = rule ? realPathOr(resolve(rule.cwd)) : undefined;
  const check = (file: string, path: FieldPath, folders: boolean) => {
    if (root !== undefined && !rule?.allowOutside) {
      const place = realPathOr(resolve(root, plan.relative(file)));
      if (place !== root && !place.startsWith(`${root}${sep}`)) {
        problems.push(
          plan.problem(
            path,
            `${quote(file, 200)} leads outside the working folder (${root}): a plan's rates: and profile: paths must stay inside it; give --allow-outside-paths to read it anyway`,
          ),
        );
        return;
      }
    }
    let why: string | null = null;
    try {
      const stat = statSync(plan.relative(file));
      if (!stat.isFile() && !(folders && stat.isDirectory())) why = stat.isDirectory() ? "is a folder, not a file" : "is not a file";
    } catch {
      why = "no such file";
    }
    if (why) problems.push(plan.problem(path, `cannot read ${quote(plan.relative(file), 200)}: ${why}`));
  };
  for (const [i, file] of plan.data.rates.entries()) check(file, ["rates", i], false);
  // Traffic may be a folder, read whole (an S3 prefix synced with aws s3 sync).
  for (const workload of plan.data.workloads) {
    for (const [k, file] of (workload.profile ?? []).entries()) check(file, ["workloads", workload.index, "profile", k], true);
  }
  return problems;
}
