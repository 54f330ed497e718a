import { isSqsFileName } from './protocol';

// Writing a report where the user said, without harm: `sqs render --out` and the editor's export both write
// through here. A report never replaces an SQS file (a slip of the --out name, or a save dialog's, must not turn an
// inspection into a ZIP), never writes through a symbolic link (which may lead to one, or lead nowhere and have its
// target made), and never leaves a half-written file where the previous report was (a full disk): it writes a new
// file beside the target and renames it over the target, which either happens whole or not at all.
// No Node here: the CLI runs it on node:fs, the extension on vscode.workspace.fs (each gives its FileOps).

/** What is at a place itself: a symbolic link is a link, whatever it leads to. */
export type Entry = 'file' | 'folder' | 'link' | 'other';

/** The file operations a writer needs, on places of type `P` (a path, a URI). */
export interface FileOps<P> {
  /** The last part of the place's path: its file name. */
  name(at: P): string;
  /** The place named `name` in the same folder. */
  beside(at: P, name: string): P;
  /** What is at the place, not following a symbolic link; undefined when nothing is. */
  entry(at: P): Promise<Entry | undefined>;
  /** Writes a new file (the place is free). */
  create(at: P, bytes: Uint8Array): Promise<void>;
  /** Renames `from` to `to`, replacing the file at `to` in one step. */
  replace(from: P, to: P): Promise<void>;
  remove(at: P): Promise<void>;
}

/** The target is not to be written (the reason is in the message, after the place's name). */
export class WriteRefused extends Error {}

/** Why a report may not be written at a place, or undefined when it may. */
export async function refusal<P>(at: P, ops: FileOps<P>): Promise<string | undefined> {
  if (isSqsFileName(ops.name(at))) return 'is an SQS file (inspection.sqs.yaml or *.case.sqs.yaml): a report is never written over one; choose another name';
  const entry = await ops.entry(at);
  if (entry === 'link')
    return 'is a symbolic link: a report is written to a file, never through a link (it may lead to an SQS file, or nowhere); name the file itself';
  if (entry === 'folder') return 'is a folder';
  if (entry === 'other') return 'is not a regular file (a pipe, socket or device)';
  return undefined;
}

/**
 * Writes `bytes` to `at`, or throws WriteRefused (nothing written) or the file system's error (nothing changed: the
 * file that was at `at`, if any, is as it was, and no temporary file is left).
 */
export async function writeReport<P>(at: P, bytes: Uint8Array, ops: FileOps<P>): Promise<void> {
  const refused = await refusal(at, ops);
  if (refused !== undefined) throw new WriteRefused(refused);
  // Hidden, and named after the target, so a crash leaves something a person can recognise and delete.
  const temporary = ops.beside(at, `.${ops.name(at)}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    await ops.create(temporary, bytes);
    await ops.replace(temporary, at);
  } catch (error) {
    await ops.remove(temporary).catch(() => undefined);
    throw error;
  }
}
