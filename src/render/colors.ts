import { Chalk, type ChalkInstance } from "chalk";

export interface ColorSettings {
  /** --color (true) or --no-color (false); undefined when neither was given. */
  flag: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
}

/**
 * The one place that decides colour: --color / --no-color, then NO_COLOR, then FORCE_COLOR, then
 * whether stdout is a terminal. chalk alone would ignore NO_COLOR, so its level is set from here.
 */
export function shouldColor(settings: ColorSettings): boolean {
  if (settings.flag !== undefined) return settings.flag;
  const noColor = settings.env.NO_COLOR;
  if (noColor !== undefined && noColor !== "") return false;
  const force = settings.env.FORCE_COLOR;
  if (force !== undefined) return !["0", "false"].includes(force.toLowerCase());
  return settings.isTTY;
}

/** Colours for the table: each one repeats what the text already says. */
export interface Painter {
  best(text: string): string;
  warn(text: string): string;
  dim(text: string): string;
  heading(text: string): string;
}

export function makePainter(enabled: boolean): Painter {
  const chalk: ChalkInstance = new Chalk({ level: enabled ? 1 : 0 });
  return {
    best: (text) => chalk.green.bold(text),
    warn: (text) => chalk.yellow(text),
    dim: (text) => chalk.dim(text),
    heading: (text) => chalk.bold(text),
  };
}
