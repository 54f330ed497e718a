import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { folderToIndex, inspectionSearchLevels, isUnder, needsInspectionLookup } from '../../server/src/core/api';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';

// When the server must look on disk for a file's inspection, and which folder it then indexes: the decision,
// without the disk (the look-up itself is node/sqsFiles.ts nearestInspectionFile, shared with the CLI).

describe('looking for an inspection above a file', () => {
  it('a folder holds what is below it, not a sibling with a longer name', () => {
    assert.equal(isUnder('file:///p/liv/cases/a.case.sqs.yaml', 'file:///p/liv'), true);
    assert.equal(isUnder('file:///p/liv/cases/a.case.sqs.yaml', 'file:///p/liv/'), true);
    assert.equal(isUnder('file:///p/liverpool/a.case.sqs.yaml', 'file:///p/liv'), false);
    assert.equal(isUnder('file:///p/liv', 'file:///p/liv'), true, 'a folder is under itself');
    assert.equal(isUnder('file:///p/a.case.sqs.yaml', 'file:///'), true);
  });

  it('an SQS file outside every indexed folder is looked for; one inside is not, unless it is a case placed nowhere', () => {
    const ws = workspace(
      { 'liv/inspection.sqs.yaml': minimalInspection, 'liv/cases/a.case.sqs.yaml': minimalCase('T-1'), 'stray/b.case.sqs.yaml': minimalCase('T-2') },
      'file:///p/',
    );
    const covered = ['file:///p'];
    assert.equal(needsInspectionLookup(ws.index, 'file:///elsewhere/c.case.sqs.yaml', covered), true, 'outside: its inspection may be beside it');
    assert.equal(needsInspectionLookup(ws.index, 'file:///elsewhere/inspection.sqs.yaml', covered), true, 'outside: its cases are not indexed');
    assert.equal(needsInspectionLookup(ws.index, 'file:///p/liv/cases/a.case.sqs.yaml', covered), false, 'placed in its inspection');
    assert.equal(needsInspectionLookup(ws.index, 'file:///p/liv/inspection.sqs.yaml', covered), false);
    // Only cases/ was opened: the index cannot know of an inspection above it.
    assert.equal(needsInspectionLookup(ws.index, 'file:///p/stray/b.case.sqs.yaml', covered), true, 'a case in no inspection');
    assert.equal(needsInspectionLookup(ws.index, 'file:///elsewhere/notes.yaml', covered), false, 'not an SQS file');
    assert.equal(needsInspectionLookup(ws.index, 'file:///elsewhere/c.case.sqs.yaml', ['file:///p', 'file:///elsewhere']), false, 'brought in before');
  });

  it('is looked for as far up as the documented layouts put it, and no further', () => {
    assert.equal(inspectionSearchLevels('liv-2013', 'p'), 0, 'beside the cases only');
    assert.equal(inspectionSearchLevels('cases', 'liv-2013'), 1, 'above cases/');
    assert.equal(inspectionSearchLevels('Cases', 'liv-2013'), 1, 'whatever the case of its name');
    assert.equal(inspectionSearchLevels('day-1', 'cases'), 2, 'above cases/<group>/');
    assert.equal(inspectionSearchLevels('Downloads', 'u'), 0, 'never up through a folder of another name');
    assert.equal(inspectionSearchLevels('cases-2013', 'liv'), 0, 'not a name that only starts like it');
  });

  it('the inspection found is indexed with its folder, unless an indexed folder holds it already', () => {
    assert.equal(folderToIndex('file:///p/liv/inspection.sqs.yaml', []), 'file:///p/liv');
    assert.equal(folderToIndex('file:///p/liv/inspection.sqs.yaml', ['file:///p/liv/cases']), 'file:///p/liv', 'above the cases/ workspace folder');
    assert.equal(folderToIndex('file:///p/liv/inspection.sqs.yaml', ['file:///p']), undefined, 'the workspace holds it');
    assert.equal(folderToIndex('file:///p/liv/inspection.sqs.yaml', ['file:///p/liv']), undefined);
  });
});
