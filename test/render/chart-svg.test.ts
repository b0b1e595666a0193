import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { makeVolume } from "../../src/core/cost-model/volume.js";
import { compareLanes } from "../../src/core/lanes/compare-lanes.js";
import { costLines } from "../../src/core/lanes/cost-lines.js";
import { renderSvgChart } from "../../src/render/chart-svg.js";
import { workedExampleModel } from "../helpers/builders.js";

const chart = costLines(
  compareLanes({
    model: workedExampleModel({
      batch: { inputPerMTok: 1.5, outputPerMTok: 7.5 },
      provisioned: { hourlyPerUnit: { oneMonth: 40, sixMonth: 25 }, unitThroughput: { inputTpm: 70_000, outputTpm: 14_000 } },
    }),
    volume: makeVolume({ inputTokens: 3e9, outputTokens: 0.6e9 }),
    hoursPerMonth: 730,
    units: 2,
    latency: "interactive",
  }),
);
const svg = renderSvgChart(chart, "Sonnet <class> & co", "5.0 input : 1 output");
const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(svg);
const all = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

describe("renderSvgChart", () => {
  it("is a well-formed standalone SVG document with escaped text", () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(doc.svg.xmlns).toBe("http://www.w3.org/2000/svg");
    expect(doc.svg.title).toBe("Sonnet <class> & co");
  });

  it("has one line per lane, PT bent at its capacity", () => {
    const lines = all<Record<string, string>>(doc.svg.polyline);
    expect(lines.map((line) => line["data-series"])).toEqual(["on-demand", "batch", "1-month", "6-month"]);
    const points = (key: string) =>
      lines
        .find((line) => line["data-series"] === key)!
        .points!.split(" ")
        .map((p) => p.split(",").map(Number));
    expect(points("on-demand")).toHaveLength(2);
    const pt = points("6-month");
    // flat, then the bend, then up: three points, the first two at the same height
    expect(pt).toHaveLength(3);
    expect(pt[0]![1]).toBe(pt[1]![1]);
    expect(pt[2]![1]).toBeLessThan(pt[1]![1]!);
  });

  it("marks the break-even (only 6-month crosses: 1-month at $58,400 fills up first) and the workload's volume", () => {
    const groups = all<Record<string, unknown>>(doc.svg.g);
    const breakEvens = groups.filter((g) => g["data-break-even"]);
    expect(breakEvens.map((g) => g["data-break-even"])).toEqual(["6-month"]);
    expect(String((breakEvens[0]!.text as Record<string, string>)["#text"])).toBe("break-even (6-month): 6.08B in + 1.22B out");
    expect(groups.find((g) => g["data-user-volume"])?.["data-user-volume"]).toBe("3600000000");
  });
});
