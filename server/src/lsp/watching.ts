import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Connection } from 'vscode-languageserver/node';
import { guardedNotification, type Logger } from './safe';
import type { Workspace } from './workspace';

/** Files whose name makes them SQS files (see fileKindOf). */
export const sqsGlob = '**/*.sqs.{yaml,yml}';

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
        watchers: [{ globPattern: sqsGlob }, { globPattern: '**/*', kind: WatchKind.Delete }],
      })
      .catch((e: unknown) => log.warn(`could not register file watchers: ${String(e)}`));
  };
}
