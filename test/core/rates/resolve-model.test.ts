import { describe, expect, it } from "vitest";
import type { RateCard } from "../../../src/core/rates/rate-card.js";
import { resolveModel } from "../../../src/core/rates/resolve-model.js";
import { workedExampleModel } from "../../helpers/builders.js";

const card: RateCard = {
  region: "us-east-1",
  currency: "USD",
  effectiveDate: "2026-11-01",
  hoursPerMonth: 730,
  files: [],
  models: [
    workedExampleModel({ id: "anthropic.claude-sonnet-4-5-20250929-v1:0", aliases: ["claude-sonnet-4.5"] }),
    workedExampleModel({ id: "global.anthropic.claude-sonnet-4-5-20250929-v1:0", aliases: [] }),
    workedExampleModel({ id: "anthropic.claude-instant-v1", aliases: ["claude-instant", "anthropic.claude-instant-v1:2:100k"] }),
  ],
};

function idOf(name: string): string | null {
  const lookup = resolveModel(card, name);
  return lookup.found ? lookup.model.id : null;
}

describe("resolveModel", () => {
  it.each([
    ["anthropic.claude-instant-v1", "anthropic.claude-instant-v1"],
    ["claude-instant", "anthropic.claude-instant-v1"],
    ["Claude-Instant", "anthropic.claude-instant-v1"],
    ["us.anthropic.claude-instant-v1", "anthropic.claude-instant-v1"],
    ["apac.anthropic.claude-instant-v1", "anthropic.claude-instant-v1"],
    ["jp.anthropic.claude-instant-v1", "anthropic.claude-instant-v1"],
    ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-instant-v1", "anthropic.claude-instant-v1"],
    ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-instant-v1:2:100k", "anthropic.claude-instant-v1"],
    ["arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu.anthropic.claude-instant-v1", "anthropic.claude-instant-v1"],
    // A geographic profile strips to the regional entry; the global profile is its own entry.
    ["eu.anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-sonnet-4-5-20250929-v1:0"],
    ["global.anthropic.claude-sonnet-4-5-20250929-v1:0", "global.anthropic.claude-sonnet-4-5-20250929-v1:0"],
    [
      "arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-sonnet-4-5-20250929-v1:0",
      "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
    ],
  ])("resolves %s to %s", (name, id) => {
    expect(idOf(name)).toBe(id);
  });

  it("suggests the nearest ids for an unknown model", () => {
    const lookup = resolveModel(card, "claude-instnat");
    expect(lookup).toMatchObject({ found: false, reason: 'unknown model "claude-instnat" in the us-east-1 rates' });
    expect(lookup.found ? [] : lookup.suggestions).toContain("claude-instant");
  });

  it("explains ARNs that do not name a model", () => {
    const custom = resolveModel(card, "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/abc");
    expect(custom.found ? "" : custom.reason).toMatch(/custom model's ARN/);
    const app = resolveModel(card, "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3");
    expect(app.found ? "" : app.reason).toMatch(/application inference profile/);
  });
});
