import { describe, expect, it } from "vitest";
import { detectPeriod } from "../../../src/readers/traffic/detect-period.js";

const at = (...minutes: number[]) => minutes.map((m) => 1_790_812_800 + m * 60);

describe("detectPeriod", () => {
  it.each([
    ["1-minute data", at(0, 1, 2, 3), 60],
    ["1-minute data with a gap", at(0, 1, 5, 6), 60],
    ["two 1-minute points four minutes apart (a gap, not a 4-minute period)", at(0, 4), 60],
    ["5-minute data", at(0, 5, 10, 20), 300],
    ["hourly data with a missing hour", at(0, 60, 180), 3600],
    ["daily data", at(0, 1440, 2880), 86_400],
  ])("%s", (_, times, period) => {
    expect(detectPeriod(times)).toBe(period);
  });

  it("rejects points that are not whole minutes apart", () => {
    expect(() => detectPeriod([0, 30, 60])).toThrow("data points 30 seconds apart");
  });

  it("asks for the period of a lone point, and takes it when given", () => {
    expect(() => detectPeriod(at(0))).toThrow("one data point: the period it covers cannot be read from the data; give it with --period");
    expect(detectPeriod(at(0), { seconds: 86_400, flag: "--period" })).toBe(86_400);
  });

  it("takes a given period that agrees with the gaps, and refuses one that does not", () => {
    const given = (seconds: number) => ({ seconds, flag: "--period" });
    // 1-minute data with a 4-minute gap: a period of 1 minute agrees, 2 minutes do not divide the gaps.
    expect(detectPeriod(at(0, 1, 5), given(60))).toBe(60);
    expect(() => detectPeriod(at(0, 2, 5), given(120))).toThrow("not whole multiples of the period of 2 minutes given with --period");
    expect(() => detectPeriod(at(0, 60, 120), given(86_400))).toThrow(
      "data points 3600 seconds apart, closer than the period of 1 day given with --period",
    );
  });
});
