import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadWorkspace } from '../../server/src/cli/files';
import {
  buildReport,
  Catalogue,
  CatalogueError,
  paragraphText,
  paragraphsAffectedBy,
  paragraphsFedBy,
  paragraphsOf,
  PhrasebookRegistry,
  sentenceByKey,
  type Inspection,
  type NumberedParagraph,
  type ReportDocument,
  type Sentence,
  type SourceLink,
} from '../../server/src/core/api';
import { renderMarkdown } from '../../server/src/render/formats/markdown';
import { parts } from '../helpers/reportParts';
import sqs2013 from '../../server/src/core/criteria/catalogues/sqs-2013.json';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';

const root = path.resolve(__dirname, '../..');

function load(folder: string): Inspection {
  const { index } = loadWorkspace([path.join(root, folder)]);
  return index.inspections()[0]!;
}

const liverpool = load('examples/liverpool-2013');
const talliesOnly = load('examples/liverpool-2013-tallies-only');
const doc = buildReport(liverpool);

const numbered = (d: ReportDocument): NumberedParagraph[] => parts(d).commentary.themes.flatMap((t) => t.paragraphs);
const paragraph = (d: ReportDocument, id: string) => numbered(d).find((p) => p.criterionId === id);
const textOf = (d: ReportDocument, id: string) => {
  const p = paragraph(d, id);
  return p ? paragraphText(p) : undefined;
};
const generated = (d: ReportDocument): Sentence[] => numbered(d).flatMap((p) => p.sentences.filter((s) => s.kind === 'generated'));

