import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { ExportDataRequest, type ExportDataParams } from '../../server/src/protocol';
import { csvRecords } from '../helpers/csv';
import { ensureBundle, TestClient } from './harness';

// sqs/exportData from the bundled server, as *SQS: Export Data…* asks for it: one inspection or the workspace, every
// format, unsaved edits included; and the comparison `sqs.compare.folders` asks for, in the hover.

const examples = path.resolve(__dirname, '../../examples');
const uriOf = (p: string) => URI.file(path.join(examples, p)).toString();
const caseUri = uriOf('liverpool-2013/cases/liv-01.case.sqs.yaml');
const caseText = readFileSync(path.join(examples, 'liverpool-2013/cases/liv-01.case.sqs.yaml'), 'utf8');

describe('sqs/exportData and the comparison on the two examples', () => {
  // `..` from each inspection's folder is examples/: each is compared with the other.
  const client = new TestClient({ settings: { compare: { folders: ['..'] } } });
  const exportData = (params: ExportDataParams) => client.connection.sendRequest(ExportDataRequest, params);
  before(async () => {
    ensureBundle();
    await client.start(URI.file(examples).toString());
  });
  after(() => client.stop());

  it('exports one inspection as CSV, and the workspace as XLSX and JSON', async () => {
    const one = await exportData({ scope: 'inspection', uri: caseUri, format: 'csv', level: 'tallies' });
    assert.ok(one);
    assert.deepEqual([one.encoding, one.inspections], ['utf8', 1]);
    const rows = csvRecords(one.data);
    assert.deepEqual([...new Set(rows.map((r) => r.inspection))], ['Liverpool']);
    const report = rows.find((r) => r.criterion === '1.1' && r.question === 'report')!;
    assert.deepEqual([report.relevant, report.sufficient, report.percent_sufficient], ['22', '19', '86.4']);
    const all = await exportData({ scope: 'workspace', format: 'xlsx' });
    assert.deepEqual([all?.encoding, all?.inspections], ['base64', 2]);
    assert.equal(Buffer.from(all!.data, 'base64').subarray(0, 2).toString('latin1'), 'PK');
    const json = JSON.parse((await exportData({ scope: 'workspace', format: 'json' }))!.data) as { cases: unknown[]; tallies: { figures_from: string }[] };
    assert.deepEqual([...new Set(json.tallies.map((t) => t.figures_from))].sort(), ['cases', 'stated']);
    assert.ok(!one.data.includes('ABH on a peer') && !JSON.stringify(json).includes('ABH on a peer'), 'no notes unless asked');
    const notes = await exportData({ scope: 'inspection', uri: caseUri, format: 'csv', includeNotes: true });
    assert.ok(notes!.data.includes('ABH on a peer'));
  });

  it('exports what the editors hold, unsaved edits included, with the errors they make', async () => {
    await client.open(caseUri, caseText.replace('    report: sufficient\n', '    report: not sufficient\n'));
    const rows = csvRecords((await exportData({ scope: 'inspection', uri: caseUri, format: 'csv', level: 'tallies' }))!.data);
    const report = rows.find((r) => r.criterion === '1.1' && r.question === 'report')!;
    assert.deepEqual([report.sufficient, report.stated_agrees], ['18', 'no']);
    assert.ok(Number(report.errors) > 0, 'the stated 19 is now an error');
    await client.change(caseUri, caseText);
  });

  it('answers null for a format it does not know, or a file outside any inspection', async () => {
    assert.equal(await exportData({ scope: 'inspection', uri: caseUri, format: 'pdf' as 'csv' }), null);
    assert.equal(await exportData({ scope: 'inspection', uri: URI.file('/nowhere/x.case.sqs.yaml').toString(), format: 'csv' }), null);
  });

  it('sets the hover’s share beside the other inspection’s when sqs.compare.folders asks', async () => {
    const offset = caseText.indexOf('"1.1":') + 1;
    const line = caseText.slice(0, offset).split('\n').length - 1;
    const character = offset - caseText.lastIndexOf('\n', offset - 1) - 1;
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: caseUri }, position: { line, character } });
    const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    // The tallies-only example states 19 of 22 for 1.1 report, as the case files tally.
    assert.match(value, /Compared: \*\*86%\*\* here — mean 86% across 1 inspection/);
  });
});
