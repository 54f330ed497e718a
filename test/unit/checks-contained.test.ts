import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main } from '../../server/src/cli/main';
import { Checker, InspectionIndex } from '../../server/src/core/index';
import { copyOf, liverpool, swap } from '../helpers/example';
import { minimalCase, minimalInspection } from '../helpers/index';

// Hostile nesting: the file keeps every finding that could be worked out, above all its syntax errors, and
// nothing throws out of Checker.findingsFor.

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

describe('a file nested thousands deep', () => {
  it('with a # sqs-ignore comment, gets its findings (the nesting reported, the ignore applied) instead of a stack overflow', () => {
    const index = new InspectionIndex();
    const uri = 'file:///ws/a.case.sqs.yaml';
    index.set('file:///ws/inspection.sqs.yaml', minimalInspection);
    index.set(uri, `${minimalCase('A-1')}notes: ${deep(2000)}  # sqs-ignore SQS011: pasted by mistake\n`);
    const findings = new Checker(index).findingsFor(uri);
    const nesting = findings.filter((f) => f.code === 'SQS001');
    assert.equal(nesting.length, 1, 'one finding, not one per level yaml unwound through');
    assert.equal(nesting[0]!.message, 'Lists or mappings are nested too deeply to read here (an SQS file needs a few levels, not hundreds); the nesting from here on is read as empty. (RESOURCE_EXHAUSTION)');
    assert.deepEqual(findings.filter((f) => f.code === 'SQS011').map((f) => f.ignored?.reason), ['pasted by mistake']);
  });

  it('sqs check reports it and exits 1, with no stack trace', () => {
    const dir = copyOf(liverpool, { 'cases/liv-01.case.sqs.yaml': swap('notes: ABH on a peer outside school. Supervision and curfew requirements.', `notes: ${deep(2000)}  # sqs-ignore SQS011: deep`) });
    let out = '';
    let err = '';
    const code = main(['check', dir], (s) => (out += s), (s) => (err += s));
    assert.equal(code, 1);
    assert.match(out, /cases\/liv-01\.case\.sqs\.yaml:8:\d+ error SQS001 Lists or mappings are nested too deeply/);
    assert.equal(err, '');
  });
});
