import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { liverpool } from './workspace';

async function symbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  await vscode.workspace.openTextDocument(uri);
  return vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
}
const named = (list: vscode.DocumentSymbol[], name: string) => {
  const s = list.find((x) => x.name === name);
  assert.ok(s, `"${name}" in the outline: ${list.map((x) => x.name).join(', ')}`);
  return s;
};

describe('outline', () => {
  it('lists a case file’s criteria by theme, named by their titles', async () => {
    const uri = liverpool('cases', 'liv-01.case.sqs.yaml');
    const top = await symbols(uri);
    assert.deepEqual(
      top.slice(0, 2).map((s) => s.name),
      ['case', 'sentence'],
    );
    const judgements = named(top, 'judgements');
    assert.deepEqual(
      judgements.children.map((t) => t.name.split(' ')[0]),
      ['1', '2', '3', '4', 'Operational'],
    );
    const harm = judgements.children[1]!;
    const psr = named(harm.children, '2.1 Risk of harm in the pre-sentence report');
    assert.equal(psr.detail, 'sufficient');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.getText(psr.selectionRange), '"2.1"');
  });

  it('lists the inspection file’s stated tallies by criterion', async () => {
    const top = await symbols(liverpool('inspection.sqs.yaml'));
    const tallies = named(top, 'tallies');
    const criteria = tallies.children.flatMap((theme) => theme.children.map((c) => c.name.split(' ')[0]));
    assert.ok(
      ['1.1', '1.5', '2.1', '4.5'].every((id) => criteria.includes(id)),
      `criteria under tallies: ${criteria.join(', ')}`,
    );
  });
});
