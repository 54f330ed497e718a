import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minimalCase, minimalInspection, textOf, workspace } from '../helpers/index';

// Case ids that are the same to a reader but not to a computer (composed and decomposed letters, a zero-width
// space, full-width digits) are one id; ids that only look alike (O and 0, Cyrillic І and Latin I) are worth a
// warning; and a bidirectional control anywhere in a file makes it read differently from what it is.

function idFindings(...ids: string[]) {
  const files: Record<string, string> = { 'inspection.sqs.yaml': minimalInspection.replace('sample: 2', `sample: ${ids.length}`) };
  ids.forEach((id, i) => (files[`cases/c${i}.case.sqs.yaml`] = minimalCase(JSON.stringify(id))));
  const ws = workspace(files);
  return ids.map((_, i) => ws.findings(`cases/c${i}.case.sqs.yaml`).filter((f) => f.code === 'SQS041' || f.code === 'SQS045'));
}

describe('case ids compared as a reader reads them', () => {
  it('the same id once normalised (NFKC) with invisible characters removed is a duplicate (SQS041, an error)', () => {
    for (const [a, b] of [
      ['LÉO-01', 'LE\u0301O-01'],
      ['LIV-01', 'LIV-\u200B01'],
      ['LIV-01', 'ＬＩＶ－０１'],
      ['LIV-01', 'LIV-01\u2060'],
      ['LIV-01', 'liv-01\u00AD'],
    ]) {
      const [fa, fb] = idFindings(a!, b!);
      assert.deepEqual(
        [...fa!, ...fb!].map((f) => `${f.code} ${f.severity}`),
        ['SQS041 error', 'SQS041 error'],
        JSON.stringify([a, b]),
      );
    }
    // The invisible character is shown, so the message explains itself.
    const [, zwsp] = idFindings('LIV-01', 'LIV-\u200B01');
    assert.match(zwsp![0]!.message, /^Case id "LIV-<U\+200B>01" is also used by c0\.case\.sqs\.yaml:1 \("LIV-01" there/);
  });

  it('ids that differ only in look-alike characters get a warning on both (SQS045), not an error', () => {
    for (const [a, b, what] of [
      ['LIV-01', 'LIV-O1', /letter O/],
      ['LIV-11', 'LIV-l1', /letter l/],
      ['LIV-01', 'L\u0406V-01', /Cyrillic/],
      ['TT-03', 'Τ\u0422-03', /Greek|Cyrillic/],
    ] as const) {
      const [fa, fb] = idFindings(a, b);
      assert.deepEqual(
        [...fa!, ...fb!].map((f) => `${f.code} ${f.severity}`),
        ['SQS045 warning', 'SQS045 warning'],
        JSON.stringify([a, b]),
      );
      assert.match(fb![0]!.message, what);
    }
    // An id that is another's duplicate once its invisible character goes, and looks like a third: shown, as in SQS041.
    const [, zwsp, letterO] = idFindings('LIV-01', 'LIV-\u200B01', 'LIV-O1');
    assert.match(zwsp!.find((f) => f.code === 'SQS045')!.message, /^Case id "LIV-<U\+200B>01" looks like "LIV-O1"/);
    assert.ok(
      letterO!.every((f) => !f.message.includes('\u200B') && (f.related ?? []).every((r) => !r.message.includes('\u200B'))),
      'no invisible character in the messages',
    );
  });

  it('a Latin id with a Cyrillic or Greek look-alike letter in it is a warning alone; other ids are left alone', () => {
    const [mixed, latin, cyrillic] = idFindings('LIV-0\u0410', 'LIV-02', '\u041B\u0418\u0412-03');
    assert.deepEqual(
      mixed!.map((f) => f.code),
      ['SQS045'],
    );
    assert.match(mixed![0]!.message, /Cyrillic А \(U\+0410\) looks like the Latin A/);
    assert.deepEqual(latin, []);
    assert.deepEqual(cyrillic, [], 'an id in one script');
    assert.deepEqual(idFindings('LIV-01', 'LIV-02', 'LIV-10'), [[], [], []]);
  });
});

describe('bidirectional controls', () => {
  it('anywhere in a file, each line holding one gets a warning on the first (SQS017)', () => {
    const text = `${minimalCase('T-1')}notes: "Reviewed \u202Eon time"\n# \u2066a comment\u2069\ninspector: J\u200FS\n`;
    const found = workspace({ 'a.case.sqs.yaml': text })
      .findings('a.case.sqs.yaml')
      .filter((f) => f.code === 'SQS017');
    assert.deepEqual(
      found.map((f) => [f.severity, f.range.start.line, textOf(text, f)]),
      [
        ['warning', 10, '\u202E'],
        ['warning', 11, '\u2066'],
        ['warning', 12, '\u200F'],
      ],
    );
    assert.match(found[0]!.message, /U\+202E RIGHT-TO-LEFT OVERRIDE/);
    // Written as an escape: the file reads plainly, the value does not.
    const escaped = `${minimalCase('T-1')}notes: "Reviewed \\u202Eon time"\n`;
    const onValue = workspace({ 'a.case.sqs.yaml': escaped })
      .findings('a.case.sqs.yaml')
      .filter((f) => f.code === 'SQS017');
    assert.deepEqual(
      onValue.map((f) => textOf(escaped, f)),
      ['"Reviewed \\u202Eon time"'],
    );
  });
});
