import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Connection } from 'vscode-languageserver/node';
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

/**
 * Keeps the index in step with the disk: SQS files created, changed (saved here or edited elsewhere) and
 * deleted; and any deletion, because deleting a folder reports the folder only, not the files in it.
 */
export function registerWatching(connection: Connection, ws: Workspace, log: Logger, dynamic: boolean): () => void {
  connection.onDidChangeWatchedFiles(
    guardedNotification(log, 'workspace/didChangeWatchedFiles', (params) =>
      ws.diskChanged(params.changes.map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted }))),
    ),
  );
  // Registering is a request to the client, which the protocol allows only once the server has answered
  // `initialize` (VS Code refuses it before): the caller runs this on `initialized`.
  return () => {
    if (!dynamic) return;
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [...sqsGlobs.map((globPattern) => ({ globPattern })), { globPattern: '**/*', kind: WatchKind.Delete }],
      })
      .catch((e: unknown) => log.warn(`could not register file watchers: ${String(e)}`));
  };
}
