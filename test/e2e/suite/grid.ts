// The judgement grid as a test drives it: its panel, its cells, keys pressed on them. Shared by the desktop suite
// (grid.e2e.ts) and the web build's (test/e2e/web/), which open the same grid in another extension host.
import * as vscode from 'vscode';
import { frameText, inFrame } from './page';
import { poll } from './wait';

/** The Liverpool inspection's grid panel: its title, and the text its frame is found by. */
export const gridTitle = 'Judgements: Liverpool';
export const gridRow = (question: string) => `tr[data-question="${question}"]`;
/** The cell of the n-th case (1-based, LIV-01 first) in a question's row. */
export const gridCell = (question: string, n: number) => `${gridRow(question)} td[data-c="${n - 1}"]`;

export function gridTabs(): { label: string; column: vscode.ViewColumn }[] {
  return vscode.window.tabGroups.all.flatMap((g) =>
    g.tabs
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('sqs.grid'))
      .map((t) => ({ label: t.label, column: g.viewColumn })),
  );
}

/** Opens the grid of the inspection of `uri`, or of the file in the active editor. */
export async function openGrid(uri?: vscode.Uri, timeoutMs = 20_000): Promise<void> {
  await vscode.commands.executeCommand('sqs.grid.open', ...(uri ? [uri] : []));
  await poll(() => gridTabs().length > 0, { what: 'the grid panel to open', timeoutMs });
  await frameText(gridTitle, timeoutMs);
}

/** Clicks a cell (which puts it in the tab order and the focus there), then presses keys on it. */
export async function gridKeys(selector: string, pressed: string[]): Promise<void> {
  await inFrame(gridTitle, { action: 'click', selector });
  await inFrame(gridTitle, { action: 'press', selector, keys: pressed });
}

export const documentOf = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
