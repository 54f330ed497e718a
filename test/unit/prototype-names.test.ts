import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stem } from '../../server/src/core/checks/prose/text';
import { completionsAt } from '../../server/src/core/service/completion';
import { minimalInspection, workspace } from '../helpers/index';

// A name typed in a file or a setting ("constructor", "__proto__", "toString") looked up in an object literal
// finds Object.prototype's members. Every such lookup is a Map or checks Object.hasOwn; these are the ones
// that went wrong (the severity levels' are in checks-ignore.test.ts and cli.test.ts).

describe('names of the object prototype in a file', () => {
  it('completion after a key named like a prototype member offers nothing, instead of throwing', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      for (const typed of [`${key}: `, `${key}:\n  a: `]) {
        const text = `case: T-1\nsentence: referral order\n${typed}`;
        const ws = workspace({ 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': text });
        assert.deepEqual(completionsAt(ws.index, ws.uri('a.case.sqs.yaml'), text.length)?.items ?? [], [], JSON.stringify(typed));
      }
    }
  });

  it('a word of commentary named like a prototype member is its own stem', () => {
    for (const word of ['constructor', 'valueof', 'children']) assert.equal(typeof stem(word), 'string', word);
    assert.equal(stem('constructor'), 'constructor');
    assert.equal(stem('children'), 'child');
  });
});