describe('report: the Liverpool inspection from its case files', () => {
  it('takes its figures from the case files, with the SQS phrasebook, and has nothing to warn about', () => {
    assert.equal(doc.figuresFrom, 'cases');
    assert.equal(doc.phrasebookId, 'sqs');
    assert.deepEqual(doc.warnings, []);
  });

  it('has the seed’s structure: header, title, context, summary, four themes, operational management, strengths, areas, closing, copy list', () => {
    assert.equal(doc.title, 'Report of Short Quality Screening (SQS) of youth offending work in Liverpool');
    assert.deepEqual(
      parts(doc).header.map((h) => `${h.label} ${h.value}`),
      [
        'To: Jon Ward, Chair of Liverpool YOS Management Board',
        'Copy to: See copy list at end',
        'From: Julie Fox, Assistant Chief Inspector',
        'Publication date: 20th November 2013',
      ],
    );
    assert.match(paragraphText(parts(doc).opening[0]!), /conducted during 28th-31st October 2013\./);
    assert.match(paragraphText(parts(doc).context.paragraphs[1]!), /a sample of 34 recent cases supervised by Liverpool Youth Offending Service\./);
    assert.match(paragraphText(parts(doc).summary!.paragraphs[0]!), /^Overall, we found a positive picture in Liverpool YOS\./);
    assert.deepEqual(
      parts(doc).commentary.themes.map((t) => `${t.number}. ${t.title}`),
      [
        '1. Reducing the likelihood of reoffending',
        '2. Protecting the public',
        '3. Protecting the child or young person',
        '4. Ensuring that the sentence is served',
      ],
    );
    assert.deepEqual(
      numbered(doc)
        .map((p) => p.number)
        .join(' '),
      '1.1 1.2 1.3 1.4 1.5 2.1 2.2 2.3 2.4 2.5 2.6 3.1 3.2 3.3 3.4 3.5 4.1 4.2 4.3 4.4 4.5',
    );
    assert.equal(parts(doc).operationalManagement?.paragraphs.length, 3);
    assert.equal(parts(doc).keyStrengths?.items.length, 4);
    assert.equal(parts(doc).areasForImprovement?.numbering, 'roman');
    assert.equal(parts(doc).copyTo?.rows.length, 14);
    assert.match(
      paragraphText(parts(doc).closing.paragraphs[1]!),
      /who was Joseph Simpson\. He can be contacted on 07917 084764, and by email at joe\.simpson@hmiprobation\.gsi\.gov\.uk\.$/,
    );
  });

  it('words every figure as the seed does', () => {
    const expected: [string, string][] = [
      [
        '1.1',
        'In all but 3 out of the 22 relevant cases, we found that good quality pre-sentence reports (PSRs) had been provided to the court. Management oversight of the quality of reports was generally effective.',
      ],
      [
        '1.2',
        'Over three-quarters of the initial assessments of what was likely to make a child or young person offend were on time and were of good enough quality.',
      ],
      ['1.3', 'A majority of the reviewed assessments we looked at had been completed well enough.'],
      ['1.4', 'Over three-quarters of the initial plans were of a sufficient standard but less than two-thirds of the plans had been reviewed well enough.'],
      ['1.5', 'reoffending in seven out of the nine relevant cases.'],
      ['2.1', 'outlined in 19 out of 22 cases where there had been a PSR.'],
      [
        '2.2',
        'A good quality assessment of risk of harm to others was seen in 27 out of 34 cases. In three cases the assessment had not been done, in two, previous violent offences had not been taken into account and in another two the classification of risk of harm was too low. These assessments had not been adequately reviewed in almost one-third of cases.',
      ],
      ['2.3', 'In 23 out of 29 cases, planning was done well enough to manage the risk of harm and planning was satisfactory for all of the custodial cases.'],
      [
        '2.4',
        'In 11 out of 26 cases, plans to address the risk of harm to others had not been reviewed to a satisfactory standard. For example, in five cases a review had not taken place, in four, the review was not of sufficient quality',
      ],
      ['2.5', 'effectively managed in the great majority of cases.'],
      ['2.6', 'Management oversight of risk of harm work had not been effective in over one-third of the relevant cases.'],
      ['3.1', 'In over three-quarters of cases, vulnerability and safeguarding needs were sufficiently assessed.'],
      ['3.1', 'These issues were fully addressed in all but five of the PSRs.'],
      ['3.2', 'A majority of reviews of safeguarding and vulnerability throughout the sentence were of an acceptable standard.'],
      [
        '3.3',
        'In 22 out of 31 cases planning for work to manage and reduce vulnerability was adequate. In five cases a plan to manage the vulnerability had not been produced, in three, the planned response was insufficient and in another three the contingency plan was unclear. Planning was satisfactory in all of the eight relevant custody cases.',
      ],
      [
        '3.4',
        'Half of the cases we examined could show that there were adequate reviews throughout the sentence to address safeguarding and vulnerability needs. In six cases the review was not of sufficient quality and in three a review of protecting children issues should have been completed after a significant change.',
      ],
      ['3.5', 'In 20 out of 29 cases management oversight was effective'],
      [
        '4.1',
        'The great majority of assessments of diversity factors and barriers to engagement were sufficient. Appropriate attention had been given to these issues in all but two of the PSRs.',
      ],
      [
        '4.2',
        'The child or young person or parent/carer was involved in the preparation of all but one of the PSRs. In all but two of the cases there was good engagement',
      ],
      ['4.3', 'We found attention was being paid in most plans to diversity factors and potential barriers to engagement.'],
      [
        '4.4',
        'In almost all cases we reviewed, where relevant, sufficient attention had been given to the health and well-being of the child or young person.',
      ],
      [
        '4.5',
        'Sixteen children or young people had complied with the requirements of their sentence. In all cases where the child or young person had not complied, the response of the YOS was appropriate.',
      ],
    ];
    for (const [id, sentence] of expected) assert.ok(textOf(doc, id)?.includes(sentence), `${id}: "${sentence}"\n  in: ${textOf(doc, id)}`);
    const om = parts(doc).operationalManagement!.paragraphs[1]!;
    assert.match(
      paragraphText(om),
      /as effective processes\. We judged that staff supervision and quality assurance arrangements had made a positive impact in over two-thirds of the cases inspected\.$/,
    );
  });

  it('every generated figure is one the phrasebook accepts for the counts it came from', () => {
    const book = PhrasebookRegistry.builtIn().get('sqs')!;
    const sentences = [...generated(doc), ...parts(doc).operationalManagement!.paragraphs.flatMap((p) => p.sentences.filter((s) => s.kind === 'generated'))];
    assert.equal(sentences.length, 29, '31 questions, two of them joined onto the sentence before');
    let adverbs = 0;
    for (const s of sentences) {
      const found = book.find(s.text).filter((m) => m.kind !== 'count' || /^(sixteen)$/i.test(m.text));
      // An adverb ("was generally effective") is read back as the phrasebook's word for that share.
      const quantities = s.figures!;
      for (const f of s.figures!.filter((x) => x.kind === 'adverb')) {
        adverbs++;
        assert.equal(book.adverbFor(f.count, f.total), f.phrase, `${f.questionId}: ${f.count}/${f.total}`);
        assert.ok(s.text.includes(` ${f.phrase} `), `"${f.phrase}" in "${s.text}"`);
      }
      assert.equal(found.length, quantities.length, `one quantity per figure in "${s.text}"`);
      found.forEach((m, i) => {
        const f = quantities[i]!;
        assert.equal(m.kind === 'adverb', f.kind === 'adverb', `"${m.text}" is read as the kind of figure it was written from`);
        assert.ok(book.accepts(m, f.count, f.total), `"${m.text}" does not fit ${f.count}/${f.total} (${f.questionId})`);
      });
    }
    assert.equal(adverbs, 1, 'one figure worded with an adverb, as the seed words 1.1’s oversight');
  });

  it('keeps the inspectors’ quotes, introduced as the catalogue says, with the quote’s place in its case file', () => {
    const quotes = numbered(doc).flatMap((p) => p.sentences.filter((s) => s.kind === 'quote').map((s) => [p.criterionId, s] as const));
    assert.deepEqual(
      quotes.map(([id, s]) => `${id} ${s.quote!.intro}`),
      ['1.1 An inspector commented on one PSR:', '1.4 In one case we noted:', '3.2 In one case an inspector noted:', '4.2 One inspector noted:'],
    );
    const [, first] = quotes[0]!;
    assert.match(first.text, /^An inspector commented on one PSR: "From the outset there was extensive .* no further offending in this case"\.$/);
    const link = first.sources[0]!;
    assert.equal(link.role, 'quote');
    assert.match(link.uri, /liv-06\.case\.sqs\.yaml$/);
  });

  it('links a narrative paragraph it cannot find as written (a quoted string with escapes) to the whole block, never to a wrong or empty place', () => {
    const text = `${minimalInspection}narrative:\n  summary: "First \\"para\\" here.\\n\\nSecond para here.\\n\\nThird caf\\u00e9 here."\n`;
    const ws = workspace({ 'i/inspection.sqs.yaml': text });
    const d = buildReport(ws.index.inspections()[0]!);
    const lines = text.split('\n');
    const at = (l: SourceLink) =>
      lines[l.range.start.line]!.slice(l.range.start.character, l.range.end.line === l.range.start.line ? l.range.end.character : undefined);
    const links = parts(d).summary!.paragraphs.map((p) => at(p.sentences[0]!.sources[0]!));
    const whole = 'First \\"para\\" here.\\n\\nSecond para here.\\n\\nThird caf\\u00e9 here.';
    assert.deepEqual(links, [whole, 'Second para here.\\n\\nThird caf\\u00e9 here.', whole]);
  });

  it('links prose to its text, not to the `>-` or `|` before it: narrative, quotes, hand-written commentary and list items', () => {
    const textAt = (l: SourceLink) => {
      const lines = readFileSync(new URL(l.uri), 'utf8').split('\n');
      return [lines[l.range.start.line]!.slice(l.range.start.character), ...lines.slice(l.range.start.line + 1, l.range.end.line + 1)].join('\n');
    };
    // Liverpool's summary is one paragraph of a folded block; its quotes are folded blocks in case files.
    const summary = parts(doc).summary!.paragraphs[0]!.sentences[0]!.sources[0]!;
    assert.match(textAt(summary), /^Overall, we found a positive picture in Liverpool YOS\./);
    const quotes = numbered(doc).flatMap((p) => p.sentences.filter((s) => s.kind === 'quote'));
    for (const q of quotes)
      assert.ok(textAt(q.sources[0]!).startsWith(q.quote!.text.slice(0, 20)), `${q.sources[0]!.label}: ${textAt(q.sources[0]!).slice(0, 40)}`);
    // Hand-written text and a list item, in block scalars and in quotes.
    const text = `${minimalInspection}narrative:\n  key_strengths:\n    - |\n      Strength in a block.\n    - "Strength in quotes."\ncommentary:\n  "1.2":\n    after: >\n      Added prose.\n`;
    const ws = workspace({ 'i/inspection.sqs.yaml': text, 'i/a.case.sqs.yaml': minimalCase('T-1') });
    const d = buildReport(ws.index.inspections()[0]!);
    const inFile = (l: SourceLink) => {
      const lines = text.split('\n');
      return lines[l.range.start.line]!.slice(l.range.start.character, l.range.start.line === l.range.end.line ? l.range.end.character : undefined);
    };
    assert.deepEqual(
      parts(d).keyStrengths!.items.map((i) => inFile(i.sources[0]!)),
      ['Strength in a block.', 'Strength in quotes.'],
    );
    const after = paragraph(d, '1.2')!.sentences.find((s) => s.kind === 'override')!;
    assert.equal(inFile(after.sources[0]!), 'Added prose.');
  });

  it('links each figure to the judgements it counts, and each reason to the cases giving it', () => {
    const s = paragraph(doc, '2.2')!.sentences.find((x) => x.questionId === '2.2/assessment' && x.kind === 'generated')!;
    const judgements = s.sources.filter((l) => l.role === 'judgement');
    assert.equal(judgements.length, 34);
    assert.equal(new Set(judgements.map((l) => l.uri)).size, 34);
    assert.ok(
      judgements.every((l) => /^LIV-\d\d 2\.2 assessment: (sufficient|not sufficient)$/.test(l.label)),
      judgements[0]!.label,
    );
    assert.equal(judgements.filter((l) => l.label.endsWith('not sufficient')).length, 7);
    const uri = judgements[0]!.uri;
    const text = readFileSync(new URL(uri), 'utf8').split('\n')[judgements[0]!.range.start.line]!;
    assert.match(text.slice(judgements[0]!.range.start.character, judgements[0]!.range.end.character), /^(sufficient|not sufficient|yes|no)$/);
    const reasons = paragraph(doc, '2.2')!.sentences.find((x) => x.questionId === '2.2/assessment' && x.kind === 'reasons')!;
    assert.deepEqual(
      reasons.sources.map((l) => l.label.replace(/^LIV-\d\d /, '')).sort(),
      [
        ...Array(3).fill('2.2 assessment: not-done'),
        ...Array(2).fill('2.2 assessment: previous-violence-ignored'),
        ...Array(2).fill('2.2 assessment: classification-too-low'),
      ].sort(),
    );
    const stated = s.sources.filter((l) => l.role === 'stated');
    assert.deepEqual(
      stated.map((l) => l.label),
      ['stated 2.2 assessment relevant: 34', 'stated 2.2 assessment sufficient: 27'],
    );
  });

  it('records what each sentence states: the question, count, total, style and framing', () => {
    const s = paragraph(doc, '2.6')!.sentences[0]!;
    assert.deepEqual(s.figures, [
      {
        questionId: '2.6/oversight',
        count: 12,
        total: 31,
        style: 'banded',
        framing: 'not-sufficient',
        kind: 'band',
        phrase: 'over one-third',
        wording: 'over one-third of the relevant',
        from: 'cases',
      },
    ]);
    const first = paragraph(doc, '1.1')!.sentences[0]!.figures![0]!;
    assert.deepEqual([first.phrase, first.wording], ['all but three', 'all but 3 out of the 22 relevant']);
    assert.equal(paragraph(doc, '2.2')!.sentences[0]!.figures![0]!.wording, undefined, '"27 out of 34" is its phrase');
    const joined = paragraph(doc, '2.3')!.sentences.find((x) => x.kind === 'generated')!;
    assert.deepEqual(
      joined.figures!.map((f) => `${f.questionId} ${f.phrase}`),
      ['2.3/plan 23 out of 29', '2.3/custody all'],
    );
  });
});

