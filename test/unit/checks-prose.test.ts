import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Checker, InspectionIndex, numberedParagraphs, parseYaml, type Finding } from '../../server/src/core/api';
import { PhrasebookRegistry } from '../../server/src/core/commentary/phrasebookRegistry';
import { scalarOffsets } from '../../server/src/core/yaml/scalarOffsets';
import { quotations } from '../../server/src/core/checks/prose/text';
import { buildReport } from '../../server/src/core/report/buildReport';
import { renderMarkdown } from '../../server/src/render/formats/markdown';
import { main } from '../../server/src/cli/main';
import { seedCommentary } from '../fixtures/seed-commentary';
import { applyFix, check, copyOf, lineOf, liverpool, liverpoolTalliesOnly, summary, swap } from '../helpers/example';

// Part 5: hand-written commentary against the numbers. Every sentence of the Liverpool report must pass
// against the Liverpool counts; a quantifier moved to a wrong band, or a wrong number, must be flagged
// where it is, with the phrasebook's words as the fix.

const book = PhrasebookRegistry.builtIn().default;
/** What the phrasebook writes in place of `text` for count/total: the fix must be exactly that. */
const phrasebookWrites = (text: string, count: number, total: number) => book.replacement(book.find(text)[0]!, count, total)!;
const prose = (f: Finding) => f.code === 'SQS060' || f.code === 'SQS061';
const yamlCommentary = (entries: Record<string, string>) =>
  `commentary:\n${Object.entries(entries)
    .map(([id, text]) => `  "${id}": ${JSON.stringify(text)}\n`)
    .join('')}`;

/** Sentences of a paragraph, never split inside a quotation (written independently of the check's own splitter). */
function sentencesOf(paragraph: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i];
    if (c === '"') quoted = !quoted;
    if (!quoted && (c === '.' || c === ':') && /^"?\s+[A-Z"]/.test(paragraph.slice(i + 1)) && !/\be\.g$/.test(paragraph.slice(0, i))) {
      const end = paragraph[i + 1] === '"' ? i + 2 : i + 1;
      out.push(paragraph.slice(start, end).trim());
      start = end;
    }
  }
  out.push(paragraph.slice(start).trim());
  return out.filter((s) => s !== '');
}

/** The Liverpool example loaded once into an index; the inspection file's text is swapped per case. */
function liverpoolIndex(example: string) {
  const index = new InspectionIndex();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(example)) index.set(pathToFileURL(file).toString(), readFileSync(file, 'utf8'));
  const uri = pathToFileURL(path.join(example, 'inspection.sqs.yaml')).toString();
  const base = readFileSync(path.join(example, 'inspection.sqs.yaml'), 'utf8');
  const checker = new Checker(index);
  return (commentary: Record<string, string>) => {
    index.set(uri, base + yamlCommentary(commentary));
    return checker.findingsFor(uri).filter(prose);
  };
}

