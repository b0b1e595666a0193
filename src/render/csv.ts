export type CsvCell = string | number | boolean | null;

function cell(value: CsvCell): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with LF line ends and a trailing newline; null is an empty cell. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `${[header, ...rows].map((row) => row.map(cell).join(",")).join("\n")}\n`;
}
