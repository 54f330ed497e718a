import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';

describe('a case file that does not read as a case', () => {
  for (const [what, text] of [
    ['too large', `case: X\nnotes: "${'x'.repeat(2_100_000)}"\n`],
    ['empty', ''],
    ['a list, not a mapping', '- case: X\n'],
  ] as const) {
    it(`(${what}) gets its own finding and no "not yet judged" list`, () => {
      const ws = workspace({ 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': minimalCase('T-1'), 'b.case.sqs.yaml': text });
      const codes = ws.findings('b.case.sqs.yaml').map((f) => f.code);
      assert.ok(codes.length > 0);
      assert.ok(!codes.includes('SQS051'), codes.join(' '));
      assert.ok(
        ws.findings('a.case.sqs.yaml').some((f) => f.code === 'SQS051'),
        'a readable case still lists what is left',
      );
    });
  }
});
