import path from 'node:path';
import { URI } from 'vscode-uri';
import { fileKindOf, inspectionSearchLevels, isSkippedFolderName, preferredInspectionName, type FileKind } from '../core/api';
import { ask, type DiskTask, type Outcome } from './disk';

// Finding and reading SQS files on disk, for the server and the CLI alike (run with runSync or runAsync).

/**
 * No SQS file comes near this; the core refuses anything over 256 kB and only needs enough of the text to
 * say so, so a mistaken multi-gigabyte file is never read whole.
 */
export const maxFileBytes = 8_000_000;

/** A problem met on the way: the path, and the error as Node gave it (or NOT_A_FILE). */
export interface DiskProblem {
  path: string;
  error: NodeJS.ErrnoException;
  /** The path is a symbolic link (an error is then about what it points to). */
  link?: boolean;
}

export interface Listing {
  /** Paths of the SQS files found, sorted. */
  files: string[];
  /** Folders that could not be read, and links named as SQS files that lead nowhere. */
  problems: DiskProblem[];
  /** Links to folders outside the folder being read: not walked. */
  outside: string[];
}

/** The error of a file that leads outside the folder being read: not read (see core/text/notRead.ts). */
export const outsideFolder = 'OUTSIDE_FOLDER';

/** Whether `real` (a real path) is `folder` (a real path) or inside it. */
function inside(real: string, folder: string): boolean {
  const rel = path.relative(folder, real);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function kindOf(file: string): FileKind | undefined {
  return fileKindOf(URI.file(file).toString());
}

/**
 * A file's bytes: the first maxFileBytes of a larger one, cut where a UTF-8 character starts. With `within`, a file
 * whose real path is outside that folder's (a symbolic link, or a file in a linked folder) is not read: the error
 * is OUTSIDE_FOLDER.
 */
export function* readCapped(file: string, within?: string): DiskTask<Outcome<Uint8Array>> {
  const s = yield* ask('stat', file);
  if (!s.ok) return s;
  if (within !== undefined) {
    const real = yield* ask('realpath', file);
    const folder = yield* ask('realpath', within);
    if (!real.ok) return real;
    if (!folder.ok || !inside(real.value, folder.value)) {
      return { ok: false, error: Object.assign(new Error(`${file} leads outside ${within}`), { code: outsideFolder, path: file }) };
    }
  }
  // A pipe or device would be read until something writes to it, or forever.
  if (!s.value.isFile()) return { ok: false, error: Object.assign(new Error(`${file} is not a regular file`), { code: 'NOT_A_FILE', path: file }) };
  if (s.value.size <= maxFileBytes) return yield* ask('read', file);
  // One byte more than kept, to see whether the cut falls inside a character.
  const r = yield* ask('read', file, maxFileBytes + 1);
  if (!r.ok) return r;
  const buffer = r.value;
  let end = Math.min(buffer.length, maxFileBytes);
  while (end > 0 && end < buffer.length && (buffer[end]! & 0xc0) === 0x80) end--;
  return { ok: true, value: buffer.subarray(0, end) };
}

/**
 * The SQS files in a folder and below. Symbolic links are followed within the folder `within` (by default the
 * folder itself): a link to a folder inside it is walked, after the real ones and no folder twice by its real path,
 * so a loop ends and a link into the tree adds nothing twice; a link to a folder outside it is not (`outside`).
 * SQS files are listed whatever they link to: readCapped with the same `within` decides whether to read one.
 */
export function* sqsFilesUnder(root: string, cancelled: () => boolean = () => false, within: string = root): DiskTask<Listing> {
  const files: string[] = [];
  const problems: DiskProblem[] = [];
  const outside: string[] = [];
  const walked = new Set<string>();
  const linkedFolders: string[] = [];

  function* walk(dir: string, real: string): DiskTask<void> {
    if (cancelled() || walked.has(real)) return;
    walked.add(real);
    const entries = yield* ask('list', dir);
    if (!entries.ok) {
      problems.push({ path: dir, error: entries.error });
      return;
    }
    for (const entry of entries.value.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue; // hidden files and folders alike
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!isSkippedFolderName(entry.name)) yield* walk(p, path.join(real, entry.name));
      } else if (entry.isFile()) {
        if (kindOf(p)) files.push(p);
      } else if (entry.isSymbolicLink()) {
        const target = yield* ask('stat', p);
        if (!target.ok) {
          // A link that leads nowhere matters only where an SQS file should be.
          if (kindOf(p)) problems.push({ path: p, error: target.error, link: true });
        } else if (target.value.isFile()) {
          if (kindOf(p)) files.push(p);
        } else if (target.value.isDirectory() && !isSkippedFolderName(entry.name)) {
          linkedFolders.push(p);
        }
      }
    }
  }

  const real = yield* ask('realpath', root);
  if (!real.ok) return { files, problems: [{ path: root, error: real.error }], outside };
  const boundary = within === root ? real : yield* ask('realpath', within);
  const limit = boundary.ok ? boundary.value : real.value;
  yield* walk(root, real.value);
  while (linkedFolders.length > 0 && !cancelled()) {
    const link = linkedFolders.shift()!;
    const target = yield* ask('realpath', link);
    if (!target.ok) problems.push({ path: link, error: target.error, link: true });
    else if (!inside(target.value, limit)) outside.push(link);
    else yield* walk(link, target.value);
  }
  return { files: files.sort(), problems, outside };
}

/**
 * The inspection file of the case files in a folder: in it, or in the first folder above that has one, as far
 * up as the documented layouts allow (core/index/lookup.ts inspectionSearchLevels: above `cases/` or
 * `cases/<group>/`); the folder's preferred one where there are two, as the index chooses. Folders that cannot
 * be read are passed over.
 */
export function* nearestInspectionFile(dir: string): DiskTask<string | undefined> {
  const levels = inspectionSearchLevels(path.basename(dir), path.basename(path.dirname(dir)));
  for (let d = dir, level = 0; level <= levels; d = path.dirname(d), level++) {
    const entries = yield* ask('list', d);
    if (entries.ok) {
      const names: string[] = [];
      for (const entry of entries.value) {
        const p = path.join(d, entry.name);
        if (kindOf(p) !== 'inspection') continue;
        if (entry.isFile()) names.push(entry.name);
        else if (entry.isSymbolicLink()) {
          const target = yield* ask('stat', p);
          if (target.ok && target.value.isFile()) names.push(entry.name);
        }
      }
      const name = preferredInspectionName(names);
      if (name) return path.join(d, name);
    }
    if (path.dirname(d) === d) return undefined;
  }
  return undefined;
}
