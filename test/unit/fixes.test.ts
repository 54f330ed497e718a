import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../helpers/edits';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';

/** Applies the preferred fix of the one finding with `code` and returns the new text and its findings. */
function fixOnce(files: Record<string, string>, file: string, code: string) {
  const ws = workspace(files);
  const found = ws.findings(file).filter((f) => f.code === code);
  assert.equal(found.length, 1, `one ${code} in ${file}: ${JSON.stringify(ws.findings(file).map((f) => f.message))}`);
  const fix = found[0]!.fixes?.find((f) => f.preferred);
  assert.ok(fix, `${code} offers a preferred fix`);
  const text = applyEdits(files[file]!, fix.edits);
  ws.index.set(ws.uri(file), text);
  return { text, title: fix.title, findings: ws.findings(file) };
}

describe('"did you mean" fixes', () => {
  it('renames a misspelt key', () => {
    const files = { 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': minimalCase('T-1').replace('sentence:', 'sentense:') };
    const r = fixOnce(files, 'a.case.sqs.yaml', 'SQS010');
    assert.equal(r.title, 'Change to "sentence"');
    assert.match(r.text, /^sentence: referral order$/m);
    assert.deepEqual(
      r.findings.filter((f) => f.severity === 'error').map((f) => f.code),
      [],
    );
  });

  it('corrects a misspelt judgement word', () => {
    const files = { 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': minimalCase('T-1').replace('"1.2": sufficient', '"1.2": sufficent') };
    const r = fixOnce(files, 'a.case.sqs.yaml', 'SQS011');
    assert.match(r.text, /"1\.2": sufficient$/m);
    assert.equal(r.findings.filter((f) => f.code === 'SQS011').length, 0);
  });

  it('offers a quoted criterion id for a near miss, and none where the theme has several', () => {
    const near = minimalCase('T-1').replace('"1.2": sufficient', '"OX": sufficient');
    const r = fixOnce({ 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': near }, 'a.case.sqs.yaml', 'SQS013');
    assert.match(r.text, /^ {2}OM: sufficient$/m);
    const ws = workspace({ 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': minimalCase('T-1').replace('"1.2": sufficient', '"1.7": sufficient') });
    const f = ws.findings('a.case.sqs.yaml').find((x) => x.code === 'SQS013');
    assert.ok(f && !f.fixes, 'no guess between 1.1 … 1.5');
  });

  it('offers no fix when nothing is close', () => {
    const ws = workspace({ 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': minimalCase('T-1').replace('sentence:', 'zzzzzz:') });
    const f = ws.findings('a.case.sqs.yaml').find((x) => x.code === 'SQS010');
    assert.ok(f);
    assert.equal(f.fixes, undefined);
  });
});
