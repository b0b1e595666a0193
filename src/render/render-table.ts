import Table from "cli-table3";
// cli-table3's own width rule (ANSI colours aside, wide characters twice), so that both ways line up.
import { strlen } from "cli-table3/src/utils.js";

type TableOptions = NonNullable<ConstructorParameters<typeof Table>[0]>;

/** Rows cli-table3 lays out itself: it checks every cell against every other, so more take quadratic time. */
const LIBRARY_ROWS = 200;

function padded(text: string, width: number, align: string | undefined): string {
  const gap = " ".repeat(width - strlen(text));
  return align === "right"
    ? `${gap}${text}`
    : align === "center"
      ? `${gap.slice(0, gap.length >> 1)}${text}${gap.slice(gap.length >> 1)}`
      : `${text}${gap}`;
}

/**
 * A table as cli-table3 draws it in bedrock-cost's style (box borders, no lines between rows, no
 * colour on borders or head), in linear time however many rows: up to LIBRARY_ROWS rows cli-table3
 * draws it; past them (a plan of 20,000 workloads) the same text is drawn here, one line a row.
 * Cells are one line each.
 */
export function renderTable(options: TableOptions, rows: readonly string[][]): string {
  if (rows.length <= LIBRARY_ROWS) {
    const table = new Table(options);
    for (const row of rows) table.push(row);
    return table.toString();
  }
  const head = options.head ?? [];
  const aligns = options.colAligns ?? [];
  const columns = Math.max(head.length, (rows[0] ?? []).length);
  const widths = Array.from({ length: columns }, (_, c) => strlen(head[c] ?? ""));
  for (const row of rows) for (let c = 0; c < columns; c++) widths[c] = Math.max(widths[c] as number, strlen(row[c] ?? ""));
  const rule = (left: string, middle: string, right: string) => `${left}${widths.map((w) => "─".repeat(w + 2)).join(middle)}${right}`;
  const line = (cells: readonly string[]) =>
    `│${widths.map((w, c) => ` ${padded(cells[c] ?? "", w, aligns[c] as string | undefined)} `).join("│")}│`;
  const lines = [rule("┌", "┬", "┐")];
  if (head.length > 0) lines.push(line(head));
  for (const row of rows) lines.push(line(row));
  lines.push(rule("└", "┴", "┘"));
  return lines.join("\n");
}
