import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildReport, paragraphsWarned } from '../../server/src/core/api';
import { parts } from '../helpers/reportParts';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';

// Where the report's own warnings belong: with the paragraph they qualify, so the preview can say there that
// a figure counts only the judged cases; or, when the report has no paragraph for them, before the report.

const example = path.resolve(__dirname, '../../examples/liverpool-2013');

function report(files: Record<string, string>) {
  const w = workspace(files);
  const inspection = w.index.inspectionOf(w.uri('i/inspection.sqs.yaml'))!;
  const doc = buildReport(inspection);
  return { doc, ...paragraphsWarned(doc, inspection.catalogue) };
}

describe('paragraphsWarned', () => {
  it('places a warning about a question on the paragraph that words it', () => {
    const { doc, placed } = report({
      'i/inspection.sqs.yaml': minimalInspection,
      'i/a.case.sqs.yaml': minimalCase('T-1'),
      'i/b.case.sqs.yaml': minimalCase('T-2').replace('  "1.2": sufficient\n', ''),
    });
    const about12 = doc.warnings.filter((w) => w.questionId?.startsWith('1.2/'));
    assert.equal(about12.length, 1, JSON.stringify(doc.warnings));
    assert.deepEqual(placed.get('criterion-1.2'), about12);
    assert.match(about12[0]!.message, /1 relevant case has not been judged yet/);
    // The paragraph still has its prose: the warning qualifies it rather than replacing it.
    const p12 = parts(doc)
      .commentary.themes.flatMap((t) => t.paragraphs)
      .find((p) => p.id === 'criterion-1.2')!;
    assert.ok(p12.sentences.some((s) => s.kind === 'generated'));
  });

  it('keeps every warning exactly once: placed, or unplaced when the report has no paragraph for its criterion', () => {
    const { doc, placed, unplaced } = report({
      'i/inspection.sqs.yaml': minimalInspection,
      'i/a.case.sqs.yaml': minimalCase('T-1'),
      'i/b.case.sqs.yaml': minimalCase('T-2'),
    });
    const all = [...[...placed.values()].flat(), ...unplaced];
    assert.equal(all.length, doc.warnings.length);
    assert.deepEqual(new Set(all), new Set(doc.warnings));
    // Nothing is judged for 2.1 in either case: no sentence, no paragraph, so its warning goes before the report.
    const ids = new Set(parts(doc).commentary.themes.flatMap((t) => t.paragraphs.map((p) => p.criterionId)));
    assert.ok(!ids.has('2.1'));
    assert.ok(unplaced.some((w) => w.questionId?.startsWith('2.1/')));
    for (const [id, ws] of placed) assert.ok(paragraphIds(doc).has(id), `${id} (${ws.length} warnings) is no paragraph of the report`);
  });

  it('places a warning on the narrative paragraph where the inspection put the criterion’s sentence ({OM})', () => {
    const files: Record<string, string> = { 'i/inspection.sqs.yaml': readFileSync(path.join(example, 'inspection.sqs.yaml'), 'utf8') };
    for (const name of readdirSync(path.join(example, 'cases'))) files[`i/cases/${name}`] = readFileSync(path.join(example, 'cases', name), 'utf8');
    assert.equal(report(files).doc.warnings.length, 0, 'the published example is fully judged');
    files['i/cases/liv-01.case.sqs.yaml'] = files['i/cases/liv-01.case.sqs.yaml']!.replace(/^ {2}OM: sufficient\n/m, '');
    const { doc, placed, unplaced } = report(files);
    assert.deepEqual(unplaced, []);
    const [id, ws] = [...placed][0]!;
    assert.equal(placed.size, 1);
    assert.match(ws[0]!.message, /^OM: 1 relevant case has not been judged yet/);
    assert.ok(
      parts(doc).operationalManagement?.paragraphs.some((p) => p.id === id),
      `${id} is not in the operational management section`,
    );
  });
});

function paragraphIds(doc: ReturnType<typeof buildReport>): Set<string> {
  return new Set([...parts(doc).commentary.themes.flatMap((t) => t.paragraphs.map((p) => p.id)), ...parts(doc).context.paragraphs.map((p) => p.id)]);
}