describe('report: the Liverpool inspection recorded as tallies only', () => {
  const stated = buildReport(talliesOnly);

  it('leaves out the reasons of a question whose figures it cannot state (they would read as the sentence before’s)', () => {
    const text = talliesOnly.file.parsed.text.replace(
      '    review:\n      due: 25\n      done: 21\n      sufficient: 17\n      reasons: { no-review: 4, copy-of-earlier: 4 }',
      '    review:\n      reasons: { no-review: 4, copy-of-earlier: 4 }',
    );
    assert.notEqual(text, talliesOnly.file.parsed.text);
    const ws = workspace({ 'l/inspection.sqs.yaml': text });
    const d = buildReport(ws.index.inspections()[0]!);
    assert.doesNotMatch(textOf(d, '2.2')!, /copies|review had not taken place/);
    assert.match(textOf(d, '2.2')!, /^A good quality assessment of risk of harm to others was seen in 27 out of 34 cases\. In three cases/);
    assert.ok(d.warnings.some((w) => w.questionId === '2.2/review' && /no relevant and sufficient counts are stated/.test(w.message)));
    assert.match(textOf(buildReport(talliesOnly), '2.2')!, /For example, in four cases a review had not taken place/, 'with its figures, the reasons stay');
  });

  it('says the same as the case files do (without the quotes, which live in case files)', () => {
    assert.equal(stated.figuresFrom, 'stated');
    assert.deepEqual(
      generated(stated).map((s) => s.text),
      generated(doc).map((s) => s.text),
    );
    const withoutQuotes = (d: ReportDocument) =>
      numbered(d).map((p) =>
        p.sentences
          .filter((s) => s.kind !== 'quote')
          .map((s) => s.text)
          .join(' '),
      );
    assert.deepEqual(withoutQuotes(stated), withoutQuotes(doc));
  });

  it('links each figure to the counts stated in the inspection file', () => {
    const s = paragraph(stated, '2.4')!.sentences[0]!;
    assert.ok(s.sources.every((l) => l.role === 'stated' && l.uri === talliesOnly.file.uri));
    const lines = talliesOnly.file.parsed.text.split('\n');
    for (const l of s.sources) {
      const value = lines[l.range.start.line]!.slice(l.range.start.character, l.range.end.character);
      assert.equal(value, l.label.split(': ')[1], l.label);
    }
  });
});

