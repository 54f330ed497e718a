import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInSkippedFolder } from '../../server/src/core/api';

// The folders the walk skips, as the server's watching asks about a path: only the part below the walked
// folder counts, since a workspace folder may itself sit in a hidden one.

describe('folders the walk never looks in', () => {
  it('dependency, build and hidden folders below the walked folder, at any depth', () => {
    for (const path of ['node_modules/pkg', 'a/node_modules', 'out/x.js', 'dist', '.git/index.lock', 'cases/.history/a.case.sqs.yaml']) {
      assert.equal(isInSkippedFolder(`file:///ws/${path}`, 'file:///ws'), true, path);
    }
  });

  it('not a folder whose name only starts like one, nor anything above the walked folder', () => {
    for (const path of ['node_modules2/a', 'outcomes/a.case.sqs.yaml', 'cases/a.case.sqs.yaml', 'distant']) {
      assert.equal(isInSkippedFolder(`file:///ws/${path}`, 'file:///ws'), false, path);
    }
    assert.equal(isInSkippedFolder('file:///home/u/.config/insp/cases/new', 'file:///home/u/.config/insp'), false);
    assert.equal(isInSkippedFolder('file:///ws/node_modules/pkg', 'file:///ws/node_modules/pkg'), false, 'the folder itself');
    assert.equal(isInSkippedFolder('file:///elsewhere/.git', 'file:///ws'), false, 'not below it');
  });
});
