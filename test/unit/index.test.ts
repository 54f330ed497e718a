import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Checker, InspectionIndex } from '../../server/src/core/api';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';

describe('inspection index', () => {
  it('groups case files under the nearest inspection folder', () => {
    const ws = workspace({
      'a/inspection.sqs.yaml': minimalInspection,
      'a/cases/one.case.sqs.yaml': minimalCase('A-1'),
      'a/two.case.sqs.yaml': minimalCase('A-2'),
      'b/inspection.sqs.yaml': minimalInspection,
      'b/x/y/three.case.sqs.yaml': minimalCase('B-1'),
      'c/orphan.case.sqs.yaml': minimalCase('C-1'),
      'c/other.yaml': 'not: ours\n',
    });
    const a = ws.index.inspectionOf(ws.uri('a/cases/one.case.sqs.yaml'))!;
    assert.equal(a.folder, 'file:///ws/a');
    assert.deepEqual([...a.cases.keys()].sort(), [ws.uri('a/cases/one.case.sqs.yaml'), ws.uri('a/two.case.sqs.yaml')]);
    assert.equal(ws.index.inspectionOf(ws.uri('b/x/y/three.case.sqs.yaml'))?.folder, 'file:///ws/b');
    assert.deepEqual(
      ws.index.orphans().map((f) => f.uri),
      [ws.uri('c/orphan.case.sqs.yaml')],
    );
    assert.equal(ws.index.has(ws.uri('c/other.yaml')), false, 'ordinary YAML is never claimed');
  });

  it('re-parses only the file that changed and moves its tally incrementally', () => {
    const ws = workspace({
      'inspection.sqs.yaml': minimalInspection,
      'one.case.sqs.yaml': minimalCase('T-1'),
      'two.case.sqs.yaml': minimalCase('T-2'),
    });
    const insp = ws.index.inspectionOf(ws.uri('one.case.sqs.yaml'))!;
    const tally = () => insp.tallies.get('1.2/assessment')!;
    assert.deepEqual([tally().relevant, tally().sufficient], [2, 2]);
    const twoParsed = ws.index.get(ws.uri('two.case.sqs.yaml'))!.parsed;
    const inspParsed = ws.index.get(ws.uri('inspection.sqs.yaml'))!.parsed;

    ws.index.set(ws.uri('one.case.sqs.yaml'), minimalCase('T-1').replace('"1.2": sufficient', '"1.2": not sufficient'));
    assert.deepEqual([tally().relevant, tally().sufficient, tally().notSufficient], [2, 1, 1]);
    assert.equal(ws.index.get(ws.uri('two.case.sqs.yaml'))!.parsed, twoParsed, 'other case not re-parsed');
    assert.equal(ws.index.get(ws.uri('inspection.sqs.yaml'))!.parsed, inspParsed, 'inspection not re-parsed');

    ws.index.delete(ws.uri('two.case.sqs.yaml'));
    assert.deepEqual([tally().relevant, tally().sufficient], [1, 0]);
    assert.equal(tally().cases.size, 1);
  });

  it('the same text again costs nothing: the parse is reused', () => {
    const ws = workspace({ 'inspection.sqs.yaml': minimalInspection, 'one.case.sqs.yaml': minimalCase('T-1') });
    const before = ws.index.get(ws.uri('one.case.sqs.yaml'))!.parsed;
    ws.index.set(ws.uri('one.case.sqs.yaml'), minimalCase('T-1'));
    assert.equal(ws.index.get(ws.uri('one.case.sqs.yaml'))!.parsed, before);
  });

  it('an inspection file created after its cases adopts them, and its deletion releases them', () => {
    const ws = workspace({ 'one.case.sqs.yaml': minimalCase('T-1') });
    assert.equal(ws.index.orphans().length, 1);
    const parsed = ws.index.get(ws.uri('one.case.sqs.yaml'))!.parsed;
    const change = ws.index.set(ws.uri('inspection.sqs.yaml'), minimalInspection);
    assert.ok(change.affected.includes(ws.uri('one.case.sqs.yaml')));
    const insp = ws.index.inspectionOf(ws.uri('one.case.sqs.yaml'))!;
    assert.equal(insp.tallies.get('1.2/assessment')!.relevant, 1);
    assert.equal(ws.index.get(ws.uri('one.case.sqs.yaml'))!.parsed, parsed, 'adopted without re-parsing');
    ws.index.delete(ws.uri('inspection.sqs.yaml'));
    assert.equal(ws.index.orphans().length, 1);
    assert.equal(ws.index.inspections().length, 0);
  });

  it('counts relevance from the facts: PSR criteria only where a PSR was written, custody from the sentence', () => {
    const noPsr = minimalCase('T-2')
      .replace('psr: yes', 'psr: no')
      .replace(/ {2}"1\.1":\n {4}report: sufficient\n {4}oversight: sufficient\n/, '');
    const custody = minimalCase('T-3').replace('referral order', 'DTO') + '  "1.5": not sufficient\n';
    const ws = workspace({
      'inspection.sqs.yaml': minimalInspection,
      'one.case.sqs.yaml': minimalCase('T-1'),
      'two.case.sqs.yaml': noPsr,
      'three.case.sqs.yaml': custody,
    });
    const t = ws.index.inspections()[0]!.tallies;
    assert.equal(t.get('1.1/report')!.relevant, 2);
    assert.equal(t.get('1.5/custody-plan')!.relevant, 1);
    assert.equal(t.get('1.5/custody-plan')!.notSufficient, 1);
    assert.equal(t.get('1.2/assessment')!.relevant, 3);
    // 2.2 applies to every case and none has judged it yet.
    assert.equal(t.get('2.2/assessment')!.unjudged, 3);
  });

  it('flags a custody-only judgement on a community sentence even where the inspector also decides relevance', () => {
    // 3.3 custody applies to custodial cases the inspector judges relevant; a referral order cannot have it.
    const extra = '  "3.3": { plan: sufficient, custody: sufficient }\n  "1.5": sufficient\n';
    const ws = workspace({ 'inspection.sqs.yaml': minimalInspection, 'one.case.sqs.yaml': minimalCase('T-1', extra) });
    const t = ws.index.inspections()[0]!.tallies;
    assert.deepEqual([t.get('3.3/custody')!.relevant, t.get('3.3/custody')!.judgedNotRelevant], [0, 1]);
    assert.deepEqual([t.get('1.5/custody-plan')!.relevant, t.get('1.5/custody-plan')!.judgedNotRelevant], [0, 1]);
    const dto = minimalCase('T-2', '  "3.3": { plan: sufficient, custody: not applicable }\n').replace('referral order', 'DTO');
    ws.index.set(ws.uri('two.case.sqs.yaml'), dto);
    assert.deepEqual(
      [t.get('3.3/custody')!.relevant, t.get('3.3/custody')!.markedNotApplicable, t.get('3.3/custody')!.unjudged],
      [0, 0, 0],
      'the inspector may rule it out for a custodial case',
    );
  });

  it('counts reasons, reviews done and the compliance-dependent question', () => {
    const extra = `  "1.3": { judgement: not sufficient, reasons: [no-review] }
  "2.2":
    assessment: { judgement: not sufficient, reasons: [not-done] }
    review: not applicable
  "4.5": { complied: no, response: sufficient }
`;
    const ws = workspace({
      'inspection.sqs.yaml': minimalInspection,
      'one.case.sqs.yaml': minimalCase('T-1', extra),
      'two.case.sqs.yaml': minimalCase('T-2', '  "4.5": { complied: yes }\n'),
    });
    const t = ws.index.inspections()[0]!.tallies;
    assert.deepEqual([t.get('1.3/review')!.relevant, t.get('1.3/review')!.done], [1, 0]);
    assert.equal(t.get('2.2/assessment')!.reasons.get('not-done'), 1);
    assert.equal(t.get('2.2/review')!.relevant, 0);
    assert.deepEqual([t.get('4.5/response')!.relevant, t.get('4.5/response')!.sufficient], [1, 1]);
    assert.equal(t.get('4.5/complied')!.sufficient, 1);
  });

  it('re-reads cases against a new catalogue when the inspection changes version, without re-parsing them', () => {
    const ws = workspace({ 'inspection.sqs.yaml': minimalInspection, 'one.case.sqs.yaml': minimalCase('T-1') });
    const parsed = ws.index.get(ws.uri('one.case.sqs.yaml'))!.parsed;
    ws.index.set(ws.uri('inspection.sqs.yaml'), minimalInspection.replace('sqs-2013', 'sqs-2099'));
    const fs = ws.findings('inspection.sqs.yaml');
    assert.ok(fs.some((f) => f.code === 'SQS015' && /sqs-2099/.test(f.message)));
    assert.equal(ws.index.get(ws.uri('one.case.sqs.yaml'))!.parsed, parsed);
  });

  it('reports the stated sample against the case files present', () => {
    const ws = workspace({ 'inspection.sqs.yaml': minimalInspection, 'one.case.sqs.yaml': minimalCase('T-1') });
    const sample = ws.findings('inspection.sqs.yaml').filter((f) => f.code === 'SQS040');
    assert.equal(sample.length, 1);
    assert.match(sample[0]!.message, /sample is 2 cases but this inspection has 1 case file/);
    ws.index.set(ws.uri('two.case.sqs.yaml'), minimalCase('T-2'));
    assert.equal(ws.findings('inspection.sqs.yaml').filter((f) => f.code === 'SQS040').length, 0);
  });
});

