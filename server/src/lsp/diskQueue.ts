import type { FileSystemHost, NotRead } from '../fileSystemHost';
import type { BusyPaths } from './busyPaths';
import { errorText, type Logger } from './safe';

/**
 * What to do about a path: `read` it again (changed on disk, created, or closed in the editor, so the disk is
 * the truth again), `drop` it and every file indexed below it (deleted on disk), `forget` them where
 * nothing needs them any more (a folder brought in for a document now closed, a workspace folder removed),
 * or `scan` it: a folder created, moved or renamed (reported alone, without the files in it), so its SQS
 * files are listed and read, and any indexed below it that it no longer holds are dropped.
 */
export type DiskEventKind = 'read' | 'drop' | 'forget' | 'scan';

/** An event applied. */
export type DiskResult =
  /** What the disk held (undefined: nothing, or not a readable file; NotRead: there, and not read). */
  | { uri: string; kind: 'read'; bytes: Uint8Array | NotRead | undefined }
  | { uri: string; kind: 'drop' | 'forget' }
  /** The SQS files below the path now (none for a plain file); they are read next, in the queue. */
  | { uri: string; kind: 'scan'; found: readonly string[] };

/** Startup indexing's share of the queue: how far it has got, and whether it was cancelled. */
interface Job {
  total: number;
  done: number;
  report: (done: number, total: number) => void;
  /** Whether a file of the job is no longer wanted (the job cancelled, or its folder gone). */
  cancelled: (uri: string) => boolean;
  finished: () => void;
}

interface Entry {
  kind: DiskEventKind;
  job: Job | undefined;
  /** Told when this event (or one that replaced it) has been applied. */
  settled: (() => void)[];
  /** Ends its path's busy mark: once applied, or replaced by a newer event (which holds a mark of its own). */
  release: () => void;
}

interface Batch {
  batch: [string, Entry][];
  entries: ReadonlyMap<string, Entry>;
  skipped: (uri: string, entry: Entry) => boolean;
  answers: Promise<(Uint8Array | NotRead | readonly string[] | undefined)[]>;
}

/** Reads (and folder listings) in flight at once: enough to keep a disk busy, few enough to leave the event loop to requests. */
const readsPerBatch = 16;

/**
 * Every change the disk makes to the index goes through here, one batch at a time and in the order the
 * events came: a file still being read when its deletion arrives cannot land after it, and an event for a
 * file replaces one still waiting (the latest event per URI wins), including one whose read is in flight.
 * Reads in a batch run together; the results are applied in order, synchronously, by `apply`.
 */
export class DiskQueue {
  private readonly pending = new Map<string, Entry>();
  private worker: Promise<void> | undefined;
  /** Jobs that moved since they last reported: they report once per batch, not once per file. */
  private readonly moved = new Set<Job>();

  constructor(
    private readonly fs: FileSystemHost,
    private readonly apply: (results: readonly DiskResult[]) => void,
    private readonly log: Logger,
    /** Marked busy from when an event is queued until it is applied, so no one publishes what it is about to change. */
    private readonly busy?: BusyPaths,
    /** The folder a file is read within (FileSystemHost.readFile): nothing a link leads to outside it is read. */
    private readonly within: (uri: string) => string | undefined = () => undefined,
  ) {}

  /** Queues events; resolves once they have been applied (or replaced by later ones that have). */
  push(events: readonly { uri: string; kind: DiskEventKind }[]): Promise<void> {
    const done = Promise.all(events.map((e) => new Promise<void>((resolve) => this.enqueue(e.uri, e.kind, undefined, resolve))));
    this.kick();
    return done.then(() => undefined);
  }

  /**
   * Reads files for startup indexing, reporting progress; a file `cancelled` says is no longer wanted is
   * skipped if not read yet. Events that arrive meanwhile take their turn among these reads.
   */
  readAll(uris: readonly string[], report: Job['report'], cancelled: Job['cancelled']): Promise<void> {
    if (uris.length === 0) return Promise.resolve();
    return new Promise((finished) => {
      // The caller's callbacks talk to the client, which may be gone: a throw there is logged, never
      // allowed to leave the job unfinished (and the editor's progress spinning) or to stop the queue.
      const job: Job = {
        total: uris.length,
        done: 0,
        report: (done, total) => {
          try {
            report(done, total);
          } catch (e) {
            this.log.error(`reporting indexing progress failed: ${errorText(e)}`);
          }
        },
        cancelled: (uri) => {
          try {
            return cancelled(uri);
          } catch (e) {
            this.log.error(`asking whether indexing was cancelled failed: ${errorText(e)}`);
            return false;
          }
        },
        finished,
      };
      for (const uri of uris) this.enqueue(uri, 'read', job, undefined);
      this.kick();
    });
  }

