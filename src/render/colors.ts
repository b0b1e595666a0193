import { Chalk, type ChalkInstance } from "chalk";

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
