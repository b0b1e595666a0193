import Table from "cli-table3";
import type { RatesDiff } from "../core/rates/diff-rates.js";
import { toCsv } from "./csv.js";
import { jsonText, versioned } from "./json-envelope.js";
import { roundTo } from "./money.js";

export interface DiffSide {
  label: string;
  region: string;
  effectiveDate: string | null;
}

const percent = (change: number | null) => (change === null ? null : roundTo(change * 100, 2));

export function renderRatesDiffJson(diff: RatesDiff, before: DiffSide, after: DiffSide): string {
  const json = versioned({
    old: before,
    new: after,
    added: diff.added.map((m) => ({ id: m.id, name: m.name })),
    removed: diff.removed.map((m) => ({ id: m.id, name: m.name })),
    changed: diff.changed.map((c) => ({ id: c.id, field: c.field, old: c.old, new: c.new, changePercent: percent(c.change) })),
  });
  return jsonText(json);
}

export function renderRatesDiffCsv(diff: RatesDiff): string {
  return toCsv(
    ["kind", "id", "field", "old", "new", "changePercent"],
    [
      ...diff.added.map((m) => ["added", m.id, null, null, null, null]),
      ...diff.removed.map((m) => ["removed", m.id, null, null, null, null]),
      ...diff.changed.map((c) => ["changed", c.id, c.field, c.old, c.new, percent(c.change)]),
    ],
  );
}

export function renderRatesDiffText(diff: RatesDiff, before: DiffSide, after: DiffSide): string {
  const lines = [`From ${before.label} to ${after.label}:`];
  const list = (title: string, models: RatesDiff["added"]) => {
    if (models.length > 0) lines.push("", `${title} (${models.length}):`, ...models.map((m) => `  ${m.id}  ${m.name}`));
  };
  list("Added", diff.added);
  list("Removed", diff.removed);
  if (diff.changed.length > 0) {
    const table = new Table({
      head: ["Model", "Price", "Old", "New", "Change"],
      colAligns: ["left", "left", "right", "right", "right"],
      chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
      style: { head: [], border: [] },
    });
    for (const c of diff.changed) {
      const change = percent(c.change);
      table.push([
        c.id,
        c.field,
        c.old === null ? "-" : String(c.old),
        c.new === null ? "-" : String(c.new),
        change === null ? (c.old === null ? "new" : "gone") : `${change > 0 ? "+" : ""}${change}%`,
      ]);
    }
    lines.push("", `Prices that moved (${diff.changed.length}):`, table.toString());
  }
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) lines.push("", "No differences.");
  return `${lines.join("\n")}\n`;
}
