import { Utils, URI } from 'vscode-uri';
import { fileKindOf } from '../model/sqsFile';
import type { InspectionIndex } from './inspectionIndex';

// The editor may open an SQS file from outside the folders the server indexed (no folder open, another folder,
// or only an inspection's `cases/` folder open). The file's inspection is then on disk, unread: these decide
// when to look for it and which folder to index once found. The looking (walking up the folders) is the
// host's: node/sqsFiles.ts nearestInspectionFile, which the CLI uses too.

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
