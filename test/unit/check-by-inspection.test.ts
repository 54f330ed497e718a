import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { check } from '../../server/src/cli/check';
import { eachInspection, loadWorkspace, toUri } from '../../server/src/cli/files';
import { Checker } from '../../server/src/core/api';

// `sqs check` of folders reads, checks and lets go of one inspection at a time (issue 13: a national workspace in
// memory one inspection at a time). What it prints must be what checking the whole workspace at once gives.

const examples = path.resolve(__dirname, '../../examples');

/** Both examples, an inspection nested in another's folder, a duplicate case id, a slip, and cases in no inspection. */
function messyWorkspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sqs-by-inspection-'));
  cpSync(examples, dir, { recursive: true });
  const liverpool = path.join(dir, 'liverpool-2013');
  cpSync(path.join(examples, 'liverpool-2013'), path.join(liverpool, 'nested'), { recursive: true });
  const edit = (file: string, from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  edit(path.join(liverpool, 'cases/liv-05.case.sqs.yaml'), 'case: LIV-05', 'case: LIV-06');
  edit(path.join(liverpool, 'nested/cases/liv-09.case.sqs.yaml'), 'sufficient', 'sufficent');
  mkdirSync(path.join(dir, 'loose'));
  cpSync(path.join(examples, 'liverpool-2013/cases/liv-07.case.sqs.yaml'), path.join(dir, 'loose/liv-07.case.sqs.yaml'));
  writeFileSync(path.join(dir, 'loose/broken.case.sqs.yaml'), 'case: [\n');
  return dir;
}

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('sqs check, an inspection at a time', () => {
  it('prints, byte for byte, what checking the whole workspace at once prints (human and JSON)', () => {
    const dir = messyWorkspace();
    dirs.push(dir);
    for (const format of ['human', 'json'] as const) {
      let byInspection = '';
      const code = check(
        [dir],
        { format },
        (s) => (byInspection += s),
        () => undefined,
      );
      // The whole workspace at once, as before: every file loaded, then each one's findings.
      const { index, requested } = loadWorkspace([dir]);
      const checker = new Checker(index);
      const whole = requested.flatMap((uri) => checker.findingsFor(uri));
      assert.equal(code, 1);
      assert.ok(whole.some((f) => f.code === 'SQS041') && whole.some((f) => f.code === 'SQS042'), 'the workspace has cross-file findings to compare');
      const lines = byInspection.split('\n');
      if (format === 'human') {
        assert.equal(lines.length - 1, whole.filter((f) => !f.ignored).length + whole.reduce((n, f) => n + (f.ignored ? 0 : (f.related?.length ?? 0)), 0));
      } else {
        const printed = (JSON.parse(byInspection) as { uri: string; code: string; message: string }[]).map((f) => `${f.uri} ${f.code} ${f.message}`).sort();
        assert.deepEqual(
          printed,
          whole
            .filter((f) => !f.ignored)
            .map((f) => `${f.uri} ${f.code} ${f.message}`)
            .sort(),
        );
      }
    }
  });

  it('holds one inspection at a time, its inspection files read before its cases, and the files in no inspection last', () => {
    const dir = messyWorkspace();
    dirs.push(dir);
    const held: { uris: string[]; indexed: number }[] = [];
    const done = eachInspection([dir], (index, uris) => held.push({ uris, indexed: index.all().length }));
    assert.ok(done);
    const rel = (uri: string) => uri.slice(toUri(dir).length + 1);
    assert.deepEqual(
      held.map((h) => [rel(h.uris[0]!), h.uris.length, h.indexed]),
      [
        ['liverpool-2013-tallies-only/inspection.sqs.yaml', 1, 1],
        ['liverpool-2013/inspection.sqs.yaml', 35, 35],
        ['liverpool-2013/nested/inspection.sqs.yaml', 35, 35],
        ['loose/broken.case.sqs.yaml', 2, 2],
      ],
    );
    assert.equal(done.files, 73);
  });

  it('loads the whole workspace when a folder lies inside an inspection or folders overlap', () => {
    const dir = messyWorkspace();
    dirs.push(dir);
    assert.equal(
      eachInspection([path.join(dir, 'liverpool-2013/cases')], () => assert.fail('read')),
      undefined,
    );
    assert.equal(
      eachInspection([dir, path.join(dir, 'loose')], () => assert.fail('read')),
      undefined,
    );
    assert.equal(
      eachInspection([path.join(dir, 'liverpool-2013/cases/liv-01.case.sqs.yaml')], () => assert.fail('read')),
      undefined,
    );
  });
});