/** A small inspection built in memory: `cases` are extra lines for each case file. */
function fixture(options: { inspection?: string; cases?: string[] } = {}) {
  const files: Record<string, string> = { 'i/inspection.sqs.yaml': options.inspection ?? minimalInspection };
  (options.cases ?? ['', '']).forEach((extra, i) => (files[`i/cases/t${i + 1}.case.sqs.yaml`] = minimalCase(`T-${i + 1}`, extra)));
  const ws = workspace(files);
  const inspection = ws.index.inspections()[0]!;
  return { ws, inspection, doc: buildReport(inspection) };
}

describe('report: generation rules', () => {
  it('never writes "0 out of 0": a criterion with no relevant case says so, or says nothing', () => {
    // Neither case has a PSR, so nothing is relevant to the PSR criteria.
    const noPsr = workspace({
      'i/inspection.sqs.yaml': minimalInspection,
      'i/a.case.sqs.yaml': minimalCase('T-1')
        .replace('psr: yes', 'psr: no')
        .replace(/ {2}"1\.1":\n {4}report: sufficient\n {4}oversight: sufficient\n/, ''),
      'i/b.case.sqs.yaml': minimalCase('T-2')
        .replace('psr: yes', 'psr: no')
        .replace(/ {2}"1\.1":\n {4}report: sufficient\n {4}oversight: sufficient\n/, ''),
    });
    const d2 = buildReport(noPsr.index.inspections()[0]!);
    assert.equal(textOf(d2, '1.1'), 'None of the cases we inspected had a pre-sentence report (PSR).');
    assert.equal(paragraph(d2, '2.1'), undefined, '2.1 has no sentence for no relevant cases, so no paragraph');
    assert.doesNotMatch(numbered(d2).map(paragraphText).join('\n'), /\b0 out of|none of the 0/);
  });

  it('uses the all and none sentences, and the one/many choice, at the extremes', () => {
    const { doc: d } = fixture({ cases: ['  "4.5":\n    complied: yes\n', '  "4.5":\n    complied: yes\n'] });
    assert.equal(textOf(d, '4.5'), 'All of the children or young people had complied with the requirements of their sentence.');
    const one = fixture({ cases: ['  "4.5":\n    complied: yes\n', '  "4.5":\n    complied: no\n    response: sufficient\n'] }).doc;
    assert.match(
      textOf(one, '4.5')!,
      /^One child or young person had complied with the requirements of their sentence\. In the one case where the child or young person had not complied, the response of the Testtown Youth Offending Team was appropriate\.$/,
    );
    const negative = fixture({ cases: ['  "2.4": sufficient\n', '  "2.4": sufficient\n'] }).doc;
    assert.equal(
      textOf(negative, '2.4'),
      'Plans to address the risk of harm to others had been reviewed to a satisfactory standard in all of the two cases where a review was due.',
    );
  });

  it('agrees the verb with the quantity: "one of the … was", "one-third of the … were"', () => {
    const files = (n: number, sufficient: number): Record<string, string> => {
      const out: Record<string, string> = { 'i/inspection.sqs.yaml': minimalInspection.replace('sample: 2', `sample: ${n}`) };
      for (let i = 0; i < n; i++)
        out[`i/c${i}.case.sqs.yaml`] = minimalCase(`T-${i}`).replace('"1.2": sufficient', `"1.2": ${i < sufficient ? 'sufficient' : 'no'}`);
      return out;
    };
    const one = buildReport(workspace(files(5, 1)).index.inspections()[0]!);
    assert.equal(
      textOf(one, '1.2'),
      'One of the initial assessments of what was likely to make a child or young person offend was on time and was of good enough quality.',
    );
    const third = buildReport(workspace(files(3, 1)).index.inspections()[0]!);
    assert.equal(
      textOf(third, '1.2'),
      'One-third of the initial assessments of what was likely to make a child or young person offend were on time and were of good enough quality.',
    );
  });

  it('applies the inspection’s overrides: style, omit, replacement text and added text', () => {
    const inspection = `${minimalInspection}commentary:
  "1.2": { style: exact }
  "1.1": { omit: true }
  "2.4": Hand-written, with {braces} kept.
  "4.5": { after: "Compliance was closely monitored." }
`;
    const { doc: d } = fixture({
      inspection,
      cases: ['  "2.4": sufficient\n  "4.5":\n    complied: yes\n', '  "2.4": sufficient\n  "4.5":\n    complied: no\n    response: sufficient\n'],
    });
    assert.equal(paragraph(d, '1.1'), undefined);
    assert.match(textOf(d, '1.2')!, /^All of the two initial assessments of what was likely/);
    assert.equal(paragraph(d, '1.2')!.sentences[0]!.figures![0]!.style, 'exact');
    assert.equal(textOf(d, '2.4'), 'Hand-written, with {braces} kept.');
    assert.equal(paragraph(d, '2.4')!.overridden, true);
    assert.equal(paragraph(d, '2.4')!.sentences[0]!.kind, 'override');
    assert.match(textOf(d, '4.5')!, /sentence\. .* appropriate\. Compliance was closely monitored\.$/);
  });

  it('an exact style override writes counts where the catalogue writes a band', () => {
    const liverpoolExact = buildReport(liverpool);
    assert.match(textOf(liverpoolExact, '4.4')!, /^In almost all cases/);
    const text = liverpool.file.parsed.text.replace(/\ntallies:/, '\ncommentary:\n  "4.4": { style: exact }\ntallies:');
    const ws = workspace({
      'l/inspection.sqs.yaml': text,
      ...Object.fromEntries([...liverpool.cases.values()].map((c) => [`l/cases/${c.uri.split('/').pop()}`, c.parsed.text])),
    });
    const d = buildReport(ws.index.inspections()[0]!);
    assert.match(textOf(d, '4.4')!, /^In 30 out of 32 cases we reviewed/);
  });

  it('words the same counts with the Education Scotland phrasebook when the inspection picks it', () => {
    const text = liverpool.file.parsed.text.replace(/\ncriteria: sqs-2013\n/, '\ncriteria: sqs-2013\nphrasebook: education-scotland\n');
    const ws = workspace({
      'l/inspection.sqs.yaml': text,
      ...Object.fromEntries([...liverpool.cases.values()].map((c) => [`l/cases/${c.uri.split('/').pop()}`, c.parsed.text])),
    });
    const d = buildReport(ws.index.inspections()[0]!);
    assert.equal(d.phrasebookId, 'education-scotland');
    assert.match(textOf(d, '1.2')!, /^Most of the initial assessments/);
    assert.match(textOf(d, '1.3')!, /The majority of the reviewed assessments/);
    assert.match(textOf(d, '4.4')!, /^In almost all cases/);
    assert.match(textOf(d, '2.6')!, /not been effective in less than half of the relevant cases/);
    assert.match(textOf(d, '1.1')!, /all but 3 out of the 22 relevant cases/, 'exact wording is inherited from the SQS phrasebook');
  });

  it('words a share with the phrasebook’s adverb where the catalogue has an adverb sentence, and with a band elsewhere', () => {
    // 1.1's oversight over 22 PSR cases (the Liverpool ones, with n of them judged sufficient).
    const oversight = (sufficient: number, edit: (t: string) => string = (t) => t) => {
      let left = sufficient;
      const cases = Object.fromEntries(
        [...liverpool.cases.values()].map((c) => {
          let text = c.parsed.text;
          if (/^psr: yes/m.test(text)) {
            const value = left-- > 0 ? 'sufficient' : 'not sufficient';
            // Written as a block with notes, or as a plain value (in a flow mapping too).
            text = /^ {4}oversight:\n {6}judgement:/m.test(text)
              ? text.replace(/^( {4}oversight:\n {6}judgement:) not sufficient/m, `$1 ${value}`)
              : text.replace(/\boversight: sufficient\b/, `oversight: ${value}`);
          }
          return [`l/cases/${c.uri.split('/').pop()}`, text];
        }),
      );
      const ws = workspace({ 'l/inspection.sqs.yaml': edit(liverpool.file.parsed.text), ...cases });
      const d = buildReport(ws.index.inspections()[0]!);
      const s = paragraph(d, '1.1')!.sentences.find((x) => x.questionId === '1.1/oversight')!;
      return { text: s.text, figures: s.figures![0]! };
    };
    assert.deepEqual(oversight(18).figures, { ...oversight(18).figures, count: 18, total: 22, kind: 'adverb', phrase: 'generally' });
    assert.equal(oversight(17).text, 'Management oversight of the quality of reports was generally effective.', '17/22 is over three-quarters');
    assert.equal(oversight(16).text, 'Management oversight of the quality of reports was effective in almost three-quarters of cases.', '16/22 has no adverb');
    assert.equal(oversight(20).text, 'Management oversight of the quality of reports was almost always effective.', '20/22 is over nine-tenths');
    assert.equal(oversight(22).text, 'Management oversight of the quality of reports was always effective.');
    assert.equal(oversight(0).text, 'Management oversight of the quality of reports was never effective.');
    const exact = (t: string) => t.replace(/\ntallies:/, '\ncommentary:\n  "1.1": { style: exact }\ntallies:');
    assert.equal(
      oversight(18, exact).text,
      'Management oversight of the quality of reports was effective in 18 out of 22 cases.',
      'an exact style keeps the counts',
    );
    const scotland = (t: string) => t.replace(/\ncriteria: sqs-2013\n/, '\ncriteria: sqs-2013\nphrasebook: education-scotland\n');
    assert.equal(
      oversight(18, scotland).text,
      'Management oversight of the quality of reports was effective in most cases.',
      'a phrasebook without adverbs keeps the band',
    );
  });

  it('says which fixed part it left out and why, rather than drop it in silence (fieldwork ending before it starts, no publication date)', () => {
    const reversed = minimalInspection.replace('fieldwork: { start: 2014-03-03, end: 2014-03-06 }', 'fieldwork: { start: 2014-03-09, end: 2014-03-06 }');
    assert.notEqual(reversed, minimalInspection);
    const ws = workspace({ 'i/inspection.sqs.yaml': reversed, 'i/a.case.sqs.yaml': minimalCase('T-1'), 'i/b.case.sqs.yaml': minimalCase('T-2') });
    const wrongDates = ws.findings('i/inspection.sqs.yaml').filter((f) => f.message.startsWith('The fieldwork ends'));
    assert.deepEqual(
      wrongDates.map((f) => `${f.code} ${f.range.start.line}:${f.range.start.character} ${f.message}`),
      ['SQS011 5:37 The fieldwork ends (2014-03-06) before it starts (2014-03-09).'],
    );
    const d = buildReport(ws.index.inspections()[0]!);
    assert.equal(parts(d).opening.length, 0);
    const messages = d.warnings.map((w) => w.message);
    assert.ok(
      messages.includes(
        'The opening paragraph is left out: it needs the fieldwork dates (start and end, the end not before the start), which the inspection file does not give.',
      ),
      messages.join('\n'),
    );
    assert.ok(
      messages.includes('The "Publication date" line of the header is left out: it needs {published}, which the inspection file does not give.'),
      messages.join('\n'),
    );
    const dated = buildReport(workspace({ 'i/inspection.sqs.yaml': `${minimalInspection}published: 2014-04-01\n` }).index.inspections()[0]!);
    assert.ok(!dated.warnings.some((w) => /left out: it needs/.test(w.message)), dated.warnings.map((w) => w.message).join('\n'));
    assert.equal(parts(dated).opening.length, 1);
  });

  it('a phrasebook named by the caller is used when the inspection names none', () => {
    assert.equal(buildReport(liverpool, { phrasebook: 'education-scotland' }).phrasebookId, 'education-scotland');
  });

  it('warns when relevant cases are not judged yet, and when stated counts do not add up', () => {
    const { doc: d } = fixture({ cases: ['', '  "2.2":\n    assessment: sufficient\n'] });
    const unjudged = d.warnings.find((w) => w.questionId === '2.2/assessment');
    assert.match(unjudged?.message ?? '', /1 relevant case has not been judged yet/, JSON.stringify(d.warnings.map((w) => w.message)));
    assert.deepEqual(
      unjudged!.sources.map((l) => l.label),
      ['T-1 2.2 assessment: not judged yet'],
    );
    const ws = workspace({ 'i/inspection.sqs.yaml': `${minimalInspection}tallies:\n  "2.1": { relevant: 5, sufficient: 7 }\n` });
    const stated = buildReport(ws.index.inspections()[0]!);
    assert.equal(paragraph(stated, '2.1'), undefined);
    assert.ok(stated.warnings.some((w) => w.questionId === '2.1/psr' && /do not add up/.test(w.message)));
  });

  it('leaves an unknown {marker} in narrative as written, and places a criterion’s sentences where its marker stands', () => {
    const inspection = `${minimalInspection}narrative:\n  summary: "Before. {OM} After {not-a-criterion}."\n`;
    const { doc: d } = fixture({ inspection, cases: ['  OM: sufficient\n', '  OM: no\n'] });
    const summary = parts(d).summary!.paragraphs[0]!;
    assert.deepEqual(
      summary.sentences.map((s) => s.kind),
      ['narrative', 'generated', 'narrative'],
    );
    assert.equal(
      paragraphText(summary),
      'Before. We judged that staff supervision and quality assurance arrangements had made a positive impact in half of the cases inspected. After {not-a-criterion}.',
    );
    assert.equal(parts(d).operationalManagement, undefined, 'placed once, so not repeated in its own section');
  });

  it('prints an unnumbered criterion once, where its marker stands, whichever narrative block holds it', () => {
    const omSentence = 'We judged that staff supervision and quality assurance arrangements had made a positive impact in half of the cases inspected.';
    const blocks = [
      ['context', 'context'],
      ['summary', 'summary'],
      ['operational_management', 'operational-management'],
      ['closing', 'closing'],
    ] as const;
    for (const [key, section] of blocks) {
      const inspection = `${minimalInspection}narrative:\n  ${key}: "Before. {OM} After."\n`;
      const { doc: d } = fixture({ inspection, cases: ['  OM: sufficient\n', '  OM: no\n'] });
      const printed = paragraphsOf(d).flatMap((p) => p.sentences.filter((s) => s.text === omSentence));
      assert.equal(printed.length, 1, `{OM} in narrative.${key}: printed ${printed.length} times`);
      const holder = d.blocks.find((b) => b.kind === 'section' && b.role === section);
      assert.ok(holder?.kind === 'section', `narrative.${key} has its section`);
      const inIt = holder.blocks.some((b) => b.kind === 'paragraph' && b.paragraph.sentences.some((s) => s.text === omSentence));
      assert.ok(inIt, `{OM} in narrative.${key} is printed there`);
      const markdown = renderMarkdown(d);
      assert.equal(markdown.split(omSentence).length - 1, 1, `{OM} in narrative.${key}: once in the Markdown`);
    }
  });

  it('the closing words the lead inspector’s contact with what the file gives', () => {
    const noPhone = fixture({
      inspection: minimalInspection.replace(
        'lead_inspector: { name: L. Inspector }',
        'lead_inspector: { name: L. Inspector, pronoun: she, email: l@example.org }',
      ),
    }).doc;
    assert.match(paragraphText(parts(noPhone).closing.paragraphs[1]!), /who was L\. Inspector\. She can be contacted by email at l@example\.org\.$/);
    const none = fixture().doc;
    assert.match(paragraphText(parts(none).closing.paragraphs[1]!), /who was L\. Inspector\.$/);
  });
});

