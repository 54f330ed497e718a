import ExcelJS from 'exceljs';
import { setImmediate } from 'node:timers/promises';
import type { DataColumn, DataValue } from '../../core/api';
import { neutralise, type WriteData } from './writer';

/**
 * Rows between turns of the event loop, so the zip drains to the file while rows are made. exceljs does not wait for
 * its zip: each turn lets deflate take one more step, and what it has not taken waits in memory. Every 2,000 rows
 * left 410 MB at the peak of 200 inspections × 50 cases, every 50 rows 270 MB (`sqs check` of them: 240 MB).
 */
const batch = 50;

/**
 * The tables as an Excel workbook, a sheet each, through exceljs's streaming writer: each row is written and let go
 * as it is made, so a workbook of ten thousand cases never sits in memory. The header row is bold, frozen and
 * filtered; counts are numbers, shares percentages ("86.4%", the exact share underneath).
 */
export const write: WriteData = async (tables, out) => {
  // Deflate's fastest level: the sheets are repetitive XML, so it still packs them about tenfold, at a fraction of
  // the default level's time.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
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
    // One style object per column, shared by its cells, and one for every row: exceljs looks a style up by the
    // object, so a shared one is found at once, where the copy it makes for each cell, and the empty style each row
    // is made with, would be worked out again, cell by cell and row by row (a quarter of the writer's time).
    const styles = table.columns.map((c) => (formats[c.kind] ? { numFmt: formats[c.kind] } : {}));
    let n = 0;
    for (const row of table.rows) {
      const r = sheet.addRow(table.columns.map((c) => cell(row[c.key])));
      (r as StyledRow).style = rowStyle;
      r.eachCell({ includeEmpty: true }, (c, i) => (c.style = styles[i - 1]!));
      r.commit();
      if (++n % batch === 0) await setImmediate();
    }
    sheet.commit();
  }
  await workbook.commit();
};

/** The style of every row after the header: none of its own (shared, as the columns' styles are). */
const rowStyle: Partial<ExcelJS.Style> = {};

/** A row as exceljs makes it (lib/doc/row.js): its style, which the type declarations leave out, is a plain field. */
type StyledRow = ExcelJS.Row & { style: Partial<ExcelJS.Style> };

/**
 * Only shares carry a number format: a style on a cell costs exceljs a lookup per cell, and whole numbers read as
 * they are in the General format. Dates stay ISO text (2013-10-28), which sorts as dates do and reads the same in
 * every locale.
 */
const formats: Partial<Record<DataColumn['kind'], string>> = { share: '0.0%' };

function cell(value: DataValue): string | number | null {
  if (value === undefined) return null;
  return typeof value === 'number' ? value : neutralise(value);
}

/** Column widths in characters: wide enough for the heading, and for the text the column usually holds. */
function widthOf(c: DataColumn): number {
  const typical: Record<string, number> = { inspection: 16, reasons: 40, notes: 50, quote: 50, case_notes: 50, outcome: 22, sentence: 24 };
  return Math.max(c.key.length + 3, typical[c.key] ?? (c.kind === 'text' ? 12 : 10));
}
