import { RESERVED_SCOPES, RESERVED_TERM_KEYS, RESERVED_TERMS } from "../core/cost-model/reserved-tier.js";
import { TERM_RATE_KEYS, TERMS } from "../core/cost-model/terms.js";
import type { ImportedModel } from "../core/price-list/import-price-list.js";
import type { RateSource } from "../core/rates/rate-card.js";

export interface RateFileHeader {
  effectiveDate: string;
  region: string;
  source: RateSource;
  comment: string;
}

const q = (text: string) => JSON.stringify(text);

function group(prices: Map<string, string>, lane: string, keys: string[]): string | null {
  const parts = keys.filter((key) => prices.has(`${lane}.${key}`)).map((key) => `${key}: ${prices.get(`${lane}.${key}`)}`);
  return parts.length > 0 ? `{${parts.join(", ")}}` : null;
}

/** A rate file in the bundled files' style; strings quoted, prices written as their exact decimals. */
export function renderRateFileYaml(header: RateFileHeader, models: readonly ImportedModel[]): string {
  const lines = [
    ...header.comment.split("\n").map((line) => `# ${line}`.trimEnd()),
    "schemaVersion: 1",
    `effectiveDate: ${q(header.effectiveDate)}`,
    `region: ${header.region}`,
    "currency: USD",
    "sources:",
    `  - id: ${q(header.source.id)}`,
    `    title: ${q(header.source.title)}`,
    `    url: ${q(header.source.url)}`,
    `    checked: ${q(header.source.checked)}`,
    models.length === 0 ? "models: []" : "models:",
  ];
  for (const model of models) {
    lines.push(
      `  - id: ${q(model.id)}`,
      `    name: ${q(model.name)}`,
      `    provider: ${q(model.provider)}`,
      `    source: ${q(header.source.id)}`,
    );
    const onDemand = group(model.prices, "onDemand", ["inputPerMTok", "outputPerMTok"]);
    const batch = group(model.prices, "batch", ["inputPerMTok", "outputPerMTok"]);
    const priority = group(model.prices, "priority", ["inputPerMTok", "outputPerMTok"]);
    const flex = group(model.prices, "flex", ["inputPerMTok", "outputPerMTok"]);
    const longContext = group(model.prices, "longContext", ["inputPerMTok", "outputPerMTok"]);
    const cache = group(model.prices, "promptCache", ["readPerMTok", "writePerMTok", "write1hPerMTok"]);
    const hourly = group(
      model.prices,
      "provisioned.hourlyPerUnit",
      TERMS.map((term) => TERM_RATE_KEYS[term]),
    );
    if (onDemand) lines.push(`    onDemand: ${onDemand}`);
    if (batch) lines.push(`    batch: ${batch}`);
    if (priority) lines.push(`    priority: ${priority}`);
    if (flex) lines.push(`    flex: ${flex}`);
    if (longContext) lines.push(`    longContext: ${longContext}`);
    if (cache) lines.push(`    promptCache: ${cache}`);
    if (hourly) lines.push("    provisioned:", `      hourlyPerUnit: ${hourly}`);
    const reserved: string[] = [];
    for (const scope of RESERVED_SCOPES) {
      const terms = RESERVED_TERMS.map((term) => RESERVED_TERM_KEYS[term]).flatMap((key) => {
        const prices = group(model.prices, `reserved.${scope}.${key}`, ["inputPer1kTpmHour", "outputPer1kTpmHour"]);
        return prices ? [`        ${key}: ${prices}`] : [];
      });
      if (terms.length > 0) reserved.push(`      ${scope}:`, ...terms);
    }
    if (reserved.length > 0) lines.push("    reserved:", ...reserved);
  }
  return `${lines.join("\n")}\n`;
}
