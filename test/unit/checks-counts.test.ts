import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, check, copyOf, lineOf, liverpool, liverpoolTalliesOnly, summary, swap, type Edit } from '../helpers/example';
import { minimalInspection, textOf, workspace } from '../helpers/index';
import { brokenRules } from '../../server/src/core/checks/countCulprit';
import { countRules, named, termsOf, type CountRule } from '../../server/src/core/checks/countRules';
import { statedCounts } from '../../server/src/core/checks/counts';

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
      assert.deepEqual(
        r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning'),
        [],
        summary(r.findings),
      );
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
      // Without its reasons, so that sufficient above done is the only rule 1.4 review fails.
      swap(
        '      due: 24\n      done: 20\n      sufficient: 15\n      reasons: { no-review: 4, insufficient-quality: 5 }\n',
        '      due: 24\n      done: 20\n      sufficient: 21\n',
      ),
    );
    const f = r.findings.filter((x) => x.code === 'SQS021').map((x) => `${x.line} ${x.message.replace(/ — .*/, '')}`);
    assert.deepEqual(
      f.sort(),
      [
        `${lineOf(r.dir, inspection, 'sufficient: 10')} 1.5: sufficient 10 exceeds relevant 9`,
        `${lineOf(r.dir, inspection, 'done: 25')} 1.3: done 25 exceeds due 24`,
        `${lineOf(r.dir, inspection, '      sufficient: 21')} 1.4 review: sufficient 21 exceeds done 20`,
      ].sort(),
    );
  });

  it('two failed rules sharing one number: one finding, on that number, with the value that fits them all', () => {
    // done 20 → 14: "sufficient 15 exceeds done 14" and "due 24 − done 14 = 10 but no-review is 4" both
    // involve done, and only done; blamed rule by rule, they would fall on sufficient and on no-review.
    const r = mutated(liverpoolTalliesOnly, swap('      due: 24\n      done: 20\n', '      due: 24\n      done: 14\n'));
    assert.deepEqual(
      r.findings.map((x) => `${x.line} ${x.code} ${x.message}`),
      [
        `${lineOf(r.dir, inspection, 'done: 14')} SQS021 1.4 review: done 14 does not fit the other counts: sufficient 15 exceeds done 14; due 24 − done 14 = 10 but reason no-review is 4. Done 20 fits them all.`,
      ],
    );
    const f = r.findings[0]!;
    assert.deepEqual(f.related!.map((x) => x.message).sort(), ['due 24', 'reason no-review 4', 'sufficient 15']);
    assert.equal(f.fixes![0]!.title, 'Set done to 20 (fits every other count)');
    assert.match(applyFix(r.dir, inspection, f.fixes![0]!), /\n {6}done: 20\n/);
    assert.equal(check(r.dir).code, 0);
  });

  it('two wrong numbers: no one number is in every failed rule, so each rule keeps its own finding', () => {
    // sufficient 15 → 25 and no-review 4 → 9: the failures share sufficient, or no-review, but not both.
    const r = mutated(
      liverpoolTalliesOnly,
      swap('      done: 20\n      sufficient: 15\n      reasons: { no-review: 4,', '      done: 20\n      sufficient: 25\n      reasons: { no-review: 9,'),
    );
    const review = r.findings.filter((x) => x.message.startsWith('1.4 review:'));
    assert.ok(review.length >= 2, summary(r.findings));
    assert.ok(
      review.every((x) => !x.message.includes('does not fit the other counts')),
      summary(review),
    );
  });

  it('one number in every failed rule, but no value of it fits: more is wrong, so each rule keeps its own finding', () => {
    // done 30 exceeds due 24 and sufficient 35 exceeds done 30: both involve done, but sufficient 35 also
    // exceeds due 24, so no value of done alone mends them.
    const r = mutated(
      liverpoolTalliesOnly,
      swap('      done: 20\n      sufficient: 15\n      reasons: { no-review: 4, insufficient-quality: 5 }\n', '      done: 30\n      sufficient: 35\n'),
    );
    const review = r.findings.filter((x) => x.message.startsWith('1.4 review:'));
    assert.equal(review.length, 2, summary(r.findings));
    assert.ok(
      review.every((x) => !x.message.includes('does not fit the other counts')),
      summary(review),
    );
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
      const r = mutated(
        liverpoolTalliesOnly,
        swap('      relevant: 34\n      sufficient: 27\n', '      relevant: 34\n      sufficient: 27\n      not_sufficient: 8\n'),
      );
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
    const f = r.findings
      .filter((x) => x.code === 'SQS020')
      .map((x) => x.line)
      .sort((a, b) => a - b);
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
    assert.match(mismatch!.message, /^2\.1: sufficient 18, but the case files tally 19\.$/);
    // Related places are the judgements that make up the tally, in the case files, the first twelve; the list says so
    // at its end (the message does not, since the preview shows it without the list).
    assert.equal(mismatch!.related!.length, 13);
    const more = mismatch!.related!.pop()!;
    assert.equal(more.message, 'and 7 more: the first 12 of the 19 cases are listed');
    assert.equal(more.uri, mismatch!.uri);
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
    assert.deepEqual(
      f.sort(),
      [
        `${lineOf(r.dir, inspection, 'copy-of-earlier: 5')} 2.2 review: reason copy-of-earlier 5, but the case files tally 4.`,
        `${lineOf(r.dir, inspection, 'not_sufficient: 2')} 4.2 psr: not sufficient 2, but the case files tally 1.`,
      ].sort(),
    );
  });

  it('names the counts of a review question as the file does: due and done', () => {
    const r = mutated(liverpool, swap('    due: 26\n', '    due: 27\n    done: 30\n'));
    const f = r.findings.filter((x) => x.code === 'SQS030').map((x) => `${x.line} ${x.message}`);
    assert.equal(f.length, 2, summary(r.findings));
    assert.match(
      f.find((m) => m.includes('due'))!,
      new RegExp(`^${lineOf(r.dir, inspection, 'due: 27')} 2\\.4: due 27, but the case files tally 26\\.$`),
    );
    assert.match(
      f.find((m) => m.includes('done'))!,
      new RegExp(`^${lineOf(r.dir, inspection, 'done: 30')} 2\\.4: done 30, but the case files tally \\d+\\.`),
    );
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

describe('the rules of one table (countRules.ts) read two ways: rule by rule (counts.ts) and for the one wrong number (countCulprit.ts)', () => {
  // A small deterministic generator: the same tallies on every run.
  let seed = 20131120;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const questions: { id: string; path: string; review: boolean; reasons: string[]; partition: boolean }[] = [
    { id: '1.4/review', path: '"1.4":\n    review', review: true, reasons: ['no-review', 'insufficient-quality'], partition: true },
    {
      id: '2.2/assessment',
      path: '"2.2":\n    assessment',
      review: false,
      reasons: ['not-done', 'previous-violence-ignored', 'classification-too-low'],
      partition: true,
    },
    { id: '1.2/assessment', path: '"1.2"', review: false, reasons: ['late', 'insufficient-quality'], partition: false },
  ];
  const countCodes = new Set(['SQS021', 'SQS022', 'SQS023']);

  /** A tally that keeps every rule, then (half the time) one number changed, and some numbers left out. */
  function randomTally(q: (typeof questions)[number]): string {
    const sample = 5 + random(20);
    const relevant = random(sample + 1);
    const done = q.review ? random(relevant + 1) : relevant;
    const sufficient = random(done + 1);
    const notSufficient = relevant - sufficient;
    const reasons = new Map<string, number>();
    if (q.partition) {
      // Each not-sufficient case gives one reason; on a review, the reviews not done are no-review.
      let left = notSufficient;
      if (q.review) {
        reasons.set('no-review', relevant - done);
        left -= relevant - done;
      }
      const rest = q.reasons.filter((c) => !reasons.has(c));
      rest.forEach((c, i) => {
        const n = i === rest.length - 1 ? left : random(left + 1);
        reasons.set(c, n);
        left -= n;
      });
    } else for (const c of q.reasons) reasons.set(c, random(notSufficient + 1));
    const fields = new Map<string, number>([
      [q.review ? 'due' : 'relevant', relevant],
      ['sufficient', sufficient],
    ]);
    if (q.review) fields.set('done', done);
    if (random(3) === 0) fields.set('not_sufficient', notSufficient);
    for (const [c, n] of reasons) fields.set(`reason ${c}`, n);
    const keys = [...fields.keys()];
    if (random(2) === 0) fields.set(keys[random(keys.length)]!, random(sample + 4));
    for (const k of keys) if (random(6) === 0) fields.delete(k);
    const plain = [...fields].filter(([k]) => !k.startsWith('reason ')).map(([k, n]) => `${k}: ${n}`);
    const given = [...fields].filter(([k]) => k.startsWith('reason ')).map(([k, n]) => `${k.slice('reason '.length)}: ${n}`);
    return `{ ${[...plain, ...(given.length > 0 ? [`reasons: { ${given.join(', ')} }`] : [])].join(', ')} }|${sample}`;
  }

  it('agree on whether a tally breaks a rule, and the one-number fix mends every rule it names', () => {
    let merged = 0;
    let fixed = 0;
    for (let i = 0; i < 2400; i++) {
      const q = questions[i % questions.length]!;
      const [tally, sampleText] = randomTally(q).split('|') as [string, string];
      const sample = Number(sampleText);
      const text = `${minimalInspection.replace('sample: 2', `sample: ${sample}`)}tallies:\n  ${q.path}: ${tally}\n`;
      const ws = workspace({ 'i/inspection.sqs.yaml': text });
      const inspection = ws.index.inspections()[0]!;
      const stated = inspection.file.model.stated.get(q.id)!;
      const broken = brokenRules(termsOf(stated, inspection.file.model.sample));
      const found = ws.findings('i/inspection.sqs.yaml').filter((f) => countCodes.has(f.code));
      assert.equal(
        found.length > 0,
        broken.length > 0,
        `${tally} (sample ${sample}): rules broken ${JSON.stringify(broken)}, findings ${JSON.stringify(found.map((f) => f.message))}`,
      );
      const one = found.find((f) => f.message.includes('does not fit the other counts'));
      if (!one) continue;
      merged++;
      assert.equal(found.length, 1, 'the one wrong number is the only finding');
      const fix = one.fixes?.[0];
      if (!fix) continue;
      const edited = applyEdits(text, fix.edits);
      const after = workspace({ 'i/inspection.sqs.yaml': edited })
        .findings('i/inspection.sqs.yaml')
        .filter((f) => countCodes.has(f.code));
      assert.deepEqual(
        after.map((f) => f.message),
        [],
        `${tally} → ${fix.title}`,
      );
      fixed++;
    }
    assert.ok(merged >= 15 && fixed >= 10, `the generator reaches the one-number case (${merged} found, ${fixed} with a fix)`);
  });
});

describe('a count rule is stated once (countRules.ts): both readings take it from the table', () => {
  /** A toy rule, stated as the table's rules are: at least 5 sufficient cases. */
  const atLeastFive: CountRule = (x, r) => {
    const sufficient = x.sufficient;
    if (!r.counts(sufficient)) return [];
    return [
      {
        code: 'SQS022',
        terms: [sufficient],
        holds: (v) => v(sufficient) >= 5,
        says: (v) => `${named(sufficient, v)} is below 5`,
        finding: () => ({ on: sufficient.at.range, message: `${named(sufficient)} is below 5 (a toy rule)`, related: [] }),
        blames: sufficient,
      },
    ];
  };
  const tally = (notSufficient: number) =>
    `${minimalInspection.replace('sample: 2', 'sample: 20')}tallies:\n  "1.2": { relevant: 10, sufficient: 3, not_sufficient: ${notSufficient} }\n`;
  const countsOf = (text: string, rules: readonly CountRule[]) =>
    statedCounts(workspace({ 'i/inspection.sqs.yaml': text }).index.inspections()[0]!, rules).map((f) => ({
      code: f.code,
      on: textOf(text, f),
      message: f.message,
      fixes: f.fixes?.map((x) => x.title),
    }));

  it('rule by rule: its finding, placed and worded as the rule says', () => {
    const text = tally(7);
    assert.deepEqual(countsOf(text, countRules), []);
    assert.deepEqual(countsOf(text, [...countRules, atLeastFive]), [
      { code: 'SQS022', on: '3', message: '1.2: sufficient 3 is below 5 (a toy rule)', fixes: undefined },
    ]);
  });

  it('the one wrong number: its failure is one of the clauses, and the value that fits keeps it', () => {
    const text = tally(4);
    assert.deepEqual(countsOf(text, countRules), [
      {
        code: 'SQS022',
        on: '4',
        message: '1.2: not sufficient 4 but relevant 10 − sufficient 3 = 7 — inspection.sqs.yaml:10',
        fixes: ['Set not sufficient to 7 (relevant − sufficient)'],
      },
    ]);
    assert.deepEqual(countsOf(text, [...countRules, atLeastFive]), [
      {
        code: 'SQS022',
        on: '3',
        message:
          '1.2: sufficient 3 does not fit the other counts: relevant 10 − sufficient 3 = 7 but not sufficient is 4; sufficient 3 is below 5. Sufficient 6 fits them all.',
        fixes: ['Set sufficient to 6 (fits every other count)'],
      },
    ]);
    // Not sufficient 8 leaves sufficient 2, which the toy rule refuses: no one value fits, so each rule keeps its finding.
    assert.deepEqual(
      countsOf(tally(8), [...countRules, atLeastFive]).map((f) => `${f.on} ${f.message}`),
      ['8 1.2: not sufficient 8 but relevant 10 − sufficient 3 = 7 — inspection.sqs.yaml:10', '3 1.2: sufficient 3 is below 5 (a toy rule)'],
    );
  });

  it('the number it blames is left out of the rules after it', () => {
    assert.deepEqual(
      countsOf(tally(4), [atLeastFive, ...countRules]).map((f) => f.message),
      ['1.2: sufficient 3 is below 5 (a toy rule)'],
    );
  });
});

function applyEdits(
  text: string,
  edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[],
): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}
