import type { Writable } from 'node:stream';
import type { DataTable } from '../core/api';
import type { DataFormatId } from '../protocol';
import { write as csv } from './data/csv';
import { write as json } from './data/json';
import { write as xlsx } from './data/xlsx';
import type { WriteData } from './data/writer';

/** Each data format of protocol.ts's `dataFormats` and its writer: the compiler holds the two lists to each other. */
const writers: Record<DataFormatId, WriteData> = { csv, xlsx, json };

/** Writes the tables in a data format to a stream, row by row; resolves once the stream has finished. */
export function writeData(format: DataFormatId, tables: readonly DataTable[], out: Writable): Promise<void> {
  return writers[format](tables, out);
}
