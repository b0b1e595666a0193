import { describe, expect, it } from "vitest";
import { MAX_WINDOW_MINUTES } from "../../../src/core/traffic/minute-traffic.js";
import { LogMinutes } from "../../../src/readers/traffic/read-invocation-logs.js";

const at = (iso: string) => Date.parse(iso) / 1000;

/** The minutes a LogMinutes holds, as plain rows: [epoch seconds, input, output, cache read, cache write]. */
function rows(minutes: LogMinutes): number[][] {
  const { times, values } = minutes.sums();
  return Array.from(times, (time, i) => [time, ...values.map((sums) => sums[i] as number)]);
}

describe("a model's log records summed per minute", () => {
  it("sums records in any order, hours apart before and after the first, into minutes in time order", () => {
    const minutes = new LogMinutes();
    // The first record, then one in the same minute, one a month before, one 74 days after, one an hour after.
    expect(minutes.add(at("2026-11-02T10:00:30Z"), 330, 100, 0, 0)).toBe(0);
    expect(minutes.add(at("2026-11-02T10:00:50Z"), 10, 5, 3, 0)).toBe(0);
    expect(minutes.add(at("2026-10-01T00:00:00Z"), 1, 2, 0, 7)).toBe(0);
    expect(minutes.add(at("2027-01-15T23:59:59.5Z"), 4, 0, 0, 0)).toBe(0);
    expect(minutes.add(at("2026-11-02T11:00:00Z"), 0, 9, 0, 0)).toBe(0);
    expect(rows(minutes)).toEqual([
      [at("2026-10-01T00:00:00Z"), 1, 2, 0, 7],
      [at("2026-11-02T10:00:00Z"), 340, 105, 3, 0],
      [at("2026-11-02T11:00:00Z"), 0, 9, 0, 0],
      [at("2027-01-15T23:59:00Z"), 4, 0, 0, 0],
    ]);
    expect(minutes.records).toBe(5);
    // A record that would make the window longer than the longest profiled is not added: the span is returned.
    const tooLate = at("2026-10-01T00:00:00Z") + MAX_WINDOW_MINUTES * 60;
    expect(minutes.add(tooLate, 1, 1, 0, 0)).toBe(MAX_WINDOW_MINUTES + 1);
  });

  it("holds the same sums as a table of minutes for 20,000 records over 400 days, in random order", () => {
    let seed = 20261130;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const start = at("2026-01-01T00:00:00Z");
    const minutes = new LogMinutes();
    const table = new Map<number, number[]>();
    for (let i = 0; i < 20_000; i++) {
      // Clustered in a few days now and then, spread over the window otherwise.
      const time = start + Math.floor((i % 7 === 0 ? next() * 3 : next() * 399) * 86_400);
      const counts = [Math.floor(next() * 1000), Math.floor(next() * 300), i % 5 === 0 ? 40 : 0, i % 9 === 0 ? 12 : 0];
      expect(minutes.add(time, counts[0] as number, counts[1] as number, counts[2] as number, counts[3] as number)).toBe(0);
      const minute = Math.floor(time / 60) * 60;
      const row = table.get(minute) ?? [0, 0, 0, 0];
      table.set(
        minute,
        row.map((sum, k) => sum + (counts[k] as number)),
      );
    }
    const expected = [...table.entries()].sort((a, b) => a[0] - b[0]).map(([minute, sums]) => [minute, ...sums]);
    expect(rows(minutes)).toEqual(expected);
  });
});
