import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { InspectionIndex, judgementEdit, type JudgementValue } from '../../server/src/core/api';
import { commentsOf } from '../../server/src/core/yaml/comments';
import { applyEdits } from '../helpers/edits';
import { liverpool } from '../helpers/example';
import { minimalInspection, workspace } from '../helpers/index';

// The judgement grid's edit: one judgement set or cleared as the smallest text change that reads as asked, in the
// canonical spelling, where the catalogue puts it, with every comment and everything else of the file as it was.

const caseUri = 'file:///ws/cases/a.case.sqs.yaml';

function edited(text: string, question: string, value: JudgementValue | null): string {
  const w = workspace({ 'inspection.sqs.yaml': minimalInspection, 'cases/a.case.sqs.yaml': text });
  const r = judgementEdit(w.index, caseUri, text, question, value);
  assert.ok('edits' in r, 'problem' in r ? r.problem : '');
  return applyEdits(text, r.edits);
}

function problem(text: string, question: string, value: JudgementValue | null): string {
  const w = workspace({ 'inspection.sqs.yaml': minimalInspection, 'cases/a.case.sqs.yaml': text });
  const r = judgementEdit(w.index, caseUri, text, question, value);
  assert.ok('problem' in r, `expected a refusal, got ${JSON.stringify(r)}`);
  return r.problem;
}

const head = `case: A-1
sentence: referral order
psr: yes
risk_of_harm: no
identifiable_victim: no
`;

describe('setting a judgement from the grid', () => {
  it('replaces a plain judgement word, keeping the comments on it and on its neighbours', () => {
    const text = `${head}judgements:\n  "1.2": yes   # seen with the manager\n  "1.3": sufficient # neighbour\n`;
    assert.equal(
      edited(text, '1.2/assessment', 'not-sufficient'),
      `${head}judgements:\n  "1.2": not sufficient   # seen with the manager\n  "1.3": sufficient # neighbour\n`,
    );
  });

  it('changes only the `judgement:` of a mapping-form judgement, reasons and notes kept', () => {
    const text = `${head}judgements:\n  "1.2":\n    judgement: not sufficient\n    reasons: [late]\n    notes: Done after sentence. # why\n`;
    assert.equal(edited(text, '1.2/assessment', 'sufficient'), text.replace('judgement: not sufficient', 'judgement: sufficient'));
  });

  it('writes the canonical spelling over any accepted one', () => {
    const text = `${head}judgements:\n  "1.2": n/a\n`;
    assert.equal(edited(text, '1.2/assessment', 'not-applicable'), text.replace('n/a', 'not applicable'));
  });

  it('replaces a value that is not a judgement', () => {
    const text = `${head}judgements:\n  "1.2": Sufficient\n`;
    assert.equal(edited(text, '1.2/assessment', 'sufficient'), text.replace('Sufficient', 'sufficient'));
  });

  it('inserts a missing criterion in catalogue order, above the comments on the entry after it', () => {
    const text = `${head}judgements:\n  "1.2": sufficient\n  # about 1.4\n  "1.4":\n    plan: sufficient\n`;
    assert.equal(
      edited(text, '1.3/review', 'sufficient'),
      `${head}judgements:\n  "1.2": sufficient\n  "1.3": sufficient\n  # about 1.4\n  "1.4":\n    plan: sufficient\n`,
    );
  });

  it('inserts a missing question under its criterion in the order of its questions, at the file’s indentation', () => {
    const text = `${head}judgements:\n    "1.4":\n        review: sufficient\n`;
    assert.equal(edited(text, '1.4/plan', 'not-sufficient'), `${head}judgements:\n    "1.4":\n        plan: not sufficient\n        review: sufficient\n`);
  });

  it('inserts a whole criterion with its question as a block, after the last one before it', () => {
    const text = `${head}judgements:\n  "1.2": sufficient # last\nnotes: kept\n`;
    assert.equal(
      edited(text, '2.2/assessment', 'sufficient'),
      `${head}judgements:\n  "1.2": sufficient # last\n  "2.2":\n    assessment: sufficient\nnotes: kept\n`,
    );
  });

  it('keeps a flow mapping a flow mapping', () => {
    const text = `${head}judgements:\n  "1.1": { report: sufficient }\n`;
    assert.equal(edited(text, '1.1/oversight', 'sufficient'), `${head}judgements:\n  "1.1": { report: sufficient, oversight: sufficient }\n`);
    const before = `${head}judgements: { "1.3": sufficient }\n`;
    assert.equal(edited(before, '1.2/assessment', 'sufficient'), `${head}judgements: { "1.2": sufficient, "1.3": sufficient }\n`);
  });

  it('fills an empty `judgements:`, or adds one at the end of a file without it', () => {
    assert.equal(edited(`${head}judgements:\n`, '1.2/assessment', 'sufficient'), `${head}judgements:\n  "1.2": sufficient\n`);
    assert.equal(edited(head.trimEnd(), '1.2/assessment', 'sufficient'), `${head}judgements:\n  "1.2": sufficient\n`);
  });

  it('keeps CRLF line ends', () => {
    const text = `${head}judgements:\n  "1.2": sufficient\n`.replace(/\n/g, '\r\n');
    assert.equal(edited(text, '1.3/review', 'not-applicable'), `${head}judgements:\n  "1.2": sufficient\n  "1.3": not applicable\n`.replace(/\n/g, '\r\n'));
  });

  it('adds `judgement:` to a mapping that has only notes', () => {
    const text = `${head}judgements:\n  "1.2":\n    notes: to check\n`;
    assert.equal(edited(text, '1.2/assessment', 'sufficient'), `${head}judgements:\n  "1.2":\n    judgement: sufficient\n    notes: to check\n`);
  });
});

