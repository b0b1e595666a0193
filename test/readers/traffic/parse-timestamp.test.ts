import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTimestamp } from "../../../src/readers/traffic/parse-timestamp.js";

// 2026-10-01T00:00:00Z is 1,790,812,800 seconds after the epoch (20,727 days × 86,400).
const MIDNIGHT = 1_790_812_800;

describe("parseTimestamp", () => {
  it.each([
    ["2026-10-01T00:00:00Z", MIDNIGHT],
    ["2026-10-01T00:00:00.000Z", MIDNIGHT],
    ["2026-10-01T00:00:00.123456Z", MIDNIGHT + 0.123456],
    ["2026-10-01T02:00:00+02:00", MIDNIGHT],
    ["2026-10-01T02:00:00+0200", MIDNIGHT],
    ["2026-09-30T19:00:00-05:00", MIDNIGHT],
    ["2026-10-01 00:00:00Z", MIDNIGHT],
    ["2026-10-01T00:00Z", MIDNIGHT],
    ["2026-10-01T00:01:00z", MIDNIGHT + 60],
    ["1790812800", MIDNIGHT],
    ["1790812800.5", MIDNIGHT + 0.5],
  ])("reads %s", (text, seconds) => {
    expect(parseTimestamp(text)).toBeCloseTo(seconds, 6);
  });

  it("reads fractions of one to nine digits with Z to the same number as with +00:00 (the full parse)", () => {
    const fraction = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 9 });
    // Near the epoch too, where the sum keeps every bit of the fraction.
    const second = fc.oneof(fc.integer({ min: 0, max: 59 }), fc.integer({ min: MIDNIGHT, max: MIDNIGHT + 86_399 }));
    fc.assert(
      fc.property(second, fraction, (s, digits) => {
        const clock = new Date(s * 1000).toISOString().slice(0, 19);
        expect(parseTimestamp(`${clock}.${digits}Z`)).toBe(parseTimestamp(`${clock}.${digits}+00:00`));
      }),
    );
    expect(parseTimestamp("2026-10-01T00:00:00.1Z")).toBe(MIDNIGHT + 0.1);
    expect(parseTimestamp("2026-10-01T00:00:00.999999999Z")).toBe(MIDNIGHT + 0.999999999);
  });

  it("reads the widest real offsets, +14:00 and -12:00", () => {
    expect(parseTimestamp("2026-10-01T14:00:00+14:00")).toBe(MIDNIGHT);
    expect(parseTimestamp("2026-09-30T12:00:00-12:00")).toBe(MIDNIGHT);
  });

  it("reads a year below 100 as that year, not 19xx", () => {
    // 0050-01-01 is 701,265 days before 1970-01-01: 1,920 years of 365 days and 465 leap days
    // (480 multiples of 4 from 52 to 1968, less 15 centuries not divisible by 400).
    const year50 = new Date(0);
    year50.setUTCFullYear(50, 0, 1);
    expect(parseTimestamp("0050-01-01T00:00:00+00:00")).toBe(year50.getTime() / 1000);
    expect(parseTimestamp("0050-01-01T00:00:00+00:00")).toBe(-701_265 * 86_400);
  });

  it("reads a number as epoch seconds", () => {
    expect(parseTimestamp(MIDNIGHT)).toBe(MIDNIGHT);
  });

  it.each([
    ["2026-10-01T00:00:00", /no time zone/],
    ["2026-13-01T00:00:00Z", /not a valid date/],
    ["2026-02-30T00:00:00Z", /not a valid date/],
    ["2026-10-01T24:00:00Z", /not a valid date/],
    ["yesterday", /expected an ISO 8601 time/],
    ["1790812800000", /milliseconds/],
    ["", /expected an ISO 8601 time/],
    ["2026-10-01T00:00:00+99:99", /has an offset of \+99:99: expected one from -12:00 to \+14:00/],
    ["2026-10-01T00:00:00+05:60", /has an offset of \+05:60/],
    ["2026-10-01T00:00:00+14:30", /has an offset of \+14:30/],
  ])("rejects %s", (text, message) => {
    expect(() => parseTimestamp(text)).toThrow(message);
  });
});

describe("parseTimestamp agrees with Date.parse on the common form", () => {
  it("for every day from 1999 to 2101 at a few times of day, leap days included", () => {
    for (let day = Date.UTC(1999, 0, 1); day < Date.UTC(2101, 0, 1); day += 86_400_000) {
      for (const offset of [0, 45_296_000, 86_399_000]) {
        const text = new Date(day + offset).toISOString().replace(".000Z", "Z");
        expect(parseTimestamp(text)).toBe((day + offset) / 1000);
      }
    }
  });

  it("rejects impossible dates in the common form too", () => {
    for (const text of ["2100-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-00-10T00:00:00Z", "2026-10-01T00:60:00Z"]) {
      expect(() => parseTimestamp(text), text).toThrow(/not a valid date/);
    }
    expect(parseTimestamp("2000-02-29T00:00:00Z")).toBe(951_782_400);
  });
});
