import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Checker, InspectionIndex, type CaseFile, type QuestionTally } from '../../server/src/core/api';
import { seed } from '../fixtures/seed-counts';

// The bundled Liverpool example must reproduce the published report (HMI Probation, SQS Liverpool, 20 November
// 2013): its figures question by question (test/fixtures/seed-counts.ts, written from the report's own sentences,
// never computed from the example files) and the banded words below.

/** The report's banded words, as bounds on a share; each band ends where the next named one begins. */
const bands: { question: string; side: 'sufficient' | 'not sufficient'; words: string; above: number; upTo: number; inclusive?: 'lower' | 'upper' }[] = [
  { question: '1.2/assessment', side: 'sufficient', words: 'over three-quarters', above: 3 / 4, upTo: 4 / 5 },
  { question: '1.3/review', side: 'sufficient', words: 'a majority', above: 1 / 2, upTo: 2 / 3 },
  { question: '1.4/plan', side: 'sufficient', words: 'over three-quarters', above: 3 / 4, upTo: 4 / 5 },
  { question: '1.4/review', side: 'sufficient', words: 'less than two-thirds', above: 1 / 2, upTo: 2 / 3, inclusive: 'lower' },
  { question: '2.2/review', side: 'not sufficient', words: 'almost one-third', above: 0.28, upTo: 1 / 3, inclusive: 'lower' },
  { question: '2.6/oversight', side: 'not sufficient', words: 'over one-third', above: 1 / 3, upTo: 0.4 },
  { question: '3.1/assessment', side: 'sufficient', words: 'over three-quarters', above: 3 / 4, upTo: 4 / 5 },
  { question: '3.2/review', side: 'sufficient', words: 'the majority', above: 1 / 2, upTo: 2 / 3 },
  { question: 'OM/impact', side: 'sufficient', words: 'over two-thirds', above: 2 / 3, upTo: 3 / 4 },
];

/** The inspectors' comments the report quotes, by the judgement each illustrates (opening words). */
const quotes: Record<string, string> = {
  '1.1/report': 'From the outset there was extensive and effective partnership work in this case.',
  '1.4/plan': 'In this case the assessment of offending related factors was good, as was the assessment of risk of harm.',
  '3.2/review': 'This case presented significant child protection issues arising out of a family being targeted',
  '4.2/engagement': 'This case saw consistent demonstration of good quality multi-agency work',
};

