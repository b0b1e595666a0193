import { inexactFigure } from "../core/cost-model/exact-figures.js";
import { UsageError } from "../errors.js";

/**
 * Refuses a result with a figure that cannot be exact: a cost at or above $1 trillion a month, or a
 * token total beyond 2^53, or anything not finite. Such a figure comes from extreme input (a huge
 * token count, a tiny unit throughput), and printing it would be printing noise.
 */
export function assertExact(result: unknown, inputs: string): void {
  const found = inexactFigure(result);
  if (!found) return;
  const what =
    found.kind === "money"
      ? `a cost of ${Number.isFinite(found.value) ? `about $${found.value.toExponential(2)}` : String(found.value)} (${found.path}), beyond the $1 trillion up to which bedrock-cost computes exactly to the cent`
      : `a token total of ${found.value.toExponential(2)} (${found.path}), beyond what bedrock-cost counts exactly`;
  throw new UsageError(`${inputs}: these figures give ${what}; check the token counts, throughput and prices`);
}
