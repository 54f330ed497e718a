import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { completionsAt } from '../../server/src/core/service/completion';
import { plainText } from '../../server/src/lsp/completion';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';

/** Completions at the `‸` in the file `name` of a workspace holding `files` (the caret is removed). */
function complete(files: Record<string, string>, name: string) {
  const withCaret = files[name]!;
  const offset = withCaret.indexOf('‸');
  const ws = workspace({ ...files, [name]: withCaret.replace('‸', '') });
  return completionsAt(ws.index, ws.uri(name), offset);
}

const labels = (c: ReturnType<typeof complete>) => c?.items.map((i) => i.label) ?? [];

const base = (extra: string) => ({
  'inspection.sqs.yaml': minimalInspection,
  'a.case.sqs.yaml': `case: T-1\nsentence: referral order\npsr: no\nrisk_of_harm: yes\nidentifiable_victim: no\njudgements:\n${extra}`,
  'b.case.sqs.yaml': minimalCase('T-2'),
});

describe('completion in a case file', () => {
  it('criterion ids under judgements, with their wording, the ones already there left out, those ruled out last', () => {
    const c = complete(base('  "1.2": sufficient\n  ‸'), 'a.case.sqs.yaml');
    const ids = labels(c);
    assert.ok(!ids.includes('1.2'), 'already judged');
    assert.ok(ids.includes('2.2') && ids.includes('OM'));
    // No PSR in this case: 1.1 (both questions PSR-only) goes after every criterion that applies.
    assert.ok(ids.indexOf('1.1') > ids.indexOf('OM'));
    const c22 = c!.items.find((i) => i.label === '2.2')!;
    assert.equal(c22.kind, 'criterion');
    assert.match(c22.detail!, /risk of harm/i);
    assert.equal(
      c22.insertText,
      '"2.2":\n    assessment: ${1|sufficient,not sufficient,not applicable|}\n    review: ${2|sufficient,not sufficient,not applicable|}',
    );
  });

  it('a multi-question criterion block leaves out the questions the case facts rule out', () => {
    const c = complete(base('  ‸'), 'a.case.sqs.yaml');
    const c31 = c!.items.find((i) => i.label === '3.1')!;
    assert.doesNotMatch(c31.insertText, /psr:/, 'no PSR in this case');
    assert.match(c31.insertText, /assessment:/);
  });

  it('replaces what was typed of the id, quotes included', () => {
    const files = base('  "2.‸');
    const c = complete(files, 'a.case.sqs.yaml')!;
    const line = files['a.case.sqs.yaml'].split('\n').length - 1;
    assert.deepEqual(c.range, { start: { line, character: 2 }, end: { line, character: 5 } });
    assert.ok(c.items.find((i) => i.label === '2.2')!.filterText!.startsWith('"2.2"'));
  });

  it('judgement words, "not applicable" first where the facts rule the question out', () => {
    const applies = complete(base('  "1.2": ‸'), 'a.case.sqs.yaml')!;
    assert.deepEqual(labels(applies), ['sufficient', 'not sufficient', 'not applicable']);
    assert.equal(applies.items.find((i) => i.preselect)!.label, 'sufficient');
    const ruledOut = complete(base('  "2.1": ‸'), 'a.case.sqs.yaml')!;
    assert.equal(ruledOut.items.find((i) => i.preselect)!.label, 'not applicable');
  });

  it('reason codes valid for that criterion, in flow and block lists, without those already given', () => {
    const flow = complete(base('  "2.2":\n    assessment: { judgement: not sufficient, reasons: [not-done, ‸'), 'a.case.sqs.yaml')!;
    assert.deepEqual(labels(flow), ['previous-violence-ignored', 'classification-too-low', 'other']);
    const block = complete(base('  "1.2":\n    judgement: not sufficient\n    reasons:\n      - ‸'), 'a.case.sqs.yaml')!;
    assert.deepEqual(labels(block), ['late', 'insufficient-quality']);
  });

  it('keys of a judgement entry, and root keys with the facts and sentence types', () => {
    assert.deepEqual(labels(complete(base('  "1.2":\n    judgement: sufficient\n    ‸'), 'a.case.sqs.yaml')), ['reasons', 'notes', 'quote']);
    const root = complete({ ...base(''), 'a.case.sqs.yaml': 'case: T-1\n‸' }, 'a.case.sqs.yaml')!;
    assert.ok(labels(root).includes('sentence') && labels(root).includes('psr') && !labels(root).includes('case'));
    assert.match(root.items.find((i) => i.label === 'sentence')!.insertText, /\$\{1\|referral order,youth rehabilitation order,/);
    assert.equal(root.items.find((i) => i.label === 'psr')!.kind, 'fact');
  });

  it('sentence types, with their aliases searchable', () => {
    const c = complete({ ...base(''), 'a.case.sqs.yaml': 'case: T-1\nsentence: ‸' }, 'a.case.sqs.yaml')!;
    const dto = c.items.find((i) => i.label === 'detention and training order')!;
    assert.equal(dto.detail, 'custodial');
    assert.match(dto.filterText!, /DTO/);
  });

  it('the next free case id', () => {
    const c = complete(
      { 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': minimalCase('LIV-09'), 'b.case.sqs.yaml': 'case: ‸' },
      'b.case.sqs.yaml',
    )!;
    assert.deepEqual(labels(c), ['LIV-10']);
  });

  it('nothing inside comments', () => {
    assert.equal(complete(base('  "1.2": sufficient # ‸'), 'a.case.sqs.yaml'), undefined);
  });
});

describe('completion in an inspection file', () => {
  const cases = {
    'one.case.sqs.yaml': minimalCase('T-1'),
    'two.case.sqs.yaml': minimalCase('T-2').replace('"1.2": sufficient', '"1.2": { judgement: not sufficient, reasons: [late] }'),
  };

  it('a criterion under tallies comes with the counts the case files tally', () => {
    const c = complete({ ...cases, 'inspection.sqs.yaml': `${minimalInspection}tallies:\n  ‸` }, 'inspection.sqs.yaml')!;
    const c12 = c.items.find((i) => i.label === '1.2')!;
    assert.equal(c12.insertText, '"1.2":\n    relevant: 2\n    sufficient: 1\n    not_sufficient: 1\n    reasons:\n      late: 1');
  });

  it('a stated count offers its tally; counts keys say what they tally', () => {
    const value = complete({ ...cases, 'inspection.sqs.yaml': `${minimalInspection}tallies:\n  "1.2":\n    relevant: ‸` }, 'inspection.sqs.yaml')!;
    assert.deepEqual(labels(value), ['2']);
    const keys = complete({ ...cases, 'inspection.sqs.yaml': `${minimalInspection}tallies:\n  "1.2":\n    relevant: 2\n    ‸` }, 'inspection.sqs.yaml')!;
    assert.deepEqual(labels(keys), ['sufficient', 'not_sufficient', 'reasons']);
    assert.equal(keys.items[0]!.insertText, 'sufficient: 1');
  });

  it('review questions state due and done', () => {
    const c = complete({ ...cases, 'inspection.sqs.yaml': `${minimalInspection}tallies:\n  "1.3":\n    ‸` }, 'inspection.sqs.yaml')!;
    assert.deepEqual(labels(c), ['due', 'done', 'sufficient', 'not_sufficient', 'reasons']);
  });

  it('enumerated values from the schema, and the phrasebooks', () => {
    assert.deepEqual(labels(complete({ ...cases, 'inspection.sqs.yaml': `${minimalInspection}language: ‸` }, 'inspection.sqs.yaml')), ['en', 'cy']);
    assert.ok(labels(complete({ ...cases, 'inspection.sqs.yaml': `${minimalInspection}phrasebook: ‸` }, 'inspection.sqs.yaml')).includes('education-scotland'));
  });
});

describe('whole files and the snippets they replace', () => {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { contributes: { snippets?: unknown } };
  const keysOffered = ['case', 'case file', 'judgement', 'reasons', 'notes', 'quote'];

  it('contributes no snippet list: VS Code offers one anywhere in a file, a whole case file at the criterion level too', () => {
    assert.equal(pkg.contributes.snippets, undefined);
  });

  it('offers at the criterion level criteria only, never a case, a judgement’s keys or notes', () => {
    const ids = labels(complete(base('  "1.2": sufficient\n  ‸'), 'a.case.sqs.yaml'));
    assert.ok(ids.length > 20);
    assert.deepEqual(
      ids.filter((l) => keysOffered.includes(l)),
      [],
    );
    // The keys of a judgement are offered inside it, where they belong.
    assert.deepEqual(labels(complete(base('  "1.2":\n    judgement: not sufficient\n    ‸'), 'a.case.sqs.yaml')), ['reasons', 'notes', 'quote']);
  });

  it('offers a whole case file in an empty case file, whose sentence and facts are left to answer and which, answered, is a valid case', () => {
    const files = { 'inspection.sqs.yaml': minimalInspection, 'cases/c.case.sqs.yaml': '‸' };
    const c = complete(files, 'cases/c.case.sqs.yaml')!;
    const whole = c.items.find((i) => i.label === 'case file')!;
    assert.equal(c.items[0], whole);
    const text = plainText(whole.insertText).replace(/^judgements:\n\s*$/m, 'judgements:\n  "1.2": sufficient\n');
    const errors = (t: string) =>
      workspace({ 'inspection.sqs.yaml': minimalInspection, 'cases/c.case.sqs.yaml': t })
        .findings('cases/c.case.sqs.yaml')
        .filter((f) => f.severity === 'error')
        .map((f) => f.message);
    // Left blank, each of the sentence and the facts is an error until answered (they decide which criteria apply).
    const blanks = [...text.matchAll(/^(\w+):[ \t]*$/gm)].map((m) => m[1]).filter((k) => k !== 'judgements');
    assert.ok(blanks.includes('sentence') && blanks.length >= 2, `blanks: ${blanks.join(', ')}`);
    assert.equal(errors(text).length, blanks.length);
    const answered = text
      .replace(/^sentence:[ \t]*$/m, 'sentence: referral order')
      .replace(/^(\w+):[ \t]*$/gm, (line, key: string) => (key === 'judgements' ? line : `${key}: no`));
    assert.deepEqual(errors(answered), []);
    // Not once the file has something in it.
    assert.ok(!labels(complete({ ...files, 'cases/c.case.sqs.yaml': 'case: T-9\n‸' }, 'cases/c.case.sqs.yaml')).includes('case file'));
  });

  it('offers a whole inspection file in an empty one, needing only its dates', () => {
    const c = complete({ 'inspection.sqs.yaml': '‸' }, 'inspection.sqs.yaml')!;
    const whole = c.items.find((i) => i.label === 'inspection file')!;
    const ws = workspace({ 'inspection.sqs.yaml': plainText(whole.insertText) });
    assert.deepEqual(
      ws
        .findings('inspection.sqs.yaml')
        .filter((f) => f.severity === 'error')
        .map((f) => f.code),
      ['SQS011', 'SQS011'],
    );
  });
});
