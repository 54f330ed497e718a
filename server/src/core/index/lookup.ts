import { Utils, URI } from 'vscode-uri';
import { fileKindOf } from '../model/sqsFile';
import type { InspectionIndex } from './inspectionIndex';

// The editor may open an SQS file from outside the folders the server indexed (no folder open, another folder,
// or only an inspection's `cases/` folder open). The file's inspection is then on disk, unread: these decide
// when to look for it, how far up, and which folder to index once found. The looking (walking up the folders)
// is the host's: node/sqsFiles.ts nearestInspectionFile, which the CLI uses too.

/**
 * How many folders above a case file's own its inspection may be, for a look-up on disk: the layouts
 * docs/format.md documents, and no others. Beside the cases (0); above `cases/` (1); above `cases/<group>/`
 * (2), such as `cases/day-1/`. Never further, and never past a folder of another name, because the
 * inspection's whole folder is then indexed: a stray inspection.sqs.yaml in a home folder and a case file
 * opened from ~/Downloads must not bring in the home folder. (Inside a folder indexed whole, a case belongs to
 * the nearest inspection above it at any depth; that is the index's rule, not this one.)
 * `folder` is the name of the case file's folder, `parent` the name of the one above it.
 */
export function inspectionSearchLevels(folder: string, parent: string): number {
  if (isCasesFolder(folder)) return 1;
  if (isCasesFolder(parent)) return 2;
  return 0;
}

function isCasesFolder(name: string): boolean {
  return name.toLowerCase() === 'cases';
}

/** Whether `uri` is the folder `folder` or anywhere below it (not a sibling whose name starts the same). */
export function isUnder(uri: string, folder: string): boolean {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return uri === folder.replace(/\/$/, '') || uri.startsWith(base);
}

/**
 * Whether the inspection of an SQS file must be looked for on disk: the file is outside every folder the
 * index covers (`covered`: the workspace folders and inspection folders brought in before), or it is a case
 * the index places in no inspection, whose inspection may sit above the covered folder it is in.
 */
export function needsInspectionLookup(index: InspectionIndex, uri: string, covered: readonly string[]): boolean {
  const kind = fileKindOf(uri);
  if (!kind) return false;
  if (!covered.some((folder) => isUnder(uri, folder))) return true;
  return kind === 'case' && index.has(uri) && index.inspectionOf(uri) === undefined;
}

/** The folder to index for an inspection file found on disk; undefined when a covered folder holds it already. */
export function folderToIndex(inspectionFile: string, covered: readonly string[]): string | undefined {
  const folder = Utils.dirname(URI.parse(inspectionFile)).toString();
  return covered.some((c) => isUnder(folder, c)) ? undefined : folder;
}