const root = path.resolve(__dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/** Loads every file of an example folder the way the CLI does: bytes from disk, file:// URIs. */
function load(folder: string) {
  const index = new InspectionIndex();
  const files = filesUnder(path.join(root, 'examples', folder));
  for (const f of files) index.setBytes(pathToFileURL(f).href, readFileSync(f));
  const [inspection, ...others] = index.inspections();
  assert.ok(inspection, `${folder} has an inspection file`);
  assert.equal(others.length, 0, `${folder} holds one inspection`);
  return { index, files, inspection, checker: new Checker(index) };
}

const liverpool = load('liverpool-2013');
const tally = (q: string): QuestionTally => {
  const t = liverpool.inspection.tallies.get(q);
  assert.ok(t, `the catalogue has ${q}`);
  return t;
};
const reasonsOf = (t: QuestionTally) => Object.fromEntries([...t.reasons].filter(([, n]) => n > 0));
const cases = (): CaseFile[] => [...liverpool.inspection.cases.values()];

describe('examples/liverpool-2013 reproduces the published report', () => {
  it('holds one inspection file and the 34 sampled cases, LIV-01 … LIV-34', () => {
    assert.equal(liverpool.files.length, 35, 'no stray files in the example');
    assert.equal(liverpool.index.orphans().length, 0);
    const ids = cases()
      .map((c) => c.model.id?.value)
      .sort();
    assert.deepEqual(
      ids,
      Array.from({ length: 34 }, (_, i) => `LIV-${String(i + 1).padStart(2, '0')}`),
    );
    assert.equal(liverpool.inspection.file.model.sample?.value, 34);
  });

  it('has the report’s case mix: 22 PSRs, 9 custodial (7 DTO, 2 section 91), 29 posing a risk of harm, 20 with a victim', () => {
    const count = (fact: string) => cases().filter((c) => c.model.facts.get(fact)?.value === true).length;
    assert.equal(count('psr'), 22);
    assert.equal(count('custody'), 9);
    assert.equal(count('risk_of_harm'), 29);
    assert.equal(count('identifiable_victim'), 20);
    const sentences = cases().map((c) => c.model.sentence?.value.id);
    assert.equal(sentences.filter((s) => s === 'detention-and-training-order').length, 7);
    assert.equal(sentences.filter((s) => s === 'section-91').length, 2);
    const custodyWithoutRisk = cases().filter((c) => c.model.facts.get('custody')?.value && !c.model.facts.get('risk_of_harm')?.value);
    assert.deepEqual(custodyWithoutRisk, [], 'every custodial case poses a risk of harm (2.3 custody is relevant in all 9)');
  });

  it('the seed table names every question of the catalogue', () => {
    assert.deepEqual(Object.keys(seed).sort(), [...liverpool.inspection.catalogue.questions.keys()].sort());
  });

  for (const [q, want] of Object.entries(seed)) {
    it(`${q}: ${want.sufficient} sufficient of ${want.relevant}${want.reasons ? ', with the reasons given' : ''}`, () => {
      const t = tally(q);
      assert.equal(t.relevant, want.relevant, 'relevant (due)');
      assert.equal(t.sufficient, want.sufficient, 'sufficient');
      assert.equal(t.notSufficient, want.relevant - want.sufficient, 'not sufficient');
      if (want.done !== undefined) assert.equal(t.done, want.done, 'reviews done');
      assert.deepEqual(reasonsOf(t), want.reasons ?? {}, 'reasons');
    });
  }

  it('every file is free of errors', () => {
    const errors = liverpool.files.flatMap((f) => liverpool.checker.findingsFor(pathToFileURL(f).href)).filter((f) => f.severity === 'error');
    assert.deepEqual(
      errors.map((f) => `${path.basename(f.uri)}:${f.range.start.line + 1} ${f.code} ${f.message}`),
      [],
    );
  });

  it('leaves no question unjudged and judges none that does not apply', () => {
    for (const t of liverpool.inspection.tallies.all()) {
      assert.deepEqual([t.question.id, t.unjudged, t.markedNotApplicable, t.judgedNotRelevant], [t.question.id, 0, 0, 0]);
    }
    for (const c of cases()) assert.equal(liverpool.inspection.tallies.unjudgedIn(c.uri), 0, c.model.id?.value);
  });

  it('gives a reason for every shortfall where the catalogue lists reasons, exactly one where they partition', () => {
    for (const t of liverpool.inspection.tallies.all()) {
      const mode = t.question.reasons?.mode;
      if (!mode) continue;
      for (const [uri, c] of t.cases) {
        if (c.outcome !== 'not-sufficient') continue;
        const where = `${path.basename(uri)} ${t.question.id}`;
        assert.ok(c.reasons.length >= 1, `${where} gives a reason`);
        if (mode === 'partition') assert.equal(c.reasons.length, 1, `${where} gives one reason`);
      }
    }
  });

  it('puts the report’s four quotes on the judgements they illustrate', () => {
    const found = cases().flatMap((c) =>
      [...c.model.judgements.values()].filter((j) => j.quote).map((j) => ({ question: j.question.id, value: j.value, quote: j.quote!.value })),
    );
    assert.deepEqual(found.map((f) => f.question).sort(), Object.keys(quotes).sort());
    for (const f of found) {
      assert.equal(f.value, 'sufficient', `${f.question}: the quote praises the work`);
      assert.ok(f.quote.startsWith(quotes[f.question]!), `${f.question}: ${f.quote.slice(0, 60)}…`);
    }
  });

  for (const b of bands) {
    it(`${b.question}: ${b.side} share fits "${b.words}"`, () => {
      const t = tally(b.question);
      const share = (b.side === 'sufficient' ? t.sufficient : t.notSufficient) / t.relevant;
      const lowOk = b.inclusive === 'lower' ? share >= b.above : share > b.above;
      const highOk = b.inclusive === 'lower' ? share < b.upTo : share <= b.upTo;
      assert.ok(lowOk && highOk, `${share.toFixed(3)} is not ${b.words}`);
    });
  }

  it('the figures the inspection file states agree with the case files', () => {
    const stated = liverpool.inspection.file.model.stated;
    assert.ok(stated.size >= 15, 'the report’s exact figures are stated');
    for (const [q, s] of stated) {
      const t = tally(q);
      if (s.relevant) assert.equal(s.relevant.value, t.relevant, `${q} relevant`);
      if (s.sufficient) assert.equal(s.sufficient.value, t.sufficient, `${q} sufficient`);
      if (s.notSufficient) assert.equal(s.notSufficient.value, t.notSufficient, `${q} not sufficient`);
      if (s.done) assert.equal(s.done.value, t.done, `${q} done`);
      for (const [code, n] of s.reasons) assert.equal(n.value, t.reasons.get(code) ?? 0, `${q} ${code}`);
    }
  });
});

describe('examples/liverpool-2013-tallies-only states the same figures without case files', () => {
  const only = load('liverpool-2013-tallies-only');
  const file = only.inspection.file;

  it('is free of errors', () => {
    const findings = only.files.flatMap((f) => only.checker.findingsFor(pathToFileURL(f).href));
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error').map((f) => `${f.range.start.line + 1} ${f.code} ${f.message}`),
      [],
    );
    assert.equal(only.inspection.cases.size, 0);
  });

  it('states every question, with the report’s figures', () => {
    assert.deepEqual([...file.model.stated.keys()].sort(), Object.keys(seed).sort());
    for (const [q, want] of Object.entries(seed)) {
      const s = file.model.stated.get(q)!;
      assert.equal(s.relevant?.value, want.relevant, `${q} relevant`);
      assert.equal(s.sufficient?.value, want.sufficient, `${q} sufficient`);
      if (s.notSufficient) assert.equal(s.notSufficient.value, want.relevant - want.sufficient, `${q} not sufficient`);
      assert.equal(s.done?.value, want.done, `${q} done`);
      const reasons = Object.fromEntries([...s.reasons].map(([code, n]) => [code, n.value]).filter(([, n]) => n !== 0));
      assert.deepEqual(reasons, want.reasons ?? {}, `${q} reasons`);
    }
  });

  it('carries the same narrative and copy list as the full example', () => {
    const full = liverpool.inspection.file.model;
    const text = (v?: { value: string }) => v?.value;
    assert.equal(text(file.model.narrative.summary), text(full.narrative.summary));
    assert.equal(text(file.model.narrative.operationalManagement), text(full.narrative.operationalManagement));
    assert.deepEqual(
      file.model.copyTo.map((c) => [c.role.value, c.names.map((n) => n.value)]),
      full.copyTo.map((c) => [c.role.value, c.names.map((n) => n.value)]),
    );
  });
});

