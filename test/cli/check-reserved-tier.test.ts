import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const { file } = tempDir("check-reserved");

// Claude Sonnet 4.5 (regional, $3.30 / $16.50 Standard) with Reserved tier prices at the Standard price
// of a full minute of use: 1-month geo 0.198 / 0.99, and 3-month geo 0.18 / 0.90 (test data).
const QUOTE = `schemaVersion: 1
region: us-east-1
models:
  - id: "anthropic.claude-sonnet-4-5-20250929-v1:0"
    reserved:
      geo:
        oneMonth: {inputPer1kTpmHour: 0.198, outputPer1kTpmHour: 0.99}
        threeMonth: {inputPer1kTpmHour: 0.18, outputPer1kTpmHour: 0.9}
`;

function plan(name: string, reservations: string[], workloads?: string[]): string {
  file("quote.yaml", QUOTE);
  return file(
    name,
    [
      "schemaVersion: 1",
      "rates: [quote.yaml]",
      "workloads:",
      ...(workloads ?? [
        "  - {name: payments, model: claude-sonnet-4.5, monthly: {inputTokens: 600M, outputTokens: 120M}, peakTpm: {input: 30000, output: 6000}, sla: no-throttling}",
        "  - {name: chat, model: claude-sonnet-4.5, monthly: {inputTokens: 1B, outputTokens: 200M}}",
      ]),
      "reservations:",
      ...reservations,
      "",
    ].join("\n"),
  );
}

const PAY =
  "  - {name: pay-reserved, type: reserved, model: claude-sonnet-4.5, inputTpm: 100000, outputTpm: 10000, term: 1-month, serves: [payments]}";
const CHAT =
  "  - {name: chat-reserved, type: reserved, model: claude-sonnet-4.5, inputTpm: 150000, outputTpm: 20000, term: 3-month, serves: [chat]}";

