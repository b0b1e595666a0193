/** Monthly token volume of a workload. Cache reads and writes are counted apart from `inputTokens`. */
export interface Volume {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  /** Prompt-cache writes kept 5 minutes (the default). */
  cacheWriteTokens: number;
  /** Prompt-cache writes kept 1 hour, priced apart. */
  cacheWrite1hTokens: number;
  /**
   * Of `inputTokens` and `outputTokens`, those of requests above the model's long-context length,
   * priced on-demand at its `longContext` prices. Absent: none.
   */
  longContextInputTokens?: number;
  longContextOutputTokens?: number;
}

/** The long-context part of a volume, 0 where it has none. */
export function longContextTokens(volume: Volume): { input: number; output: number } {
  return { input: volume.longContextInputTokens ?? 0, output: volume.longContextOutputTokens ?? 0 };
}

/** The long-context fields of a volume, only where they are given: most volumes have none. */
function withLongContext(input: number, output: number): Pick<Volume, "longContextInputTokens" | "longContextOutputTokens"> {
  return {
    ...(input > 0 ? { longContextInputTokens: input } : {}),
    ...(output > 0 ? { longContextOutputTokens: output } : {}),
  };
}

export function makeVolume(partial: Partial<Volume>): Volume {
  return {
    inputTokens: partial.inputTokens ?? 0,
    outputTokens: partial.outputTokens ?? 0,
    cacheReadTokens: partial.cacheReadTokens ?? 0,
    cacheWriteTokens: partial.cacheWriteTokens ?? 0,
    cacheWrite1hTokens: partial.cacheWrite1hTokens ?? 0,
    ...withLongContext(partial.longContextInputTokens ?? 0, partial.longContextOutputTokens ?? 0),
  };
}

/** Every token on the input side of the model: plain input plus cache reads and writes. */
export function inputSideTokens(volume: Volume): number {
  return volume.inputTokens + volume.cacheReadTokens + volume.cacheWriteTokens + volume.cacheWrite1hTokens;
}

/** The same mix of traffic, `scale` times as much. */
export function scaleVolume(volume: Volume, scale: number): Volume {
  return {
    inputTokens: volume.inputTokens * scale,
    outputTokens: volume.outputTokens * scale,
    cacheReadTokens: volume.cacheReadTokens * scale,
    cacheWriteTokens: volume.cacheWriteTokens * scale,
    cacheWrite1hTokens: volume.cacheWrite1hTokens * scale,
    ...withLongContext((volume.longContextInputTokens ?? 0) * scale, (volume.longContextOutputTokens ?? 0) * scale),
  };
}

export function isZeroVolume(volume: Volume): boolean {
  return inputSideTokens(volume) === 0 && volume.outputTokens === 0;
}

/** Tokens per minute, input side (plain input plus cache reads and writes) and output. */
export interface TokensPerMinute {
  input: number;
  output: number;
}
