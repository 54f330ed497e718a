import path from 'node:path';
import { URI } from 'vscode-uri';
import { fileKindOf, folderToIndex, InspectionIndex } from '../core/api';
import { ask, runSync } from '../node/disk';
import { nearestInspectionFile, outsideFolder, readCapped, sqsFilesUnder, type DiskProblem } from '../node/sqsFiles';

/** A problem with the command line or the file system: exit code 2, no findings. */
export class UsageError extends Error {}

export interface LoadedWorkspace {
  index: InspectionIndex;
  /** URIs of the files the user asked about (folders expanded), in a stable order. */
  requested: string[];
  /** What was left unread and has no file to carry a finding: links to folders outside the folder checked. */
  notes: string[];
}

/**
 * Loads the files named on the command line. A case file named alone brings its whole inspection into
 * the index (cross-file checks need it), but only the named files are reported. Folders are walked and
 * files read as the language server does (node/sqsFiles.ts); anything the file system refuses is a
 * UsageError naming the path. Nothing outside the folder being checked is read: a file named, or a folder,
 * and the inspection folder around it, if there is one (an SQS file linked from elsewhere gets SQS008).
 */
export function loadWorkspace(args: string[], index = new InspectionIndex()): LoadedWorkspace {
  const requested = new Set<string>();
  const loaded = new Set<string>();
  const notes: string[] = [];
  const load = (file: string, within: string) => {
    const uri = toUri(file);
    if (loaded.has(uri)) return uri;
    loaded.add(uri);
    readInto(index, file, within);
    return uri;
  };
  /** Folders whose SQS files are all loaded. */
  const walked: string[] = [];
  const loadAll = (dir: string, within: string) => {
    walked.push(toUri(dir));
    const { files, outside } = listing(dir, within);
    for (const link of outside) notes.push(`${displayPath(link)}: a symbolic link to a folder outside ${displayPath(within)}, not read.`);
    // Inspection files first, so each case file is analysed once, against its inspection's criteria, rather than
    // first as a case of no inspection and again when its inspection file is read.
    for (const file of files) if (fileKindOf(toUri(file)) === 'inspection') load(file, within);
    return files.map((file) => load(file, within));
  };
  /** The folder of the inspection around `dir`, whose files are read for context (a `cases/` folder named alone). */
  const inspectionAround = (dir: string) => {
    const context = runSync(nearestInspectionFile(dir));
    return context === undefined ? undefined : path.dirname(context);
  };
  const loadInspectionAround = (folder: string | undefined) => {
    // As the language server brings in the inspection of a file opened from outside its folders.
    if (folder !== undefined && folderToIndex(toUri(path.join(folder, 'inspection.sqs.yaml')), walked)) loadAll(folder, folder);
  };

  for (const arg of args) {
    const abs = path.resolve(arg);
    const stat = runSync(ask('stat', abs));
    if (!stat.ok) {
      if (stat.error.code === 'ENOENT') throw new UsageError(`${arg}: no such file or folder.`);
      throw fileSystemProblem({ path: abs, error: stat.error });
    }
    if (stat.value.isDirectory()) {
      const around = inspectionAround(abs);
      const files = loadAll(abs, around ?? abs);
      if (files.length === 0) {
        throw new UsageError(`${arg}: no SQS files here (looked for inspection.sqs.yaml and *.case.sqs.yaml in this folder and below).`);
      }
      for (const uri of files) requested.add(uri);
      loadInspectionAround(around);
      continue;
    }
    if (!fileKindOf(toUri(abs))) {
      throw new UsageError(`${arg}: not an SQS file. SQS files are named inspection.sqs.yaml or <name>.case.sqs.yaml.`);
    }
    const around = inspectionAround(path.dirname(abs));
    requested.add(load(abs, around ?? path.dirname(abs)));
    loadInspectionAround(around);
  }
  return { index, requested: [...requested].sort(), notes };
}

/**
 * Reads one SQS file into the index: a link leading outside `within` is indexed unread (SQS008), anything else the
 * file system refuses stops the run (exit 2). Returns its URI.
 */
function readInto(index: InspectionIndex, file: string, within: string): string {
  const uri = toUri(file);
  const read = runSync(readCapped(file, within));
  if (!read.ok && read.error.code === outsideFolder) index.setUnread(uri, { kind: 'outside-folder', folder: path.basename(within) || within });
  else if (!read.ok) throw fileSystemProblem({ path: file, error: read.error });
  else index.setBytes(uri, read.value);
  return uri;
}

/** The files of one inspection, its inspection files first, or the files in no inspection: read against `within`. */
export interface FileGroup {
  files: string[];
  /** The folder named on the command line that the group was found in: nothing outside it is read. */
  within: string;
  /** URI of the inspection's folder, as the index names it; undefined for the files in no inspection. */
  folder?: string;
}

/**
 * As loadWorkspace, for reading folders one inspection at a time: the SQS files under the folders, listed and grouped
 * by inspection, none of them read yet. Undefined when the arguments need the whole workspace at once (a file named
 * alone, a folder inside an inspection, folders that overlap): load it whole then. No check reads across
 * inspections, so each file's findings, read with its group alone, are what loadWorkspace would give.
 */