describe('two inspection files in one folder', () => {
  const yaml = 'file:///ws/inspection.sqs.yaml';
  const yml = 'file:///ws/inspection.sqs.yml';
  const stated = (uri: string, n: number) => (uri === yml ? minimalInspection.replace('sample: 2', `sample: ${n}`) : minimalInspection);

  for (const order of [
    [yaml, yml],
    [yml, yaml],
  ]) {
    it(`one is the folder's inspection whatever the order they are read in (${order.map((u) => u.split('/').pop()).join(' then ')}); the other is reported`, () => {
      const index = new InspectionIndex();
      index.set('file:///ws/cases/a.case.sqs.yaml', minimalCase('T-1'));
      for (const uri of order) index.set(uri, stated(uri, 9));
      const inspection = index.inspectionOf('file:///ws/cases/a.case.sqs.yaml')!;
      assert.equal(inspection.file.uri, yaml, 'inspection.sqs.yaml wins, deterministically');
      assert.equal(index.inspectionOf(yml), undefined, 'the other file is no inspection');
      assert.equal(index.inspections().length, 1);
      const checker = new Checker(index);
      const second = checker.findingsFor(yml).filter((f) => f.code === 'SQS044');
      assert.equal(second.length, 1, JSON.stringify(checker.findingsFor(yml)));
      assert.match(second[0]!.message, /inspection\.sqs\.yaml is this folder's inspection/);
      assert.equal(second[0]!.related?.[0]?.uri, yaml);
      assert.equal(second[0]!.severity, 'error');
      assert.deepEqual(
        checker.findingsFor(yaml).filter((f) => f.code === 'SQS044'),
        [],
      );
      // The ignored file's stated sample (9) is not checked; the inspection's (2) is.
      assert.ok(!checker.findingsFor(yaml).some((f) => f.code === 'SQS040' && /sample is 9/.test(f.message)));
    });
  }

  it('deleting the second file keeps the inspection; deleting the first falls back to the second', () => {
    const index = new InspectionIndex();
    index.set(yaml, stated(yaml, 2));
    index.set(yml, stated(yml, 1));
    index.set('file:///ws/cases/a.case.sqs.yaml', minimalCase('T-1'));
    index.delete(yml);
    assert.equal(index.inspectionOf('file:///ws/cases/a.case.sqs.yaml')?.file.uri, yaml, 'inspection.sqs.yaml remains');
    assert.deepEqual(index.orphans(), []);

    index.set(yml, stated(yml, 1));
    const change = index.delete(yaml);
    const inspection = index.inspectionOf('file:///ws/cases/a.case.sqs.yaml');
    assert.equal(inspection?.file.uri, yml, 'the sibling is the inspection now');
    assert.equal(inspection.file.model.sample?.value, 1);
    assert.equal(inspection.tallies.get('1.2/assessment')!.relevant, 1, 'its cases still counted');
    assert.deepEqual(index.orphans(), []);
    assert.ok(change.affected.includes(yml) && change.affected.includes('file:///ws/cases/a.case.sqs.yaml'));
    assert.deepEqual(
      new Checker(index).findingsFor(yml).filter((f) => f.code === 'SQS044'),
      [],
    );
  });

  it('a second file appearing takes over when it is the preferred name, and the displaced one is reported', () => {
    const index = new InspectionIndex();
    index.set(yml, stated(yml, 1));
    index.set('file:///ws/a.case.sqs.yaml', minimalCase('T-1'));
    const before = index.inspectionOf('file:///ws/a.case.sqs.yaml')!;
    const change = index.set(yaml, stated(yaml, 2));
    assert.equal(index.inspectionOf('file:///ws/a.case.sqs.yaml')?.file.uri, yaml);
    assert.ok(before.revision > 0 && change.affected.includes(yml), 'the displaced file is among those whose findings changed');
    assert.equal(new Checker(index).findingsFor(yml).filter((f) => f.code === 'SQS044').length, 1);
  });
});
