import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Catalogue, CatalogueRegistry, InspectionIndex } from '../../server/src/core/api';
import sqs2013 from '../../server/src/core/criteria/catalogues/sqs-2013.json';
import { inspectionProgress } from '../../server/src/core/service/status';
import { progressText } from '../../client/src/progress';
import { liverpool } from '../helpers/example';
import { minimalCase, minimalInspection } from '../helpers/index';

// A case of the Liverpool example with every criterion judged: nothing left to judge.
const judged = readFileSync(path.join(liverpool, 'cases/liv-01.case.sqs.yaml'), 'utf8');

describe('inspection progress (the status item)', () => {
  it('a case not counted (another criteria version, SQS043) is not "judged": it contributes nothing', () => {
    const registry = new CatalogueRegistry([Catalogue.from(sqs2013), Catalogue.from({ ...sqs2013, id: 'sqs-2016' })]);
    const index = new InspectionIndex({ registry });
    index.set('file:///ws/inspection.sqs.yaml', minimalInspection);
    index.set('file:///ws/one.case.sqs.yaml', minimalCase('T-1'));
    // Fully judged, but against other criteria: none of its judgements is counted.
    index.set('file:///ws/two.case.sqs.yaml', judged.replace('case: LIV-01\n', 'case: LIV-01\ncriteria: sqs-2016\n'));
    const progress = inspectionProgress(index, 'file:///ws/inspection.sqs.yaml')!;
    assert.equal(progress.cases, 2);
    assert.equal(progress.casesJudged, 0, 'T-1 has criteria left to judge; LIV-01 is not counted at all');
  });

  it('counts a case with nothing left to judge', () => {
    const index = new InspectionIndex();
    index.set('file:///ws/inspection.sqs.yaml', minimalInspection);
    index.set('file:///ws/one.case.sqs.yaml', judged);
    index.set('file:///ws/two.case.sqs.yaml', minimalCase('T-2'));
    const progress = inspectionProgress(index, 'file:///ws/one.case.sqs.yaml')!;
    assert.equal(index.inspections()[0]!.tallies.unjudgedIn('file:///ws/one.case.sqs.yaml'), 0);
    assert.deepEqual([progress.casesJudged, progress.cases], [1, 2]);
  });

  it('says N/M with M the case files present, and the sample apart when it differs', () => {
    assert.equal(progressText({ casesJudged: 34, cases: 34, sample: 34 }), '34/34 cases judged');
    assert.equal(progressText({ casesJudged: 3, cases: 34 }), '3/34 cases judged');
    // The audit's "35/34": more judged cases than the denominator can never be shown.
    assert.equal(progressText({ casesJudged: 34, cases: 34, sample: 35 }), '34/34 cases judged (sample 35)');
    assert.equal(progressText({ casesJudged: 1, cases: 1, sample: 2 }), '1/1 case judged (sample 2)');
    assert.equal(progressText({ casesJudged: 0, cases: 0, sample: 2 }), '0/0 cases judged (sample 2)');
  });
});
