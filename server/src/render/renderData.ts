import type { Writable } from 'node:stream';
import type { DataTable } from '../core/api';
import type { DataFormatId } from '../protocol';
import { write as csv } from './data/csv';
import { write as json } from './data/json';
import type { WriteData } from './data/writer';

/**
 * Each data format of protocol.ts's `dataFormats` and its writer: the compiler holds the two lists to each other.
 * exceljs is loaded when a workbook is asked for: evaluating it took 70 ms of every `sqs check` and server start.
 */
const writers: Record<DataFormatId, WriteData> = {
  csv,
  json,
  xlsx: async (tables, out) => (await import('./data/xlsx')).write(tables, out),
};

/** Writes the tables in a data format to a stream, row by row; resolves once the stream has finished. */
export function writeData(format: DataFormatId, tables: readonly DataTable[], out: Writable): Promise<void> {
  return writers[format](tables, out);
}
