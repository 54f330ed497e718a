import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadWorkspace, toUri } from '../../server/src/cli/files';
import { main } from '../../server/src/cli/main';
import { buildReport, Checker, comparisonFor, hoverAt, type FiguresBlock, type ReportBlock } from '../../server/src/core/api';
import { liverpool, liverpoolTalliesOnly } from '../helpers/example';

// Comparison across inspections, only when asked: each question's share beside the unweighted mean of the other
// inspections' (on the same criteria, with no errors, and for a question, with a relevant case), in the figures
// table, in `sqs render --compare` and in the hover.

const root = mkdtempSync(path.join(tmpdir(), 'sqs-compare-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** A copy of an example as root/<name>, edited. */
function place(name: string, from: string, edit: (file: string, text: string) => string = (_, t) => t): string {
  const dir = path.join(root, name);
  cpSync(from, dir, { recursive: true });
  for (const file of ['inspection.sqs.yaml', 'cases/liv-01.case.sqs.yaml']) {
    const p = path.join(dir, file);
    try {
      writeFileSync(p, edit(file, readFileSync(p, 'utf8')));
    } catch {
      // the tallies-only example has no case files
    }
  }
  return dir;
}

const flip = (file: string, text: string) => (file.startsWith('cases/') ? text.replace('    report: sufficient\n', '    report: not sufficient\n') : text);
// A: the inspection compared. B: one PSR worse, its stated tallies left out (so it checks clean): 18 of 22 on 1.1.
// C: the same, its stated tallies kept, which the case files now contradict (an error): left out of the mean.
// D: recorded as tallies only (19 of 22), without its stated 1.5, so 1.5 has one inspection to compare with.
const a = place('a', liverpool);
place('b', liverpool, (file, text) => flip(file, text).replace(/^tallies:[\s\S]*$/m, ''));
place('c', liverpool, flip);
place('d', liverpoolTalliesOnly, (file, text) => text.replace(/^ {2}"1\.5": .*\n/m, ''));

const figures = (blocks: readonly ReportBlock[]): FiguresBlock | undefined =>
  blocks.flatMap((b) => (b.kind === 'figures' ? [b] : b.kind === 'section' ? [figures(b.blocks)].filter((x) => x !== undefined) : []))[0];

describe('comparison across inspections', () => {
  const { index } = loadWorkspace([root]);
  const inspection = index.inspections().find((i) => i.folder === toUri(a))!;
  const comparison = comparisonFor(inspection, index.inspections(), new Checker(index));

  it('is the unweighted mean of the others with no errors, per question over those with a relevant case', () => {
    assert.equal(comparison.inspections, 2, 'B and D: C has errors, A is the inspection itself');
    const report = comparison.byQuestion.get('1.1/report')!;
    assert.equal(report.inspections, 2);
    assert.equal(report.mean, (18 / 22 + 19 / 22) / 2);
    assert.deepEqual(comparison.byQuestion.get('1.5/custody-plan'), { mean: 7 / 9, inspections: 1 }, 'D states no 1.5');
  });

  it('goes into the figures table only when given, and the table says how many inspections', () => {
    assert.equal(figures(buildReport(inspection, { figures: true }).blocks)!.compared, undefined);
    const block = figures(buildReport(inspection, { figures: true, comparison }).blocks)!;
    assert.deepEqual(block.compared, { inspections: 2 });
    assert.deepEqual(block.rows.find((r) => r.questionId === '1.5/custody-plan')!.compared, { mean: 7 / 9, inspections: 1 });
  });

  it('sqs render --compare sets each share beside the mean, and says what it left out', async () => {
    let stdout = '';
    let stderr = '';
    const code = await main(
      ['render', a, '--figures', '--compare', root],
      (s) => (stdout += `${s}\n`),
      (s) => (stderr += `${s}\n`),
    );
    assert.equal(code, 0, stderr);
    assert.match(stdout, /\| Question \|.*\| Other inspections: mean % sufficient \|/);
    assert.match(stdout, /\| 1\.1 report \| 22 \| \| 19 \| 3 \| 86% \| \| 84% across 2 inspections \|/);
    assert.match(stdout, /\| 1\.5 \| 9 \| \| 7 \| 2 \| 78% \| \| 78% across 1 inspection \|/);
    assert.match(stderr, /comparing with 2 inspections on sqs-2013 \(1 left out: they have errors\)/);
    const plain = { out: '' };
    await main(
      ['render', a, '--figures'],
      (s) => (plain.out += s),
      () => undefined,
    );
    assert.ok(!plain.out.includes('Other inspections'), 'no comparison unless asked');
  });

  it('the hover on a criterion says it: this inspection, the mean and how many', () => {
    const uri = toUri(path.join(a, 'cases/liv-01.case.sqs.yaml'));
    const offset = index.get(uri)!.parsed.text.indexOf('"1.1":') + 1;
    const plain = hoverAt(index, uri, offset)!.markdown;
    assert.ok(!plain.includes('Compared'), plain);
    const hover = hoverAt(index, uri, offset, { comparison })!.markdown;
    assert.match(hover, /Compared: \*\*86%\*\* here — mean 84% across 2 inspections/);
  });
});
