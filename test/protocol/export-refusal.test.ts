import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { ExportRequest, ReportRequest } from '../../server/src/protocol';
import { ensureBundle, TestClient } from './harness';

// Issue 16 B3: the editor's export refuses a published format while text that reaches the report could identify a
// child, as `sqs render` does: the server renders nothing and says why, naming the findings. A severity setting
// does not change that; `# sqs-ignore` with a reason on the finding does.

const folder = path.resolve(__dirname, '../../examples/liverpool-2013');
const inspectionUri = URI.file(path.join(folder, 'inspection.sqs.yaml')).toString();
const caseUri = URI.file(path.join(folder, 'cases/liv-06.case.sqs.yaml')).toString();
const caseText = readFileSync(path.join(folder, 'cases/liv-06.case.sqs.yaml'), 'utf8');
const named = caseText.replace('with the young person saw him make', 'with Kieran saw him make');

describe('sqs/export and text that could identify a child', () => {
  const client = new TestClient();
  const exported = (format: 'html' | 'markdown' | 'docx') => client.connection.sendRequest(ExportRequest, { uri: inspectionUri, format });
  before(async () => {
    ensureBundle();
    await client.start(URI.file(folder).toString());
    await client.open(caseUri, caseText);
  });
  after(() => client.stop());

  it('exports the example as it is', async () => {
    const md = await exported('markdown');
    assert.equal(md?.refused, undefined);
    assert.match(md?.data ?? '', /In all but 3 out of the 22 relevant cases/);
  });

  it('refuses every format while an unsaved edit names a child in a quote, naming the finding, and marks its paragraph', async () => {
    await client.change(caseUri, named);
    try {
      for (const format of ['html', 'markdown', 'docx'] as const) {
        const r = await exported(format);
        assert.equal(r?.data, '', format);
        assert.match(
          r?.refused?.message ?? '',
          /^Not rendered for publication: a passage of text that reaches the report could identify a child \(SQS070\)/,
          format,
        );
        assert.deepEqual(
          r?.refused?.findings.map((f) => [f.code, f.uri, f.range.start.line]),
          [['SQS070', caseUri, named.split('\n').findIndex((l) => l.includes('with Kieran saw'))]],
          format,
        );
      }
      const report = await client.connection.sendRequest(ReportRequest, { uri: inspectionUri });
      assert.deepEqual(
        report?.marks.filter((m) => m.findings.some((f) => f.code === 'SQS070')).map((m) => [m.paragraphId, m.severity]),
        [['criterion-1.1', 'warning']],
      );
    } finally {
      await client.change(caseUri, caseText);
    }
  });

  it('still refuses with the code turned off in the settings: hiding a finding does not publish it', async () => {
    await client.change(caseUri, named);
    try {
      client.settings = { diagnostics: { severity: { SQS070: 'off' } } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const r = await exported('html');
      assert.deepEqual(
        r?.refused?.findings.map((f) => f.code),
        ['SQS070'],
      );
    } finally {
      client.settings = {};
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.change(caseUri, caseText);
    }
  });

  it('exports it once # sqs-ignore gives a reason to keep it', async () => {
    await client.change(caseUri, named.replace('      quote: >-', '      # sqs-ignore SQS070: his family asked for it\n      quote: >-'));
    try {
      const r = await exported('markdown');
      assert.equal(r?.refused, undefined);
      assert.match(r?.data ?? '', /with Kieran saw him make/);
    } finally {
      await client.change(caseUri, caseText);
    }
  });
});
