import { randomBytes } from 'node:crypto';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { once } from 'node:events';

/**
 * Writes a file whole or not at all: into a new file beside the target (same folder, so the rename cannot cross file
 * systems), renamed over the target only once everything is written and closed. A failure part-way (a full disk,
 * Ctrl-C, a writer that throws) leaves the target as it was and removes the half-written file, which this process
 * created (`wx`: it never opens a file that was already there) and nothing else has touched.
 */
export async function writeFileAtomically(target: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(target));
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
