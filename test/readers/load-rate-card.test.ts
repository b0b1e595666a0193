import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { loadRateCard } from "../../src/readers/load-rate-card.js";
import { parseRateFile } from "../../src/readers/read-rate-file.js";
import { problemsOf, problemsOfAsync } from "../helpers/problems.js";

const FIXTURES = "test/fixtures/rates";
const SONNET_V2 = "anthropic.claude-3-5-sonnet-20241022-v2:0";

describe("loadRateCard", () => {
  it("loads the newest bundled version for us-east-1 by default", async () => {
    const card = await loadRateCard({ files: [] });
    expect(card).toMatchObject({
      region: "us-east-1",
      effectiveDate: "2026-11-30",
      hoursPerMonth: 730,
      files: ["rates/us-east-1/2026-11-30.yaml"],
    });
    expect((await loadRateCard({ files: [], ratesVersion: "2026-11-01" })).effectiveDate).toBe("2026-11-01");
  });

  it("adds a quote's PT price to the bundled on-demand prices of one model", async () => {
    const card = await loadRateCard({ files: [`${FIXTURES}/quote-sonnet-pt.yaml`] });
    const model = card.models.find((m) => m.id === SONNET_V2);
    expect(model?.onDemand).toEqual({ inputPerMTok: 3, outputPerMTok: 15 });
    expect(model?.batch).toEqual({ inputPerMTok: 1.5, outputPerMTok: 7.5 });
    expect(model?.provisioned).toEqual({ hourlyPerUnit: { sixMonth: 25 } });
    expect(model?.files).toEqual(["rates/us-east-1/2026-11-30.yaml", `${FIXTURES}/quote-sonnet-pt.yaml`]);
    expect(card.files).toHaveLength(2);
  });

  it("lays each file over the ones before it field by field, matching by alias too", async () => {
    const card = await loadRateCard({ files: [`${FIXTURES}/quote-sonnet-pt.yaml`, `${FIXTURES}/quote-one-month.yaml`] });
    const model = card.models.find((m) => m.id === SONNET_V2);
    expect(model?.provisioned).toEqual({
      hourlyPerUnit: { sixMonth: 25, oneMonth: 30 },
      unitThroughput: { inputTpm: 70_000, outputTpm: 14_000 },
    });
    expect(card.hoursPerMonth).toBe(744);
  });

  it("adds a new model from a user file", async () => {
    const card = await loadRateCard({ files: [`${FIXTURES}/worked-example.yaml`] });
    expect(card.models.find((m) => m.id === "example.sonnet-class")?.provisioned?.hourlyPerUnit).toEqual({ sixMonth: 25 });
  });

  it("rejects a file whose region differs, naming the line and the flag that would use it", async () => {
    expect(await problemsOfAsync(() => loadRateCard({ files: [`${FIXTURES}/wrong-region.yaml`] }))).toEqual([
      `${FIXTURES}/wrong-region.yaml:2: region: us-west-2 differs from us-east-1, the region of rates/us-east-1/2026-11-30.yaml (give --region us-west-2 to use this file's region)`,
    ]);
    expect(
      await problemsOfAsync(() =>
        loadRateCard({ region: "eu-west-1", files: [`${FIXTURES}/eu-west-1.yaml`, `${FIXTURES}/wrong-region.yaml`] }),
      ),
    ).toEqual([`${FIXTURES}/wrong-region.yaml:2: region: us-west-2 differs from eu-west-1, the region of ${FIXTURES}/eu-west-1.yaml`]);
  });

  it("lets the user's files stand alone in a region with no bundled rates", async () => {
    const card = await loadRateCard({ region: "eu-west-1", files: [`${FIXTURES}/eu-west-1.yaml`] });
    expect(card).toMatchObject({ region: "eu-west-1", effectiveDate: "2026-10-01", files: [`${FIXTURES}/eu-west-1.yaml`] });
    expect(card.models.map((m) => m.id)).toEqual(["example.eu-model"]);
  });

  it("says what is missing for a region or version that is not bundled", async () => {
    await expect(loadRateCard({ region: "eu-west-1", files: [] })).rejects.toThrow(
      new UsageError(
        "no bundled rates for region eu-west-1 (bundled regions: ap-northeast-1, ap-south-1, eu-central-1, eu-west-3, sa-east-1, us-east-1, us-west-2); give your own with --rates FILE",
      ),
    );
    await expect(loadRateCard({ ratesVersion: "2020-01-01", files: [] })).rejects.toThrow(
      new UsageError("--rates-version 2020-01-01: no such bundled version for us-east-1 (versions: 2026-11-01, 2026-11-24, 2026-11-30)"),
    );
  });

  it("lists every schema problem with its field path and line", async () => {
    expect(await problemsOfAsync(() => loadRateCard({ files: [`${FIXTURES}/invalid-many.yaml`] }))).toEqual([
      `${FIXTURES}/invalid-many.yaml:5: models[0].onDemand.inputPerMtok: unknown field (a typo?); did you mean inputPerMTok?`,
      `${FIXTURES}/invalid-many.yaml:7: models[1].batch.inputPerMTok: must be greater than 0, got -1`,
      `${FIXTURES}/invalid-many.yaml:7: models[1].batch.outputPerMTok: expected US dollars per 1M tokens (a number), got "cheap"`,
      `${FIXTURES}/invalid-many.yaml:10: models[2].provisioned.hourlyPerUnit.oneMonth: must be greater than 0, got 0`,
    ]);
  });

  it("lists every merge problem: a typo'd id, an incomplete price pair, a stolen alias, a partial unit", async () => {
    expect(await problemsOfAsync(() => loadRateCard({ files: [`${FIXTURES}/invalid-merge.yaml`] }))).toEqual([
      `${FIXTURES}/invalid-merge.yaml:4: models[0].id: "anthropic.claude-3-5-sonet-20241022-v2:0" matches no model in the rates it overlays (rates/us-east-1/2026-11-30.yaml), and a new model needs name and provider; did you mean anthropic.claude-3-5-sonnet-20241022-v2:0, anthropic.claude-3-5-sonnet-20240620-v1:0, anthropic.claude-3-5-haiku-20241022-v1:0?`,
      `${FIXTURES}/invalid-merge.yaml:10: models[1].onDemand: needs inputPerMTok as well`,
      `${FIXTURES}/invalid-merge.yaml:14: models[2].aliases[0]: alias "nova-pro" already names amazon.nova-pro-v1:0`,
      `${FIXTURES}/invalid-merge.yaml:18: models[3].provisioned: needs hourlyPerUnit with at least one of noCommit, oneMonth, sixMonth (no PT price is known for this model)`,
      `${FIXTURES}/invalid-merge.yaml:18: models[3].provisioned.unitThroughput: needs outputTpm as well`,
    ]);
  });

  it("reports YAML syntax errors and duplicate keys with their lines", async () => {
    expect((await problemsOfAsync(() => loadRateCard({ files: [`${FIXTURES}/invalid-yaml.yaml`] })))[0]).toMatch(
      new RegExp(`^${FIXTURES}/invalid-yaml.yaml:\\d+: invalid YAML: `),
    );
    expect(await problemsOfAsync(() => loadRateCard({ files: [`${FIXTURES}/invalid-duplicate-key.yaml`] }))).toEqual([
      `${FIXTURES}/invalid-duplicate-key.yaml:3: invalid YAML: Map keys must be unique`,
    ]);
  });

  it("reports every unreadable file at once", async () => {
    expect(await problemsOfAsync(() => loadRateCard({ files: ["no/such.yaml", "test/fixtures"] }))).toEqual([
      "no/such.yaml: cannot read: no such file",
      "test/fixtures: cannot read: it is a folder, not a file",
    ]);
  });
});

