import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Connection, type Disposable } from 'vscode-languageserver/node';
import { guardedNotification, type Logger } from './safe';
import type { Workspace } from './workspace';

/** "sqs" → "[sS][qQ][sS]": a glob that matches its letters in either case. */
function eitherCase(glob: string): string {
  return glob.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

/**
 * Files whose name may make them SQS files. fileKindOf ignores case (Inspection.SQS.yaml is indexed at
 * startup), and watcher globs do not, so each letter is a character class; diskChanged filters the events
 * with fileKindOf. Two globs rather than braces around character classes: the plainest LSP glob syntax.
 */
export const sqsGlobs = ['**/*.sqs.yaml', '**/*.sqs.yml'].map(eitherCase);

/** What the client can do with file watchers. */
export interface WatchingSupport {
  /** It takes watcher registrations after `initialized`. */
  dynamic: boolean;
  /** It takes globs relative to a folder (LSP 3.17), so folders outside the workspace can be watched. */
  relative: boolean;
}

/**
 * Changes to SQS files; and anything created or deleted, because a folder created, deleted, moved or
 * renamed is reported alone, not with the files in it (VS Code reports a renamed folder as one deletion and
 * one creation). Each event comes through one watcher only.
 */
function watchers(base?: string) {
  const glob = (pattern: string) => (base === undefined ? pattern : { baseUri: base, pattern });
  return [
    ...sqsGlobs.map((pattern) => ({ globPattern: glob(pattern), kind: WatchKind.Change })),
    { globPattern: glob('**/*'), kind: WatchKind.Create | WatchKind.Delete },
  ];
}

// A Map: a malformed `type` ("constructor") from the client must find nothing.
const changeTypes: ReadonlyMap<unknown, 'created' | 'changed' | 'deleted'> = new Map([
  [FileChangeType.Created, 'created'],
  [FileChangeType.Changed, 'changed'],
  [FileChangeType.Deleted, 'deleted'],
]);

/**
 * Keeps the index in step with the disk: SQS files changed (saved here or edited elsewhere), and anything
 * created or deleted (a folder's SQS files come and go with it). The workspace folders are watched by the
 * client's own globs; a folder brought in from outside them (the inspection of a file opened from elsewhere)
 * gets watchers relative to it while it is indexed.
 */
export function registerWatching(connection: Connection, ws: Workspace, log: Logger, support: WatchingSupport): () => void {
  connection.onDidChangeWatchedFiles(
    guardedNotification(log, 'workspace/didChangeWatchedFiles', (params) =>
      ws.diskChanged(
        params.changes.flatMap((c) => {
          const type = changeTypes.get(c.type);
          return type ? [{ uri: c.uri, type }] : [];
        }),
      ),
    ),
  );
  const register = (base?: string): Promise<Disposable | undefined> =>
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: watchers(base) }).catch((e: unknown) => {
      log.warn(`could not register file watchers${base ? ` for ${base}` : ''}: ${String(e)}`);
      return undefined;
    });
  // Registering is a request to the client, which the protocol allows only once the server has answered
  // `initialize` (VS Code refuses it before): the caller runs this on `initialized`.
  return () => {
    if (!support.dynamic) return;
    void register();
    if (!support.relative) return;
    const byFolder = new Map<string, Promise<Disposable | undefined>>();
    ws.onDidBringIn((folder, brought) => {
      if (brought) {
        byFolder.set(folder, register(folder));
        return;
      }
      const registered = byFolder.get(folder);
      byFolder.delete(folder);
      void registered?.then((d) => d?.dispose());
    });
  };
}
