import * as vscode from 'vscode';
import { commandIds, ExportRequest, reportFormats, type ExportRefusal, type ReportFormat } from '../../../server/src/protocol';
import type { SqsServer } from '../server';
import { writeAtomically } from '../writeAtomically';
import { exportPicks } from './exportPicks';

// "SQS: Export Report…" and the preview's export buttons. The server renders (the same renderers as `sqs
// render`); here is only the asking: which format, where to save, and progress while a binary file is made.

/**
 * @param previewed the inspection of the focused preview, for the command run from the palette or the
 *   preview's title bar (no text editor is active then)
 */
export function registerExport(server: SqsServer, previewed: () => string | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(commandIds.exportReport, async (resource?: unknown, format?: unknown) => {
    const fromPreview = previewed();
    const file =
      resource instanceof vscode.Uri ? resource : (vscode.window.activeTextEditor?.document.uri ?? (fromPreview ? vscode.Uri.parse(fromPreview) : undefined));
    if (!file) {
      void vscode.window.showInformationMessage('Open an SQS inspection or case file to export its report.');
      return;
    }
    const found = await server.inspectionOf(file, 'to export');
    if ('problem' in found) {
      void vscode.window.showWarningMessage(found.problem);
      return;
    }
    const inspection = found.inspection;
    if (inspection.errors > 0) {
      // As `sqs render` refuses without --force: figures with errors behind them are not the report yet.
      const go = await vscode.window.showWarningMessage(
        `The inspection has ${inspection.errors} error${inspection.errors === 1 ? '' : 's'} (see the Problems view), so some of the report's figures cannot be trusted.`,
        { modal: true, detail: 'Paragraphs whose figures are in doubt are printed as the case files have them.' },
        'Export Anyway',
      );
      if (go !== 'Export Anyway') return;
    }
    const chosen = reportFormats.find((f: ReportFormat) => f.id === format) ?? (await pickFormat());
    if (!chosen) return;
    const { extension, fileType } = chosen;
    const folder = vscode.Uri.parse(inspection.folder);
    const suggested = `${slug(inspection.area ?? basename(folder)) || 'inspection'}-sqs-report.${extension}`;
    const target = await vscode.window.showSaveDialog({
      title: 'Export the SQS report',
      defaultUri: vscode.Uri.joinPath(folder, suggested),
      filters: { [fileType]: [extension] },
      saveLabel: 'Export',
    });
    if (!target) return;
    // A binary file (a zipped Word document) takes a moment: say so where it cannot be missed, and let it be cancelled.
    const location = chosen.binary ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
    const written = await vscode.window
      .withProgress(
        { location, title: `Exporting the report as ${fileType}`, cancellable: chosen.binary },
        async (_progress, token): Promise<boolean | ExportRefusal> => {
          const result = await server.request(ExportRequest, { uri: inspection.uri, format: chosen.id }, token);
          if (token.isCancellationRequested) return false;
          if (!result) throw new Error('the language server has no report for this inspection');
          // Text that could identify a child: the server renders nothing, and nothing is written.
          if (result.refused) return result.refused;
          const bytes = result.encoding === 'base64' ? Buffer.from(result.data, 'base64') : Buffer.from(result.data, 'utf8');
          // As `sqs render --out` writes: never over an SQS file or through a link, and whole or not at all.
          await writeAtomically(target, bytes);
          return true;
        },
      )
      .then(
        (ok) => ok,
        (e: unknown) => {
          void vscode.window.showErrorMessage(`The report could not be exported: ${e instanceof Error ? e.message : String(e)}`);
          return false;
        },
      );
    if (typeof written === 'object') return showRefusal(written);
    if (!written) return;
    // A binary file is for its own program: show where it is rather than open it as text.
    const open = chosen.binary ? 'Reveal' : 'Open';
    const answer = await vscode.window.showInformationMessage(`Report exported to ${vscode.workspace.asRelativePath(target)}.`, open);
    if (answer === 'Reveal') await vscode.commands.executeCommand('revealFileInOS', target);
    if (answer === 'Open') await vscode.window.showTextDocument(target);
  });
}

/** Why the report was not exported, with the way to the findings in the way. */
async function showRefusal(refusal: ExportRefusal): Promise<void> {
  const first = refusal.findings[0];
  const answer = await vscode.window.showErrorMessage(
    `The report was not exported. ${refusal.message}`,
    'Show Problems',
    ...(first ? ['Go to the First'] : []),
  );
  if (answer === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
  if (answer === 'Go to the First' && first) {
    const { start, end } = first.range;
    await vscode.window.showTextDocument(vscode.Uri.parse(first.uri), { selection: new vscode.Range(start.line, start.character, end.line, end.character) });
  }
}

async function pickFormat(): Promise<ReportFormat | undefined> {
  const pick = await vscode.window.showQuickPick(exportPicks(), { title: 'Export the SQS report as' });
  return pick?.format;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function basename(uri: vscode.Uri): string {
  return uri.path.replace(/\/$/, '').slice(uri.path.replace(/\/$/, '').lastIndexOf('/') + 1);
}
