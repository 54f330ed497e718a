import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minimalCase, minimalInspection, textOf, workspace } from '../helpers/index';

/** The file's own findings (a lone case file also gets the cross-file SQS042, which is not about its schema). */
function check(file: string, text: string) {
  const ws = workspace({ [file]: text });
  return ws.index.fileFindings(ws.uri(file)).map((f) => ({ ...f, text: textOf(text, f) }));
}

describe('schema findings', () => {
  it('accepts the minimal files', () => {
    const ws = workspace({ 'inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 1'), 'one.case.sqs.yaml': minimalCase('T-1') });
    // The minimal case leaves criteria to judge (SQS051, information); nothing else may be reported.
    assert.deepEqual(
      ws.findings('one.case.sqs.yaml').filter((f) => f.code !== 'SQS051'),
      [],
    );
    assert.deepEqual(ws.findings('inspection.sqs.yaml'), []);
  });

  it('names the accepted spellings when a judgement is misspelt', () => {
    const fs = check('t.case.sqs.yaml', minimalCase('T-1').replace('"1.2": sufficient', '"1.2": sufficent'));
    const f = fs.find((x) => x.code === 'SQS011')!;
    assert.equal(f.text, 'sufficent');
    assert.match(f.message, /sufficient, not sufficient or not applicable/);
  });

  it('accepts yes/no/n/a and true/false as judgements', () => {
    const ws = workspace({
      'inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 1'),
      'one.case.sqs.yaml':
        minimalCase('T-1').replace('report: sufficient', 'report: yes').replace('oversight: sufficient', 'oversight: false') + '  "2.6": n/a\n',
    });
    assert.deepEqual(
      ws.findings('one.case.sqs.yaml').filter((f) => f.code !== 'SQS051'),
      [],
    );
    const t = ws.index.inspections()[0]!.tallies;
    assert.equal(t.get('1.1/oversight')!.notSufficient, 1);
    assert.equal(t.get('2.6/oversight')!.relevant, 0);
  });

  it('reports a missing required key on the enclosing key, and at the top of an empty file', () => {
    const text = minimalInspection.replace('fieldwork: { start: 2014-03-03, end: 2014-03-06 }', 'fieldwork: { start: 2014-03-03 }');
    const f = check('inspection.sqs.yaml', text).find((x) => x.code === 'SQS012')!;
    assert.equal(f.text, 'fieldwork');
    assert.match(f.message, /Missing "end" in fieldwork/);
    const empty = check('x.case.sqs.yaml', '');
    assert.equal(empty.length, 1);
    assert.match(empty[0]!.message, /empty/);
  });

  it('rejects a reason the catalogue does not list for the criterion, on the reason', () => {
    const text = minimalCase('T-1', '  "2.2":\n    assessment: { judgement: not sufficient, reasons: [not-done, copy-of-earlier] }\n');
    const f = check('t.case.sqs.yaml', text).find((x) => x.code === 'SQS014')!;
    assert.equal(f.text, 'copy-of-earlier');
  });

  it('explains the shape of a criterion with several questions', () => {
    const text = minimalCase('T-1', '  "2.2": sufficient\n');
    const f = check('t.case.sqs.yaml', text).find((x) => x.code === 'SQS011')!;
    assert.equal(f.text, 'sufficient');
    assert.match(f.message, /2\.2 has 2 judgements; write each under its own key: assessment: …, review: …/);
  });

  it('names percentages and fractions where a count belongs', () => {
    const text = `${minimalInspection}tallies:\n  "1.2": { relevant: 34, sufficient: 75% }\n  "1.5": { relevant: "7 out of 9" }\n  "2.1": { relevant: -2 }\n`;
    const fs = check('inspection.sqs.yaml', text);
    assert.match(fs.find((f) => f.text === '75%')!.message, /percentage/);
    assert.match(fs.find((f) => f.text === '"7 out of 9"')!.message, /fraction/);
    assert.match(fs.find((f) => f.text === '-2')!.message, /negative/);
  });

  it('asks for quotes when YAML turned text into a number', () => {
    const text = minimalInspection.replace('lead_inspector: { name: L. Inspector }', 'lead_inspector: { name: L. Inspector, phone: 07917084764 }');
    const f = check('inspection.sqs.yaml', text).find((x) => x.code === 'SQS011')!;
    assert.equal(f.text, '07917084764');
    assert.match(f.message, /quotes/);
  });

  it('suggests the sentence types the catalogue knows', () => {
    const f = check('t.case.sqs.yaml', minimalCase('T-1').replace('referral order', 'community order')).find((x) => x.code === 'SQS016')!;
    assert.equal(f.text, 'community order');
    assert.match(f.message, /referral order/);
  });

  it('reports a missing case fact as missing, on the first line, saying what the fact means', () => {
    const fs = check('t.case.sqs.yaml', minimalCase('T-1').replace('psr: yes\n', ''));
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.code, 'SQS012');
    assert.equal(fs[0]!.range.start.line, 0);
    assert.equal(fs[0]!.range.end.line, 0, 'the first line, not the whole file');
    assert.match(fs[0]!.message, /Missing "psr"\. Write `psr: yes` if a pre-sentence report \(PSR\) was written for the court, `psr: no` if not\./);
  });

  it('reports a judgement mapping without `judgement:` as missing it', () => {
    const f = check('t.case.sqs.yaml', minimalCase('T-1', '  "4.3": { notes: plan not shared }\n')).find((x) => x.code === 'SQS012')!;
    assert.equal(f.text, '"4.3"');
    assert.match(f.message, /Missing "judgement" in 4\.3/);
  });

  it('asks for a list when reasons are written as one word', () => {
    const f = check('t.case.sqs.yaml', minimalCase('T-1', '  "1.3": { judgement: not sufficient, reasons: no-review }\n')).find((x) => x.code === 'SQS011')!;
    assert.equal(f.text, 'no-review');
    assert.match(f.message, /as a list, e\.g\. `reasons: \[no-review\]`/);
  });

  it('says when only the capital letter is wrong in a judgement or a yes/no', () => {
    const fs = check('t.case.sqs.yaml', minimalCase('T-1', '  "4.3": Not Sufficient\n').replace('psr: yes', 'psr: Yes'));
    assert.match(fs.find((f) => f.text === 'Not Sufficient')!.message, /lower case: "not sufficient"/);
    assert.match(fs.find((f) => f.text === 'Yes')!.message, /lower case: "yes"/);
    assert.match(
      check('t.case.sqs.yaml', minimalCase('T-1', '  "4.3": Excellent\n')).find((f) => f.code === 'SQS011')!.message,
      /is not a judgement: write sufficient/,
    );
  });

  it('an empty copy list entry asks for a name', () => {
    const f = check('inspection.sqs.yaml', `${minimalInspection}copy_to:\n  - role: YOS Manager\n    names: []\n`).find((x) => x.code === 'SQS011')!;
    assert.equal(f.text, '[]');
    assert.match(f.message, /Name at least one person/);
  });

  it('a key named __proto__ stays data', () => {
    const fs = check('t.case.sqs.yaml', `${minimalCase('T-1')}__proto__: { polluted: true }\n`);
    assert.ok(fs.some((f) => f.code === 'SQS010' && f.text === '__proto__'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
