import assert from 'node:assert/strict';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../server/src/cli/main';

// `sqs render --out`: never over an SQS file, never through a link, never a half-written report.

const example = path.resolve(__dirname, '../../examples/liverpool-2013');

async function sqs(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    args,
    (s) => (stdout += `${s}\n`),
    (s) => (stderr += `${s}\n`),
  );
  return { code, stdout, stderr };
}

function copyOfExample(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'sqs-out-')), 'insp');
  cpSync(example, dir, { recursive: true });
  return dir;
}

/** Every file of a folder and below with its bytes: what must be as it was. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(path.relative(dir, p), e.isSymbolicLink() ? `link ${p}` : readFileSync(p, 'base64'));
    }
  };
  walk(dir);
  return files;
}

describe('sqs render --out', () => {
  it('refuses (exit 2, nothing written) an SQS file, or a link, even one to an SQS file or to nothing', async () => {
    const dir = copyOfExample();
    const outside = path.dirname(dir);
    symlinkSync(path.join(dir, 'inspection.sqs.yaml'), path.join(outside, 'report.docx'));
    symlinkSync(path.join(outside, 'made-by-sqs.docx'), path.join(outside, 'dangling.docx'));
    const before = snapshot(outside);
    for (const [out, why] of [
      [path.join(dir, 'inspection.sqs.yaml'), /is an SQS file/],
      [path.join(dir, 'cases', 'liv-05.case.sqs.yaml'), /is an SQS file/],
      [path.join(dir, 'Inspection.SQS.yml'), /is an SQS file/],
      [path.join(outside, 'report.docx'), /is a symbolic link/],
      [path.join(outside, 'dangling.docx'), /is a symbolic link/],
      [dir, /is a folder/],
    ] as const) {
      const r = await sqs('render', dir, '--format', 'docx', '--out', out);
      assert.equal(r.code, 2, `${out}: ${r.stderr}`);
      assert.match(r.stderr, why, out);
      assert.match(r.stderr, /^sqs: --out /m);
    }
    assert.deepEqual(snapshot(outside), before, 'every file as it was');
    assert.equal(existsSync(path.join(outside, 'made-by-sqs.docx')), false, 'a dangling link gets no target');
  });

  it('replaces a report in one step, leaving no temporary file', async () => {
    const dir = copyOfExample();
    const out = path.join(path.dirname(dir), 'report.md');
    writeFileSync(out, 'the previous report\n');
    const r = await sqs('render', dir, '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(out, 'utf8'), /^# /m);
    assert.ok(lstatSync(out).isFile());
    assert.deepEqual(readdirSync(path.dirname(dir)).sort(), ['insp', 'report.md']);
  });
});

describe('sqs export --out', () => {
  it('refuses as sqs render --out does (exit 2, nothing written): an SQS file, a link, a folder', async () => {
    const dir = copyOfExample();
    const outside = path.dirname(dir);
    symlinkSync(path.join(dir, 'inspection.sqs.yaml'), path.join(outside, 'data.csv'));
    symlinkSync(path.join(outside, 'made-by-sqs.csv'), path.join(outside, 'dangling.csv'));
    const before = snapshot(outside);
    for (const [out, why] of [
      [path.join(dir, 'inspection.sqs.yaml'), /is an SQS file/],
      [path.join(dir, 'cases', 'liv-05.case.sqs.yaml'), /is an SQS file/],
      [path.join(outside, 'data.csv'), /is a symbolic link/],
      [path.join(outside, 'dangling.csv'), /is a symbolic link/],
      [dir, /is a folder/],
    ] as const) {
      const r = await sqs('export', dir, '--format', 'csv', '--out', out);
      assert.equal(r.code, 2, `${out}: ${r.stderr}`);
      assert.match(r.stderr, why, out);
      assert.match(r.stderr, /^sqs: --out /m);
    }
    assert.deepEqual(snapshot(outside), before, 'every file as it was');
    assert.equal(existsSync(path.join(outside, 'made-by-sqs.csv')), false, 'a dangling link gets no target');
  });
});