describe("check: reservations of the Reserved tier", () => {
  it("judges them like model units: the SLA's premium, idle capacity, a long term on unmeasured traffic", () => {
    const run = runCli(["check", plan("plan.yaml", [PAY, CHAT]), "--allow-outside-paths", "--format", "json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    // pay-reserved: 0.198 × 100 × 730 + 0.99 × 10 × 730 = $21,681 for the payments SLA, whose traffic costs
    // 600 × 3.30 + 120 × 16.50 = $3,960 on Standard. chat-reserved: 0.18 × 150 × 730 + 0.90 × 20 × 730 =
    // $32,850 against 1,000 × 3.30 + 200 × 16.50 = $6,600, $98,550 over 3 months.
    expect(report.reservations).toEqual([
      {
        type: "reserved",
        name: "pay-reserved",
        model: "anthropic.claude-sonnet-4-5-20250929-v1:0",
        custom: null,
        units: null,
        term: "1-month",
        scope: "geo",
        inputTpm: 100_000,
        outputTpm: 10_000,
        utilization: 0.1826,
        reservedCost: 21_681,
        onDemandCost: 3_960,
        saving: -17_721,
        committedCost: 21_681,
      },
      {
        type: "reserved",
        name: "chat-reserved",
        model: "anthropic.claude-sonnet-4-5-20250929-v1:0",
        custom: null,
        units: null,
        term: "3-month",
        scope: "geo",
        inputTpm: 150_000,
        outputTpm: 20_000,
        utilization: 0.1826,
        reservedCost: 32_850,
        onDemandCost: 6_600,
        saving: -26_250,
        committedCost: 98_550,
      },
    ]);
    expect(
      report.findings.map((f: { code: string; subject: string; monthlyImpact: number }) => [f.code, f.subject, f.monthlyImpact]),
    ).toEqual([
      ["SLA_PREMIUM", "pay-reserved", 17_721],
      ["IDLE_RESERVATION", "chat-reserved", 26_250],
      ["UNPROVEN_LONG_TERM", "chat-reserved", 0],
    ]);
    expect(report.findings[1].message).toBe(
      "The Reserved tier (geo), 150,000 input and 20,000 output tokens a minute, on a 3-month term, costs $32,850.00 a month at 18.3% utilization against $6,600.00 on-demand for the traffic it carries, and no no-throttling SLA calls for it: $26,250.00 a month over on-demand, $78,750.00 over the 3-month term.",
    );
    expect(report.totals).toMatchObject({ errors: 1, reservedMonthlyCost: 54_531, monthlyImpact: 26_250 });

    const csv = runCli(["check", plan("plan.yaml", [PAY, CHAT]), "--allow-outside-paths", "--format", "csv"]).stdout.split("\n");
    expect(csv).toContain(
      'RESERVATION,,pay-reserved,,"the Reserved tier (geo) of anthropic.claude-sonnet-4-5-20250929-v1:0, 100000 input and 10000 output tokens a minute on a 1-month term",,1-month,0.1826,21681,3960,-17721,21681,reserved,geo,100000,10000',
    );
    const table = runCli(["check", plan("plan.yaml", [PAY, CHAT]), "--allow-outside-paths"]).stdout;
    expect(table).toContain(
      "│ pay-reserved  │ 100k/10k TPM │ 1-month Reserved (geo) │       18.3% │   $21,681.00 │ $3,960.00 │ -$17,721.00 │ $21,681.00 │",
    );
  });

  it("finds a reservation below the SLA's peak under-provisioned, by what the rest would cost", () => {
    const workloads = [
      "  - {name: payments, model: claude-sonnet-4.5, monthly: {inputTokens: 600M, outputTokens: 120M}, peakTpm: {input: 150000, output: 6000}, sla: no-throttling}",
    ];
    const run = runCli(["check", plan("under.yaml", [PAY], workloads), "--allow-outside-paths", "--format", "json"]);
    const under = JSON.parse(run.stdout).findings[0];
    // 150,000 needed, 100,000 reserved: 0.198 × 50 × 730 = $7,227.
    expect(under).toMatchObject({ code: "UNDER_PROVISIONED", subject: "pay-reserved", monthlyImpact: 7_227 });
  });

  it("refuses what the Reserved tier is not: units, PT terms, below AWS's minimum, a workload on two kinds", () => {
    const path = plan("bad.yaml", [
      "  - {name: r1, type: reserved, model: claude-sonnet-4.5, inputTpm: 100000, outputTpm: 10000, units: 2, term: 6-month, serves: [chat]}",
      "  - {name: r2, type: reserved, model: claude-sonnet-4.5, inputTpm: 50000, outputTpm: 10000, term: 1-month, serves: [payments]}",
      "  - {name: r3, model: claude-sonnet-4.5, units: 1, term: 3-month, serves: [chat]}",
      "  - {name: r4, type: reserved, model: claude-3.5-sonnet-v2, inputTpm: 100000, outputTpm: 10000, term: 1-month}",
    ]);
    const run = runCli(["check", path, "--allow-outside-paths"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      `error: ${path}:7: reservations[0].units: the Reserved tier is sized in tokens a minute (inputTpm, outputTpm), not model units`,
      `error: ${path}:7: reservations[0].term: the Reserved tier is sold on 1-month or 3-month terms, got "6-month"`,
      `error: ${path}:7: reservations[0].serves[0]: "chat" is also served by model units (reservations[2]): give its traffic to one kind of reserved capacity`,
      `error: ${path}:8: reservations[1].inputTpm: 50,000 is below the Reserved tier's minimum of 100,000 input tokens a minute`,
      `error: ${path}:9: reservations[2].term: PT is sold without commitment or on 1-month or 6-month terms; 3-month is a Reserved tier term (type: reserved)`,
      `error: ${path}:10: reservations[3].term: no 1-month Reserved tier price (geo) is known for anthropic.claude-3-5-sonnet-20241022-v2:0: add reserved: {geo: {oneMonth: {inputPer1kTpmHour, outputPer1kTpmHour}}} in a rate file listed under rates:`,
    ]);
  });
});
