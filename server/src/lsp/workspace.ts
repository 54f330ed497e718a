import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import {
  Checker,
  fileKindOf,
  folderToIndex,
  InspectionIndex,
  isInSkippedFolder,
  isUnder,
  linkedFoldersIn,
  linkedFoldersNotFollowed,
  needsInspectionLookup,
  type Inspection,
  type SqsFile,
} from '../core/api';
import { BroughtInFolders } from './broughtInFolders';
import { BusyPaths } from './busyPaths';
import { CoveredFolders } from './coveredFolders';
import { DiskQueue, type DiskEventKind, type DiskResult } from './diskQueue';
import type { FileSystemHost } from '../fileSystemHost';
import type { LinksNotFollowed } from './linksNotFollowed';
import { errorText, type Logger } from './safe';

/** A path the client's watchers saw created, changed or deleted. */
export interface DiskChange {
  uri: string;
  type: 'created' | 'changed' | 'deleted';
}

/** What changed in one step: files whose findings may differ, and the open documents whose edit caused it. */
export interface WorkspaceChange {
  affected: ReadonlySet<string>;
  /** Open documents whose new text was just indexed: a pull client asks for their diagnostics itself. */
  edited: ReadonlySet<string>;
}

/** A request's cancellation, as vscode-languageserver hands it over. */
type Cancellable = { isCancellationRequested: boolean; onCancellationRequested(l: () => void): { dispose(): void } };

/**
 * The server's view of the SQS files: open documents (their editor text wins) over the files on disk.
 *
 * An edit is not parsed when it arrives but when something needs it (a diagnostics pull, a hover, …) or
 * shortly after, so a burst of keystrokes costs one parse of the edited file and every feature shares it.
 * The index re-parses only that file; its inspection's tallies move by that file's contribution. What
 * comes from the disk (watched-file events, startup indexing, a closed document read again) goes through
 * one queue (diskQueue.ts), so a slow read never lands after a later event for the same file.
 *
 * The workspace folders are indexed whole. An SQS file opened from elsewhere (no folder open, another
 * folder) brings in the folder of the inspection above it, found on disk as `sqs check` finds it, for as
 * long as it is open; so does a workspace folder holding only part of an inspection (its `cases/`).
 */
/**
 * Below a workspace folder being indexed, a busy mark that no file or folder can be: it keeps the files in no
 * inspection unsettled (something is busy below a folder above them) without holding back the inspections below the
 * folder, whose own files are each busy until read.
 */
const lookupPending = '\u0000inspection-lookup';

