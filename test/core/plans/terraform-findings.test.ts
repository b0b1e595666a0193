import { describe, expect, it } from "vitest";
import { ptChangeFindings } from "../../../src/core/plans/terraform-findings.js";
import { workedExampleModel } from "../../helpers/builders.js";

describe("ptChangeFindings", () => {
  const instant = workedExampleModel({ provisioned: { hourlyPerUnit: { noCommit: 44, oneMonth: 39.6, sixMonth: 22 } } });

  it("prices the committed units a plan replaces: 2 × $39.60 × 730 = $57,816 a month", () => {
    const [finding] = ptChangeFindings(
      {
        address: "aws_bedrock_provisioned_model_throughput.a",
        actions: ["delete", "create"],
        before: { model: instant, units: 2, term: "1-month" },
        after: true,
        unknown: [],
      },
      730,
    );
    expect(finding).toMatchObject({
      code: "COMMITTED_REPLACEMENT",
      action: "replace",
      severity: "error",
      units: 2,
      term: "1-month",
      modelId: instant.id,
    });
    expect(finding?.monthlyImpact).toBeCloseTo(57_816, 9);
  });

  it("says a delete is a delete, and costs nothing it cannot price", () => {
    const findings = ptChangeFindings(
      { address: "x", actions: ["delete"], before: { model: undefined, units: 1, term: "6-month" }, after: false, unknown: [] },
      730,
    );
    expect(findings).toEqual([
      expect.objectContaining({ code: "COMMITTED_REPLACEMENT", action: "delete", monthlyImpact: 0, modelId: null }),
    ]);
  });

  it("lets no-commit units go, and reports arguments unknown until apply", () => {
    expect(
      ptChangeFindings(
        { address: "x", actions: ["delete", "create"], before: { model: instant, units: 1, term: "no-commit" }, after: true, unknown: [] },
        730,
      ),
    ).toEqual([]);
    expect(ptChangeFindings({ address: "x", actions: ["create"], before: null, after: true, unknown: ["model_units"] }, 730)).toEqual([
      expect.objectContaining({ code: "UNKNOWN_AT_PLAN", severity: "warning", attributes: ["model_units"], monthlyImpact: 0 }),
    ]);
  });
});
