import type { CheckResult } from "../core/plans/check-reservations.js";
import type { Finding } from "../core/plans/findings.js";
import { checkVerdict } from "./check-markdown.js";
import { findingMessage } from "./finding-messages.js";

/** Where a finding points: the file and, where known, the line of its reservation or workload. */
export interface FindingPlace {
  file: string;
  line: number | null;
}

const COMMAND_OF = { error: "error", warning: "warning", info: "notice" } as const;

/** A workflow command's message: `%`, CR and LF escaped as GitHub reads them. */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A workflow command's property value: also `:` and `,`, which end it. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * The check as GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` a finding,
 * pointing at the plan-file line of its reservation or workload (or the Terraform plan for its
 * resources), titled with its code; then the verdict.
 */
export function renderCheckGithub(result: CheckResult, placeOf: (finding: Finding) => FindingPlace): string {
  const lines = result.findings.map((finding) => {
    const place = placeOf(finding);
    const props = [`file=${escapeProperty(place.file)}`];
    if (place.line !== null) props.push(`line=${place.line}`);
    props.push(`title=${escapeProperty(finding.code)}`);
    return `::${COMMAND_OF[finding.severity]} ${props.join(",")}::${escapeData(`${finding.subject}: ${findingMessage(finding)}`)}`;
  });
  lines.push(checkVerdict(result));
  return `${lines.join("\n")}\n`;
}