describe("parseRateFile", () => {
  const header = "schemaVersion: 1\nregion: us-east-1\n";

  it("describes an empty file and a file of the wrong shape", async () => {
    expect(problemsOf(() => parseRateFile("", "empty.yaml", false))).toEqual([
      "empty.yaml: expected a mapping with schemaVersion, region and models, got nothing",
    ]);
    expect(problemsOf(() => parseRateFile("- 1\n- 2\n", "list.yaml", false))).toEqual([
      "list.yaml:1: expected a mapping with schemaVersion, region and models, got a list",
    ]);
    expect(problemsOf(() => parseRateFile(`schemaVersion: 2\nregion: mars\nmodels: {}\n`, "v2.yaml", false))).toEqual([
      "v2.yaml:1: schemaVersion: expected 1, got 2",
      'v2.yaml:2: region: expected an AWS region such as us-east-1, got "mars"',
      "v2.yaml:3: models: expected a list of models, got a mapping",
    ]);
  });

  it("requires effectiveDate and sources in a bundled file", async () => {
    expect(problemsOf(() => parseRateFile(`${header}models: []\n`, "b.yaml", true))).toEqual([
      "b.yaml:1: effectiveDate: required in a bundled rate file",
      "b.yaml:1: sources: a bundled rate file lists its sources",
    ]);
  });

  it("stops an alias bomb instead of expanding it", async () => {
    const bomb = `${header}a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\nmodels: []\n`;
    expect(problemsOf(() => parseRateFile(bomb, "bomb.yaml", false))[0]).toMatch(/^bomb.yaml: invalid YAML: /);
  });

  it("accepts a byte-order mark and CRLF line ends", async () => {
    const text =
      `\uFEFF${header}models:\r\n  - id: x.y\r\n    name: X\r\n    provider: P\r\n    onDemand: {inputPerMTok: 1, outputPerMTok: 2}\r\n`
        .replace(/\n(?!\r)/g, "\r\n")
        .replace(/\r\r/g, "\r");
    expect(parseRateFile(text, "crlf.yaml", false).data.models[0]?.id).toBe("x.y");
  });
});

