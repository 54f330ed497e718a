import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { main } from '../../server/src/cli/main';
import { Checker, InspectionIndex, TallyBook } from '../../server/src/core/api';
import { copyOf, liverpool, swap } from '../helpers/example';
import { minimalCase, minimalInspection } from '../helpers/index';

// Hostile nesting and bugs in checks: the file keeps every finding that could be worked out, above all its
// syntax errors, and nothing throws out of Checker.findingsFor.

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
    assert.equal(nesting[0]!.message, 'Lists or mappings are nested more than 64 deep here (an SQS file needs two or three levels): this value is not read.');
    assert.deepEqual(
      findings.filter((f) => f.code === 'SQS011').map((f) => f.ignored?.reason),
      ['pasted by mistake'],
    );
    assert.equal(findings.filter((f) => f.code === 'SQS009').length, 0);
  });

  it('sqs check reports it and exits 1, with no stack trace', () => {
    const dir = copyOf(liverpool, {
      'cases/liv-01.case.sqs.yaml': swap(
        'notes: ABH on a peer outside school. Supervision and curfew requirements.',
        `notes: ${deep(2000)}  # sqs-ignore SQS011: deep`,
      ),
    });
    let out = '';
    let err = '';
    const code = main(
      ['check', dir],
      (s) => (out += s),
      (s) => (err += s),
    );
    assert.equal(code, 1);
    assert.match(out, /cases\/liv-01\.case\.sqs\.yaml:8:\d+ error SQS001 Lists or mappings are nested more than 64 deep here/);
    assert.equal(err, '');
  });
});

describe('a check that throws', () => {
  // A bug stood in for by a model that throws when the count checks read it: they are the ones that
  // read the stated tallies; the sample size check, the file's own findings and the ignores do not.
  function broken() {
    const index = new InspectionIndex();
    const uri = 'file:///ws/inspection.sqs.yaml';
    index.set(uri, `${minimalInspection.replace('sample: 2', 'sample: 3')}inspecter: JS\ntallies:\n  "1.2": { relevant: 3, sufficient: 4 }\n`);
    index.set('file:///ws/a.case.sqs.yaml', minimalCase('A-1'));
    Object.defineProperty(index.get(uri)!.model, 'stated', {
      get: () => {
        throw new TypeError('the model broke');
      },
    });
    const errors: [string, string][] = [];
    const checker = new Checker(index, { onInternalError: (e, check, at) => errors.push([`${check}: ${(e as Error).message}`, at]) });
    return { findings: checker.findingsFor(uri), errors, uri };
  }

  it('costs that check its findings, and no other finding of the file', () => {
    const { findings } = broken();
    const codes = new Set(findings.map((f) => f.code));
    assert.ok(codes.has('SQS010'), 'the file’s own findings (the misspelt key)');
    assert.ok(codes.has('SQS040'), 'the sample size check, which does not read the tallies');
    assert.ok(!codes.has('SQS021'), 'the broken check found nothing');
  });

  it('is reported on the file as SQS009, once per failed check, and told to the adapter to log', () => {
    const { findings, errors, uri } = broken();
    const internal = findings.filter((f) => f.code === 'SQS009');
    assert.ok(internal.length >= 1);
    assert.ok(internal.every((f) => f.severity === 'error' && f.uri === uri && f.range.start.line === 0));
    assert.match(
      internal[0]!.message,
      /^Internal error in the check of stated counts \(SQS021–SQS023\): the model broke\. Its findings are missing here; every other check ran\./,
    );
    assert.deepEqual(errors[0], ['stated counts (SQS021–SQS023): the model broke', uri]);
    assert.equal(errors.length, internal.length);
  });

  it('sqs check and sqs render print the stack on stderr, once per check and file, beside the SQS009 finding', async () => {
    // The checks comparing stated with tallied counts read the tallies; a broken tally stands in for a bug there.
    const broken = mock.method(TallyBook.prototype, 'get', () => {
      throw new TypeError('the tally broke');
    });
    try {
      let out = '';
      let err = '';
      const code = main(
        ['check', liverpool],
        (s) => (out += s),
        (s) => (err += s),
      );
      assert.equal(code, 1);
      assert.match(out, /inspection\.sqs\.yaml:1:1 error SQS009 Internal error in the check of stated against tallied \(SQS030\): the tally broke\./);
      const told = err.match(/^sqs: internal error in the check of .*$/gm) ?? [];
      assert.ok(
        told.some((l) => /of stated against tallied \(SQS030\) on .*inspection\.sqs\.yaml \(please report it, with the file\):$/.test(l)),
        err.slice(0, 500),
      );
      assert.equal(new Set(told).size, told.length, 'each check and file told once');
      assert.match(err, /TypeError: the tally broke\n\s+at /, 'with its stack');

      let rendered = '';
      err = '';
      assert.equal(
        await main(
          ['render', liverpool],
          (s) => (rendered += s),
          (s) => (err += s),
        ),
        1,
        'SQS009 is an error, so render refuses',
      );
      assert.match(err, /TypeError: the tally broke\n\s+at /);
    } finally {
      broken.mock.restore();
    }
  });
});
