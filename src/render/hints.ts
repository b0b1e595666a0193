/** Where the user gives inputs: command-line flags (compare, chart, profile) or a plan file (plan, check). */
export type InputsGivenBy = "flags" | "plan";

/** How to add a PT price the rates lack. */
export function ptPriceHint(by: InputsGivenBy): string {
  return by === "plan"
    ? "add your quote as provisioned.hourlyPerUnit in a rate file listed under rates: (or --rates)"
    : "add your quote with --rates FILE (provisioned.hourlyPerUnit) or --unit-hourly USD with --term";
}

/** How to add a prompt-cache price the rates lack. */
export function cachePriceHint(by: InputsGivenBy): string {
  return by === "plan" ? "add it in a rate file" : "add it with --rates FILE";
}

/** How to give a model unit's tokens per minute, which AWS does not publish. */
export function throughputHint(by: InputsGivenBy): string {
  return by === "plan"
    ? "give provisioned.unitThroughput in a rate file listed under rates: (or --rates) from your AWS account team or your own measurement"
    : "give --unit-input-tpm and --unit-output-tpm (or provisioned.unitThroughput in a rate file) from your AWS account team or your own measurement";
}
