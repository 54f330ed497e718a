import { lstat, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Entry, FileOps } from '../safeWrite';

/** safeWrite's file operations on node:fs, on paths. */
export const nodeFileOps: FileOps<string> = {
  name: (at) => path.basename(at),
  beside: (at, name) => path.join(path.dirname(at), name),
  async entry(at) {
    try {
      const s = await lstat(at);
      const entry: Entry = s.isSymbolicLink() ? 'link' : s.isDirectory() ? 'folder' : s.isFile() ? 'file' : 'other';
      return entry;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  },
  async create(at, bytes) {
    // `wx`: never through something already there (a link planted at the temporary name); flushed before the rename,
    // so the name never points at a file whose bytes are not yet on the disk.
    const file = await open(at, 'wx', 0o666);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
  },
  replace: (from, to) => rename(from, to),
  remove: (at) => rm(at, { force: true }),
};