describe('prose against numbers (SQS060, SQS061)', () => {
  const sentences = Object.entries(seedCommentary).flatMap(([id, paragraph]) => sentencesOf(paragraph).map((sentence) => ({ id, sentence })));

  it('the seed has the sentences this test expects', () => {
    assert.ok(sentences.length > 60, `${sentences.length} sentences`);
    assert.ok(sentences.some((s) => s.sentence.startsWith('Sixteen children')));
  });

  for (const [name, example] of [
    ['with case files', liverpool],
    ['from the stated tallies only', liverpoolTalliesOnly],
  ] as const) {
    it(`raises nothing on any sentence of the Liverpool commentary, one at a time, ${name}`, () => {
      const run = liverpoolIndex(example);
      for (const { id, sentence } of sentences)
        assert.deepEqual(
          run({ [id]: sentence }).map((f) => f.message),
          [],
          `${id}: ${sentence}`,
        );
    });

    it(`raises nothing on the whole Liverpool commentary, ${name}`, () => {
      assert.deepEqual(
        liverpoolIndex(example)(seedCommentary).map((f) => f.message),
        [],
      );
    });
  }

  // Each banded sentence with its phrase moved to a band that does not fit the Liverpool counts.
  const moved: { id: string; from: string; to: string; wants: string }[] = [
    { id: '1.2', from: 'Over three-quarters of the initial', to: 'Less than half of the initial', wants: 'Over three-quarters of the' },
    { id: '1.3', from: 'A majority of the reviewed', to: 'Almost all of the reviewed', wants: 'A majority of the' },
    { id: '1.4', from: 'but less than two-thirds had', to: 'but over three-quarters had', wants: 'less than two-thirds' },
    { id: '1.4', from: 'Over three-quarters of the initial plans', to: 'A minority of the initial plans', wants: 'Over three-quarters of the' },
    { id: '2.2', from: 'in almost one-third of cases', to: 'in over two-thirds of cases', wants: 'almost one-third of' },
    { id: '2.5', from: 'in the great majority of cases', to: 'in a minority of cases', wants: 'the great majority of' },
    { id: '2.6', from: 'in over one-third of the relevant', to: 'in a few of the relevant', wants: 'over one-third of the' },
    { id: '3.1', from: 'In over three-quarters of cases', to: 'In less than half of cases', wants: 'over three-quarters of' },
    { id: '3.2', from: 'The majority of reviews', to: 'Almost all reviews', wants: 'A majority of' },
    { id: '3.4', from: 'Only half of the cases', to: 'The great majority of the cases', wants: 'Half of the' },
    { id: '4.1', from: 'The great majority of assessments', to: 'Less than half of assessments', wants: 'The great majority of' },
    { id: '4.3', from: 'in most plans', to: 'in a few plans', wants: 'most' },
    { id: '4.4', from: 'In almost all cases', to: 'In a minority of cases', wants: 'almost all' },
    { id: 'OM', from: 'in over two-thirds of the cases', to: 'in almost all of the cases', wants: 'over two-thirds of the' },
  ];

  it('flags every banded sentence whose quantifier is moved to a wrong band, with the phrasebook’s band as the fix', () => {
    const run = liverpoolIndex(liverpool);
    for (const m of moved) {
      const sentence = sentencesOf(seedCommentary[m.id]!).find((s) => s.includes(m.from))!;
      assert.ok(sentence, m.from);
      const found = run({ [m.id]: swap(m.from, m.to)(sentence) });
      assert.equal(found.length, 1, `${m.to}: ${found.map((f) => f.message).join(' | ')}`);
      assert.equal(found[0]!.code, 'SQS061');
      assert.equal(found[0]!.fixes?.[0]?.edits[0]?.newText, m.wants, found[0]!.message);
    }
  });

  it('a moved band in a mutated copy is reported on its line and column, and the fix makes the file pass', () => {
    const commentary = { ...seedCommentary, '2.6': swap('in over one-third of the relevant', 'in almost all of the relevant')(seedCommentary['2.6']!) };
    const dir = copyOf(liverpool, { 'inspection.sqs.yaml': (t) => t + yamlCommentary(commentary) });
    const r = check(dir);
    const f = r.findings.filter(prose);
    assert.equal(f.length, 1, summary(r.findings));
    const line = lineOf(dir, 'inspection.sqs.yaml', '"2.6":');
    const text = readFileSync(path.join(dir, 'inspection.sqs.yaml'), 'utf8').split('\n')[line - 1]!;
    assert.equal(f[0]!.line, line);
    assert.equal(f[0]!.range.start.character, text.indexOf('almost all of the relevant'));
    assert.equal(
      f[0]!.message,
      '2.6: "almost all of the" does not fit the case files: 12 of 31 not sufficient (39%); the phrasebook writes "over one-third of the".',
    );
    applyFix(dir, 'inspection.sqs.yaml', f[0]!.fixes![0]!);
    const after = check(dir);
    assert.deepEqual(after.findings.filter(prose), []);
    assert.match(readFileSync(path.join(dir, 'inspection.sqs.yaml'), 'utf8'), /in over one-third of the relevant cases/);
  });

  it('flags wrong exact figures: a ratio, an "all but", a subject count and a reason count', () => {
    const run = liverpoolIndex(liverpool);
    const cases: { id: string; from: string; to: string; message: RegExp; fix: string }[] = [
      {
        id: '2.1',
        from: '19 out of 22',
        to: '18 out of 22',
        message: /^2\.1: "18 out of 22" does not fit the case files: 19 of 22 sufficient \(86%\)/,
        fix: '19 out of 22',
      },
      {
        id: '1.1',
        from: 'all but 3 out of the 22',
        to: 'all but 2 out of the 22',
        message: /^1\.1 report: "all but 2 out of the 22" does not fit the case files: 19 of 22 sufficient/,
        fix: phrasebookWrites('all but 2 out of the 22', 19, 22),
      },
      {
        id: '4.5',
        from: 'Sixteen children',
        to: 'Seventeen children',
        message: /^4\.5 complied: "Seventeen" does not fit the case files: 16 of 34 sufficient/,
        fix: 'Sixteen',
      },
      {
        id: '2.2',
        from: 'In three cases the assessment',
        to: 'In four cases the assessment',
        message: /^2\.2 assessment: "four" does not fit the case files: 3 cases giving the reason not-done/,
        fix: 'three',
      },
      {
        id: '2.4',
        from: 'in four the review',
        to: 'in six the review',
        message: /^2\.4: "six" does not fit the case files: 4 cases giving the reason insufficient-quality/,
        fix: 'four',
      },
    ];
    for (const c of cases) {
      const paragraph = swap(c.from, c.to)(seedCommentary[c.id]!);
      const found = run({ [c.id]: paragraph });
      assert.equal(found.length, 1, `${c.to}: ${found.map((f) => f.message).join(' | ')}`);
      assert.equal(found[0]!.code, 'SQS060');
      assert.match(found[0]!.message, c.message);
      assert.equal(found[0]!.fixes?.[0]?.edits[0]?.newText, c.fix);
    }
  });

  it('reads which side of the count a sentence describes', () => {
    const run = liverpoolIndex(liverpool);
    // 8 of 25 reviews fell short: "had not been … in almost one-third" is true, "had been … in almost one-third" is not.
    assert.deepEqual(run({ '2.2': 'These assessments had not been adequately reviewed in almost one-third of cases.' }), []);
    const flipped = run({ '2.2': 'These assessments had been adequately reviewed in almost one-third of cases.' });
    assert.equal(flipped.length, 1);
    assert.match(flipped[0]!.message, /17 of 25 sufficient \(68%\); the phrasebook writes "over two-thirds of"/);
  });

  it('holds prose to the stated tallies when there are no case files, pointing at the stated numbers', () => {
    const dir = copyOf(liverpoolTalliesOnly, {
      'inspection.sqs.yaml': (t) => t + yamlCommentary({ '1.5': 'We found sufficient planning in six out of the nine relevant cases.' }),
    });
    const f = check(dir).findings.filter(prose);
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /^1\.5: "six out of the nine" does not fit the stated tallies: 7 of 9 sufficient/);
    assert.deepEqual(
      f[0]!.related!.map((r) => r.range.start.line + 1),
      [lineOf(dir, 'inspection.sqs.yaml', '"1.5": { relevant: 9'), lineOf(dir, 'inspection.sqs.yaml', '"1.5": { relevant: 9')],
    );
  });

  it('re-judges unchanged commentary when the case files change (the reading of the text is cached, the numbers are not)', () => {
    const index = new InspectionIndex();
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of walk(liverpool)) index.set(pathToFileURL(file).toString(), readFileSync(file, 'utf8'));
    const inspection = pathToFileURL(path.join(liverpool, 'inspection.sqs.yaml')).toString();
    const checker = new Checker(index);
    index.set(inspection, readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8') + yamlCommentary({ '1.5': seedCommentary['1.5']! }));
    assert.deepEqual(checker.findingsFor(inspection).filter(prose), []);
    // One of the seven sufficient custody plans becomes not sufficient: "seven out of the nine" is now wrong.
    const custodyCase = walk(path.join(liverpool, 'cases')).find((f) => /"1\.5": sufficient/.test(readFileSync(f, 'utf8')))!;
    index.set(pathToFileURL(custodyCase).toString(), readFileSync(custodyCase, 'utf8').replace('"1.5": sufficient', '"1.5": not sufficient'));
    const f = checker.findingsFor(inspection).filter(prose);
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /"seven out of the nine" does not fit the case files: 6 of 9 sufficient/);
  });

  it('says when the case files are not all written or judged yet', () => {
    const dir = copyOf(liverpool, {
      'cases/liv-34.case.sqs.yaml': null,
      'inspection.sqs.yaml': (t) =>
        t +
        yamlCommentary({
          '2.1': 'There was a clear and thorough assessment of risk of harm to others outlined in 20 out of 22 cases where there had been a PSR.',
        }),
    });
    const f = check(dir).findings.filter(prose);
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /does not fit the case files so far \(33 of the 34 sampled case files written\): 19 of 2\d sufficient/);
  });

  it('leaves alone what it cannot attribute: anecdotes, pronouns, quotations, people other than the cases', () => {
    const run = liverpoolIndex(liverpool);
    assert.deepEqual(run({ '1.4': 'In one case we noted: "In 3 out of 4 visits the plan was late".' }), []);
    assert.deepEqual(run({ '3.3': 'In five cases where we felt there should be a plan to manage the vulnerability one had not been produced.' }), []);
    assert.deepEqual(run({ OM: 'The great majority of staff said that they received appropriate supervision.' }), []);
  });

  it('underlines the phrase inside folded and quoted YAML, and replaces only it', () => {
    const folded =
      '  "1.2": >-\n    Less than half of the initial assessments of what was likely to make a child or young person\n    offend were on time and were of good enough quality.\n';
    const dir = copyOf(liverpool, { 'inspection.sqs.yaml': (t) => `${t}commentary:\n${folded}` });
    const f = check(dir).findings.filter(prose);
    assert.equal(f.length, 1);
    assert.equal(f[0]!.line, lineOf(dir, 'inspection.sqs.yaml', 'Less than half'));
    assert.equal(f[0]!.range.start.character, 4);
    const text = applyFix(dir, 'inspection.sqs.yaml', f[0]!.fixes![0]!);
    assert.match(text, /\n {4}Over three-quarters of the initial assessments of what was likely to make a child or young person\n {4}offend/);
    assert.deepEqual(check(dir).findings.filter(prose), []);
  });
});

