import type { Connection } from 'vscode-languageserver/node';
import type { Logger } from './safe';
import type { Workspace } from './workspace';

/**
 * Indexes the SQS files of the workspace folders, with progress in the editor. Documents the client
 * opens meanwhile are indexed from their text as usual; when the folders are done, diagnostics refresh.
 */
export async function indexWorkspace(connection: Connection, ws: Workspace, folders: readonly string[], log: Logger): Promise<void> {
  if (folders.length === 0) return;
  const started = Date.now();
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin('Indexing SQS files', 0, undefined, true);
  try {
    const count = await ws.indexFolders(
      folders,
      (done, total) => progress.report(total === 0 ? 100 : Math.round((done / total) * 100), `${done}/${total} files`),
      () => progress.token.isCancellationRequested,
    );
    log.info(`Indexed ${count} SQS file${count === 1 ? '' : 's'} in ${Date.now() - started} ms.`);
  } finally {
    progress.done();
  }
}
