export const FORMATS = ["table", "json", "csv"] as const;
export type Format = (typeof FORMATS)[number];

/** What a command produced: the report for stdout, notes for stderr, and the exit code. */
export interface CommandResult {
  stdout: string;
  stderr: string[];
  exitCode: number;
}
