import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/core/api';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';

// A message quotes at most 40 characters of any value, then an ellipsis: a file can hold anything (a pasted page, a
// private key reached through a link), and findings go to the Problems panel, terminals and CI logs.

/** Text no message has any reason to hold more than 40 characters of. */
const long = (tag: string) => `${tag}-${'abcdefghij'.repeat(20)}`;

/** The longest run of `value` that a finding's message or related messages repeat. */
function longestQuote(f: Finding, value: string): number {
  const texts = [f.message, ...(f.related ?? []).map((r) => r.message)];
  let longest = 0;
  for (const text of texts)
    for (let start = 0; start < value.length; start++) {
      let n = longest + 1;
      while (start + n <= value.length && text.includes(value.slice(start, start + n))) n++;
      longest = Math.max(longest, n - 1);
    }
  return longest;
}

describe('messages quote at most 40 characters of a value', () => {
  it('a file that is one long line, as /etc/passwd linked in as a case file was', () => {
    const passwd = 'root:x:0:0:root:/root:/bin/bash daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin bin:x:2:2:bin:/bin:/usr/sbin/nologin';
    const ws = workspace({ 'x.case.sqs.yaml': passwd });
    const found = ws.findings('x.case.sqs.yaml');
    const root = found.find((f) => f.code === 'SQS011');
    assert.ok(root, JSON.stringify(found));
    assert.match(root.message, /not "root:x:0:0:root:\/root:\/bin\/bash daemon:x…"\.$/);
    assert.ok(found.every((f) => longestQuote(f, passwd) <= 40));
  });

  it('every kind of value a finding names: keys, words, codes, ids, versions, aliases, tags, counts, dates', () => {
    const values = {
      key: long('key'),
      sentence: long('sentence'),
      judgement: long('judgement'),
      reason: long('reason'),
      criterion: long('1.9'),
      fact: long('yes'),
      alias: long('alias'),
      tag: long('tag'),
      id: long('id'),
      version: long('sqs'),
      percent: `${long('p')}%`,
      date: long('2013'),
      ignore: long('SQS'),
      duplicate: long('dup'),
    };
    const caseFile = (id: string, extra = '') =>
      `case: ${id}\nsentence: ${values.sentence}\npsr: ${values.fact}\nrisk_of_harm: no\nidentifiable_victim: no\ncriteria: ${values.version}\n${values.key}: 1\n${values.duplicate}: 1\n${values.duplicate}: 2\nnotes: !${values.tag} x\ninspector: *${values.alias}\njudgements:\n  "1.2": ${values.judgement} # sqs-ignore ${values.ignore}: no reason\n  "1.3": { judgement: not sufficient, reasons: [${values.reason}] }\n  "${values.criterion}": sufficient\n${extra}`;
    const ws = workspace({
      'inspection.sqs.yaml': `${minimalInspection.replace('2014-03-03', values.date)}tallies:\n  "1.2": { relevant: ${values.percent} }\n`,
      'cases/a.case.sqs.yaml': caseFile(values.id),
      'cases/b.case.sqs.yaml': caseFile(values.id),
      [`cases/${long('name')}.case.sqs.yaml`]: minimalCase(values.id),
    });
    const found = ['inspection.sqs.yaml', 'cases/a.case.sqs.yaml', 'cases/b.case.sqs.yaml'].flatMap((p) => ws.findings(p));
    for (const [what, value] of Object.entries(values)) {
      const quoting = found.filter((f) => longestQuote(f, value) > 40).map((f) => `${f.code} ${f.message}`);
      assert.deepEqual(quoting, [], what);
    }
    assert.ok(
      found.some((f) => f.code === 'SQS041' && f.message.includes(`"id-${'abcdefghij'.repeat(3)}abcdefg…"`)),
      'the id, cut',
    );
  });
});
