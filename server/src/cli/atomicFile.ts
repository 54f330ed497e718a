import { randomBytes } from 'node:crypto';
import { createWriteStream, lstatSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { once } from 'node:events';
import { writeRefusal, type FileEntry } from '../protocol';

/** The target is not to be written (why is in the message, to follow the target's name); nothing was written. */
export class WriteRefused extends Error {}

/** Why `target` may not be written (protocol.ts's rule, asked of the disk), or undefined when it may. */
export function refusalAt(target: string): string | undefined {
  return writeRefusal(path.basename(target), entryAt(target));
}

function entryAt(target: string): FileEntry | undefined {
  const stat = lstatSync(target, { throwIfNoEntry: false });
  if (!stat) return undefined;
  return stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other';
}

/**
 * The one writer of `sqs render --out` and `sqs export --out`. Refuses (WriteRefused, before anything is opened)
 * an SQS file, a symbolic link, a folder or a device. Otherwise writes the file whole or not at all: into a new file
 * beside the target (same folder, so the rename cannot cross file systems), renamed over the target only once
 * everything is written and closed. A failure part-way (a full disk, Ctrl-C, a writer that throws) leaves the target
 * as it was and removes the half-written file, which this process created (`wx`: it never opens a file that was
 * already there) and nothing else has touched.
 */
export async function writeFileAtomically(target: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const refused = refusalAt(target);
  if (refused !== undefined) throw new WriteRefused(refused);
  const dir = path.dirname(path.resolve(target));
  // Hidden, and named after the target, so one left by a crash is recognisable.
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // `flush`: the data reaches the disk before the rename makes it the target.
  const out = createWriteStream(temp, { flags: 'wx', flush: true });
  // Opened by us, or not at all: a file that could not be opened here is not ours to remove.
  await once(out, 'ready');
  try {
    await write(out);
    if (!out.writableFinished) {
      out.end();
      await finished(out);
    }
    renameSync(temp, target);
  } catch (e) {
    // The writes still queued fail with the stream: the error to report is the one that stopped the writer.
    out.on('error', () => undefined);
    if (!out.closed) {
      const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
      out.destroy();
      await closed;
    }
    rmSync(temp, { force: true });
    throw e;
  }
}
