/**
 * Where the user gives inputs: command-line flags (compare, chart, profile), a plan file (plan,
 * check), or rate files alone (audit, whose volumes are measured).
 */
export type InputsGivenBy = "flags" | "plan" | "rates";

/** How to add a PT price the rates lack. */
export function ptPriceHint(by: InputsGivenBy): string {
  if (by === "rates") return "add your quote as provisioned.hourlyPerUnit in a rate file given with --rates";
  return by === "plan"
    ? "add your quote as provisioned.hourlyPerUnit in a rate file listed under rates: (or --rates)"
    : "add your quote with --rates FILE (provisioned.hourlyPerUnit) or --unit-hourly USD with --term";
}

/** How to add a prompt-cache price the rates lack. */
export function cachePriceHint(by: InputsGivenBy): string {
  return by === "plan" ? "add it in a rate file" : "add it with --rates FILE";
}

/** What pricing overflow on-demand assumes, and how to say the application does not fall back. */
export function overflowFallbackText(by: InputsGivenBy): string {
  const instead =
    by !== "flags"
      ? "set overflow: throttle on the workloads whose application does not"
      : "run with --overflow throttle if your application does not";
  return `Traffic above the reserved units is taken to go on-demand: Bedrock throttles it, so this assumes your application catches the throttling and calls the on-demand model id; ${instead}.`;
}

/** How to give a model unit's tokens per minute, which AWS does not publish. */
export function throughputHint(by: InputsGivenBy): string {
  if (by === "rates")
    return "give provisioned.unitThroughput in a rate file given with --rates, from your AWS account team or your own measurement";
  return by === "plan"
    ? "give provisioned.unitThroughput in a rate file listed under rates: (or --rates) from your AWS account team or your own measurement"
    : "give --unit-input-tpm and --unit-output-tpm (or provisioned.unitThroughput in a rate file) from your AWS account team or your own measurement";
}
