import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quotedKeyAt, scanLogRecord } from "../../../src/readers/traffic/scan-log-record.js";

/** What the full parse reads of a record: the oracle the scanner must agree with whenever it answers. */
function parsed(line: string) {
  const record = JSON.parse(line);
  const count = (side: "input" | "output", key: string) => {
    const value = record?.[side]?.[key];
    return value === undefined ? -1 : value;
  };
  return {
    modelId: record.modelId,
    timestamp: record.timestamp,
    counts: [
      count("input", "inputTokenCount"),
      count("output", "outputTokenCount"),
      count("input", "cacheReadInputTokenCount"),
      count("input", "cacheWriteInputTokenCount"),
    ],
  };
}

// A record as Bedrock writes it (docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html),
// with request and response bodies.
const bedrockLine = (input: Record<string, unknown>, output: Record<string, unknown> | null, body: unknown = { messages: [] }) =>
  JSON.stringify({
    schemaType: "ModelInvocationLog",
    schemaVersion: "1.0",
    timestamp: "2026-11-02T00:02:15Z",
    accountId: "123456789012",
    identity: { arn: "arn:aws:sts::123456789012:assumed-role/app/session" },
    region: "us-east-1",
    requestId: "7d0c3b1e-0001",
    operation: "Converse",
    modelId: "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
    input: { inputContentType: "application/json", inputBodyJson: body, ...input },
    ...(output === null
      ? {}
      : { output: { outputContentType: "application/json", outputBodyJson: { usage: { inputTokens: 1 } }, ...output } }),
  });

describe("scanLogRecord", () => {
  it("reads Bedrock's records without parsing them, as the full parse reads them", () => {
    const line = bedrockLine({ inputTokenCount: 30000, cacheReadInputTokenCount: 3000 }, { outputTokenCount: 4000 });
    expect(scanLogRecord(line)).toEqual({
      modelId: "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
      timestamp: "2026-11-02T00:02:15Z",
      counts: [30000, 4000, 3000, -1],
    });
    // An embeddings model's record has no output object; Titan's response body has inputTextTokenCount.
    expect(scanLogRecord(bedrockLine({ inputTokenCount: 500 }, null, { inputText: "x", inputTextTokenCount: 7 }))?.counts).toEqual([
      500, -1, -1, -1,
    ]);
  });

  it("leaves to the full parse what it cannot read plainly", () => {
    // A body that holds a count key of its own: met twice.
    expect(scanLogRecord(bedrockLine({ inputTokenCount: 5 }, { outputTokenCount: 1 }, { inputTokenCount: 9 }))).toBeNull();
    // Escapes in the model id, counts that are not whole digits, the model id after the input object.
    expect(scanLogRecord(bedrockLine({ inputTokenCount: 5.5 }, { outputTokenCount: 1 }))).toBeNull();
    expect(scanLogRecord(bedrockLine({ inputTokenCount: -5 }, { outputTokenCount: 1 }))).toBeNull();
    expect(scanLogRecord(bedrockLine({ inputTokenCount: "5" }, { outputTokenCount: 1 }))).toBeNull();
    expect(scanLogRecord('{"timestamp":"2026-11-02T00:00:00Z","modelId":"a\\u0062","input":{"inputTokenCount":1}}')).toBeNull();
    expect(scanLogRecord('{"timestamp":"2026-11-02T00:00:00Z","input":{"inputTokenCount":1},"modelId":"a.b"}')).toBeNull();
    expect(scanLogRecord('{"timestamp":"2026-11-02T00:00:00Z","modelId":"a.b"}')).toBeNull();
  });

  it("agrees with the full parse on every record it reads (fuzzed)", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 30 });
    const key = fc.constantFrom(
      "inputTokenCount",
      "outputTokenCount",
      "cacheReadInputTokenCount",
      "modelId",
      "timestamp",
      "input",
      "text",
      "inputTokens",
    );
    const value = fc.oneof(
      { arbitrary: fc.nat({ max: 2_000_000 }), weight: 8 },
      { arbitrary: fc.constantFrom(1e15, 1e16, 0.5, -1, "12", null), weight: 1 },
      { arbitrary: text, weight: 1 },
    );
    const body = fc.dictionary(key, fc.oneof(value, fc.dictionary(key, value, { maxKeys: 3 })), { maxKeys: 4 });
    const counts = fc.record(
      { inputTokenCount: value, cacheReadInputTokenCount: value, cacheWriteInputTokenCount: value },
      { requiredKeys: [] },
    );
    const record = fc.record({
      first: fc.dictionary(fc.constantFrom("schemaType", "region", "requestId"), text, { maxKeys: 2 }),
      modelId: fc.oneof(
        { arbitrary: fc.constantFrom("amazon.nova-pro-v1:0", "us.anthropic.claude-3-haiku-20240307-v1:0"), weight: 4 },
        { arbitrary: text, weight: 1 },
      ),
      timestamp: fc.oneof({ arbitrary: fc.constant("2026-11-02T00:00:00Z"), weight: 4 }, { arbitrary: text, weight: 1 }),
      inputBody: body,
      counts,
      output: fc.option(fc.record({ outputBodyJson: body, outputTokenCount: value }, { requiredKeys: [] })),
      modelIdLast: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
    });
    let read = 0;
    fc.assert(
      fc.property(record, (r) => {
        const head = { ...r.first, timestamp: r.timestamp, ...(r.modelIdLast ? {} : { modelId: r.modelId }) };
        const line = JSON.stringify({
          ...head,
          input: { inputBodyJson: r.inputBody, ...r.counts },
          ...(r.output === null ? {} : { output: r.output }),
          ...(r.modelIdLast ? { modelId: r.modelId } : {}),
        });
        // The one case the scanner cannot tell from a record (scan-log-record.ts): a body that holds a
        // count key the record itself lacks. No Bedrock request or response body uses these names.
        const oracle = parsed(line);
        const names = ["inputTokenCount", "outputTokenCount", "cacheReadInputTokenCount", "cacheWriteInputTokenCount"];
        fc.pre(!names.some((name, k) => oracle.counts[k] === -1 && line.includes(`"${name}":`)));
        const scanned = scanLogRecord(line);
        if (scanned !== null) {
          read++;
          expect(scanned).toEqual(oracle);
        }
      }),
      { numRuns: 2_000, seed: 2026 },
    );
    // The property holds of records the scanner reads, not only of those it leaves to the parse.
    expect(read).toBeGreaterThan(200);
  });

  it("finds a quoted key where indexOf finds it, searching without the quote (fuzzed)", () => {
    // Texts of quotes and the keys' own characters: keys next to keys, keys without their quote, a key at the start.
    const text = fc.string({ unit: fc.constantFrom('"', "a", "b", ":", "i", "d"), maxLength: 16 });
    const key = fc.constantFrom('ab":', "a", 'a"', 'a"a', '"', "aa", 'id":"');
    fc.assert(
      fc.property(text, key, (t, k) => {
        expect(quotedKeyAt(t, k)).toBe(t.indexOf(`"${k}`));
      }),
      { numRuns: 5_000, seed: 2026 },
    );
    expect(quotedKeyAt('x"modelId":"m"', 'modelId":"')).toBe(1);
    expect(quotedKeyAt('"modelId":"m"', 'modelId":"')).toBe(0);
    expect(quotedKeyAt('xmodelId":"m" "modelId":"n"', 'modelId":"')).toBe(14);
    // An occurrence inside one that has no quote before it.
    expect(quotedKeyAt('ba"a"a', 'a"a')).toBe(2);
  });
});
