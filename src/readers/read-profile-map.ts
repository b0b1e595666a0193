import { z } from "zod/mini";
import { InputFileError } from "../errors.js";
import { describeKind, describeValue } from "./describe-value.js";
import { readTextFile } from "./read-text-file.js";
import { YAML_CAP } from "./special-files.js";
import { parseYamlFile } from "./yaml-document.js";
import { zodProblems } from "./zod-problems.js";

const PROFILE_ARN = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]+:\d{12}:(application-)?inference-profile\/[A-Za-z0-9._:-]+$/;

const profileMapSchema = z.strictObject(
  {
    profiles: z.record(
      z.string().check(z.regex(PROFILE_ARN)),
      z.string({ error: (issue) => `expected a model id or alias, got ${describeValue(issue.input)}` }).check(
        z.regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, {
          error: (issue) =>
            `expected a model id or alias such as anthropic.claude-3-5-sonnet-20241022-v2:0, got ${describeValue(issue.input)}`,
        }),
      ),
      {
        error: (issue) =>
          issue.code === "invalid_type"
            ? `expected a mapping of inference-profile ARNs to model ids, got ${describeValue(issue.input)}`
            : issue.code === "invalid_key"
              ? `expected an inference-profile ARN such as arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3, got ${describeValue(issue.input)}`
              : undefined,
      },
    ),
  },
  { error: (issue) => (issue.code === "invalid_type" ? `expected a mapping with profiles, got ${describeKind(issue.input)}` : undefined) },
);

/**
 * A user's `--profile-map` file: the model behind each application inference profile, whose ARN in
 * an invocation log names no model: `profiles: {ARN: model id}`. Returns the map with the line of
 * each entry, to name in errors.
 */
export function readProfileMap(path: string): { map: Map<string, string>; lineOf(arn: string): number | undefined } {
  const yaml = parseYamlFile(path, readTextFile(path, path, YAML_CAP));
  const parsed = profileMapSchema.safeParse(yaml.data, { reportInput: true });
  if (!parsed.success) throw new InputFileError(zodProblems(yaml, parsed.error, profileMapSchema));
  return { map: new Map(Object.entries(parsed.data.profiles)), lineOf: (arn) => yaml.lineOf(["profiles", arn]) };
}