describe('report: navigation for the preview', () => {
  it('finds the paragraphs a place in a case file feeds, and a sentence by its key', () => {
    const c = [...liverpool.cases.values()].find((f) => f.model.id?.value === 'LIV-07')!;
    const j = c.model.judgements.get('2.2/assessment')!;
    const fed = paragraphsFedBy(doc, c.uri, j.range.start);
    assert.deepEqual(
      fed.map((p) => p.id),
      ['criterion-2.2'],
    );
    const hit = sentenceByKey(doc, 'criterion-2.2:0');
    assert.equal(hit?.sentence.questionId, '2.2/assessment');
    assert.equal(sentenceByKey(doc, 'criterion-9.9:0'), undefined);
  });

  it('finds the paragraphs whose figures a finding puts in doubt', () => {
    const stated = buildReport(talliesOnly);
    const s = paragraph(stated, '2.4')!.sentences[0]!.sources[0]!;
    const finding = { code: 'SQS021', severity: 'error' as const, message: 'x', uri: s.uri, range: s.range };
    assert.deepEqual([...paragraphsAffectedBy(stated, [finding]).keys()], ['criterion-2.4']);
  });
});

describe('report: catalogue templates are checked when the catalogue loads', () => {
  const withQuestion = (edit: (c: Record<string, unknown>) => void) => {
    const data = structuredClone<typeof sqs2013>(sqs2013);
    edit(data.themes[1]!.criteria[3]!.questions[0]!.commentary);
    return data;
  };
  it('rejects an unknown placeholder, a bad form, and a not-sufficient sentence without an all-sentence', () => {
    assert.throws(
      () => Catalogue.from(withQuestion((c) => (c.sentence = 'In {quantiy} cases.'))),
      (e: unknown) => e instanceof CatalogueError && /2\.4\/review commentary\.sentence: unknown placeholder \{quantiy\}/.test(e.message),
    );
    assert.throws(() => Catalogue.from(withQuestion((c) => (c.sentence = 'In {quantity:some} cases.'))), /\{quantity:some\} is not a form/);
    assert.throws(() => Catalogue.from(withQuestion((c) => delete c.allSentence)), /needs an allSentence/);
    assert.throws(() => Catalogue.from(withQuestion((c) => (c.sentence = 'In [[ {quantity} cases.'))), /"\[\[" is never closed/);
  });

  it('an adverb sentence takes {adverb}, and only on a banded question framed on its sufficient cases', () => {
    assert.throws(
      () => Catalogue.from(withQuestion((c) => Object.assign(c, { style: 'banded', framing: 'sufficient', adverbSentence: 'It was {adverbs} done.' }))),
      /adverbSentence: unknown placeholder \{adverbs\}/,
    );
    assert.throws(
      () => Catalogue.from(withQuestion((c) => (c.adverbSentence = 'It was {adverb} done.'))),
      /2\.4\/review commentary\.adverbSentence: only a banded question framed on its sufficient cases/,
    );
    assert.doesNotThrow(() =>
      Catalogue.from(
        withQuestion((c) =>
          Object.assign(c, { style: 'banded', framing: 'sufficient', adverbSentence: 'It was {adverb} done.', noneSentence: 'It was not done.' }),
        ),
      ),
    );
  });
});

