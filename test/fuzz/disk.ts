import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { main } from '../../server/src/cli/main';
import { example } from './documents';

// Odd things on a disk where `sqs check` looks: links inside and out, links that lead nowhere or to themselves,
// pipes, folders named like SQS files, binary and empty files. Whatever is there, the check ends with 0, 1 or 2,
// throws nothing, and prints nothing of a file outside the folder.

const secret = 'SECRET-KEY-MATERIAL-do-not-print-3f9a';

type Entry =
  'case' | 'inside-link' | 'outside-link' | 'dangling-link' | 'loop-link' | 'pipe' | 'folder-named-like-a-case' | 'binary' | 'empty' | 'outside-folder-link';

export const diskLayout = fc.array(
  fc.constantFrom<Entry>(
    'case',
    'inside-link',
    'outside-link',
    'dangling-link',
    'loop-link',
    'pipe',
    'folder-named-like-a-case',
    'binary',
    'empty',
    'outside-folder-link',
  ),
  { minLength: 1, maxLength: 8 },
);

const caseText = [...example].find(([f]) => f.endsWith('.case.sqs.yaml'))![1];

export function diskStep(entries: readonly Entry[]): void {
  const base = mkdtempSync(path.join(tmpdir(), 'sqs-fuzz-disk-'));
  try {
    const insp = path.join(base, 'insp');
    mkdirSync(path.join(insp, 'cases', '.store'), { recursive: true });
    mkdirSync(path.join(base, 'outside', 'more'), { recursive: true });
    writeFileSync(path.join(base, 'outside', 'key.txt'), `${secret}\n`);
    writeFileSync(path.join(base, 'outside', 'more', 'o.case.sqs.yaml'), `case: ${secret}\n`);
    writeFileSync(path.join(insp, 'inspection.sqs.yaml'), example.get('inspection.sqs.yaml')!);
    writeFileSync(path.join(insp, 'cases', '.store', 'stored.case.sqs.yaml'), caseText);
    entries.forEach((entry, i) => {
      const at = path.join(insp, 'cases', `e${i}.case.sqs.yaml`);
      if (entry === 'case') writeFileSync(at, caseText.replace(/^case: .*$/m, `case: E-${i}`));
      else if (entry === 'inside-link') symlinkSync(path.join(insp, 'cases', '.store', 'stored.case.sqs.yaml'), at);
      else if (entry === 'outside-link') symlinkSync(path.join(base, 'outside', 'key.txt'), at);
      else if (entry === 'dangling-link') symlinkSync(path.join(base, 'nowhere'), at);
      else if (entry === 'loop-link') symlinkSync(at, at);
      else if (entry === 'pipe') execFileSync('mkfifo', [at]);
      else if (entry === 'folder-named-like-a-case') mkdirSync(at);
      else if (entry === 'binary') writeFileSync(at, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff]));
      else if (entry === 'empty') writeFileSync(at, '');
      else symlinkSync(path.join(base, 'outside', 'more'), path.join(insp, `linked-${i}`));
    });
    let said = '';
    const code = main(
      ['check', '--format', entries.length % 2 ? 'json' : 'human', insp],
      (s) => (said += s),
      (s) => (said += s),
    );
    if (code !== 0 && code !== 1 && code !== 2) throw new Error(`sqs check ended with ${String(code)}`);
    if (said.includes(secret)) throw new Error(`sqs check printed what a link outside the folder leads to: ${said.slice(0, 200)}`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
