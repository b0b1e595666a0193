const MAX_LINE = 1_000;

/**
 * A message line fit for a terminal: control characters (an escape sequence hidden in a file's
 * field, say) shown as \u escapes, and a line longer than 1,000 characters cut short, so that no
 * input can take over or flood the terminal through an error or a note.
 */
export function terminalSafe(line: string): string {
  const shown = line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return shown.length > MAX_LINE ? `${shown.slice(0, MAX_LINE)}... (${shown.length - MAX_LINE} more characters)` : shown;
}
