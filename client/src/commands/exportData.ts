import * as vscode from 'vscode';
import { commandIds, dataFormats, dataLevels, ExportDataRequest, type DataLevelId, type ExportDataParams } from '../../../server/src/protocol';

type DataFormat = (typeof dataFormats)[number];
import type { SqsServer } from '../server';
import { writeAtomically } from '../writeAtomically';

// "SQS: Export Data…" and the preview's Data button: the data behind the reports (judgements and tallies) as CSV,
// XLSX or JSON, of one inspection or every inspection of the workspace. The server makes the file's content (the
// same writers as `sqs export`); here is the asking and the writing, which is atomic.

/** What a caller (the preview, a test) may settle in advance instead of asking. */
export interface ExportDataChoices {
  scope?: ExportDataParams['scope'];
  format?: string;
  level?: DataLevelId;
  includeNotes?: boolean;
}

/** @param previewed the inspection of the focused preview, when the command is run from its title bar or the palette */
export function registerExportData(server: SqsServer, previewed: () => string | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(commandIds.exportData, async (resource?: unknown, preset?: ExportDataChoices) => {
    const given = preset ?? {};
    const fromPreview = previewed();
    const file =
      resource instanceof vscode.Uri ? resource : (vscode.window.activeTextEditor?.document.uri ?? (fromPreview ? vscode.Uri.parse(fromPreview) : undefined));
    const found = file ? await server.inspectionOf(file, 'to export data from') : undefined;
    const inspection = found && 'inspection' in found ? found.inspection : undefined;

    const scope = given.scope ?? (inspection ? await pickScope(inspection.area ?? 'this inspection') : 'workspace');
    if (!scope) return;
    if (scope === 'inspection' && !inspection) {
      void vscode.window.showWarningMessage(found && 'problem' in found ? found.problem : 'Open an SQS inspection or case file to export its data.');
      return;
    }
    const format = dataFormats.find((f) => f.id === given.format) ?? (await pickFormat());
    if (!format) return;
    const level = given.level ?? (format.oneLevel ? await pickLevel() : undefined);
    if (format.oneLevel && !level) return;
    const includeNotes = given.includeNotes ?? (await pickNotes());
    if (includeNotes === undefined) return;

    const folder = inspection && scope === 'inspection' ? vscode.Uri.parse(inspection.folder) : vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `${scope === 'inspection' && inspection ? slug(inspection.area ?? 'inspection') || 'inspection' : 'sqs'}-data${level ? `-${level}` : ''}.${format.extension}`;
    const target = await vscode.window.showSaveDialog({
      title: 'Export the SQS data',
      ...(folder && { defaultUri: vscode.Uri.joinPath(folder, name) }),
      filters: { [format.fileType]: [format.extension] },
      saveLabel: 'Export',
    });
    if (!target) return;
    const params: ExportDataParams = {
      scope,
      format: format.id,
      ...(inspection && scope === 'inspection' && { uri: inspection.uri }),
      ...(level && { level }),
      includeNotes,
    };
    const written = await vscode.window
      .withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Exporting the data as ${format.fileType}`, cancellable: true },
        async (_p, token) => {
          const result = await server.request(ExportDataRequest, params, token);
          if (token.isCancellationRequested) return undefined;
          if (!result) throw new Error('the language server has no inspection to export');
          await writeAtomically(target, result.encoding === 'base64' ? Buffer.from(result.data, 'base64') : Buffer.from(result.data, 'utf8'));
          return result.inspections;
        },
      )
      .then(
        (n) => n,
        (e: unknown) => {
          void vscode.window.showErrorMessage(`The data could not be exported: ${e instanceof Error ? e.message : String(e)}`);
          return undefined;
        },
      );
    if (written === undefined) return;
    const answer = await vscode.window.showInformationMessage(
      `Data of ${written} inspection${written === 1 ? '' : 's'} exported to ${vscode.workspace.asRelativePath(target)}.`,
      format.binary ? 'Reveal' : 'Open',
    );
    if (answer === 'Reveal') await vscode.commands.executeCommand('revealFileInOS', target);
    if (answer === 'Open') await vscode.window.showTextDocument(target);
  });
}

async function pickScope(area: string): Promise<ExportDataParams['scope'] | undefined> {
  const picks: (vscode.QuickPickItem & { scope: ExportDataParams['scope'] })[] = [
    { label: `This inspection (${area})`, scope: 'inspection' },
    { label: 'Every inspection in the workspace', scope: 'workspace' },
  ];
  return (await vscode.window.showQuickPick(picks, { title: 'Export the data of' }))?.scope;
}

async function pickFormat(): Promise<DataFormat | undefined> {
  const picks = dataFormats.map((format): vscode.QuickPickItem & { format: DataFormat } => ({ label: format.description, format }));
  return (await vscode.window.showQuickPick(picks, { title: 'Export the SQS data as' }))?.format;
}

async function pickLevel(): Promise<DataLevelId | undefined> {
  const picks = dataLevels.map((l) => ({ label: l.label, description: l.description, id: l.id }));
  return (await vscode.window.showQuickPick(picks, { title: 'A CSV file holds one table' }))?.id;
}

/** Notes and quotes can identify a child: left out unless the inspector chooses them. */
async function pickNotes(): Promise<boolean | undefined> {
  const picks = [
    { label: 'Leave out notes and quotes', description: 'they can identify a child', include: false },
    { label: 'Include notes and quotes', description: 'for the inspectors only', include: true },
  ];
  return (await vscode.window.showQuickPick(picks, { title: 'The inspectors’ notes and quotes' }))?.include;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
