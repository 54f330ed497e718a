import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, check, copyOf, lineOf, liverpool, liverpoolTalliesOnly, summary, swap, type Edit } from '../helpers/example';

// Part 1 (count invariants) and part 2 (stated against tallied), on mutated copies of the Liverpool example.
// The tallies-only twin has no case files, so every finding there comes from the stated numbers alone.

const inspection = 'inspection.sqs.yaml';

function mutated(example: string, ...edits: Edit[]) {
  const dir = copyOf(example, { [inspection]: (text) => edits.reduce((t, e) => e(t), text) });
  return { dir, ...check(dir) };
}

describe('count invariants on stated tallies (SQS020–SQS025)', () => {
  it('the published figures are consistent: both Liverpool examples check clean', () => {
    for (const example of [liverpool, liverpoolTalliesOnly]) {
      const r = check(example);
      assert.equal(r.code, 0, summary(r.findings));
      assert.deepEqual(r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), [], summary(r.findings));
    }
  });

  it('relevant above the sample names both numbers and both places', () => {
    const r = mutated(liverpoolTalliesOnly, swap('"1.5": { relevant: 9, sufficient: 7 }', '"1.5": { relevant: 35, sufficient: 7 }'));
    assert.equal(r.code, 1);
    const f = r.findings.filter((x) => x.code === 'SQS021');
    assert.equal(f.length, 1, summary(r.findings));
    assert.equal(f[0]!.line, lineOf(r.dir, inspection, '"1.5": { relevant: 35'));
    const sampleLine = lineOf(r.dir, inspection, 'sample: 34');
    assert.equal(f[0]!.message, `1.5: relevant 35 exceeds sampled 34 — inspection.sqs.yaml:${sampleLine}`);
    assert.equal(f[0]!.related![0]!.range.start.line + 1, sampleLine);
  });

  it('sufficient above relevant, done above due and sufficient above done are each reported once, on the bigger number', () => {
    const r = mutated(
      liverpoolTalliesOnly,
      swap('"1.5": { relevant: 9, sufficient: 7 }', '"1.5": { relevant: 9, sufficient: 10 }'),
      swap('    due: 24\n    done: 22\n    sufficient: 13', '    due: 24\n    done: 25\n    sufficient: 13'),
      swap('      due: 24\n      done: 20\n      sufficient: 15', '      due: 24\n      done: 14\n      sufficient: 15'),
    );
    const f = r.findings.filter((x) => x.code === 'SQS021').map((x) => `${x.line} ${x.message.replace(/ — .*/, '')}`);
    assert.deepEqual(f.sort(), [
      `${lineOf(r.dir, inspection, 'sufficient: 10')} 1.5: sufficient 10 exceeds relevant 9`,
      `${lineOf(r.dir, inspection, 'done: 25')} 1.3: done 25 exceeds due 24`,
      `${lineOf(r.dir, inspection, 'done: 14') + 1} 1.4 review: sufficient 15 exceeds done 14`,
    ].sort());
  });

  it('not sufficient must be relevant − sufficient; the fix sets it', () => {
    const r = mutated(liverpoolTalliesOnly, swap('    done: 21\n    sufficient: 15\n', '    done: 21\n    sufficient: 16\n'));
    const f = r.findings.find((x) => x.code === 'SQS022')!;
    assert.ok(f, summary(r.findings));
    assert.equal(f.line, lineOf(r.dir, inspection, 'not_sufficient: 11'));
    assert.match(f.message, /^2\.4: not sufficient 11 but due 26 − sufficient 16 = 10/);
    const fixed = applyFix(r.dir, inspection, f.fixes![0]!);
    assert.match(fixed, /not_sufficient: 10\n/);
    const after = check(r.dir);
    assert.equal(after.code, 0, summary(after.findings));
  });

  it('due − done must be the reviews that did not take place', () => {
    const r = mutated(liverpoolTalliesOnly, swap('reasons: { no-review: 2, copy-of-previous: 5', 'reasons: { no-review: 3, copy-of-previous: 5'));
    const f = r.findings.find((x) => x.code === 'SQS022')!;
    assert.equal(f.line, lineOf(r.dir, inspection, 'no-review: 3, copy-of-previous'));
    assert.match(f.message, /1\.3: no-review 3 but due 24 − done 22 = 2 reviews did not take place/);
  });

  it('reasons that partition must sum to not sufficient; reported on the reasons key', () => {
    const r = mutated(liverpoolTalliesOnly, swap('not-done: 3, previous-violence-ignored: 2', 'not-done: 4, previous-violence-ignored: 2'));
    const f = r.findings.filter((x) => x.code === 'SQS023');
    assert.equal(f.length, 1, summary(r.findings));
    assert.equal(f[0]!.line, lineOf(r.dir, inspection, 'not-done: 4'));
    assert.match(f[0]!.message, /2\.2 assessment: the reasons add up to 8 but not sufficient is 7 \(relevant 34 − sufficient 27\)/);
  });

  it('a reason that may overlap others must not exceed not sufficient', () => {
    const r = mutated(liverpoolTalliesOnly, swap('reasons: { no-plan: 5, response-insufficient: 3', 'reasons: { no-plan: 10, response-insufficient: 3'));
    const f = r.findings.find((x) => x.code === 'SQS021')!;
    assert.ok(f, summary(r.findings));
    assert.equal(f.line, lineOf(r.dir, inspection, 'no-plan: 10'));
    assert.equal(f.message, '3.3 plan: reason no-plan 10 exceeds not sufficient 9 (relevant 31 − sufficient 22)');
  });

  describe('one wrong number, one finding', () => {
    const wrongOnes = (r: { findings: { code: string; severity: string; line: number }[] }) =>
      r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.line} ${f.code}`);

    it('sufficient above relevant is SQS021 alone, not also "not sufficient ≠ relevant − sufficient"', () => {
      const r = mutated(liverpoolTalliesOnly, swap('    done: 21\n    sufficient: 15\n', '    done: 21\n    sufficient: 30\n'));
      assert.deepEqual(wrongOnes(r), [`${lineOf(r.dir, inspection, '"2.4":') + 3} SQS021`], summary(r.findings));
      assert.match(r.findings[0]!.message, /^2\.4: sufficient 30 exceeds done 21/);
    });

    it('not sufficient above relevant is SQS021 alone; sufficient and relevant then still hold the reasons', () => {
      const r = mutated(liverpoolTalliesOnly, swap('    sufficient: 15\n    not_sufficient: 11\n', '    sufficient: 15\n    not_sufficient: 30\n'));
      assert.deepEqual(wrongOnes(r), [`${lineOf(r.dir, inspection, 'not_sufficient: 30')} SQS021`], summary(r.findings));
    });

    it('a due count above the sample is the one finding: the sums it is part of are not checked against it', () => {
      // Before: also "not sufficient 11 but due 40 − sufficient 15 = 25" and "no-review 5 but due 40 − done 21 = 19".
      const r = mutated(liverpoolTalliesOnly, swap('  "2.4":\n    due: 26\n', '  "2.4":\n    due: 40\n'));
      assert.deepEqual(wrongOnes(r), [`${lineOf(r.dir, inspection, 'due: 40')} SQS021`], summary(r.findings));
      assert.match(r.findings[0]!.message, /^2\.4: due 40 exceeds sampled 34/);
    });

    it('a wrong not-sufficient count is SQS022 alone, though the reasons that share it out add up to the right one', () => {
      const r = mutated(liverpoolTalliesOnly, swap('      relevant: 34\n      sufficient: 27\n', '      relevant: 34\n      sufficient: 27\n      not_sufficient: 8\n'));
      assert.deepEqual(wrongOnes(r), [`${lineOf(r.dir, inspection, 'not_sufficient: 8')} SQS022`], summary(r.findings));
    });

    it('with case files, a stated count they contradict is SQS030 alone: not also SQS021 against another count', () => {
      const r = mutated(liverpool, swap('"2.1": { relevant: 22, sufficient: 19 }', '"2.1": { relevant: 22, sufficient: 25 }'));
      assert.deepEqual(wrongOnes(r), [`${lineOf(r.dir, inspection, 'sufficient: 25')} SQS030`], summary(r.findings));
    });

    it('with case files, a PSR count out of line with the others is SQS030 alone (the tally says which is wrong), not also SQS025', () => {
      const r = mutated(liverpool, swap('"2.1": { relevant: 22, sufficient: 19 }', '"2.1": { relevant: 23, sufficient: 19 }'));
      assert.deepEqual(wrongOnes(r), [`${lineOf(r.dir, inspection, '"2.1": { relevant: 23')} SQS030`], summary(r.findings));
    });

    it('with case files, a reason above not sufficient is SQS030 alone', () => {
      const r = mutated(liverpool, swap('reasons: { no-plan: 5, response-insufficient: 3', 'reasons: { no-plan: 10, response-insufficient: 3'));
      assert.deepEqual(wrongOnes(r), [`${lineOf(r.dir, inspection, 'no-plan: 10')} SQS030`], summary(r.findings));
    });
  });

  it('a custody-only criterion cannot count more cases than the custodial cases stated for 1.5', () => {
    const r = mutated(liverpoolTalliesOnly, swap('custody: { relevant: 9, sufficient: 9 }', 'custody: { relevant: 10, sufficient: 9 }'));
    const f = r.findings.filter((x) => x.code === 'SQS024');
    assert.equal(f.length, 1, summary(r.findings));
    assert.equal(f[0]!.line, lineOf(r.dir, inspection, 'custody: { relevant: 10'));
    assert.match(f[0]!.message, /^2\.3 custody: relevant 10 exceeds the 9 custodial cases stated for 1\.5 — inspection\.sqs\.yaml:\d+$/);
  });

  it('the response to non-compliance cannot count more cases than did not comply', () => {
    const r = mutated(liverpoolTalliesOnly, swap('complied: { relevant: 34, sufficient: 16 }', 'complied: { relevant: 34, sufficient: 20 }'));
    const f = r.findings.find((x) => x.code === 'SQS024')!;
    assert.ok(f, summary(r.findings));
    assert.equal(f.line, lineOf(r.dir, inspection, 'response: { relevant: 18'));
    assert.match(f.message, /4\.5 response: relevant 18 exceeds the 14 not sufficient for 4\.5 complied \(relevant 34 − sufficient 20\)/);
  });

  it('the PSR criteria must agree on the number of PSR cases: the odd one out is flagged', () => {
    const r = mutated(liverpoolTalliesOnly, swap('"2.1": { relevant: 22, sufficient: 19 }', '"2.1": { relevant: 23, sufficient: 19 }'));
    const f = r.findings.filter((x) => x.code === 'SQS025');
    assert.equal(f.length, 1, summary(r.findings));
    assert.equal(f[0]!.severity, 'warning');
    assert.equal(f[0]!.line, lineOf(r.dir, inspection, '"2.1": { relevant: 23'));
    assert.match(f[0]!.message, /^2\.1: relevant 23, but 1\.1 report states 22 cases with a PSR — inspection\.sqs\.yaml:\d+; both count the same cases\.$/);
  });

  it('negative numbers, fractions and percentages where a count belongs are SQS020 errors on the value', () => {
    const r = mutated(
      liverpoolTalliesOnly,
      swap('"1.5": { relevant: 9, sufficient: 7 }', '"1.5": { relevant: 9, sufficient: 77% }'),
      swap('"2.1": { relevant: 22, sufficient: 19 }', '"2.1": { relevant: 22, sufficient: -19 }'),
      swap('"3.5": { relevant: 29, sufficient: 20 }', '"3.5": { relevant: 29, sufficient: 20.5 }'),
    );
    const f = r.findings.filter((x) => x.code === 'SQS020').map((x) => x.line).sort((a, b) => a - b);
    assert.deepEqual(f, [lineOf(r.dir, inspection, '77%'), lineOf(r.dir, inspection, '-19'), lineOf(r.dir, inspection, '20.5')]);
    assert.equal(r.code, 1);
  });
});

describe('stated against tallied (SQS030)', () => {
  it('a stated count the case files do not support is an error on the number, with the cases and a fix', () => {
    const r = mutated(liverpool, swap('"2.1": { relevant: 22, sufficient: 19 }', '"2.1": { relevant: 22, sufficient: 18 }'));
    const f = r.findings.filter((x) => x.code === 'SQS030');
    assert.equal(f.length, 1, summary(r.findings));
    const [mismatch] = f;
    assert.equal(mismatch!.line, lineOf(r.dir, inspection, '"2.1": { relevant: 22, sufficient: 18 }'));
    assert.match(mismatch!.message, /^2\.1: sufficient 18, but the case files tally 19\. The first 12 of the 19 cases are listed\.$/);
    // Related places are the judgements that make up the tally, in the case files.
    assert.equal(mismatch!.related!.length, 12);
    for (const rel of mismatch!.related!) {
      assert.match(rel.uri, /\/cases\/liv-\d\d\.case\.sqs\.yaml$/);
      assert.match(rel.message, /^LIV-\d\d: sufficient$/);
    }
    const fix = mismatch!.fixes![0]!;
    assert.equal(fix.title, 'Set to 19 (tallied from case files)');
    applyFix(r.dir, inspection, fix);
    const after = check(r.dir);
    assert.equal(after.code, 0, summary(after.findings));
  });

  it('compares reasons, reviews done and counts of a criterion with several questions', () => {
    const r = mutated(
      liverpool,
      swap('reasons: { copy-of-earlier: 4 }', 'reasons: { copy-of-earlier: 5 }'),
      swap('psr: { relevant: 22, sufficient: 21 }', 'psr: { relevant: 22, sufficient: 21, not_sufficient: 2 }'),
    );
    const f = r.findings.filter((x) => x.code === 'SQS030').map((x) => `${x.line} ${x.message}`);
    assert.deepEqual(f.sort(), [
      `${lineOf(r.dir, inspection, 'copy-of-earlier: 5')} 2.2 review: reason copy-of-earlier 5, but the case files tally 4.`,
      `${lineOf(r.dir, inspection, 'not_sufficient: 2')} 4.2 psr: not sufficient 2, but the case files tally 1.`,
    ].sort());
  });

  it('names the counts of a review question as the file does: due and done', () => {
    const r = mutated(liverpool, swap('    due: 26\n', '    due: 27\n    done: 30\n'));
    const f = r.findings.filter((x) => x.code === 'SQS030').map((x) => `${x.line} ${x.message}`);
    assert.equal(f.length, 2, summary(r.findings));
    assert.match(f.find((m) => m.includes('due'))!, new RegExp(`^${lineOf(r.dir, inspection, 'due: 27')} 2\\.4: due 27, but the case files tally 26\\. The first 12 of the 26 cases are listed\\.$`));
    assert.match(f.find((m) => m.includes('done'))!, new RegExp(`^${lineOf(r.dir, inspection, 'done: 30')} 2\\.4: done 30, but the case files tally \\d+\\.`));
  });

  it('says when the tally is incomplete: case files missing or judgements not yet made', () => {
    const dir = copyOf(liverpool, {
      'cases/liv-34.case.sqs.yaml': null,
      'cases/liv-10.case.sqs.yaml': swap('  "2.2": { assessment: sufficient, review: n/a }\n', '  "2.2": { review: n/a }\n'),
    });
    const r = check(dir);
    const f = r.findings.find((x) => x.code === 'SQS030' && x.message.startsWith('2.2 assessment: relevant'))!;
    assert.ok(f, summary(r.findings));
    assert.match(f.message, /\(1 case not yet judged and 33 of the 34 sampled case files written\)/);
    assert.equal(f.fixes![0]!.preferred, false, 'an incomplete tally is not the preferred fix');
  });
});
