import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { lookupInspection, type Inspection } from '../../client/src/inspectionLookup';

// Preview and export once said "belongs to no inspection" for an unsaved file and for a server that was down
// alike: the inspector was told to add an inspection.sqs.yaml that was already there.

const inspection: Inspection = { uri: 'file:///ws/inspection.sqs.yaml', folder: 'file:///ws', cases: 1, casesJudged: 0, errors: 0, warnings: 0, revision: 1 };
const file = URI.file('/ws/cases/liv-01.case.sqs.yaml');

describe('the inspection a file belongs to (lookupInspection)', () => {
  it('is the one the server names', async () => {
    assert.deepEqual(await lookupInspection(file, async () => ({ kind: 'case', inspection }), 'to preview'), { inspection });
  });

  it('says a document in no folder is not a file, without asking the server', async () => {
    let asked = false;
    const r = await lookupInspection(URI.parse('untitled:/ws/cases/new.case.sqs.yaml'), async () => ((asked = true), null), 'to preview');
    assert.ok('problem' in r);
    assert.match(r.problem, /^new\.case\.sqs\.yaml is not a file in a folder \(untitled:\)/);
    assert.equal(asked, false);
  });

  it('says the server is not running when it is not, or when the request fails', async () => {
    const down = await lookupInspection(file, undefined, 'to export');
    assert.ok('problem' in down);
    assert.match(down.problem, /language server is not running, so there is no report to export/);
    const failed = await lookupInspection(file, () => Promise.reject(new Error('Client is not running')), 'to export');
    assert.ok('problem' in failed);
    assert.match(failed.problem, /language server is not running.*\(Client is not running\)$/);
    assert.doesNotMatch(failed.problem, /belongs to no inspection/);
  });

  it('says a file belongs to no inspection only when the server says so', async () => {
    const r = await lookupInspection(file, async () => ({ kind: 'case' }), 'to preview');
    assert.ok('problem' in r);
    assert.match(r.problem, /^liv-01\.case\.sqs\.yaml belongs to no inspection/);
  });
});
