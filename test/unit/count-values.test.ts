import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReport, paragraphsOf } from '../../server/src/core/api';
import { at, minimalInspection, textOf, workspace } from '../helpers/index';

// Every count in an SQS file (the sample, every stated tally) is a whole number of cases from 0 to 100,000:
// a national sample is a few thousand, and a number YAML reads as 1e+308 is a slip, never a figure to print.

const withSample = (sample: string, tallies = '') => `${minimalInspection.replace('sample: 2', `sample: ${sample}`)}${tallies}`;

function countFindings(text: string) {
  const ws = workspace({ 'inspection.sqs.yaml': text });
  return ws.findings('inspection.sqs.yaml').filter((f) => f.code === 'SQS020');
}

describe('counts are whole numbers from 0 to 100,000 (SQS020)', () => {
  it('a sample YAML reads as a huge number is an error on the value that says what to write', () => {
    for (const written of ['1e308', '1e+308', '100001', '12345678901234567890', '.inf']) {
      const text = withSample(written);
      const found = countFindings(text);
      assert.equal(found.length, 1, written);
      assert.equal(textOf(text, found[0]!), written);
      assert.match(found[0]!.message, /^A count is a whole number of cases from 0 to 100,000, not .+\.$/, written);
    }
  });

  it('stated tallies are held to the same bound; 0 and 100,000 are counts', () => {
    const text = withSample('100000', 'tallies:\n  "1.2": { relevant: 1e6, sufficient: 0 }\n');
    assert.deepEqual(countFindings(text).map(at), ['10:22 SQS020']);
    assert.deepEqual(countFindings(withSample('0')), []);
  });

  it('the report never prints a sample it could not read as a count', () => {
    const ws = workspace({ 'inspection.sqs.yaml': withSample('1e308') });
    const inspection = ws.index.inspections()[0]!;
    const prose = paragraphsOf(buildReport(inspection))
      .flatMap((p) => p.sentences.map((s) => s.text))
      .join(' ');
    assert.doesNotMatch(prose, /e\+308|Infinity/);
  });
});