export class Workspace {
  // An open document's parse is read on every keystroke, hover and completion: held while it is open.
  readonly index = new InspectionIndex({ keepParsed: (uri) => this.open.has(uri) });
  readonly checker: Checker;
  /** Files the checks found moved while a request ran them, reported as a change once it is answered. */
  private readonly moved = new Set<string>();
  /** Open documents by canonical URI → the URI as the client spelt it (needed to talk back about them). */
  private readonly open = new Map<string, string>();
  private readonly pending = new Set<string>();
  private readonly listeners = new Set<(change: WorkspaceChange) => void>();
  private readonly disk: DiskQueue;
  private syncTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly broughtIn: BroughtInFolders;
  private readonly covered: CoveredFolders;
  /** Files the disk refused when last read (NotRead). */
  private readonly notRead = new Set<string>();
  /** What the index has not caught up with yet: see isSettled. */
  private readonly busy = new BusyPaths();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly fs: FileSystemHost,
    private readonly log: Logger,
    /** How long an edit may wait for a request to index it before it is indexed anyway. */
    private readonly syncDelayMs = 50,
    /** The linked folders a host that cannot follow links left unwalked (the editor's file system): SQS008 on their inspection. */
    private readonly links?: LinksNotFollowed,
  ) {
    this.checker = new Checker(this.index, {
      onInternalError: (e, check, uri) => this.log.error(`the check of ${check} failed on ${uri}: ${errorText(e)}`),
      onFindingsMoved: (uris) => this.findingsMoved(uris),
      checks: links && {
        inspection: [['linked folders not followed (SQS008)', (inspection) => linkedFoldersNotFollowed(inspection, links.all(), this.inspectionFolders())]],
      },
    });
    // A link found or gone after its inspection was checked: the check reads no file, so its inspection is told.
    links?.onDidChange((changed) => {
      const affected = new Set<string>();
      for (const inspection of this.index.inspections()) {
        if (!changed.some((link) => isUnder(link, inspection.folder))) continue;
        inspection.changed();
        affected.add(inspection.file.uri);
      }
      this.emit(affected, new Set());
    });
    // A file is read only while it lies inside the covered folder that holds it: no link leads out of it.
    this.disk = new DiskQueue(
      fs,
      (results) => this.applyDisk(results),
      log,
      this.busy,
      (uri) => this.covered.holderOf(uri),
    );
    this.broughtIn = new BroughtInFolders(log);
    this.covered = new CoveredFolders(this.broughtIn);
  }

  /** See BroughtInFolders.onDidBringIn: folders outside the workspace folders need watchers of their own. */
  onDidBringIn(listener: (folder: string, brought: boolean) => void): { dispose(): void } {
    return this.broughtIn.onDidBringIn(listener);
  }

  onDidChange(listener: (change: WorkspaceChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Whether a file's findings may be published: nothing the index is still reading could change them. Its
   * inspection's folder must have nothing busy in it, below it or above it (being indexed, a read or a deletion
   * queued); a file in no inspection needs the folders above it quiet too, since an inspection file still to be
   * read there may take it in. Until then findings would be those of a half-read inspection: a case in no
   * inspection (SQS042), a sample and tallies a case or thirty short. Call after `sync()`.
   */
  isSettled(uri: string): boolean {
    if (this.busy.idle) return true;
    const inspection = this.index.inspectionOf(uri);
    return inspection ? !this.busy.touches(inspection.folder) : !this.busy.touchesAnyFolderAbove(uri);
  }

  /** The linked folders in an inspection's folder that were not walked: the case files behind them are not counted. */
  linkedFoldersIn(inspection: Inspection): string[] {
    return this.links ? linkedFoldersIn(inspection, this.links.all(), this.inspectionFolders()) : [];
  }

  private inspectionFolders(): string[] {
    return this.index.inspections().map((i) => i.folder);
  }

  /** Nothing is being read or indexed: every file is settled. */
  get idle(): boolean {
    return this.busy.idle;
  }

  /**
   * `isSettled` for many files at once (a workspace pull's chunk): one answer per inspection, as isSettled reads
   * it, valid until the next change to the index (ask again after an await).
   */
  settledness(): (uri: string) => boolean {
    if (this.busy.idle) return () => true;
    const byInspection = new Map<Inspection, boolean>();
    return (uri) => {
      const inspection = this.index.inspectionOf(uri);
      if (!inspection) return !this.busy.touchesAnyFolderAbove(uri);
      let settled = byInspection.get(inspection);
      if (settled === undefined) byInspection.set(inspection, (settled = !this.busy.touches(inspection.folder)));
      return settled;
    };
  }

  /** Told when something the index was busy with is done: files not settled before may be now. */
  onDidSettle(listener: () => void): { dispose(): void } {
    return this.busy.onDidSettle(listener);
  }

  /** Resolves true once a file is settled (at once if it is), false if `cancelled` says so first. */
  whenSettled(uri: string, cancelled: Cancellable): Promise<boolean> {
    return this.whenQuiet(() => this.isSettled(uri), cancelled);
  }

  /**
   * Resolves true once nothing at all is busy (every file settled), false if `cancelled` says so first: for
   * answers that span every inspection (workspace symbols), which would otherwise list a file just deleted or closed.
   */
  whenAllSettled(cancelled: Cancellable): Promise<boolean> {
    return this.whenQuiet(() => this.busy.idle, cancelled);
  }

  private whenQuiet(quiet: () => boolean, cancelled: Cancellable): Promise<boolean> {
    this.sync();
    if (quiet()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (settled: boolean) => {
        settle.dispose();
        cancel.dispose();
        resolve(settled);
      };
      const settle = this.onDidSettle(() => {
        this.sync();
        if (quiet()) done(true);
      });
      const cancel = cancelled.onCancellationRequested(() => done(false));
      if (cancelled.isCancellationRequested) done(false);
    });
  }

  /**
   * One spelling per file: clients escape URIs differently (VS Code and vscode-uri escape more than Node
   * or Neovim), and the index must not hold one file twice.
   */
  canonical(uri: string): string {
    try {
      return URI.parse(uri).toString();
    } catch {
      return uri;
    }
  }

  /** The URI the client uses for a file it has open; our own spelling otherwise. */
  clientUri(canonical: string): string {
    return this.open.get(canonical) ?? canonical;
  }

  isOpen(uri: string): boolean {
    return this.open.has(this.canonical(uri));
  }

  openUris(): string[] {
    return [...this.open.keys()];
  }

  /** The version of an open document, as the client numbers them; null for a file read from disk. */
  versionOf(uri: string): number | null {
    const clientUri = this.open.get(uri);
    return clientUri === undefined ? null : (this.documents.get(clientUri)?.version ?? null);
  }

  /** An open document's text changed (or it was opened). */
  textChanged(clientUri: string): void {
    const uri = this.canonical(clientUri);
    if (!fileKindOf(uri)) return;
    const opened = !this.open.has(uri);
    this.open.set(uri, clientUri);
    this.pending.add(uri);
    this.syncTimer ??= setTimeout(() => {
      this.syncTimer = undefined;
      this.sync();
    }, this.syncDelayMs);
    if (!opened) return;
    // In a folder brought in for another file: it keeps that folder too, for as long as it is open. Otherwise its
    // inspection may have to be looked for on disk: busy until that is known.
    if (this.broughtIn.share(uri, uri)) return;
    const release = this.busy.add(uri);
    void this.lookUpInspection(uri).finally(release);
  }

  /**
   * Closed in the editor: the file on disk is the truth again (the edits may not have been saved), or, for
   * a file outside every covered folder, it leaves the index with the folders only it needed.
   */
  closed(clientUri: string): Promise<void> {
    const uri = this.canonical(clientUri);
    if (!this.open.delete(uri)) return Promise.resolve();
    this.pending.delete(uri);
    const released = this.broughtIn.release(uri);
    return this.disk.push([
      { uri, kind: this.readsFromDisk(uri) ? 'read' : 'forget' },
      ...released.map((folder) => ({ uri: folder, kind: 'forget' as const })),
    ]);
  }

  /** Indexes pending edits now. Every handler calls this before reading the index. */
  sync(): void {
    if (this.pending.size === 0) return;
    const edited = new Set(this.pending);
    this.pending.clear();
    const affected = new Set<string>();
    for (const uri of edited) {
      const doc = this.documents.get(this.open.get(uri) ?? uri);
      if (!doc) continue;
      for (const a of this.index.set(uri, doc.getText()).affected) affected.add(a);
    }
    this.emit(affected, edited);
  }

  /** The current analysis of a file, with pending edits indexed first. */
  file(uri: string): SqsFile | undefined {
    this.sync();
    return this.index.get(this.canonical(uri));
  }

  /**
   * Paths created, changed or deleted on disk (by the editor's save, another program, git, …), in the order
   * reported. Open documents are left alone: the editor's text is newer than the disk. A deleted folder
   * takes the SQS files indexed under it along; a folder created, moved in or renamed brings the SQS files
   * in it (the client reports the folder alone). Resolves once the changes are in the index.
   */
  diskChanged(changes: readonly DiskChange[]): Promise<void> {
    const events = changes.flatMap((c): { uri: string; kind: DiskEventKind }[] => {
      const uri = this.canonical(c.uri);
      if (c.type === 'deleted') return [{ uri, kind: 'drop' }];
      // Outside the indexed folders nothing is indexed from the disk, nor where the folder walk never looks.
      const holder = this.covered.holderOf(uri);
      if (!holder || isInSkippedFolder(uri, holder)) return [];
      if (fileKindOf(uri)) return [{ uri, kind: 'read' }];
      // Created and no SQS file: a folder, perhaps, with files in it (a plain file lists nothing, for a failed
      // folder read). Not where the walk never looks (node_modules, .git, …, above): an `npm install` costs nothing.
      return c.type === 'created' ? [{ uri, kind: 'scan' }] : [];
    });
    return events.length > 0 ? this.disk.push(events) : Promise.resolve();
  }

  /**
   * Reads every SQS file under workspace folders, reporting progress as a fraction of files; then, for a
   * folder with cases in no inspection, the folder of the inspection above it, if there is one. The folders
   * count as the workspace's from the call, before any file is read.
   */
  async indexFolders(folders: readonly string[], report: (done: number, total: number) => void, cancelled: () => boolean): Promise<number> {
    const roots = folders.map((f) => this.folderUri(f));
    this.covered.addRoots(roots);
    this.broughtIn.yieldTo(roots);
    // Busy from the call, before the folders are listed: a file opened meanwhile is not settled either.
    const releases = roots.map((root) => this.busy.add(root));
    // Until the end, for a file in no inspection: its inspection may still be looked for above the folder (below).
    const lookups = roots.map((root) => this.busy.add(`${root}/${lookupPending}`));
    try {
      return await this.indexRoots(roots, report, cancelled, () => releases.forEach((release) => release()));
    } finally {
      for (const release of [...releases, ...lookups]) release();
    }
  }

  private async indexRoots(
    roots: readonly string[],
    report: (done: number, total: number) => void,
    cancelled: () => boolean,
    listed: () => void,
  ): Promise<number> {
    // A folder removed meanwhile is walked and read no further; the rest carry on.
    const found: string[] = [];
    for (const root of roots) found.push(...(await this.fs.findSqsFiles(root, () => cancelled() || !this.covered.isRoot(root))));
    const reading = this.disk.readAll(inspectionsFirst(found), report, (uri) => cancelled() || !this.covered.covers(uri));
    // Every file found is busy now, each until it is read (the queue marks it): the folders need not be. An
    // inspection is then settled, and reported, once its own files are read, not when the last of the workspace is:
    // a national workspace streams its findings, and each case file's parse tree is let go as it is reported.
    listed();
    await reading;
    // A folder holding cases of no inspection may be part of one (an inspection's cases/ folder opened alone).
    for (const root of roots) {
      if (cancelled() || !this.covered.isRoot(root)) continue;
      if (!this.index.filesUnder(root).some((uri) => needsInspectionLookup(this.index, uri, this.covered.list()))) continue;
      const inspection = await this.fs.findInspectionNear(root);
      if (inspection && this.covered.isRoot(root)) await this.bringIn(inspection, root);
    }
    return found.length;
  }

  /** The files under these folders that are there but could not be read from the disk. */
  unreadable(folders: readonly string[]): string[] {
    return folders.flatMap((f) => this.index.filesUnder(this.folderUri(f))).filter((uri) => this.notRead.has(uri));
  }

  /** Forgets the files of a folder removed from the workspace (open documents stay), and what it brought in. */
  removeFolder(folder: string): Promise<void> {
    const root = this.folderUri(folder);
    this.covered.removeRoot(root);
    const released = this.broughtIn.release(root);
    return this.disk.push([root, ...released].map((uri) => ({ uri, kind: 'forget' as const })));
  }

  /** An opened SQS file the index cannot place: its inspection is looked for on disk and brought in. */
  private async lookUpInspection(uri: string): Promise<void> {
    try {
      this.sync();
      if (!needsInspectionLookup(this.index, uri, this.covered.list())) return;
      const inspection = await this.fs.findInspectionNear(Utils.dirname(URI.parse(uri)).toString());
      if (inspection && this.open.has(uri)) await this.bringIn(inspection, uri);
    } catch (e) {
      this.log.error(`looking for the inspection of ${uri} failed: ${errorText(e)}`);
    }
  }

  /** Indexes the folder of an inspection file found on disk, for `owner`, unless a workspace folder holds it. */
  private async bringIn(inspection: string, owner: string): Promise<void> {
    const folder = folderToIndex(inspection, this.covered.rootList());
    if (!folder || !this.broughtIn.bringIn(folder, owner)) return;
    const letGo = () => !this.broughtIn.has(folder);
    const release = this.busy.add(folder);
    try {
      const found = await this.fs.findSqsFiles(folder, letGo);
      await this.disk.readAll(
        inspectionsFirst(found),
        () => undefined,
        (uri) => !this.covered.covers(uri),
      );
    } finally {
      release();
    }
  }

  /**
   * Whether a closed file is indexed from the disk: it is in a covered folder, and not where the folder walk never
   * looks (node_modules, out, dist, hidden folders and files), as the walk at startup and `sqs check` would have it.
   */
  private readsFromDisk(uri: string): boolean {
    const holder = this.covered.holderOf(uri);
    return holder !== undefined && !isInSkippedFolder(uri, holder);
  }

  private folderUri(folder: string): string {
    return this.canonical(folder).replace(/\/$/, '');
  }

  /** What the disk queue read or dropped, in order; open documents keep the editor's text. */
  private applyDisk(results: readonly DiskResult[]): void {
    const affected = new Set<string>();
    const add = (uris: readonly string[]) => uris.forEach((u) => affected.add(u));
    for (const r of results) {
      if (r.kind === 'read') {
        if (this.open.has(r.uri) || !fileKindOf(r.uri)) continue;
        // Read for a folder no longer indexed (removed from the workspace, or let go, after the read was asked
        // for: by a folder created in it and listed, say): nothing would ever forget it, so it is not indexed,
        // nor kept if it was.
        this.notRead.delete(r.uri);
        const read = this.readsFromDisk(r.uri) ? r.bytes : undefined;
        if (read === undefined) add(this.index.delete(r.uri).affected);
        else if (read instanceof Uint8Array) add(this.index.setBytes(r.uri, read).affected);
        else {
          // There, and not read: said on the file, so its judgements are not silently left out of the tallies.
          if (read.kind === 'unreadable') {
            this.log.warn(`${r.uri} could not be read: ${read.reason}`);
            this.notRead.add(r.uri);
          }
          add(this.index.setUnread(r.uri, read).affected);
        }
        continue;
      }
      // Deleted on disk: gone. Forgotten: gone unless a covered folder still holds it. Scanned: gone unless
      // the folder still holds it (it replaces a deletion still waiting: deleted, then made again).
      const found = r.kind === 'scan' ? new Set(r.found) : undefined;
      for (const uri of [r.uri, ...this.index.filesUnder(r.uri)]) {
        if (this.open.has(uri) || !this.index.has(uri) || found?.has(uri) || (r.kind === 'forget' && this.readsFromDisk(uri))) continue;
        add(this.index.delete(uri).affected);
      }
    }
    this.emit(affected, new Set());
  }

  /**
   * The index names the files a change re-read and, when a case's facet moved, its inspection file; the other files
   * whose findings that moves are known once the cross-file checks run again (the next request, or the report of
   * the inspection file), and come here. Emitted after the turn that ran the checks, not from inside it.
   */
  private findingsMoved(uris: readonly string[]): void {
    const scheduled = this.moved.size > 0;
    for (const uri of uris) this.moved.add(uri);
    if (scheduled) return;
    queueMicrotask(() => {
      const affected = new Set(this.moved);
      this.moved.clear();
      this.emit(affected, new Set());
    });
  }

  private emit(affected: Set<string>, edited: Set<string>): void {
    if (affected.size === 0 && edited.size === 0) return;
    // Case checks that read their inspection hold for one revision of it: any change to it may change their findings.
    const inspections = new Set([...affected, ...edited].map((uri) => this.index.inspectionOf(uri)));
    for (const inspection of inspections) {
      if (!inspection) continue;
      for (const uri of this.checker.readersOf(inspection)) affected.add(uri);
      // An open document is pulled again only when the client is told to, and the files a change moves are known
      // once the checks have run: with one of this inspection's open, they run now (onFindingsMoved names them).
      if ([...this.open.keys()].some((uri) => !affected.has(uri) && !edited.has(uri) && this.index.inspectionOf(uri) === inspection))
        this.checker.checkInspection(inspection);
    }
    for (const listener of this.listeners) {
      try {
        listener({ affected, edited });
      } catch (e) {
        this.log.error(`change listener failed: ${errorText(e)}`);
      }
    }
  }

  dispose(): void {
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.listeners.clear();
    this.broughtIn.dispose();
  }
}

/** Inspection files first, so each case file finds its inspection on arrival instead of being moved there later. */
function inspectionsFirst(uris: readonly string[]): string[] {
  return [...uris.filter((u) => fileKindOf(u) === 'inspection'), ...uris.filter((u) => fileKindOf(u) === 'case')];
}
