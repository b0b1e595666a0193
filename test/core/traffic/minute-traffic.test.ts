import { describe, expect, it } from "vitest";
import { buildMinuteTraffic } from "../../../src/core/traffic/minute-traffic.js";

const T0 = 1_790_812_800; // 2026-10-01T00:00:00Z

describe("buildMinuteTraffic", () => {
  it("lays 1-minute series on the grid and counts the minutes with no data as gaps", () => {
    const traffic = buildMinuteTraffic([
      { field: "inputTokens", periodSeconds: 60, times: [T0, T0 + 60, T0 + 240], values: [100, 200, 300] },
      { field: "outputTokens", periodSeconds: 60, times: [T0, T0 + 60, T0 + 240], values: [10, 20, 30] },
    ]);
    expect(traffic).toMatchObject({ start: T0, minutes: 5, periodSeconds: 60, gapMinutes: 2 });
    expect([...traffic.inputTokens]).toEqual([100, 200, 0, 0, 300]);
    expect([...traffic.outputTokens]).toEqual([10, 20, 0, 0, 30]);
  });

  it("spreads a 5-minute period evenly over its minutes", () => {
    const traffic = buildMinuteTraffic([{ field: "inputTokens", periodSeconds: 300, times: [T0, T0 + 300], values: [500, 1000] }]);
    expect(traffic).toMatchObject({ minutes: 10, periodSeconds: 300, gapMinutes: 0 });
    expect([...traffic.inputTokens]).toEqual([100, 100, 100, 100, 100, 200, 200, 200, 200, 200]);
  });

  it("takes the coarsest period and the union of the windows", () => {
    const traffic = buildMinuteTraffic([
      { field: "inputTokens", periodSeconds: 3600, times: [T0], values: [6000] },
      { field: "outputTokens", periodSeconds: 60, times: [T0 + 3600], values: [5] },
    ]);
    expect(traffic).toMatchObject({ minutes: 61, periodSeconds: 3600, gapMinutes: 0 });
    expect(traffic.inputTokens[59]).toBe(100);
    expect(traffic.outputTokens[60]).toBe(5);
  });

  it("floors times to the minute", () => {
    const traffic = buildMinuteTraffic([{ field: "inputTokens", periodSeconds: 60, times: [T0 + 30, T0 + 90], values: [1, 2] }]);
    expect(traffic).toMatchObject({ start: T0, minutes: 2 });
  });

  it("refuses a window longer than 400 days", () => {
    expect(() => buildMinuteTraffic([{ field: "inputTokens", periodSeconds: 60, times: [T0, T0 + 401 * 86_400], values: [1, 1] }])).toThrow(
      /400 days/,
    );
  });
});
