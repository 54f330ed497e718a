import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import {
  cellLetters,
  GridRequest,
  JudgementPlaceRequest,
  SetJudgementRequest,
  WorkspaceOverviewRequest,
  type SetJudgementParams,
} from '../../server/src/protocol';
import { applyEdits } from '../helpers/edits';
import { ensureBundle, TestClient } from './harness';

// The inspection at a glance through the bundled server: the cases view's overview (sqs/overview), the judgement
// grid (sqs/grid) and its edits (sqs/setJudgement, sqs/judgementPlace), unsaved edits included.

const folder = path.resolve(__dirname, '../../examples/liverpool-2013');
const uriOf = (p: string) => URI.file(path.join(folder, p)).toString();
const inspectionUri = uriOf('inspection.sqs.yaml');
const caseUri = uriOf('cases/liv-01.case.sqs.yaml');
const caseText = readFileSync(path.join(folder, 'cases/liv-01.case.sqs.yaml'), 'utf8');

describe('sqs/overview, sqs/grid and sqs/setJudgement on the Liverpool example', () => {
  const client = new TestClient();
  const grid = (since?: number) => client.connection.sendRequest(GridRequest, { uri: caseUri, ...(since !== undefined && { since }) });
  const set = (params: SetJudgementParams) => client.connection.sendRequest(SetJudgementRequest, params);
  before(async () => {
    ensureBundle();
    await client.start(URI.file(folder).toString());
  });
  after(() => client.stop());

  it('lists the 34 cases of the inspection once the workspace is read, each complete', async () => {
    const overview = await client.connection.sendRequest(WorkspaceOverviewRequest, {});
    assert.equal(overview.inspections.length, 1);
    const liverpool = overview.inspections[0]!;
    assert.deepEqual([liverpool.uri, liverpool.area, liverpool.sample, liverpool.cases.length], [inspectionUri, 'Liverpool', 34, 34]);
    assert.deepEqual(
      liverpool.cases.map((c) => c.left),
      new Array(34).fill(0),
    );
    assert.equal(liverpool.cases[0]!.label, 'LIV-01');
    assert.equal(liverpool.cases[0]!.inspector, 'JS');
    assert.deepEqual(overview.outside, []);
  });

  it('sends the grid with each column’s cells as one string of letters', async () => {
    const g = (await grid())!;
    assert.equal(g.inspectionUri, inspectionUri);
    assert.equal(g.columns.length, 34);
    for (const c of g.columns) assert.equal(c.cells.length, g.rows.length);
    const letters = new Set(Object.values(cellLetters));
    assert.ok(g.columns.every((c) => [...c.cells].every((l) => letters.has(l))));
    // Compact: a case costs its URI, its names and a letter per question on the wire.
    const beyondUri = (JSON.stringify(g.columns).length - g.columns.reduce((n, c) => n + c.uri.length, 0)) / g.columns.length;
    assert.ok(beyondUri < 250, `${beyondUri} characters per case besides its URI`);
  });

  it('works out a judgement’s edit on the text it is given, which the grid then shows as an unsaved edit', async () => {
    await client.open(caseUri, caseText);
    const answer = await set({ uri: caseUri, text: caseText, question: '1.2/assessment', value: 'not-sufficient' });
    assert.ok('edits' in answer, JSON.stringify(answer));
    const edited = applyEdits(caseText, answer.edits);
    assert.equal(edited, caseText.replace('  "1.2": sufficient\n', '  "1.2": not sufficient\n'));
    const held = (await grid())!;
    await client.change(caseUri, edited);
    // Asked against the grid held: the one case that changed, at its place, and the rows with their tallies.
    const g = (await grid(held.revision))!;
    assert.deepEqual(g.delta, { since: held.revision, indices: [0] });
    assert.equal(g.columns.length, 1);
    const row = g.rows.findIndex((r) => r.question === '1.2/assessment');
    assert.equal(g.columns[0]!.cells[row], cellLetters['not-sufficient']);
    assert.equal(g.rows[row]!.tally.notSufficient, held.rows[row]!.tally.notSufficient + 1);
    // Against a grid the server did not send last, the whole grid.
    assert.equal((await grid(held.revision - 1))!.delta, undefined);
    await client.change(caseUri, caseText);
  });

  it('refuses what the grid may not do, saying why', async () => {
    // LIV-01 is on a community sentence: the custody questions do not apply.
    const answer = await set({ uri: caseUri, text: caseText, question: '1.5/custody-plan', value: 'sufficient' });
    assert.ok('problem' in answer);
    assert.match(answer.problem, /does not apply to LIV-01/);
    const malformed = await set({ uri: caseUri, text: caseText, question: '1.2/assessment', value: 'Sufficient' as never });
    assert.ok('problem' in malformed);
  });

  it('says where a judgement is, or where it would go', async () => {
    const at = (await client.connection.sendRequest(JudgementPlaceRequest, { uri: caseUri, question: '2.5/victim' }))!;
    assert.equal(caseText.split('\n')[at.start.line]!.slice(at.start.character, at.end.character), 'sufficient');
    assert.equal(caseText.split('\n')[at.start.line]!.trim(), '"2.5": sufficient   # victim moved school; both schools informed');
    assert.equal(await client.connection.sendRequest(JudgementPlaceRequest, { uri: caseUri, question: 'no/such' }), null);
  });
});
