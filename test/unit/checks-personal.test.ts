import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildReport, markReport, paragraphsOf, personalDataCodes } from '../../server/src/core/api';
import { reportTexts } from '../../server/src/core/checks/personal/texts';
import { main } from '../../server/src/cli/main';
import { applyFix, check, copyOf, lineOf, liverpool, liverpoolTalliesOnly, swap } from '../helpers/example';
import { docxText } from '../helpers/golden';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';

// Issue 16 B1–B3: what could identify a child, found in the text that reaches the report, on its exact words, with
// quick fixes; the report marked; `sqs render` refusing a published format while it stands, whatever --force says,
// and the inspectors' copy (--annotate) saying what it is on its first page.

const personal = (f: { code: string }) => personalDataCodes.has(f.code);
const quote = 'cases/liv-06.case.sqs.yaml';
/** A child's name in the quote of LIV-06 (1.1 report), where the published report has "the young person". */
const named = () => copyOf(liverpool, { [quote]: swap('with the young person saw him make', 'with Kieran saw him make') });

async function render(dir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['render', dir, ...args],
    (s) => (stdout += `${s}\n`),
    (s) => (stderr += `${s}\n`),
  );
  return { code, stdout, stderr };
}

describe('personal data in text that reaches the report (SQS070–SQS076)', () => {
  it('both examples have none, at any severity', () => {
    for (const example of [liverpool, liverpoolTalliesOnly]) {
      const { findings } = check(example, '--show-ignored');
      assert.deepEqual(findings.filter(personal), [], example);
    }
  });

  it("finds a child's name in a case file's quote, on its exact words, naming the kind and never the name", () => {
    const dir = named();
    const [f, ...more] = check(dir).findings.filter(personal);
    assert.deepEqual(more, []);
    assert.equal(f?.code, 'SQS070');
    assert.equal(f.file, quote);
    const line = lineOf(dir, quote, 'with Kieran saw');
    assert.equal(f.line, line);
    const text = readFileSync(path.join(dir, quote), 'utf8').split('\n')[line - 1]!;
    assert.equal(text.slice(f.range.start.character, f.range.end.character), 'Kieran');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^A person’s name: /);
    assert.doesNotMatch(f.message, /Kieran/);
  });

  it('its quick fix writes "the young person" in the file, and the check then finds nothing', () => {
    const dir = named();
    const f = check(dir).findings.find(personal)!;
    const fix = f.fixes?.find((x) => x.title === 'Write “the young person”');
    assert.ok(fix, f.fixes?.map((x) => x.title).join('; '));
    const text = applyFix(dir, quote, fix);
    assert.equal(text, readFileSync(path.join(liverpool, quote), 'utf8'), 'the quote reads as published');
    assert.deepEqual(check(dir).findings.filter(personal), []);
  });

  it("lets the inspection's own people, area and dates through, and finds others in narrative and commentary", () => {
    const dir = copyOf(liverpool, {
      'inspection.sqs.yaml': (t) =>
        swap(
          '    Overall, we found a positive picture in Liverpool YOS.',
          '    Overall, we found a positive picture in Liverpool YOS. We thank Jon Ward, Catherine Griffiths and Joseph Simpson (07917 084764) for their help during 28th-31st October 2013.',
        )(t) +
        'commentary:\n  "2.1":\n    after: >-\n      One PSR was written for a hearing on 14 February 2013 at 12 Dale Street, L2 2HP, and sent to mum.smith@example.com.\n',
    });
    const found = check(dir).findings.filter(personal);
    assert.deepEqual(
      found.map((f) => f.code),
      ['SQS071', 'SQS072', 'SQS072', 'SQS073'],
      found.map((f) => `${f.line} ${f.code} ${f.message}`).join('\n'),
    );
    assert.ok(found.every((f) => f.file === 'inspection.sqs.yaml' && f.line === lineOf(dir, 'inspection.sqs.yaml', 'One PSR was written')));
  });

  it('# sqs-ignore with a reason keeps it: silenced, and the report renders with it', async () => {
    const dir = copyOf(liverpool, {
      [quote]: (t) =>
        swap(
          '      quote: >-',
          '      # sqs-ignore SQS070: the family asked for his name to be used\n      quote: >-',
        )(swap('with the young person saw', 'with Kieran saw')(t)),
    });
    const found = check(dir, '--show-ignored').findings.filter(personal);
    assert.deepEqual(
      found.map((f) => [f.code, f.ignored?.reason]),
      [['SQS070', 'the family asked for his name to be used']],
    );
    const r = await render(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /with Kieran saw him make/);
  });

  it('sqs render refuses a published format while one stands, --force or not, naming it, and writes nothing', async () => {
    const dir = named();
    for (const args of [[], ['--force'], ['--format', 'html', '--force'], ['--format', 'docx', '--out', path.join(dir, 'r.docx'), '--force']]) {
      const r = await render(dir, ...args);
      assert.equal(r.code, 1, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
      assert.match(r.stderr, new RegExp(`${quote.replace(/\./g, '\\.')}:\\d+:\\d+ warning SQS070 A person’s name`));
      assert.match(r.stderr, /Not rendered for publication: a passage of text that reaches the report could identify a child \(SQS070\)/);
      assert.match(r.stderr, /--force does not override this/);
      assert.doesNotMatch(r.stderr, /Kieran/);
    }
    assert.ok(!existsSync(path.join(dir, 'r.docx')));
  });

  it("renders the inspectors' copy (--annotate), which says so on its first page, in HTML and Word", async () => {
    const dir = named();
    const html = await render(dir, '--format', 'html', '--annotate');
    assert.equal(html.code, 0, html.stderr);
    const article = html.stdout.slice(html.stdout.indexOf('<article'));
    assert.match(
      article,
      /^<article[^>]*>\n<aside class="notes" role="note"><p>Inspectors’ copy, not for publication: .*a passage that could identify a child \(SQS070\)/,
    );
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'sqs-personal-')), 'copy.docx');
    const docx = await render(dir, '--format', 'docx', '--annotate', '--out', out);
    assert.equal(docx.code, 0, docx.stderr);
    assert.match(await docxText(readFileSync(out)), /^Note: Inspectors’ copy, not for publication: /);
    // Without personal data it is still the inspectors' copy, and says so.
    const clean = await render(liverpool, '--format', 'html', '--annotate');
    assert.match(
      clean.stdout,
      /<aside class="notes" role="note"><p>Inspectors’ copy, not for publication: it says which case files and counts each statement comes from\.<\/p>/,
    );
  });

  it('marks the paragraph that prints the text, as a warning with the finding', () => {
    const text = readFileSync(path.join(liverpool, quote), 'utf8').replace('with the young person saw', 'with Kieran saw');
    const w = workspace({
      'i/inspection.sqs.yaml': `${minimalInspection}narrative:\n  summary: We met Kieran and his mother.\n`,
      'i/a.case.sqs.yaml': text,
    });
    const inspection = w.index.inspectionOf(w.uri('i/inspection.sqs.yaml'))!;
    const findings = inspection.uris.flatMap((u) => w.checker.findingsFor(u));
    const marks = markReport(buildReport(inspection), findings, inspection.catalogue).marks.filter((m) => m.findings.some(personal));
    assert.deepEqual(
      marks.map((m) => [m.paragraphId, m.severity, m.findings.map((f) => f.code)]),
      [
        ['summary-1', 'warning', ['SQS070']],
        ['criterion-1.1', 'warning', ['SQS070']],
      ],
    );
  });

  it('reports a text too long to read for names (SQS076) on its key, and still finds the rest in it', () => {
    const long = `${'The plan was reviewed well. '.repeat(800)}He was arrested on 14 February 2013.`;
    const w = workspace({ 'i/inspection.sqs.yaml': `${minimalInspection}narrative:\n  summary: ${long}\n`, 'i/a.case.sqs.yaml': minimalCase('T-1') });
    const found = w.findings('i/inspection.sqs.yaml').filter(personal);
    assert.deepEqual(
      found.map((f) => [f.code, f.range.start.line]),
      [
        ['SQS076', 9],
        ['SQS071', 9],
      ],
    );
    assert.match(found[0]!.message, /This text \(the summary\) is not read for names: it is over 10 kB/);
  });

  it('reads every hand-written text the report prints: each narrative, commentary and quote sentence comes from one', () => {
    const w = workspace({
      'i/inspection.sqs.yaml': `${minimalInspection}narrative:
  context: Our context.
  summary: |
    First paragraph.

    Second paragraph. {OM}
  operational_management: Managers met weekly.
  key_strengths: [one strength, another strength]
  areas_for_improvement: [one area]
  closing: Closing words.
commentary:
  "1.2": Replaced words.
  "1.1":
    after: Words after.
  "1.5":
    text: Other replaced words.
`,
      'i/a.case.sqs.yaml': minimalCase('T-1').replace(
        '    report: sufficient\n',
        '    report:\n      judgement: sufficient\n      quote: What an inspector said.\n',
      ),
      'i/b.case.sqs.yaml': minimalCase('T-2'),
    });
    const inspection = w.index.inspectionOf(w.uri('i/inspection.sqs.yaml'))!;
    const texts = reportTexts(inspection);
    const inside = (outer: { start: { line: number; character: number }; end: { line: number; character: number } }, r: typeof outer) =>
      (r.start.line > outer.start.line || (r.start.line === outer.start.line && r.start.character >= outer.start.character)) &&
      (r.end.line < outer.end.line || (r.end.line === outer.end.line && r.end.character <= outer.end.character));
    let handWritten = 0;
    for (const p of paragraphsOf(buildReport(inspection))) {
      for (const s of p.sentences.filter((s) => s.kind === 'narrative' || s.kind === 'override' || s.kind === 'quote')) {
        handWritten++;
        for (const link of s.sources)
          assert.ok(
            texts.some((t) => t.file.uri === link.uri && inside(t.text.range, link.range)),
            `${p.id}: "${s.text}" comes from ${link.uri}:${link.range.start.line + 1}, which the check does not read`,
          );
      }
    }
    assert.ok(handWritten >= 12, `${handWritten} hand-written sentences`);
  });
});
