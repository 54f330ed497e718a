import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InspectionStatusRequest, PreviewRequest } from '../../server/src/protocol';
import { minimalCase, minimalInspection } from '../helpers/index';
import { TestClient, tempWorkspace } from './harness';

// VS Code runs the extension's own settings listener before its language client forwards the change to the
// server, so a preview or status item that asked again then got the old settings' answer. The server says
// when the new settings apply: sqs/inspectionsChanged for every inspection, whose report and status asked
// after it reflect them.

describe('a settings change', () => {
  // 9 of 10 initial assessments sufficient: worded by the phrasebook the settings choose.
  const files: Record<string, string> = { 'inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 10') };
  for (let i = 1; i <= 10; i++)
    files[`c${i}.case.sqs.yaml`] =
      `case: T-${i}\nsentence: referral order\npsr: no\nrisk_of_harm: no\nidentifiable_victim: no\njudgements:\n  "1.2": ${i === 1 ? 'not sufficient' : 'sufficient'}\n`;
  // A second inspection, with no file open: a sample of 2 with one case file (SQS040, sample-mismatch).
  const other = tempWorkspace({ 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': minimalCase('A-1') });
  const ws = tempWorkspace(files);
  const client = new TestClient({ settings: { phrasebook: 'education-scotland' } });
  const inspection = ws.uri('inspection.sqs.yaml');
  const otherInspection = other.uri('inspection.sqs.yaml');
  before(() => client.start(ws.uri(''), other.uri('')));
  after(async () => {
    await client.stop();
    ws.remove();
    other.remove();
  });

  /** Changes the settings as VS Code does (a bare notification, then the server asks) and returns the inspections announced. */
  const changeSettings = async (settings: Record<string, unknown>): Promise<string[]> => {
    const before = client.inspectionsNamed.length;
    client.settings = settings;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.until(() => client.inspectionsNamed.length > before, 'sqs/inspectionsChanged after the settings changed');
    return client.inspectionsNamed.slice(before).flat().sort();
  };
  const previewHtml = async () => (await client.connection.sendRequest(PreviewRequest, { uri: inspection }))!.html;
  const status = async (uri: string) => (await client.connection.sendRequest(InspectionStatusRequest, { uri }))!.inspection!;

  it('of the phrasebook is announced for every inspection, and the preview asked then is worded by the new one', async () => {
    const scottish = await previewHtml();
    assert.match(scottish, /data-phrasebook="education-scotland"/);
    assert.deepEqual(await changeSettings({}), [inspection, otherInspection].sort());
    const sqs = await previewHtml();
    assert.match(sqs, /data-phrasebook="sqs"/, "the catalogue's choice, once the setting is gone");
    assert.match(sqs, /All but one of the initial assessments/, 'worded by the SQS phrasebook');
    assert.doesNotMatch(scottish, /All but one of the initial assessments/);
  });

  it('of a severity is announced, and the status asked then counts by it', async () => {
    const before = await status(otherInspection);
    assert.deepEqual([before.errors, before.warnings], [1, 0], 'the sample mismatch (SQS040) is an error by default');
    assert.deepEqual(await changeSettings({ diagnostics: { severity: { 'sample-mismatch': 'warning' } } }), [inspection, otherInspection].sort());
    const after = await status(otherInspection);
    assert.deepEqual([after.errors, after.warnings], [0, 1]);
  });
});
