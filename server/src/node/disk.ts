import { closeSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';

// The file-system logic of the server and the CLI (node/sqsFiles.ts) is written once, as generators that
// yield what they need from the disk; the CLI answers synchronously (a short run, nothing else to do), the
// server asynchronously (a large workspace must never hold up a request). So both walk folders, follow
// links and cap reads by the same rules.

interface Answers {
  /** A folder's entries. */
  list: Dirent[];
  /** Following symbolic links. */
  stat: Stats;
  realpath: string;
  /** The whole file, or its first `length` bytes. */
  read: Buffer;
}

export type DiskOp = { [K in keyof Answers]: { op: K; path: string; length?: number } }[keyof Answers];

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: NodeJS.ErrnoException };

/** A piece of file-system logic: run it with runSync or runAsync. */
export type DiskTask<T> = Generator<DiskOp, T, Outcome<unknown>>;

/** Asks the disk for one thing; a failure is an outcome to look at, not an exception. */
export function* ask<K extends keyof Answers>(op: K, path: string, length?: number): DiskTask<Outcome<Answers[K]>> {
  return (yield { op, path, ...(length !== undefined && { length }) }) as Outcome<Answers[K]>;
}

const sync: { [K in keyof Answers]: (path: string, length?: number) => Answers[K] } = {
  list: (p) => readdirSync(p, { withFileTypes: true }),
  stat: (p) => statSync(p),
  realpath: (p) => realpathSync(p),
  read: (p, length) => {
    if (length === undefined) return readFileSync(p);
    const fd = openSync(p, 'r');
    try {
      const buffer = Buffer.alloc(length);
      return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
    } finally {
      closeSync(fd);
    }
  },
};

const async: { [K in keyof Answers]: (path: string, length?: number) => Promise<Answers[K]> } = {
  list: (p) => readdir(p, { withFileTypes: true }),
  stat: (p) => stat(p),
  realpath: (p) => realpath(p),
  read: async (p, length) => {
    if (length === undefined) return readFile(p);
    const handle = await open(p, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
};

export function runSync<T>(task: DiskTask<T>): T {
  let reply: Outcome<unknown> | undefined;
  for (;;) {
    const step = task.next(reply!);
    if (step.done) return step.value;
    const { op, path, length } = step.value;
    try {
      reply = { ok: true, value: sync[op](path, length) };
    } catch (error) {
      reply = { ok: false, error: error as NodeJS.ErrnoException };
    }
  }
}

export async function runAsync<T>(task: DiskTask<T>): Promise<T> {
  let reply: Outcome<unknown> | undefined;
  for (;;) {
    const step = task.next(reply!);
    if (step.done) return step.value;
    const { op, path, length } = step.value;
    try {
      reply = { ok: true, value: await async[op](path, length) };
    } catch (error) {
      reply = { ok: false, error: error as NodeJS.ErrnoException };
    }
  }
}
