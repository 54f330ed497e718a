import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorContext } from '../../server/src/core/yaml/cursor';

/** The context at the `‸` in `text` (the caret is removed). */
function at(textWithBar: string) {
  const offset = textWithBar.indexOf('‸');
  const text = textWithBar.slice(0, offset) + textWithBar.slice(offset + 1);
  const ctx = cursorContext(text, offset);
  return ctx && { kind: ctx.kind, path: ctx.path, prefix: ctx.prefix, replaced: text.slice(ctx.replace[0], ctx.replace[1]) };
}

const caseHead = 'case: LIV-01\nsentence: referral order\npsr: yes\njudgements:\n';

describe('cursor context', () => {
  it('a key being typed at the root and under judgements', () => {
    assert.deepEqual(at('case: A\nsen‸'), { kind: 'key', path: [], prefix: 'sen', replaced: 'sen' });
    assert.deepEqual(at(`${caseHead}  "2.‸`), { kind: 'key', path: ['judgements'], prefix: '"2.', replaced: '"2.' });
    assert.deepEqual(at(`${caseHead}  "1.1": sufficient\n  ‸`), { kind: 'key', path: ['judgements'], prefix: '', replaced: '' });
  });

  it('a key under a criterion with several questions, past blank lines and comments', () => {
    const text = `${caseHead}  "2.2":\n    assessment: sufficient\n\n    # the review was late\n    re‸`;
    assert.deepEqual(at(text), { kind: 'key', path: ['judgements', '2.2'], prefix: 're', replaced: 're' });
  });

  it('a value after the colon, including words with spaces', () => {
    assert.deepEqual(at(`${caseHead}  "1.2": not suf‸`), { kind: 'value', path: ['judgements', '1.2'], prefix: 'not suf', replaced: 'not suf' });
    assert.deepEqual(at(`${caseHead}  "2.2":\n    assessment: ‸`), { kind: 'value', path: ['judgements', '2.2', 'assessment'], prefix: '', replaced: '' });
    assert.deepEqual(at(`${caseHead}  '1.2':\n    judgement: ‸`), { kind: 'value', path: ['judgements', '1.2', 'judgement'], prefix: '', replaced: '' });
  });

  it('items of block sequences, indented or not', () => {
    const indented = `${caseHead}  "1.2":\n    judgement: not sufficient\n    reasons:\n      - late\n      - ins‸`;
    assert.deepEqual(at(indented), { kind: 'item', path: ['judgements', '1.2', 'reasons'], prefix: 'ins', replaced: 'ins' });
    const indentless = `${caseHead}  "1.2":\n    judgement: not sufficient\n    reasons:\n    - late\n    - ‸`;
    assert.deepEqual(at(indentless), { kind: 'item', path: ['judgements', '1.2', 'reasons'], prefix: '', replaced: '' });
  });

  it('keys of mappings inside sequence items', () => {
    const text = 'copy_to:\n  - role: Chair\n    names: [A]\n  - role: Police\n    na‸';
    assert.deepEqual(at(text), { kind: 'key', path: ['copy_to', 0], prefix: 'na', replaced: 'na' });
    assert.deepEqual(at('copy_to:\n  - role: Chair\n  - ro‸'), { kind: 'item', path: ['copy_to'], prefix: 'ro', replaced: 'ro' });
  });

  it('flow mappings and sequences on one line', () => {
    const line = `${caseHead}  "1.3": { judgement: not sufficient, reasons: [no-review, co‸`;
    assert.deepEqual(at(line), { kind: 'item', path: ['judgements', '1.3', 'reasons'], prefix: 'co', replaced: 'co' });
    assert.deepEqual(at(`${caseHead}  "1.3": { judgement: not sufficient, re‸`), { kind: 'key', path: ['judgements', '1.3'], prefix: 're', replaced: 're' });
    assert.deepEqual(at(`${caseHead}  "1.3": { judgement: n‸`), { kind: 'value', path: ['judgements', '1.3', 'judgement'], prefix: 'n', replaced: 'n' });
    assert.deepEqual(at(`${caseHead}  "1.3": { judgement: "a, b: c", re‸`), { kind: 'key', path: ['judgements', '1.3'], prefix: 're', replaced: 're' });
    assert.equal(at(`${caseHead}  "1.3": { judgement: sufficient } ‸`), undefined, 'after the closing brace');
  });

  it('nothing inside comments, block scalars and multi-line text', () => {
    assert.equal(at(`${caseHead}  "1.2": sufficient # not suf‸`), undefined);
    assert.equal(at(`${caseHead}  "1.2":\n    judgement: sufficient\n    notes: |\n      The plan: good‸`), undefined);
    assert.equal(at(`${caseHead}  "1.2":\n    notes: The plan was\n      late and ‸`), undefined);
  });

  it('a text that starts with a line break: the cursor on the first line or indented below it (found by the server fuzz)', { timeout: 10_000 }, () => {
    // Looking for the line before offset 0 read the first character as that line's break: the span replaced ended
    // before it started, and indented on the second line the walk up the lines never ended.
    const first = cursorContext('\n\n18', 0)!;
    assert.deepEqual([first.kind, first.replace], ['key', [0, 0]]);
    assert.deepEqual(at('\n  ‸'), { kind: 'key', path: [], prefix: '', replaced: '' });
    assert.deepEqual(at('\n\n  - ‸'), { kind: 'item', path: [], prefix: '', replaced: '' });
  });

  it('CRLF line ends', () => {
    assert.deepEqual(at('case: A\r\njudgements:\r\n  "2.2":\r\n    re‸'), { kind: 'key', path: ['judgements', '2.2'], prefix: 're', replaced: 're' });
  });
});
