import { escapeControls } from "../core/input/escape-controls.js";

const MAX_LINE = 1_000;

/**
 * A message line fit for a terminal: control characters (an escape sequence hidden in a file's
 * field, say), bidirectional controls and line breaks shown as \u escapes, and a line longer than
 * 1,000 characters cut short, so that no input can take over or flood the terminal through an error
 * or a note.
 */
export function terminalSafe(line: string): string {
  const shown = escapeControls(line).replace(/\n/g, "\\u000a");
  return shown.length > MAX_LINE ? `${shown.slice(0, MAX_LINE)}... (${shown.length - MAX_LINE} more characters)` : shown;
}

/** Text of several lines, each made terminalSafe: for messages written by the command-line library. */
export function terminalSafeLines(text: string): string {
  const ends = text.endsWith("\n");
  const lines = (ends ? text.slice(0, -1) : text).split("\n").map(terminalSafe);
  return `${lines.join("\n")}${ends ? "\n" : ""}`;
}
