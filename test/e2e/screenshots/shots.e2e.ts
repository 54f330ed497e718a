// The documentation's screenshots (docs/img/), taken by `npm run screenshots` through the real-editor harness: the
// cases view, the judgement grid and the report preview on the Liverpool example, as an inspector sees them.
// Not a test: scripts/screenshots.mjs runs these scenes alone, with docs/img/ as the results folder.
import * as vscode from 'vscode';
import { frameText, inFrame, screenshot, workbenchTexts } from '../suite/page';
import { poll } from '../suite/wait';
import { liverpool, open } from '../suite/workspace';

const webviewTabs = (viewType: string) =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs.filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType)));

async function tidy(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
}

describe('screenshots for the documentation', () => {
  beforeEach(tidy);

  it('the cases view beside a case file', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.sqs');
    await open(liverpool('cases', 'liv-05.case.sqs.yaml'));
    await workbenchTexts('.part.sidebar .monaco-list-row', '34/34 cases judged', 30_000);
    await screenshot('cases-view');
  });

  it('the judgement grid beside a case file', async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const liv05 = liverpool('cases', 'liv-05.case.sqs.yaml');
    await open(liv05);
    await vscode.commands.executeCommand('sqs.grid.open', liv05);
    await poll(() => webviewTabs('sqs.grid').length > 0, { what: 'the grid' });
    await frameText('Judgements: Liverpool');
    await inFrame('Judgements: Liverpool', { action: 'click', selector: 'tr[data-question="2.2/assessment"] td[data-c="4"]' });
    await screenshot('grid');
  });

  it('the report preview beside the inspection file', async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await open(liverpool('inspection.sqs.yaml'));
    await vscode.commands.executeCommand('sqs.preview.openToSide');
    await poll(() => webviewTabs('sqs.preview').length > 0, { what: 'the preview' });
    await frameText('In all but 3 out of the 22 relevant cases');
    await screenshot('preview');
  });
});
