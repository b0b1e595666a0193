export const FORMATS = ["table", "json", "csv"] as const;
export type Format = (typeof FORMATS)[number];

/** The formats of `bedrock-cost plan`: also markdown, for a pull request or a shared report. */
export const REPORT_FORMATS = [...FORMATS, "markdown"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The formats of `bedrock-cost check`: also markdown (a pull-request comment) and github (workflow annotations). */
export const CHECK_FORMATS = [...FORMATS, "markdown", "github"] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** The formats of `bedrock-cost audit`: also svg, the picture of each model's traffic and cost. */
export const AUDIT_FORMATS = [...REPORT_FORMATS, "svg"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** The formats of `bedrock-cost profile`: also svg. */
export const PROFILE_FORMATS = [...FORMATS, "svg"] as const;
export type ProfileFormat = (typeof PROFILE_FORMATS)[number];

/** The formats of `bedrock-cost chart`. */
export const CHART_FORMATS = ["text", "svg"] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

/** What a command produced: the report for stdout, notes for stderr, and the exit code. */
export interface CommandResult {
  stdout: string;
  stderr: string[];
  exitCode: number;
}

/** How a command turns its result into each output format; a format's renderer may load its libraries when called. */
export type Renderers<T, F extends string = Format> = { readonly [K in F]: (result: T) => string | Promise<string> };

/** The result in the format asked for. */
export function renderAs<T, F extends string = Format>(format: F, renderers: Renderers<T, F>, result: T): Promise<string> {
  return Promise.resolve(renderers[format](result));
}