describe('examples/liverpool-2013 carries the report’s narrative', () => {
  const m = liverpool.inspection.file.model;

  it('names the people and dates of the letter', () => {
    assert.equal(m.area?.value, 'Liverpool');
    assert.equal(m.service?.value, 'Liverpool Youth Offending Service');
    assert.equal(m.addressee?.name.value, 'Jon Ward');
    assert.equal(m.from?.name.value, 'Julie Fox');
    assert.deepEqual([m.fieldworkStart?.value, m.fieldworkEnd?.value, m.published?.value], ['2013-10-28', '2013-10-31', '2013-11-20']);
    assert.equal(m.leadInspector?.phone?.value, '07917 084764', 'the leading zero survives');
  });

  it('keeps all three operational management paragraphs and the full copy list', () => {
    const paragraphs = m.narrative.operationalManagement?.value.trim().split(/\n\s*\n/) ?? [];
    assert.equal(paragraphs.length, 3);
    // The OM figure ("… over two-thirds of the cases inspected") is generated where the {OM} marker stands.
    assert.match(paragraphs[1]!, /as effective processes\. \{OM\}$/);
    assert.equal(m.narrative.keyStrengths.length, 4);
    assert.equal(m.narrative.areasForImprovement.length, 2);
    assert.equal(m.copyTo.length, 14);
    assert.deepEqual(
      m.copyTo.find((c) => c.role.value === 'YJB link staff')?.names.map((n) => n.value),
      ['Malcolm Potter', 'Paula Williams', 'Alaina Tolhurst'],
    );
  });
});