describe("the editor's phrasebook (sqs.phrasebook, --phrasebook)", () => {
  // 27 of 34 assessments of 2.2 are sufficient: the SQS phrasebook accepts "a majority" for that, Education
  // Scotland's does not (it writes "Most of the"). The report is worded with the editor's phrasebook when
  // the inspection file names none, so the check must hold the commentary to the same one.
  const sentence = 'A majority of the assessments of risk of harm to others were of good quality.';
  const es = PhrasebookRegistry.builtIn().get('education-scotland')!;

  function load(extra = '') {
    const index = new InspectionIndex();
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of walk(liverpool)) index.set(pathToFileURL(file).toString(), readFileSync(file, 'utf8'));
    const uri = pathToFileURL(path.join(liverpool, 'inspection.sqs.yaml')).toString();
    index.set(uri, readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8') + extra + yamlCommentary({ '2.2': sentence }));
    return { index, uri, inspection: index.inspectionOf(uri)! };
  }

  it('holds the commentary to the phrasebook the report is worded with: the one the editor chose', () => {
    const { index, uri, inspection } = load();
    const checker = new Checker(index);
    assert.deepEqual(checker.findingsFor(uri).filter(prose), [], 'the SQS phrasebook accepts "a majority" of 27/34');
    const found = checker.findingsFor(uri, { phrasebook: 'education-scotland' }).filter(prose);
    assert.deepEqual(
      found.map((f) => f.code),
      ['SQS061'],
    );
    const writes = es.replacement(es.find(sentence)[0]!, 27, 34);
    assert.equal(writes, 'Most of the');
    assert.equal(found[0]!.fixes?.[0]?.edits[0]?.newText, writes);
    assert.equal(buildReport(inspection, { phrasebook: 'education-scotland' }).phrasebookId, 'education-scotland');
    // Cached per phrasebook: asking again with either gives each its own answer.
    assert.deepEqual(checker.findingsFor(uri).filter(prose), []);
    assert.equal(checker.findingsFor(uri, { phrasebook: 'education-scotland' }).filter(prose).length, 1);
  });

  it('Education Scotland calls exactly half "the majority" (its table: majority 50–74%), and its check accepts what its report writes', () => {
    const index = new InspectionIndex();
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of walk(liverpool)) index.set(pathToFileURL(file).toString(), readFileSync(file, 'utf8'));
    const uri = pathToFileURL(path.join(liverpool, 'inspection.sqs.yaml')).toString();
    const base = readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8');
    // Liverpool's 3.4: 9 of 18 cases, the seed's "Only half".
    const written = numberedParagraphs(buildReport(index.inspectionOf(uri)!, { phrasebook: 'education-scotland' })).find((p) => p.criterionId === '3.4')!
      .sentences[0]!.text;
    assert.match(written, /^The majority of the cases we examined could show/);
    index.set(uri, base + yamlCommentary({ '3.4': written }));
    const checker = new Checker(index);
    assert.deepEqual(checker.findingsFor(uri, { phrasebook: 'education-scotland' }).filter(prose), []);
    const sqsFindings = checker.findingsFor(uri).filter(prose);
    assert.deepEqual(
      sqsFindings.map((f) => f.code),
      ['SQS061'],
      'the SQS phrasebook says "half", and holds "the majority" to more than half',
    );
    assert.equal(sqsFindings[0]!.fixes?.[0]?.edits[0]?.newText, 'Half of the');
  });

  it("an inspection file's own phrasebook: wins over the editor's", () => {
    const { index, uri } = load('phrasebook: sqs\n');
    assert.deepEqual(new Checker(index).findingsFor(uri, { phrasebook: 'education-scotland' }).filter(prose), []);
  });

  it('sqs check --phrasebook and sqs render --phrasebook', async () => {
    const dir = copyOf(liverpool, { 'inspection.sqs.yaml': (t) => t + yamlCommentary({ '2.2': sentence }) });
    assert.deepEqual(check(dir).findings.filter(prose), []);
    const flagged = check(dir, '--phrasebook', 'education-scotland').findings.filter(prose);
    assert.deepEqual(
      flagged.map((f) => [f.code, f.file]),
      [['SQS061', 'inspection.sqs.yaml']],
    );
    let err = '';
    assert.equal(
      main(
        ['check', '--phrasebook', 'plain-english', dir],
        () => {},
        (s) => (err += s),
      ),
      2,
    );
    assert.equal(err, 'sqs: --phrasebook: "plain-english" is not a phrasebook; use sqs or education-scotland.');
    const rendered = async (...args: string[]) => {
      let out = '';
      assert.equal(
        await main(
          ['render', ...args, dir],
          (s) => (out += s),
          () => {},
        ),
        0,
      );
      return out;
    };
    const { inspection } = load();
    const scottish = await rendered('--phrasebook', 'education-scotland');
    assert.equal(scottish, renderMarkdown(buildReport(inspection, { phrasebook: 'education-scotland' })).replace(/\n$/, ''));
    assert.notEqual(scottish, await rendered(), 'worded differently from the default');
  });
});

