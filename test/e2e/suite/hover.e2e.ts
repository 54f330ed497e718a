import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lineOf, replaceLine, revertAll } from './edit';
import { poll } from './wait';
import { liverpool, open } from './workspace';

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('hover', () => {
  afterEach(revertAll);

  it('on a criterion in a case file: its wording, this case, and the live tally of the inspection', async () => {
    const doc = (await open(liverpool('cases', 'liv-01.case.sqs.yaml'))).document;
    const at = new vscode.Position(lineOf(doc, /^ {2}"2\.1": sufficient$/), 4);

    const before = await poll(
      async () => {
        const t = await hoverText(doc.uri, at);
        return t.includes('of 22**') ? t : undefined;
      },
      { what: 'a hover with the 2.1 tally' },
    );
    assert.match(before, /\*\*2\\\.1 Risk of harm in the pre\\-sentence report\*\*/);
    assert.match(before, /This case: sufficient\./);
    assert.match(before, /Tally: \*\*19 of 22\*\* relevant cases sufficient/);

    await replaceLine(doc, /^ {2}"2\.1": sufficient$/, () => '  "2.1": not sufficient');
    const after = await poll(
      async () => {
        const t = await hoverText(doc.uri, at);
        return t.includes('**18 of 22**') ? t : undefined;
      },
      { what: 'the hover to show the tally after the unsaved edit' },
    );
    assert.match(after, /This case: not sufficient\./);
  });
});
