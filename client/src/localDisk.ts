import type { BigIntStats } from 'node:fs';
import { open, stat, unlink } from 'node:fs/promises';

// The desktop's own disk, for the one thing workspace.fs cannot do: prove that a file is the one a command created
// and that nobody has touched it since (exclusive create, device and inode, times to the nanosecond). The browser
// build has no such proof, so there a file a command created is never deleted.

/** What identifies a file as written: the same file (device, inode), the same (empty) size, the same times. */
export interface Written {
  path: string;
  stat: BigIntStats;
}

export interface LocalDisk {
  /** Creates the empty file, failing if anything is there; undefined when something was (it is never deleted). */
  createEmpty(path: string): Promise<Written | undefined>;
  /** Deletes the file only if it is still the file as written, empty and untouched. */
  deleteIfAsWritten(written: Written): Promise<void>;
}

export const nodeLocalDisk: LocalDisk = {
  async createEmpty(path) {
    try {
      const handle = await open(path, 'wx');
      try {
        return { path, stat: await handle.stat({ bigint: true }) };
      } finally {
        await handle.close();
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
      throw e;
    }
  },
  async deleteIfAsWritten({ path, stat: was }) {
    try {
      const now = await stat(path, { bigint: true });
      const same = now.dev === was.dev && now.ino === was.ino && now.size === 0n && now.mtimeNs === was.mtimeNs && now.ctimeNs === was.ctimeNs;
      if (same) await unlink(path);
    } catch {
      // Gone already, or no longer ours to look at: nothing to delete.
    }
  },
};
