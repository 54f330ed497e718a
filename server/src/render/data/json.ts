import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { percentValue, type WriteData } from './writer';

/**
 * The tables as one JSON object, `{ "cases": [...], "tallies": [...] }`, each row an object with every column
 * (null where empty), streamed row by row. Text is written as it is: a JSON reader evaluates nothing.
 */
export const write: WriteData = async (tables, out) => {
  const chunks = function* () {
    yield '{';
    for (const [t, table] of tables.entries()) {
      yield `${t > 0 ? ',' : ''}\n  ${JSON.stringify(table.id)}: [`;
      let first = true;
      for (const row of table.rows) {
        const object: Record<string, string | number | null> = {};
        for (const c of table.columns) {
          const v = row[c.key];
          object[c.key] = v === undefined ? null : typeof v === 'number' && c.kind === 'share' ? percentValue(v) : v;
        }
        yield `${first ? '' : ','}\n    ${JSON.stringify(object)}`;
        first = false;
      }
      yield first ? ']' : '\n  ]';
    }
    yield '\n}\n';
  };
  await pipeline(Readable.from(chunks()), out);
};
