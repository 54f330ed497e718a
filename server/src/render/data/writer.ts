import type { Writable } from 'node:stream';
import type { DataColumn, DataTable, DataValue } from '../../core/api';

// What a data format's writer is given: the tables, their rows made as they are written, and a stream to write to
// (a file opened beside the target, or a buffer for the editor). render/data/<id>.ts each export `write`.

export type WriteData = (tables: readonly DataTable[], out: Writable) => Promise<void>;

/**
 * Text a spreadsheet would read as a formula (`=`, `+`, `-`, `@`) or that a tab or carriage return could shift
 * into one, made inert with a leading apostrophe, as OWASP advises for CSV injection: a case file is typed by
 * hand, and `=HYPERLINK(…)` in a note must stay text in the analyst's spreadsheet. Numbers are not text and are
 * written as numbers.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A share as CSV and JSON write it: a percentage with one decimal (0.8636… → 86.4). */
export function percentValue(share: number): number {
  return Math.round(share * 1000) / 10;
}

/** A cell as a text format writes it: numbers as numbers, shares as percentages, text neutralised; empty for none. */
export function textCell(column: DataColumn, value: DataValue): string | number | null {
  if (value === undefined) return null;
  if (typeof value === 'number') return column.kind === 'share' ? percentValue(value) : value;
  return neutralise(value);
}
