import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReport, markNote, markReport, paragraphsOf, type Finding } from '../../server/src/core/api';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';

// Which paragraphs a report marks, and with what words: the core's decision, shared by the preview, `sqs render`
// and the exports (each only shows it).

function setup() {
  const w = workspace({
    // The stated 1.1 count contradicts the case files (an error finding on the stated count).
    'i/inspection.sqs.yaml': `${minimalInspection}tallies:\n  "1.1":\n    report: { relevant: 2, sufficient: 1 }\n`,
    'i/a.case.sqs.yaml': minimalCase('T-1'),
    // T-2 leaves 1.2 unjudged: the report's own warning on 1.2's paragraph.
    'i/b.case.sqs.yaml': minimalCase('T-2').replace('  "1.2": sufficient\n', ''),
  });
  const inspection = w.index.inspectionOf(w.uri('i/inspection.sqs.yaml'))!;
  const doc = buildReport(inspection);
  const findings = inspection.uris.flatMap((u) => w.checker.findingsFor(u));
  const sourceOf = (paragraphId: string, kind = 'generated') => {
    const p = paragraphsOf(doc).find((p) => p.id === paragraphId)!;
    return p.sentences.find((s) => s.kind === kind)!.sources.find((l) => l.role === 'judgement')!;
  };
  const on = (paragraphId: string, severity: Finding['severity'], message: string, extra: Partial<Finding> = {}): Finding => {
    const l = sourceOf(paragraphId);
    return { code: 'SQS099', severity, message, uri: l.uri, range: l.range, ...extra };
  };
  return { w, inspection, doc, findings, on };
}

describe('markReport', () => {
  it('marks in error the paragraph whose figures rest on an error, and says only the errors', () => {
    const { doc, findings, inspection, on } = setup();
    const { marks } = markReport(doc, [...findings, on('criterion-1.1', 'warning', 'a warning beside the error')], inspection.catalogue);
    const m11 = marks.find((m) => m.paragraphId === 'criterion-1.1')!;
    assert.equal(m11.severity, 'error');
    assert.ok(m11.findings.some((f) => f.code === 'SQS030'));
    const note = markNote(m11);
    assert.equal(note.inDoubt, true);
    assert.match(note.message, /\(SQS030\)/);
    assert.doesNotMatch(note.message, /a warning beside the error/, 'the warning would qualify figures that cannot be vouched for');
  });

  it('a count contradicted by more cases than its finding lists says nothing of a list: the note shows no list', () => {
    // 14 cases, all sufficient on 1.2, against a stated 13: SQS030 lists the first 12 as related places only.
    const files: Record<string, string> = {
      'i/inspection.sqs.yaml': `${minimalInspection.replace('sample: 2', 'sample: 14')}tallies:\n  "1.2": { relevant: 13 }\n`,
    };
    for (let i = 1; i <= 14; i++) files[`i/c${i}.case.sqs.yaml`] = minimalCase(`T-${i}`);
    const w = workspace(files);
    const inspection = w.index.inspectionOf(w.uri('i/inspection.sqs.yaml'))!;
    const findings = inspection.uris.flatMap((u) => w.checker.findingsFor(u));
    const sqs030 = findings.find((f) => f.code === 'SQS030')!;
    assert.equal(sqs030.related!.length, 13);
    const { marks } = markReport(buildReport(inspection), findings, inspection.catalogue);
    const note = markNote(marks.find((m) => m.paragraphId === 'criterion-1.2')!);
    assert.match(note.message, /1\.2: relevant 13, but the case files tally 14\./);
    assert.doesNotMatch(note.message, /listed/);
  });

  it('a warning or the report’s own warning qualifies the prose: every finding, then the warnings, each once', () => {
    const { doc, findings, inspection, on } = setup();
    const twice = on('criterion-1.2', 'warning', 'check this count');
    const { marks } = markReport(doc, [...findings, twice, { ...twice }], inspection.catalogue);
    const m12 = marks.find((m) => m.paragraphId === 'criterion-1.2')!;
    assert.equal(m12.severity, 'warning');
    const note = markNote(m12);
    assert.equal(note.inDoubt, false);
    assert.match(note.message, /^check this count \(SQS099\) 1\.2: 1 relevant case has not been judged yet/);
    assert.equal(note.message.split('check this count').length, 2, 'said once');
    // Without the finding, only the report's warning: information.
    assert.equal(markReport(doc, findings, inspection.catalogue).marks.find((m) => m.paragraphId === 'criterion-1.2')!.severity, 'information');
  });

  it('ignored findings, information and hints mark nothing', () => {
    const { doc, inspection, on } = setup();
    const quiet = [
      on('criterion-1.1', 'error', 'silenced', { ignored: { reason: 'agreed', range: on('criterion-1.1', 'error', '').range } }),
      on('criterion-1.1', 'information', 'fyi'),
      on('criterion-1.1', 'hint', 'hint'),
    ];
    const { marks } = markReport(doc, quiet, inspection.catalogue);
    assert.equal(
      marks.find((m) => m.paragraphId === 'criterion-1.1'),
      undefined,
      JSON.stringify(marks),
    );
  });

  it('lists marks in reading order, and the warnings about no paragraph as notes', () => {
    const { doc, findings, inspection } = setup();
    const { marks, notes } = markReport(doc, findings, inspection.catalogue);
    const order = paragraphsOf(doc).map((p) => p.id);
    const ids = marks.map((m) => m.paragraphId);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    );
    // Nothing is judged for 2.1: the report has no paragraph for it.
    assert.ok(
      notes.some((n) => /^2\.1: /.test(n.message)),
      JSON.stringify(notes.map((n) => n.message)),
    );
    assert.equal(notes.length + marks.reduce((n, m) => n + m.warnings.length, 0), doc.warnings.length, 'every warning once');
  });
});