export function inspectionGroups(args: string[]): { groups: FileGroup[]; notes: string[] } | undefined {
  const folders = args.map((arg) => ({ arg, abs: path.resolve(arg) }));
  for (const { abs } of folders) {
    const stat = runSync(ask('stat', abs));
    if (!stat.ok || !stat.value.isDirectory()) return undefined;
    const around = runSync(nearestInspectionFile(abs));
    if (around !== undefined && path.dirname(around) !== abs) return undefined;
  }
  const inside = (a: string, b: string) => a === b || a.startsWith(b.endsWith(path.sep) ? b : b + path.sep);
  if (folders.some((f, i) => folders.some((g, j) => i !== j && inside(f.abs, g.abs)))) return undefined;

  const groups: FileGroup[] = [];
  const notes: string[] = [];
  for (const { arg, abs } of folders) {
    const { files, outside } = listing(abs, abs);
    for (const link of outside) notes.push(`${displayPath(link)}: a symbolic link to a folder outside ${displayPath(abs)}, not read.`);
    if (files.length === 0) throw new UsageError(`${arg}: no SQS files here (looked for inspection.sqs.yaml and *.case.sqs.yaml in this folder and below).`);
    groups.push(...byInspection(files).map((group) => ({ ...group, within: abs })));
  }
  return { groups, notes };
}

/** Reads a group's files into the index; returns their URIs, in the group's order. */
export function readGroup(index: InspectionIndex, group: FileGroup): string[] {
  return group.files.map((file) => readInto(index, file, group.within));
}

/** Lets a group's files go from the index, cases first: an inspection file let go before its cases would hand them to the inspection around it. */
export function letGo(index: InspectionIndex, uris: readonly string[]): void {
  for (const uri of [...uris].reverse()) index.delete(uri);
}

/**
 * Checks folders one inspection at a time (inspectionGroups): each inspection's files (and then the files in no
 * inspection) are read, handed to `visit`, and let go before the next inspection's are read, so a workspace of every
 * inspection of a year holds one inspection at a time. Undefined, having read nothing, when the arguments need the
 * whole workspace at once.
 */
export function eachInspection(args: string[], visit: (index: InspectionIndex, uris: string[]) => void): { files: number; notes: string[] } | undefined {
  const listed = inspectionGroups(args);
  if (!listed) return undefined;
  const index = new InspectionIndex();
  let count = 0;
  for (const group of listed.groups) {
    const uris = readGroup(index, group);
    visit(index, uris);
    letGo(index, uris);
    count += uris.length;
  }
  return { files: count, notes: listed.notes };
}

/**
 * Files by the inspection they belong to (the nearest folder above holding an inspection file), each group's
 * inspection files first, and the files in no inspection last; groups in the order their first file is listed.
 */
function byInspection(files: readonly string[]): { files: string[]; folder?: string }[] {
  const folders = new Set(files.filter((f) => fileKindOf(toUri(f)) === 'inspection').map((f) => path.dirname(f)));
  const groups = new Map<string, string[]>();
  const homeless: string[] = [];
  for (const file of files) {
    let dir = path.dirname(file);
    while (!folders.has(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    const group = folders.has(dir) ? groups.get(dir) : homeless;
    if (group) group.push(file);
    else groups.set(dir, [file]);
  }
  const first = (group: string[]) => [
    ...group.filter((f) => fileKindOf(toUri(f)) === 'inspection'),
    ...group.filter((f) => fileKindOf(toUri(f)) !== 'inspection'),
  ];
  return [...[...groups].map(([folder, group]) => ({ files: first(group), folder: toUri(folder) })), ...(homeless.length > 0 ? [{ files: homeless }] : [])];
}

/** The SQS files under a folder; an unreadable folder or a broken link among them stops the run (exit 2). */
function listing(dir: string, within: string): { files: string[]; outside: string[] } {
  const { files, problems, outside } = runSync(sqsFilesUnder(dir, () => false, within));
  if (problems[0]) throw fileSystemProblem(problems[0]);
  return { files, outside };
}

const reasons: Record<string, string> = {
  ENOENT: 'does not exist',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of symbolic links (a link that leads back to itself?)',
  EISDIR: 'is a folder',
  ENOTDIR: 'part of the path is not a folder',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error (a failing disk or network drive?)',
  NOT_A_FILE: 'not a regular file (a pipe, socket or device)',
};

/** "cases/a.case.sqs.yaml: permission denied (EACCES)", as a UsageError (exit 2). */
export function fileSystemProblem({ path: p, error, link }: DiskProblem): UsageError {
  const code = typeof error.code === 'string' ? error.code : 'unknown';
  const reason = link && code === 'ENOENT' ? 'a symbolic link to something that does not exist' : (reasons[code] ?? error.message);
  return new UsageError(`${displayPath(p)}: ${reason}${code === 'NOT_A_FILE' ? '' : ` (${code})`}.`);
}

function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/**
 * A path as the editor spells its URI: vscode-uri, as VS Code and the language server do, so the CLI's
 * findings name files exactly as the editor's do. Node's pathToFileURL escapes differently (spaces, `#`,
 * `%`, non-ASCII, drive letters).
 */
export function toUri(file: string): string {
  return URI.file(path.resolve(file)).toString();
}

/** The path of a file URI (the inverse of toUri); other URIs are returned as they are. */
export function toPath(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : uri;
}