describe('clearing a judgement from the grid', () => {
  it('removes a plain judgement’s line, its comment kept on a line of its own', () => {
    const text = `${head}judgements:\n  "1.2": sufficient # seen 28 Oct\n  "1.3": sufficient\n`;
    assert.equal(edited(text, '1.2/assessment', null), `${head}judgements:\n  # seen 28 Oct\n  "1.3": sufficient\n`);
  });

  it('removes only `judgement:` from a mapping with notes or reasons', () => {
    const text = `${head}judgements:\n  "1.2":\n    judgement: not sufficient\n    notes: ETE blank\n`;
    assert.equal(edited(text, '1.2/assessment', null), `${head}judgements:\n  "1.2":\n    notes: ETE blank\n`);
  });

  it('removes the criterion when its last question goes', () => {
    const text = `${head}judgements:\n  "1.1":\n    report: sufficient\n  "1.2": sufficient\n`;
    assert.equal(edited(text, '1.1/report', null), `${head}judgements:\n  "1.2": sufficient\n`);
    const flow = `${head}judgements:\n  "1.1": { report: sufficient, oversight: sufficient }\n`;
    assert.equal(edited(flow, '1.1/report', null), `${head}judgements:\n  "1.1": { oversight: sufficient }\n`);
  });

  it('changes nothing where nothing is judged', () => {
    const text = `${head}judgements:\n  "1.2": sufficient\n`;
    const w = workspace({ 'inspection.sqs.yaml': minimalInspection, 'cases/a.case.sqs.yaml': text });
    assert.deepEqual(judgementEdit(w.index, caseUri, text, '1.3/review', null), { edits: [] });
  });
});

describe('what the grid may not edit', () => {
  it('refuses a question the case facts rule out', () => {
    // 1.5 applies to custodial sentences only; a referral order is not one.
    assert.match(problem(`${head}judgements:\n  "1.2": sufficient\n`, '1.5/custody-plan', 'sufficient'), /1\.5 does not apply to A-1, by its facts/);
  });

  it('refuses a criterion written as one word where it takes one per question', () => {
    assert.match(problem(`${head}judgements:\n  "1.1": sufficient\n`, '1.1/report', 'sufficient'), /1\.1 takes one judgement per question/);
  });

  it('refuses an unknown question', () => {
    assert.match(problem(head, '9.9', 'sufficient'), /9\.9 is not a question/);
  });
});

describe('every judgement of the Liverpool example, set from the grid', () => {
  it('reads as asked, leaves every other judgement, fact and comment as it was', () => {
    const index = new InspectionIndex();
    index.set(URI.file(path.join(liverpool, 'inspection.sqs.yaml')).toString(), readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8'));
    const files = readdirSync(path.join(liverpool, 'cases')).sort();
    for (const name of files) index.set(URI.file(path.join(liverpool, 'cases', name)).toString(), readFileSync(path.join(liverpool, 'cases', name), 'utf8'));
    const values: (JudgementValue | null)[] = ['sufficient', 'not-sufficient', 'not-applicable', null];
    const questions = [...index.registry.latest.questions.keys()];
    let edits = 0;
    let refused = 0;
    for (const [i, name] of files.entries()) {
      const uri = URI.file(path.join(liverpool, 'cases', name)).toString();
      const text = readFileSync(path.join(liverpool, 'cases', name), 'utf8');
      const before = index.get(uri)!;
      for (const [j, q] of questions.entries()) {
        const value = values[(i + j) % values.length]!;
        const r = judgementEdit(index, uri, text, q, value);
        if ('problem' in r) {
          assert.match(r.problem, /does not apply to/, `${name} ${q}: ${r.problem}`);
          refused++;
          continue;
        }
        const after = applyEdits(text, r.edits);
        const check = new InspectionIndex();
        check.set(uri, after);
        const file = check.get(uri)!;
        assert.equal(file.kind === 'case' && (file.model.judgements.get(q)?.value ?? null), value, `${name} ${q}`);
        if (file.kind !== 'case' || before.kind !== 'case') continue;
        for (const [other, j2] of before.model.judgements)
          if (other !== q) assert.equal(file.model.judgements.get(other)?.value, j2.value, `${name} ${q} kept ${other}`);
        assert.deepEqual(
          commentsOf(after).map((c) => c.text),
          commentsOf(text).map((c) => c.text),
          `${name} ${q}: comments`,
        );
        if (r.edits.length > 0) edits++;
      }
    }
    assert.ok(edits > 500 && refused > 50, `${edits} edits, ${refused} refused`);
  });
});