  private enqueue(uri: string, kind: DiskEventKind, job: Job | undefined, settled: (() => void) | undefined): void {
    const replaced = this.pending.get(uri);
    const entry: Entry = { kind, job, settled: settled ? [settled] : [], release: this.busy?.add(uri) ?? (() => undefined) };
    if (replaced) {
      this.pending.delete(uri); // to the back of the queue: it happened after everything already there
      entry.settled.push(...replaced.settled);
      replaced.release();
      this.settleJob(replaced.job);
    }
    this.pending.set(uri, entry);
  }

  private kick(): void {
    this.worker ??= this.run().finally(() => {
      this.worker = undefined;
      if (this.pending.size > 0) this.kick();
    });
  }

  private async run(): Promise<void> {
    let next: Batch | undefined = this.takeBatch();
    while (next) {
      const { batch, skipped } = next;
      const answers = await next.answers;
      // The next batch's reads go out before this one is applied: the disk reads while the index parses. Its events
      // came after this batch's, so a newer event for a file of this batch may be there now rather than waiting.
      next = this.pending.size > 0 ? this.takeBatch() : undefined;
      const results: DiskResult[] = [];
      const settled: [Entry, DiskResult | undefined][] = [];
      batch.forEach(([uri, entry], k) => {
        const newer = this.pending.get(uri) ?? next?.entries.get(uri);
        if (newer) {
          // Replaced while it was being read: the newer event says what the file is now.
          newer.settled.push(...entry.settled);
          entry.release();
          this.settleJob(entry.job);
          return;
        }
        const result = skipped(uri, entry) ? undefined : resultOf(uri, entry.kind, answers[k]);
        if (result) results.push(result);
        settled.push([entry, result]);
      });
      try {
        if (results.length > 0) this.apply(results);
      } catch (e) {
        this.log.error(`applying changes from the disk failed: ${errorText(e)}`);
      }
      for (const [entry, result] of settled) {
        // A scan is done once the files it found are read: they queue behind what is waiting already (a read
        // gets what the disk holds when it is made, so a later read is never a stale one).
        if (result?.kind === 'scan') this.readFound(result.found, entry.settled);
        else for (const resolve of entry.settled) resolve();
        // After the reads a scan found are queued (each busy in its turn): the folder is never settled between.
        entry.release();
        this.settleJob(entry.job);
      }
      for (const job of this.moved) job.report(job.done, job.total);
      this.moved.clear();
      // Reads a scan of this batch found, and events that came while it was applied.
      next ??= this.pending.size > 0 ? this.takeBatch() : undefined;
    }
  }

  /** Takes the next batch off the queue (up to readsPerBatch reads) and starts its reads. */
  private takeBatch(): Batch {
    const batch: [string, Entry][] = [];
    let reads = 0;
    for (const [uri, entry] of this.pending) {
      if ((entry.kind === 'read' || entry.kind === 'scan') && ++reads > readsPerBatch) break;
      this.pending.delete(uri);
      batch.push([uri, entry]);
    }
    const skipped = (uri: string, entry: Entry) => entry.job?.cancelled(uri) === true;
    const answers = Promise.all(
      batch.map(([uri, entry]): Promise<Uint8Array | NotRead | readonly string[] | undefined> | undefined => {
        if (skipped(uri, entry)) return undefined;
        // A host that throws has failed to read a file that is there, as far as anyone can tell.
        if (entry.kind === 'read')
          return this.fs
            .readFile(uri, this.within(uri))
            .catch((e: unknown): NotRead => ({ kind: 'unreadable', reason: e instanceof Error ? e.message : String(e) }));
        // A plain file lists nothing, at the cost of a failed folder read; a newer event for the path ends the walk.
        if (entry.kind === 'scan') return this.fs.findSqsFiles(uri, () => this.pending.has(uri)).catch(() => []);
        return undefined;
      }),
    );
    return { batch, entries: new Map(batch), skipped, answers };
  }

  /** Queues reads of the files a scan found, but not over a later event for one of them; then tells `settled`. */
  private readFound(found: readonly string[], settled: readonly (() => void)[]): void {
    let left = found.length + 1;
    const one = () => {
      if (--left === 0) for (const resolve of settled) resolve();
    };
    for (const uri of found) {
      // An event for the file is waiting already: it came after the folder's, and says what the file is.
      const waiting = this.pending.get(uri);
      if (waiting) waiting.settled.push(one);
      else this.enqueue(uri, 'read', undefined, one);
    }
    one(); // the listing itself, so a scan that found nothing is done now
  }

  private settleJob(job: Job | undefined): void {
    if (!job) return;
    job.done++;
    if (job.done < job.total) {
      this.moved.add(job);
      return;
    }
    this.moved.delete(job);
    job.report(job.done, job.total);
    job.finished();
  }
}

function resultOf(uri: string, kind: DiskEventKind, answer: Uint8Array | NotRead | readonly string[] | undefined): DiskResult {
  if (kind === 'read') return { uri, kind, bytes: answer instanceof Uint8Array || (answer !== undefined && 'kind' in answer) ? answer : undefined };
  if (kind === 'scan') return { uri, kind, found: Array.isArray(answer) ? answer : [] };
  return { uri, kind };
}
