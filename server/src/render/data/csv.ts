import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { textCell, type WriteData } from './writer';

/**
 * One table as CSV (RFC 4180 quoting, by csv-stringify), its header the columns' keys, streamed row by row. A CSV
 * file is one table: the caller passes the level asked for.
 */
export const write: WriteData = async (tables, out) => {
  const table = tables[0];
  if (!table || tables.length > 1) throw new Error('a CSV file holds one table');
  const columns = table.columns;
  const rows = Readable.from(
    (function* () {
      for (const row of table.rows) yield columns.map((c) => textCell(c, row[c.key]) ?? '');
    })(),
  );
  await pipeline(rows, stringify({ header: true, columns: columns.map((c) => c.key) }), out);
};
