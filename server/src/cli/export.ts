import { PassThrough } from 'node:stream';
import { Checker, dataTables, type DataLevel, type Finding, type Inspection } from '../core/api';
import { dataLevels, type DataFormat, type DataFormatId } from '../protocol';
import { writeData } from '../render/renderData';
import { refusalAt, writeFileAtomically, WriteRefused } from './atomicFile';
import { loadWorkspace, UsageError } from './files';
import { displayPath, formatHuman, internalErrorsTo } from './report';

export interface ExportOptions {
  format: DataFormat;
  /** One level only; a CSV file holds one (cases unless told). */
  level?: DataLevel;
  /** The inspectors' notes and quotes, which can identify a child (`--include-notes`). */
  includeNotes: boolean;
  /** Where to write (atomically); stdout when absent (text formats only). */
  out?: string;
}

/**
 * `sqs export <folder>...`: the data behind the reports of every inspection the paths hold or belong to, for
 * analysts. The data is written even when an inspection has errors (its tally rows say how many, so an analyst can
 * leave it out), but the errors are listed as `sqs check` lists them and the exit status is check's: 1.
 */
export async function exportData(paths: string[], options: ExportOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { format } = options;
  if (format.binary && !options.out) throw new UsageError(`--format ${format.id} writes a file: give --out FILE, e.g. --out sqs-data.${format.extension}`);
  // Before the work, so a slip in --out costs nothing; the writer asks again when it writes.
  const refused = options.out === undefined ? undefined : refusalAt(options.out);
  if (refused !== undefined) throw new UsageError(`--out ${options.out}: ${refused}.`);
  const { index, requested } = loadWorkspace(paths);
  const inspections = [...new Set(requested.flatMap((uri) => index.inspectionOf(uri) ?? []))].sort((a, b) => a.folder.localeCompare(b.folder));
  if (inspections.length === 0) throw new UsageError(`${paths.join(', ')}: no inspection here (no inspection.sqs.yaml above these case files).`);

  const checker = new Checker(index, { onInternalError: internalErrorsTo(err) });
  const errors = new Map<Inspection, Finding[]>();
  for (const inspection of inspections)
    errors.set(
      inspection,
      inspection.uris.flatMap((uri) => checker.findingsFor(uri)).filter((f) => f.severity === 'error' && !f.ignored),
    );
  const all = [...errors.values()].flat();
  if (all.length > 0) {
    err(
      formatHuman(
        all,
        inspections.reduce((n, i) => n + i.uris.length, 0),
      ),
    );
    const which = inspections.filter((i) => errors.get(i)!.length > 0).map((i) => displayPath(i.file.uri));
    err(`sqs export: ${which.join(', ')} ${which.length === 1 ? 'has' : 'have'} errors: their tally rows say how many (column errors).`);
  }

  const levels: DataLevel[] = options.level ? [options.level] : format.oneLevel ? ['cases'] : dataLevels.map((l) => l.id);
  const tables = dataTables(inspections, levels, { includeNotes: options.includeNotes, errors: (i) => errors.get(i)?.length ?? 0 });
  const what = `${inspections.length} inspection${inspections.length === 1 ? '' : 's'}, ${levels.join(' and ')}${options.includeNotes ? ', with notes and quotes' : ''}`;
  if (options.out) {
    try {
      await writeFileAtomically(options.out, (stream) => writeData(format.id as DataFormatId, tables, stream));
    } catch (e) {
      if (e instanceof WriteRefused) throw new UsageError(`--out ${options.out}: ${e.message}.`);
      throw e;
    }
    err(`sqs export: wrote ${options.out} (${what})`);
  } else {
    out((await collected((stream) => writeData(format.id as DataFormatId, tables, stream))).replace(/\n$/, ''));
  }
  return all.length > 0 ? 1 : 0;
}

/** What a writer writes, as text (for stdout). */
async function collected(write: (out: PassThrough) => Promise<void>): Promise<string> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  await write(stream);
  return Buffer.concat(chunks).toString('utf8');
}
