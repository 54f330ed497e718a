import { PassThrough } from 'node:stream';
import { Checker, dataTablesInOnePass, fileKindOf, InspectionIndex, type Catalogue, type DataLevel, type Finding, type Inspection } from '../core/api';
import { dataLevels, type DataFormat, type DataFormatId } from '../protocol';
import { writeData } from '../render/renderData';
import { refusalAt, writeFileAtomically, WriteRefused } from './atomicFile';
import { inspectionGroups, letGo, loadWorkspace, readGroup, toUri, UsageError, type FileGroup } from './files';
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
 * leave it out), but the errors are listed as `sqs check` lists them and the exit status is check's: 1. Folders are
 * read an inspection at a time, as `sqs check` reads them: each inspection is read, checked and its rows written
 * before the next is read, so memory holds one inspection, not the workspace.
 */
export async function exportData(paths: string[], options: ExportOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { format } = options;
  if (format.binary && !options.out) throw new UsageError(`--format ${format.id} writes a file: give --out FILE, e.g. --out sqs-data.${format.extension}`);
  // Before the work, so a slip in --out costs nothing; the writer asks again when it writes.
  const refused = options.out === undefined ? undefined : refusalAt(options.out);
  if (refused !== undefined) throw new UsageError(`--out ${options.out}: ${refused}.`);

  const errors = new WeakMap<Inspection, number>();
  const found: Finding[] = [];
  const withErrors: string[] = [];
  let files = 0;
  let checker: Checker | undefined;
  /** Called on each inspection as it is pulled, before its rows are made: its errors, for its tally rows and for stderr. */
  const checked = (index: InspectionIndex, inspection: Inspection) => {
    checker ??= new Checker(index, { onInternalError: internalErrorsTo(err) });
    const own = inspection.uris.flatMap((uri) => checker!.findingsFor(uri)).filter((f) => f.severity === 'error' && !f.ignored);
    errors.set(inspection, own.length);
    found.push(...own);
    if (own.length > 0) withErrors.push(displayPath(inspection.file.uri));
    files += inspection.uris.length;
  };
  const source = inspectionsIn(paths, checked);
  if (source.count === 0) throw new UsageError(`${paths.join(', ')}: no inspection here (no inspection.sqs.yaml above these case files).`);

  const levels: DataLevel[] = options.level ? [options.level] : format.oneLevel ? ['cases'] : dataLevels.map((l) => l.id);
  const tables = dataTablesInOnePass(source.inspections, source.catalogues, levels, {
    includeNotes: options.includeNotes,
    errors: (i) => errors.get(i) ?? 0,
  });
  const what = `${source.count} inspection${source.count === 1 ? '' : 's'}, ${levels.join(' and ')}${options.includeNotes ? ', with notes and quotes' : ''}`;
  let text: string | undefined;
  if (options.out) {
    try {
      await writeFileAtomically(options.out, (stream) => writeData(format.id as DataFormatId, tables, stream));
    } catch (e) {
      if (e instanceof WriteRefused) throw new UsageError(`--out ${options.out}: ${e.message}.`);
      throw e;
    }
  } else {
    text = (await collected((stream) => writeData(format.id as DataFormatId, tables, stream))).replace(/\n$/, '');
  }
  // Every inspection has been read and checked by the time its rows are all written.
  if (found.length > 0) {
    err(formatHuman(found, files));
    err(`sqs export: ${withErrors.join(', ')} ${withErrors.length === 1 ? 'has' : 'have'} errors: their tally rows say how many (column errors).`);
  }
  if (text === undefined) err(`sqs export: wrote ${options.out} (${what})`);
  else out(text);
  return found.length > 0 ? 1 : 0;
}

interface Inspections {
  /** The inspections in order of their folders, each read (when read in turn) and checked as it is pulled. */
  inspections: Iterable<Inspection>;
  /** The catalogue of each inspection. */
  catalogues: Catalogue[];
  count: number;
}

/**
 * The inspections the paths hold or belong to. Folders that are whole inspections, or hold them, are read in turn
 * (files.ts inspectionGroups): the inspection files first, for the catalogues they name (the columns of the case
 * facts), kept until their cases have been written (a few hundred files; reading each twice cost half a second in
 * 200), then an inspection's case files when it is pulled, let go with its inspection file when the next one is.
 * Other arguments (a case file, a folder inside an inspection) load the whole workspace, as `sqs check` does.
 */
function inspectionsIn(paths: string[], checked: (index: InspectionIndex, inspection: Inspection) => void): Inspections {
  const listed = inspectionGroups(paths);
  if (!listed) {
    const { index, requested } = loadWorkspace(paths);
    const all = [...new Set(requested.flatMap((uri) => index.inspectionOf(uri) ?? []))].sort((a, b) => a.folder.localeCompare(b.folder));
    return {
      inspections: (function* () {
        for (const inspection of all) {
          checked(index, inspection);
          yield inspection;
        }
      })(),
      catalogues: all.map((i) => i.catalogue),
      count: all.length,
    };
  }
  const index = new InspectionIndex();
  // In the order of their folders, as the editor's export and a whole workspace's are.
  const groups = listed.groups.filter((g) => g.folder !== undefined).sort((a, b) => a.folder!.localeCompare(b.folder!));
  const catalogues: Catalogue[] = [];
  const exported: { group: FileGroup; inspectionFiles: string[]; cases: string[] }[] = [];
  for (const group of groups) {
    const isInspectionFile = (f: string) => fileKindOf(toUri(f)) === 'inspection';
    const inspectionFiles = readGroup(index, { ...group, files: group.files.filter(isInspectionFile) });
    const inspection = inspectionFiles[0] === undefined ? undefined : index.inspectionOf(inspectionFiles[0]);
    if (!inspection) {
      letGo(index, inspectionFiles);
      continue;
    }
    catalogues.push(inspection.catalogue);
    exported.push({ group, inspectionFiles, cases: group.files.filter((f) => !isInspectionFile(f)) });
  }
  return {
    inspections: (function* () {
      for (const { group, inspectionFiles, cases } of exported) {
        const uris = readGroup(index, { ...group, files: cases });
        const inspection = index.inspectionOf(inspectionFiles[0]!);
        if (inspection) {
          checked(index, inspection);
          yield inspection;
        }
        letGo(index, [...inspectionFiles, ...uris]);
      }
    })(),
    catalogues,
    count: exported.length,
  };
}

/** What a writer writes, as text (for stdout). */
async function collected(write: (out: PassThrough) => Promise<void>): Promise<string> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  await write(stream);
  return Buffer.concat(chunks).toString('utf8');
}