describe('commentary no inspector writes: a pasted document or table of figures (SQS062)', () => {
  const index = new InspectionIndex();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(liverpool)) index.set(pathToFileURL(file).toString(), readFileSync(file, 'utf8'));
  const uri = pathToFileURL(path.join(liverpool, 'inspection.sqs.yaml')).toString();
  const base = readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8');
  const checker = new Checker(index);
  const run = (text: string) => {
    index.set(uri, base + yamlCommentary({ '2.6': text }));
    return checker.findingsFor(uri).filter((f) => prose(f) || f.code === 'SQS062');
  };
  const keyLine = base.split('\n').length; // "commentary:" is the last line of the base, "2.6": the next
  // A paragraph the check reads as one wrong band (SQS061), then padding that states nothing it checks.
  const wrong = swap('in over one-third of the relevant', 'in almost all of the relevant')(seedCommentary['2.6']!);
  const figures = (n: number) => Array.from({ length: n }, (_, i) => ` We read ${i + 3} files.`).join('');
  // The paragraph's own quantities ("almost all", and "several" twice, which the check reads but accepts).
  const inWrong = book.find(wrong).length;
  const padded = (length: number) => (wrong + ' The records were kept in the usual way.'.repeat(600)).slice(0, length);

  it('reads commentary up to 200 quantities and 20,000 characters', () => {
    assert.equal(inWrong, 3);
    assert.equal(book.find(wrong + figures(200 - inWrong)).length, 200);
    assert.deepEqual(
      run(wrong + figures(200 - inWrong)).map((f) => f.code),
      ['SQS061'],
    );
    assert.deepEqual(
      run(padded(20_000)).map((f) => f.code),
      ['SQS061'],
    );
  });

  it('past them, reads none of it and says so once, on the criterion’s key', () => {
    for (const [text, why] of [
      [
        wrong + figures(201 - inWrong),
        '2.6: this commentary is not checked against the numbers: it states 201 quantities (commentary with over 200 is not read).',
      ],
      [padded(20_001), '2.6: this commentary is not checked against the numbers: it is 21 kB long (commentary over 20 kB is not read).'],
    ] as const) {
      const found = run(text);
      assert.deepEqual(
        found.map((f) => [f.code, f.severity, f.message, f.range.start.line]),
        [['SQS062', 'information', why, keyLine]],
      );
    }
  });

  it('finds quotations as /"[^"]*"|“[^”]*”/g does, in one pass', () => {
    let seed = 1;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const alphabet = ['"', '“', '”', 'a', ' ', '.', '\n'];
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join('');
      const expected = [...text.matchAll(/"[^"]*"|“[^”]*”/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
      assert.deepEqual(quotations(text), expected, JSON.stringify(text));
    }
  });
});