describe('report: robust to whatever the inspection file holds', () => {
  const hostileInspections: [string, string][] = [
    ['empty', ''],
    ['a list', '- a\n- b\n'],
    [
      'wrong types everywhere',
      'inspection: [1]\nservice: {a: 1}\nsample: lots\nfieldwork: { start: 2013-10-31, end: 2013-10-28 }\nlead_inspector: 7\nnarrative: { summary: 3, key_strengths: "x" }\ncopy_to: 5\n',
    ],
    [
      'counts that cannot be',
      `${minimalInspection}tallies:\n  "2.4": { due: 3, sufficient: 9, not_sufficient: 2 }\n  "1.5": { relevant: 0, sufficient: 0 }\n  "4.5":\n    complied: { not_sufficient: 40 }\n`,
    ],
    ['a narrative of markers', `${minimalInspection}narrative:\n  summary: "{OM}{OM} {1.1}\\n\\n\\n{}{ } {{2.2}}"\n  operational_management: "{OM}"\n`],
  ];
  const corpus = path.join(root, 'test/fixtures/yaml-test-suite/error');
  const inspections: [string, string][] = [
    ...hostileInspections,
    ...readdirSync(corpus).map((f): [string, string] => [f, readFileSync(path.join(corpus, f), 'utf8')]),
  ];

  it('builds a report (and every renderer renders it) for malformed, mistyped and impossible inspection files', async () => {
    const { renderMarkdown } = await import('../../server/src/render/formats/markdown');
    const { renderHtml } = await import('../../server/src/render/html');
    for (const [name, text] of inspections) {
      const ws = workspace({ 'i/inspection.sqs.yaml': text, 'i/a.case.sqs.yaml': minimalCase('T-1'), 'i/b.case.sqs.yaml': 'judgements: [oops\n' });
      const inspection = ws.index.inspections()[0];
      if (!inspection) continue;
      const d = buildReport(inspection);
      assert.ok(renderMarkdown(d).length > 0, name);
      assert.ok(renderHtml(d).includes('<article'), name);
      assert.doesNotMatch(numbered(d).map(paragraphText).join(' '), /\bundefined\b|\bNaN\b|\{quantity/, name);
    }
  });
});

/** A report from counts stated in the inspection file alone (`tallies` is the YAML under `tallies:`). */
function statedReport(tallies: string, options: { sample?: number; extra?: string } = {}): ReportDocument {
  const text = `${minimalInspection.replace('sample: 2', `sample: ${options.sample ?? 34}`)}${options.extra ?? ''}tallies:\n${tallies}`;
  return buildReport(workspace({ 'i/inspection.sqs.yaml': text }).index.inspections()[0]!);
}

describe('report: a total of one case', () => {
  it('names the one case as one, in every style, with its noun and verb in the singular', () => {
    const d = statedReport(`  "2.1": { relevant: 1, sufficient: 1 }
  "3.1":
    psr: { relevant: 1, sufficient: 1 }
  "1.5": { relevant: 1, sufficient: 1 }
  "1.2": { relevant: 1, sufficient: 1 }
  "3.2": { due: 1, done: 1, sufficient: 0 }
`);
    assert.equal(textOf(d, '2.1'), 'There was a clear and thorough assessment of risk of harm to others outlined in the one case where there had been a PSR.');
    assert.equal(textOf(d, '3.1'), 'These issues were fully addressed in the only PSR.');
    assert.match(textOf(d, '1.5')!, /reoffending in the one relevant case\.$/);
    assert.equal(
      textOf(d, '1.2'),
      'The only initial assessment of what was likely to make a child or young person offend was on time and was of good enough quality.',
    );
    assert.equal(textOf(d, '3.2'), 'No review of safeguarding and vulnerability throughout the sentence was of an acceptable standard.');
    assert.doesNotMatch(numbered(d).map(paragraphText).join(' '), /\b(all|none) (of the )?one\b/);
  });

  it('an all-sentence over one case says "the only case", not "all of the one cases"', () => {
    const d = statedReport(`  "2.4": { due: 1, done: 1, sufficient: 1 }\n`);
    assert.equal(
      textOf(d, '2.4'),
      'Plans to address the risk of harm to others had been reviewed to a satisfactory standard in the only case where a review was due.',
    );
  });

  it('a count of one out of many keeps its noun plural and its verb singular', () => {
    const d = statedReport(`  "2.1": { relevant: 22, sufficient: 1 }\n  "1.2": { relevant: 22, sufficient: 1 }\n`);
    assert.equal(
      textOf(d, '2.1'),
      'There was a clear and thorough assessment of risk of harm to others outlined in 1 out of 22 cases where there had been a PSR.',
    );
    assert.equal(
      textOf(d, '1.2'),
      'One of the initial assessments of what was likely to make a child or young person offend was on time and was of good enough quality.',
    );
  });

  it('a sample of one is "a sample of one recent case"', () => {
    const d = statedReport('  {}\n', { sample: 1 });
    assert.match(paragraphText(parts(d).context.paragraphs[1]!), /at the start of a sample of one recent case supervised by/);
    assert.match(paragraphText(parts(doc).context.paragraphs[1]!), /a sample of 34 recent cases supervised by/);
  });
});

describe('report: a count of none', () => {
  it('words a criterion none of whose cases was sufficient with its none-sentence, never "In none of the 29 cases management oversight was effective"', () => {
    const d = statedReport(`  "3.5": { relevant: 29, sufficient: 0 }
  "1.1":
    report: { relevant: 22, sufficient: 0 }
  "2.3":
    plan: { relevant: 29, sufficient: 0 }
  "3.1":
    assessment: { relevant: 34, sufficient: 0 }
  "4.4": { relevant: 30, sufficient: 0 }
  "4.5":
    complied: { relevant: 34, sufficient: 16 }
    response: { relevant: 18, sufficient: 0 }
  "1.5": { relevant: 1, sufficient: 0 }
`);
    assert.equal(
      textOf(d, '3.5'),
      'In all 29 cases, management oversight was not effective in ensuring the quality of work to address safeguarding and vulnerability.',
    );
    assert.equal(
      textOf(d, '1.1'),
      'In all of the 22 relevant cases, we found that pre-sentence reports (PSRs) provided to the court were not of good enough quality.',
    );
    assert.match(textOf(d, '2.3')!, /this happening\. In all 29 cases, planning was not done well enough to manage the risk of harm\.$/);
    assert.equal(textOf(d, '3.1'), 'In all cases, vulnerability and safeguarding needs were not sufficiently assessed.');
    assert.match(textOf(d, '4.4')!, /^In all cases we reviewed, where relevant, sufficient attention had not been given to the health/);
    assert.match(
      textOf(d, '4.5')!,
      /In all cases where the child or young person had not complied, the response of the Testtown Youth Offending Team was not appropriate\.$/,
    );
    assert.match(textOf(d, '1.5')!, /was insufficient in the one relevant case\.$/);
    assert.doesNotMatch(numbered(d).map(paragraphText).join(' '), /\b[Ii]n none of the/);
  });

  it('a catalogue sentence opening "In {quantity…}" needs a none-sentence', () => {
    const data = structuredClone<typeof sqs2013>(sqs2013);
    const oversight = data.themes[2]!.criteria[4]!.questions[0]!.commentary as Record<string, unknown>;
    delete oversight.noneSentence;
    assert.throws(
      () => Catalogue.from(data),
      (e: unknown) => e instanceof CatalogueError && /3\.5\/oversight commentary\.sentence: it opens "In \{quantity…\}".*give a noneSentence/.test(e.message),
    );
    // Framed on the cases that fell short, the all-sentence covers it (2.4 "In 11 out of 26 cases, plans … had not been reviewed").
    const framed = structuredClone<typeof sqs2013>(sqs2013);
    assert.equal((framed.themes[1]!.criteria[3]!.questions[0]!.commentary as Record<string, unknown>).noneSentence, undefined);
    assert.doesNotThrow(() => Catalogue.from(framed));
  });
});

describe('report: joined sentences', () => {
  it('joins two sentences that read the same with "and", whatever their raw shares', () => {
    // 27/34 (0.794) and 19/24 (0.792): both "over three-quarters".
    const same = statedReport(`  "1.4":\n    plan: { relevant: 34, sufficient: 27 }\n    review: { due: 24, done: 24, sufficient: 19 }\n`);
    assert.match(
      textOf(same, '1.4')!,
      /Over three-quarters of the initial plans were of a sufficient standard and over three-quarters of the plans had been reviewed well enough\.$/,
    );
    const lower = statedReport(`  "1.4":\n    plan: { relevant: 34, sufficient: 27 }\n    review: { due: 24, done: 24, sufficient: 15 }\n`);
    assert.match(textOf(lower, '1.4')!, /standard but less than two-thirds of the plans had been reviewed well enough\.$/);
  });
});

describe('report: reasons breakdowns', () => {
  it('words a reason given in one case in the singular where the catalogue has a phrase for one', () => {
    const d = statedReport(`  "2.2":
    assessment: { relevant: 34, sufficient: 30, reasons: { not-done: 3, other: 1 } }
    review: { due: 25, done: 24, sufficient: 23, reasons: { no-review: 1, copy-of-earlier: 1 } }
`);
    const text = textOf(d, '2.2')!;
    assert.match(text, /In three cases the assessment had not been done and in one, there was another shortfall\./);
    assert.match(
      text,
      /For example, in one case a review had not taken place and in another one the review was a copy of an earlier assessment that had not been updated\./,
    );
    const many = textOf(statedReport(`  "2.2":\n    review: { due: 25, done: 21, sufficient: 17, reasons: { no-review: 4, copy-of-earlier: 4 } }\n`), '2.2')!;
    assert.match(
      many,
      /For example, in four cases a review had not taken place and in another four, reviews were copies of earlier assessments that had not been updated\./,
    );
  });

  it('the catalogue rejects a phrase for one case on a reason without a phrase', () => {
    const data = structuredClone<typeof sqs2013>(sqs2013);
    const question = data.themes[1]!.criteria[1]!.questions[0]! as { reasons?: { codes: Record<string, unknown>[] } };
    const reason = question.reasons!.codes[3]!;
    delete reason.phrase;
    assert.throws(
      () => Catalogue.from(data),
      (e: unknown) => e instanceof CatalogueError && /2\.2\/assessment: reason other has a phraseOne but no phrase/.test(e.message),
    );
  });
});

describe('report: large numbers', () => {
  it('spells out a number of 100 or more opening a sentence, and groups the digits of large ones', () => {
    const d = statedReport(`  "4.5":\n    complied: { relevant: 9999, sufficient: 4706 }\n  "2.1": { relevant: 10000, sufficient: 9999 }\n`, { sample: 10000 });
    assert.match(textOf(d, '4.5')!, /^Four thousand seven hundred and six children or young people had complied with the requirements of their sentence\./);
    assert.equal(
      textOf(d, '2.1'),
      'There was a clear and thorough assessment of risk of harm to others outlined in 9,999 out of 10,000 cases where there had been a PSR.',
    );
    assert.match(paragraphText(parts(d).context.paragraphs[1]!), /a sample of 10,000 recent cases/);
  });
});

describe('report: adverbs need enough cases', () => {
  it('one case is never "always" or "never": below the phrasebook’s adverbs.minTotal the band is written', () => {
    const one = statedReport(`  "1.1":\n    report: { relevant: 1, sufficient: 1 }\n    oversight: { relevant: 1, sufficient: 1 }\n`);
    assert.match(textOf(one, '1.1')!, /Management oversight of the quality of reports was effective in the one case\.$/);
    const none = statedReport(`  "1.1":\n    report: { relevant: 4, sufficient: 4 }\n    oversight: { relevant: 4, sufficient: 0 }\n`);
    assert.match(textOf(none, '1.1')!, /Management oversight of the quality of reports was effective in none of the cases\.$/);
    const five = statedReport(`  "1.1":\n    report: { relevant: 5, sufficient: 5 }\n    oversight: { relevant: 5, sufficient: 5 }\n`);
    assert.match(textOf(five, '1.1')!, /Management oversight of the quality of reports was always effective\.$/);
  });

  it('a single child or young person is not "All of the children…"', () => {
    const d = statedReport(`  "4.5":\n    complied: { relevant: 1, sufficient: 1 }\n`);
    assert.equal(textOf(d, '4.5'), 'The child or young person had complied with the requirements of their sentence.');
  });
});
