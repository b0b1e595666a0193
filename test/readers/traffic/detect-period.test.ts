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
    ["a lone point", at(0), 60],
  ])("%s", (_, times, period) => {
    expect(detectPeriod(times)).toBe(period);
  });

  it("rejects points that are not whole minutes apart", () => {
    expect(() => detectPeriod([0, 30, 60])).toThrow("data points 30 seconds apart");
  });
});