describe('scalarOffsets', () => {
  const cases: [string, string][] = [
    ['plain, folded over lines', 'k: In all but 3 out of the 22 relevant\n  cases we found it.\n'],
    ['double-quoted with escapes', 'k: "The \\"initial\\" plans: over three-quarters\\u0021 of them"\n'],
    ["single-quoted with ''", "k: 'It''s over three-quarters of them'\n"],
    ['folded block', 'k: >-\n  Over three-quarters of the initial plans\n  but less than two-thirds had been reviewed.\n'],
    ['literal block with a blank line', 'k: |\n  In seven out of the nine relevant cases.\n\n  And 19 out of 22.\n'],
  ];
  for (const [name, yaml] of cases) {
    it(`maps every character of the value back to the same character in the source: ${name}`, () => {
      const parsed = parseYaml(yaml);
      const value = (parsed.data as { k: string }).k;
      const offsets = scalarOffsets(yaml, parsed.source.spansOf(['k'])!.value!, value)!;
      assert.ok(offsets, 'aligned');
      for (let i = 0; i < value.length; i++) {
        const c = value[i]!;
        if (/\s/.test(c)) assert.match(yaml[offsets[i]!] ?? '', /\s|\\/, `whitespace at ${i}`);
        else if (yaml[offsets[i]!] !== '\\' && yaml[offsets[i]!] !== "'") assert.equal(yaml[offsets[i]!], c, `character ${i} of ${JSON.stringify(value)}`);
      }
      for (const phrase of ['over three-quarters', 'less than two-thirds', 'seven out of the nine', '19 out of 22', 'all but 3']) {
        const i = value.indexOf(phrase);
        if (i >= 0) assert.equal(yaml.slice(offsets[i], offsets[i + phrase.length - 1]! + 1), phrase);
      }
    });
  }

  it('the phrasebook finds what the fixture sentences say (guards this file against a changed finder)', () => {
    assert.deepEqual(
      book.find('In all but 3 out of the 22 relevant cases').map((m) => m.kind),
      ['all-but'],
    );
  });
});