describe("bundled versions", () => {
  const bundledDir = "test/fixtures/bundled";
  const inputRate = (card: Awaited<ReturnType<typeof loadRateCard>>) => card.models[0]?.onDemand?.inputPerMTok;

  it("defaults to the newest version of the region and picks an older one by date", async () => {
    const newest = await loadRateCard({ files: [], bundledDir });
    expect(newest).toMatchObject({ effectiveDate: "2026-01-01", files: ["rates/us-east-1/2026-01-01.yaml"] });
    expect(inputRate(newest)).toBe(3);
    const older = await loadRateCard({ files: [], bundledDir, ratesVersion: "2025-01-01" });
    expect(older).toMatchObject({ effectiveDate: "2025-01-01", files: ["rates/us-east-1/2025-01-01.yaml"] });
    expect(inputRate(older)).toBe(4);
  });

  it("keeps each region's versions apart", async () => {
    expect((await loadRateCard({ files: [], bundledDir, region: "us-west-2" })).effectiveDate).toBe("2025-06-01");
    await expect(loadRateCard({ files: [], bundledDir, ratesVersion: "2025-06-01" })).rejects.toThrow(
      new UsageError("--rates-version 2025-06-01: no such bundled version for us-east-1 (versions: 2025-01-01, 2026-01-01)"),
    );
    await expect(loadRateCard({ files: [], bundledDir, region: "eu-west-1" })).rejects.toThrow(
      new UsageError("no bundled rates for region eu-west-1 (bundled regions: us-east-1, us-west-2); give your own with --rates FILE"),
    );
  });
});

describe("plausibility", () => {
  it("rejects Batch above on-demand, a longer term dearer than a shorter one, and a cache read above input", async () => {
    expect(await problemsOfAsync(() => loadRateCard({ files: [`${FIXTURES}/implausible.yaml`] }))).toEqual([
      `${FIXTURES}/implausible.yaml:5: models[0].batch.inputPerMTok: 30 is above the on-demand price 3: Batch is never dearer`,
      `${FIXTURES}/implausible.yaml:8: models[1].provisioned.hourlyPerUnit.sixMonth: 45 is above noCommit at 44: a longer term is never dearer`,
      `${FIXTURES}/implausible.yaml:8: models[1].provisioned.hourlyPerUnit.sixMonth: 45 is above oneMonth at 39.6: a longer term is never dearer`,
      `${FIXTURES}/implausible.yaml:10: models[2].promptCache.readPerMTok: 0.9 is above the input price 0.8: a cache read is never dearer`,
    ]);
  });
});

describe("input-only models", () => {
  it("takes on-demand and Batch prices with only inputPerMTok: an embeddings model", async () => {
    const card = await loadRateCard({ files: [`${FIXTURES}/embeddings.yaml`] });
    const model = card.models.find((m) => m.id === "example.embed-v1");
    expect(model?.onDemand).toEqual({ inputPerMTok: 0.02 });
    expect(model?.batch).toEqual({ inputPerMTok: 0.01 });
  });

  it("refuses an output price on Batch alone, and an output price without an input price", async () => {
    expect(await problemsOfAsync(() => loadRateCard({ files: [`${FIXTURES}/embeddings-invalid.yaml`] }))).toEqual([
      `${FIXTURES}/embeddings-invalid.yaml:8: models[0].batch.outputPerMTok: an output price on Batch, but none on-demand: an input-only model has no output price in any lane`,
      `${FIXTURES}/embeddings-invalid.yaml:12: models[1].onDemand: needs inputPerMTok as well`,
    ]);
  });
});
