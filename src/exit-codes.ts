export const EXIT = {
  OK: 0,
  /** A check or policy failed (the input was fine). */
  FAILED_CHECK: 1,
  /** Bad input: a flag, a value, a file, a model name. */
  USAGE: 2,
  /** A bug in bedrock-cost. */
  INTERNAL: 3,
} as const;