describe('every hand-written text that reaches the report and speaks of a criterion', () => {
  const proseOrNotRead = (f: Finding) => /^SQS06\d$/.test(f.code);

  it('both examples raise no SQS06x finding of any severity (the Liverpool {OM} paragraph is read)', () => {
    for (const example of [liverpool, liverpoolTalliesOnly]) assert.deepEqual(check(example).findings.filter(proseOrNotRead), [], example);
    assert.match(readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8'), /effective processes\. \{OM\}/);
  });

  it('reads `after:` text, on its own line and column, and its fix makes the file pass', () => {
    const dir = copyOf(liverpool, {
      'inspection.sqs.yaml': (t) =>
        `${t}commentary:\n  "2.6":\n    after: >-\n      We found that management oversight of risk of harm work had not been\n      effective in almost all of the relevant cases.\n`,
    });
    const f = check(dir).findings.filter(proseOrNotRead);
    assert.deepEqual(
      f.map((x) => [x.code, x.line, x.range.start.character, x.message]),
      [
        [
          'SQS061',
          lineOf(dir, 'inspection.sqs.yaml', 'effective in almost all'),
          19,
          '2.6: "almost all of the" does not fit the case files: 12 of 31 not sufficient (39%); the phrasebook writes "over one-third of the".',
        ],
      ],
    );
    applyFix(dir, 'inspection.sqs.yaml', f[0]!.fixes![0]!);
    assert.deepEqual(check(dir).findings.filter(proseOrNotRead), []);
  });

  it('reads a narrative paragraph where a criterion marker stands, and only such a paragraph', () => {
    const wrong = 'Supervision and quality assurance had made a positive impact in less than half of the cases.';
    const marked = copyOf(liverpool, { 'inspection.sqs.yaml': swap('as effective processes. {OM}', `as effective processes. ${wrong} {OM}`) });
    const f = check(marked).findings.filter(proseOrNotRead);
    assert.deepEqual(
      f.map((x) => [x.code, x.line, x.message]),
      [
        [
          'SQS061',
          lineOf(marked, 'inspection.sqs.yaml', wrong),
          'OM: "less than half of the" does not fit the case files: 24 of 34 sufficient (71%); the phrasebook writes "over two-thirds of the".',
        ],
      ],
    );
    const text = readFileSync(path.join(marked, 'inspection.sqs.yaml'), 'utf8');
    const line = text.split('\n')[f[0]!.line - 1]!;
    assert.equal(line.slice(f[0]!.range.start.character, f[0]!.range.end.character), 'less than half of the');
    applyFix(marked, 'inspection.sqs.yaml', f[0]!.fixes![0]!);
    assert.deepEqual(check(marked).findings.filter(proseOrNotRead), []);
    // The same sentence in a paragraph with no marker speaks of no criterion the check can hold it to.
    const unmarked = copyOf(liverpool, { 'inspection.sqs.yaml': swap('and effective supervision and', `and effective supervision. ${wrong} They said`) });
    assert.deepEqual(check(unmarked).findings.filter(proseOrNotRead), []);
  });

  it('does not read the commentary of a criterion the report omits', () => {
    const dir = copyOf(liverpool, {
      'inspection.sqs.yaml': (t) =>
        `${t}commentary:\n  "2.6":\n    omit: true\n    text: Management oversight had not been effective in almost all of the relevant cases.\n`,
    });
    assert.deepEqual(check(dir).findings.filter(proseOrNotRead), []);
  });

  it('flags "was rarely effective" where most were effective, with the adverb for the share as the fix', () => {
    const dir = copyOf(liverpool, {
      'inspection.sqs.yaml': (t) => `${t}commentary:\n  "1.1": Management oversight of the quality of reports was rarely effective.\n`,
    });
    const f = check(dir).findings.filter(proseOrNotRead);
    assert.deepEqual(
      f.map((x) => [x.code, x.message]),
      [['SQS061', '1.1 oversight: "rarely" does not fit the case files: 18 of 22 sufficient (82%); the phrasebook writes "generally".']],
    );
    const text = applyFix(dir, 'inspection.sqs.yaml', f[0]!.fixes![0]!);
    assert.match(text, /"1\.1": Management oversight of the quality of reports was generally effective\.\n/);
    assert.deepEqual(check(dir).findings.filter(proseOrNotRead), []);
  });

  it('a quantity opening a sentence without a noun counts what the sentence before spoke of: people, not cases', () => {
    const run = liverpoolIndex(liverpool);
    const claim = 'All but one described supervision and quality assurance as having a positive impact on the case.';
    assert.deepEqual(run({ OM: `Case managers valued the arrangements for management oversight. ${claim}` }), []);
    assert.deepEqual(
      run({ OM: `We read the cases closely. ${claim}` }).map((f) => f.code),
      ['SQS060'],
      'after a sentence about the cases, the same words are a claim about them',
    );
  });

  it('a vague number naming a reason is held to that reason’s count ("several reviews … were copies")', () => {
    const run = liverpoolIndex(liverpool);
    assert.deepEqual(run({ '1.3': 'However, there were several reviews that were just a copy of a previous assessment.' }), []);
    const many = run({ '1.3': 'In many cases the review was just a copy of a previous assessment.' });
    assert.deepEqual(
      many.map((f) => [f.code, f.message]),
      [['SQS061', '1.3: "many" does not fit the case files: 5 cases giving the reason copy-of-previous; the phrasebook writes "a minority of".']],
    );
  });
});
