import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { errorText, type Logger } from './safe';
import type { Workspace } from './workspace';

/**
 * Indexes the SQS files of the workspace folders, with progress in the editor. Documents the client
 * opens meanwhile are indexed from their text as usual; when the folders are done, diagnostics refresh.
 */
export async function indexWorkspace(connection: Connection, ws: Workspace, folders: readonly string[], log: Logger): Promise<void> {
  if (folders.length === 0) return;
  const started = Date.now();
  // Indexing starts before the editor has answered for the progress bar: the folders must be the workspace's
  // at once, before the first await, because VS Code opens the editors of the last session right after
  // `initialized`, and a file opened inside a folder not yet known would be taken for one from outside (its
  // folder brought in: walked twice, watched twice, every save reported twice).
  let progress: WorkDoneProgressServerReporter | undefined;
  let shown: [number, number] | undefined;
  const show = (done: number, total: number) => progress?.report(total === 0 ? 100 : Math.round((done / total) * 100), `${done}/${total} files`);
  const indexing = ws.indexFolders(
    folders,
    (done, total) => {
      shown = [done, total];
      show(done, total);
    },
    () => progress?.token.isCancellationRequested === true,
  );
  // Handled below; marked now so a failure while the progress is still being asked for is not "unhandled".
  indexing.catch(() => undefined);
  try {
    progress = await connection.window.createWorkDoneProgress();
    progress.begin('Indexing SQS files', 0, undefined, true);
    if (shown) show(...shown);
  } catch (e) {
    log.warn(`no progress shown for indexing: ${errorText(e)}`);
  }
  try {
    const count = await indexing;
    // Said here too, not only on the files: "indexed 35" alone reads as all 35 counted.
    const unreadable = ws.unreadable(folders).length;
    log.info(`Indexed ${count} SQS file${count === 1 ? '' : 's'} in ${Date.now() - started} ms${unreadable > 0 ? `; ${unreadable} could not be read` : ''}.`);
  } finally {
    progress?.done();
  }
}
