import { stringify } from 'csv-stringify/sync';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { textCell, type WriteData } from './writer';

/** Rows quoted together: a stream stage per row cost as much as the quoting itself. */
const batch = 1000;

/**
 * One table as CSV (RFC 4180 quoting, by csv-stringify), its header the columns' keys, streamed a thousand rows at
 * a time. A CSV file is one table: the caller passes the level asked for.
 */
export const write: WriteData = async (tables, out) => {
  const table = tables[0];
  if (!table || tables.length > 1) throw new Error('a CSV file holds one table');
  const columns = table.columns;
  const keys = columns.map((c) => c.key);
  const text = function* () {
    let records: (string | number | null)[][] = [];
    let header = true;
    const quoted = () => {
      const s = stringify(records, { header, columns: keys });
      records = [];
      header = false;
      return s;
    };
    for (const row of table.rows) {
      records.push(columns.map((c) => textCell(c, row[c.key]) ?? ''));
      if (records.length === batch) yield quoted();
    }
    // The header alone when there are no rows.
    if (records.length > 0 || header) yield quoted();
  };
  await pipeline(Readable.from(text()), out);
};
