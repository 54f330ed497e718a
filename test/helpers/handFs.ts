import type { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { inspectionSearchLevels } from '../../server/src/core/api';
import type { FileSystemHost } from '../../server/src/fileSystemHost';
import { Workspace } from '../../server/src/lsp/workspace';
import type { LinksNotFollowed } from '../../server/src/lsp/linksNotFollowed';

/** A read the test finishes by hand: the disk was read when it was asked for; the answer arrives when the test says. */
export interface HandRead {
  uri: string;
  finish(): void;
}

/**
 * A FileSystemHost whose disk is a map and whose reads wait for the test to finish them, so a race between
 * a read and a later event is played out in a chosen order, without timers.
 */
export class HandFs implements FileSystemHost {
  readonly disk = new Map<string, string>();
  readonly reads: HandRead[] = [];
  private waiting: (() => void)[] = [];

  readFile(uri: string): Promise<Uint8Array | undefined> {
    // What the file held when it was read; the answer may reach the server much later.
    const text = this.disk.get(uri);
    return new Promise((resolve) => {
      this.reads.push({ uri, finish: () => resolve(text === undefined ? undefined : new TextEncoder().encode(text)) });
      for (const w of this.waiting.splice(0)) w();
    });
  }

  /** With `holdListings`, folder listings wait in `listings` for the test to finish them, as reads do. */
  holdListings = false;
  readonly listings: HandRead[] = [];

  findSqsFiles(folderUri: string): Promise<string[]> {
    const prefix = `${folderUri.replace(/\/$/, '')}/`;
    // What the folder held when it was listed.
    const found = [...this.disk.keys()].filter((u) => u.startsWith(prefix)).sort();
    if (!this.holdListings) return Promise.resolve(found);
    return new Promise((resolve) => {
      this.listings.push({ uri: folderUri, finish: () => resolve(found) });
      for (const w of this.waiting.splice(0)) w();
    });
  }

  findInspectionNear(folderUri: string): Promise<string | undefined> {
    let dir = folderUri.replace(/\/$/, '');
    const [folder = '', parent = ''] = dir.split('/').reverse();
    const levels = inspectionSearchLevels(folder, parent);
    for (let level = 0; level <= levels && dir.includes('/'); level++, dir = dir.slice(0, dir.lastIndexOf('/'))) {
      const found = [...this.disk.keys()].find(
        (u) => u.startsWith(`${dir}/`) && !u.slice(dir.length + 1).includes('/') && /\/inspection\.sqs\.ya?ml$/i.test(u),
      );
      if (found) return Promise.resolve(found);
    }
    return Promise.resolve(undefined);
  }

  /** Resolves once `n` reads have been asked for in all. */
  async readsAsked(n: number): Promise<void> {
    while (this.reads.length < n) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Resolves once `n` folder listings have been asked for in all (with `holdListings`). */
  async listingsAsked(n: number): Promise<void> {
    while (this.listings.length < n) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Finishes the read asked for `index`-th (0-based). */
  finish(index: number): void {
    this.reads[index]!.finish();
  }

  /** Finishes every read asked for so far (a read finished twice answers once). */
  finishAll(): void {
    for (const read of this.reads) read.finish();
  }

  /**
   * Answers every read, as it is asked for, until `test` holds; waits on reads asked for and on changes to
   * the workspace's index, never on time.
   */
  async answerUntil(ws: Workspace, test: () => boolean): Promise<void> {
    for (;;) {
      this.finishAll();
      if (test()) return;
      const asked = this.reads.length;
      await new Promise<void>((resolve) => {
        const change = ws.onDidChange(() => {
          change.dispose();
          resolve();
        });
        void this.readsAsked(asked + 1).then(() => {
          change.dispose();
          resolve();
        });
      });
    }
  }
}

/** A Workspace on a HandFs (or another file system), with documents the test opens by hand. */
export function handWorkspace(fs: FileSystemHost, links?: LinksNotFollowed) {
  const docs = new Map<string, TextDocument>();
  const documents = { get: (uri: string) => docs.get(uri) } as unknown as TextDocuments<TextDocument>;
  const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined, log: () => undefined };
  const ws = new Workspace(documents, fs, quiet, 0, links);
  return {
    ws,
    open(uri: string, text: string) {
      docs.set(uri, TextDocument.create(uri, 'sqs-case', 1, text));
      ws.textChanged(uri);
      ws.sync();
    },
    close(uri: string) {
      docs.delete(uri);
      return ws.closed(uri);
    },
  };
}
