import ExcelJS from 'exceljs';
import { setImmediate } from 'node:timers/promises';
import type { DataColumn, DataValue } from '../../core/api';
import { neutralise, type WriteData } from './writer';

/** Rows between turns of the event loop, so the zip drains to the file while rows are made. */
const batch = 2000;

/**
 * The tables as an Excel workbook, a sheet each, through exceljs's streaming writer: each row is written and let go
 * as it is made, so a workbook of ten thousand cases never sits in memory. The header row is bold, frozen and
 * filtered; counts are whole numbers, shares percentages ("86.4%", the exact share underneath), dates dates.
 */
export const write: WriteData = async (tables, out) => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'SQS Findings';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({
      header: c.key,
      key: c.key,
      width: widthOf(c),
      ...(formats[c.kind] && { style: { numFmt: formats[c.kind] } }),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    let n = 0;
    for (const row of table.rows) {
      sheet.addRow(table.columns.map((c) => cell(c, row[c.key]))).commit();
      if (++n % batch === 0) await setImmediate();
    }
    sheet.commit();
  }
  await workbook.commit();
};

const formats: Partial<Record<DataColumn['kind'], string>> = { count: '0', share: '0.0%', date: 'yyyy-mm-dd' };

function cell(column: DataColumn, value: DataValue): string | number | Date | null {
  if (value === undefined) return null;
  if (typeof value === 'number') return value;
  if (column.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  return neutralise(value);
}

/** Column widths in characters: wide enough for the heading, and for the text the column usually holds. */
function widthOf(c: DataColumn): number {
  const typical: Record<string, number> = { inspection: 16, reasons: 40, notes: 50, quote: 50, case_notes: 50, outcome: 22, sentence: 24 };
  return Math.max(c.key.length + 3, typical[c.key] ?? (c.kind === 'text' ? 12 : 10));
}
