import { describe, expect, it } from "vitest";
import { diffRates } from "../../../src/core/rates/diff-rates.js";
import type { RateCard } from "../../../src/core/rates/rate-card.js";
import { workedExampleModel } from "../../helpers/builders.js";

const card = (models: RateCard["models"]): RateCard => ({
  region: "us-east-1",
  currency: "USD",
  effectiveDate: null,
  hoursPerMonth: 730,
  files: [],
  models,
});

describe("diffRates", () => {
  it("lists added and removed models and every price that moved, with its change", () => {
    const before = card([
      workedExampleModel({ id: "a", onDemand: { inputPerMTok: 0.8, outputPerMTok: 1.6 }, provisioned: undefined }),
      workedExampleModel({ id: "gone" }),
    ]);
    const after = card([
      workedExampleModel({
        id: "a",
        onDemand: { inputPerMTok: 0.2, outputPerMTok: 1.6 },
        batch: { inputPerMTok: 0.1, outputPerMTok: 0.8 },
        provisioned: undefined,
      }),
      workedExampleModel({ id: "new" }),
    ]);
    const diff = diffRates(before, after);
    expect(diff.added.map((m) => m.id)).toEqual(["new"]);
    expect(diff.removed.map((m) => m.id)).toEqual(["gone"]);
    // Titan Text Express's 2024 → 2025 input price: 0.80 → 0.20, −75%
    expect(diff.changed[0]?.change).toBeCloseTo(-0.75, 12);
    expect(diff.changed.map((c) => ({ ...c, change: c.change === null ? null : Math.round(c.change * 1e6) / 1e6 }))).toEqual([
      { id: "a", field: "onDemand.inputPerMTok", old: 0.8, new: 0.2, change: -0.75 },
      { id: "a", field: "batch.inputPerMTok", old: null, new: 0.1, change: null },
      { id: "a", field: "batch.outputPerMTok", old: null, new: 0.8, change: null },
    ]);
  });

  it("is empty for the same card", () => {
    const same = card([workedExampleModel()]);
    expect(diffRates(same, same)).toEqual({ added: [], removed: [], changed: [] });
  });
});
