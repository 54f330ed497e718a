import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import MarkdownIt, { type Token } from 'markdown-it';
import { loadWorkspace } from '../../server/src/cli/files';
import { main } from '../../server/src/cli/main';
import { previewHtml } from '../../server/src/lsp/report';
import { buildReport, Checker, markReport, paragraphsOf, paragraphText, type Finding, type Paragraph, type ReportMarks } from '../../server/src/core/api';
import { parts, type ListSection, type Section } from '../helpers/reportParts';
import { printableReport } from '../../server/src/core/report/printable';
import { renderDocx } from '../../server/src/render/formats/docx';
import { renderHtml } from '../../server/src/render/html';
import { renderMarkdown } from '../../server/src/render/formats/markdown';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';
import { ensureLibreOffice } from '../helpers/libreoffice';

const root = path.resolve(__dirname, '../..');
const example = path.join(root, 'examples/liverpool-2013');
const cli = path.join(root, 'server/out/cli.js');

/** `sqs …` in process: exit code, stdout, stderr. */
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

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'sqs-render-'));
}

/** A copy of the Liverpool example to break. */
function copyOfExample(): string {
  const dir = tempDir();
  cpSync(example, dir, { recursive: true });
  return dir;
}

const seedFigures = [
  'In all but 3 out of the 22 relevant cases',
  'in seven out of the nine relevant cases',
  'in 19 out of 22 cases where there had been a PSR',
  'in 27 out of 34 cases',
  'In 23 out of 29 cases',
  'In 11 out of 26 cases',
  'In 22 out of 31 cases',
  'In 20 out of 29 cases',
  'all of the eight relevant custody cases',
  'all but five of the PSRs',
  'all but two of the PSRs',
  'all but one of the PSRs',
  'In all but two of the cases',
  'Sixteen children or young people had complied',
  'In three cases the assessment had not been done, in two, previous violent offences had not been taken into account and in another two the classification of risk of harm was too low',
  'in five cases a review had not taken place, in four, the review was not of sufficient quality',
  'In six cases the review was not of sufficient quality and in three',
];

const seedBands = [
  'Over three-quarters of the initial assessments',
  'A majority of the reviewed assessments',
  'Over three-quarters of the initial plans were of a sufficient standard but less than two-thirds of the plans had been reviewed well enough',
  'not been adequately reviewed in almost one-third of cases',
  'planning was satisfactory for all of the custodial cases',
  'effectively managed in the great majority of cases',
  'not been effective in over one-third of the relevant cases',
  'In over three-quarters of cases, vulnerability and safeguarding needs were sufficiently assessed',
  'A majority of reviews of safeguarding',
  'Half of the cases we examined',
  'The great majority of assessments of diversity factors',
  'in most plans',
  'In almost all cases we reviewed',
  'In all cases where the child or young person had not complied',
  'a positive impact in over two-thirds of the cases inspected',
];

describe('sqs render: the bundled command on the Liverpool example', () => {
  before(() => {
    if (!existsSync(cli)) spawnSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
  });

  it('is executable, so `npx sqs` runs it', () => {
    assert.ok((statSync(cli).mode & 0o111) !== 0, `${cli} is not executable`);
    const r = spawnSync(cli, ['--version'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('--format md prints every figure of the seed and its band phrases', () => {
    const r = spawnSync(process.execPath, [cli, 'render', 'examples/liverpool-2013', '--format', 'md'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    for (const figure of [...seedFigures, ...seedBands]) assert.ok(r.stdout.includes(figure), `missing: ${figure}`);
    assert.match(r.stdout, /^# Report of Short Quality Screening \(SQS\) of youth offending work in Liverpool$/m);
    assert.match(r.stdout, /^\*\*2\.2\.\*\* A good quality assessment/m);
    assert.match(r.stdout, /^\| YJB link staff \| Malcolm Potter, Paula Williams, Alaina Tolhurst \|$/m);
  });
});

describe('sqs render: options and refusals', () => {
  it('writes HTML to stdout and DOCX to a file', async () => {
    const html = await sqs('render', example, '--format', 'html');
    assert.equal(html.code, 0, html.stderr);
    assert.match(html.stdout, /^<!DOCTYPE html>/);
    assert.ok(html.stdout.includes('In 23 out of 29 cases, planning was done well enough'));
    const out = path.join(tempDir(), 'r.docx');
    const docx = await sqs('render', example, '--format', 'docx', '--out', out);
    assert.equal(docx.code, 0, docx.stderr);
    assert.equal(readFileSync(out).subarray(0, 2).toString('latin1'), 'PK');
  });

  it('refuses, with the diagnostics, to render an inspection with errors; --force renders it', async () => {
    const dir = copyOfExample();
    const file = path.join(dir, 'inspection.sqs.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"2.1": { relevant: 22, sufficient: 19 }', '"2.1": { relevant: 22, sufficient: 18 }'));
    const out = path.join(dir, 'r.md');
    const refused = await sqs('render', dir, '--out', out);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /inspection\.sqs\.yaml:\d+:\d+ error SQS030 /);
    assert.match(refused.stderr, /has errors, so its figures cannot be trusted; fix them or use --force/);
    assert.equal(existsSync(out), false, 'nothing written');
    const forced = await sqs('render', dir, '--out', out, '--force');
    assert.equal(forced.code, 0);
    assert.match(forced.stderr, /rendering despite 1 error \(--force\)/);
    assert.ok(readFileSync(out, 'utf8').includes('19 out of 22 cases where there had been a PSR'), 'figures come from the case files');
  });

  it('--force marks the paragraphs the preview marks, with the same notes, in Markdown, HTML and Word', async () => {
    const dir = copyOfExample();
    const file = path.join(dir, 'inspection.sqs.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"2.1": { relevant: 22, sufficient: 19 }', '"2.1": { relevant: 22, sufficient: 18 }'));
    // LIV-02 leaves 1.2 unjudged: the report's own note on 1.2's paragraph.
    const liv02 = path.join(dir, 'cases/liv-02.case.sqs.yaml');
    writeFileSync(liv02, readFileSync(liv02, 'utf8').replace(/^ {2}"1\.2":.*\n/m, ''));
    // What the preview shows for the same files.
    const { index } = loadWorkspace([dir]);
    const inspection = index.inspections()[0]!;
    const doc = buildReport(inspection);
    const checker = new Checker(index);
    const marks = markReport(
      doc,
      inspection.uris.flatMap((u) => checker.findingsFor(u)),
      inspection.catalogue,
    );
    const preview = previewHtml(doc, marks);
    const markedIn = (html: string) => [...html.matchAll(/<p id="([^"]+)" class="[^"]*\bmarked (\w+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(markedIn(preview), ['criterion-1.2 information', 'criterion-2.1 error']);

    const html = await sqs('render', dir, '--format', 'html', '--force');
    assert.equal(html.code, 0, html.stderr);
    assert.deepEqual(markedIn(html.stdout), markedIn(preview));
    const p21 = /<p id="criterion-2\.1"[^>]*>(.*?)<\/p>/.exec(html.stdout)![1]!;
    assert.match(p21, /<span class="label">Error:<\/span> 2\.1: sufficient 18, but the case files tally 19[^<]*\(SQS030\)/);
    assert.match(p21, /<span class="sentence generated"/, 'an export made despite the errors keeps the prose, after the note');

    const md = await sqs('render', dir, '--force');
    const tokens = new MarkdownIt().parse(md.stdout, {});
    const noteBefore = (number: string) => {
      const at = tokens.findIndex((t) => t.type === 'inline' && t.content.startsWith(`**${number}.**`));
      assert.ok(at > 0, `no paragraph ${number}`);
      assert.equal(tokens[at - 2]!.type, 'blockquote_close', `no note just before ${number}`);
      let quote = at;
      while (tokens[quote]!.type !== 'blockquote_open') quote--;
      return tokens.slice(quote, at).find((t) => t.type === 'inline')!.content;
    };
    assert.match(noteBefore('2.1'), /^\*\*Error:\*\* 2\.1: sufficient 18, but the case files tally 19.*\(SQS030\)$/);
    assert.match(noteBefore('1.2'), /^\*\*Note:\*\* 1\.2: 1 relevant case has not been judged yet/);
    assert.equal(tokens.filter((t) => t.type === 'blockquote_open').length, 2, 'the marked paragraphs, and no others');

    const out = path.join(dir, 'r.docx');
    assert.equal((await sqs('render', dir, '--format', 'docx', '--out', out, '--force')).code, 0);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    const texts = [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const at21 = texts.findIndex((t) => t.startsWith('2.1.'));
    assert.match(texts[at21 - 1]!, /^Error: 2\.1: sufficient 18, but the case files tally 19/);
    assert.match(texts[texts.findIndex((t) => t.startsWith('1.2.')) - 1]!, /^Note: 1\.2: 1 relevant case/);
  });

  it('exits 2 with a clear message for usage problems', async () => {
    const cases: [string[], RegExp][] = [
      [['render', example, '--format', 'pdf'], /--format must be html, md or docx, not pdf/],
      [['render', example, '--format', 'docx'], /--format docx writes a file: give --out FILE/],
      [['render'], /name one inspection folder/],
      [['render', path.join(example, 'missing')], /not a folder/],
      [['render', tempDir()], /no SQS files here|no inspection\.sqs\.yaml here/],
      [
        ['render', example, '--annotate'],
        /--annotate is for --format html \(data-source attributes on each sentence\) and docx \(a comment on each figure\); Markdown has no place for it/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await sqs(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
  });
});

/** An inspection whose every user string tries to be markup. */
function hostile() {
  const inspection = minimalInspection
    .replace('inspection: Testtown', 'inspection: "Test<script>alert(1)</script>town"')
    .replace('addressee: { name: A. Chair', 'addressee: { name: "A. *Chair* & \\"Co\\""')
    .concat(
      'narrative:\n  summary: "# Not a heading <img src=x onerror=alert(1)> [link](javascript:x) | pipe"\n  key_strengths: ["- not a list", "1. not numbered"]\n',
    )
    .concat('copy_to:\n  - { role: "Role | with pipe", names: ["<b>Bold</b>"] }\n');
  const quote = '  "4.4":\n    judgement: sufficient\n    quote: "She said \\"<b>thanks</b>\\" & left"\n';
  const ws = workspace({ 'h/inspection.sqs.yaml': inspection, 'h/a.case.sqs.yaml': minimalCase('T-1', quote), 'h/b.case.sqs.yaml': minimalCase('T-2') });
  return buildReport(ws.index.inspections()[0]!);
}

describe('text that does not print', () => {
  it('is left out of the report once, so no renderer writes it (DOCX XML forbids it; a terminal obeys it)', async () => {
    // Escapes a YAML double-quoted string allows: NUL, ESC (a terminal colour), DEL, a C1 control, U+FFFE, U+FFFF, a lone surrogate.
    const inspection = minimalInspection
      .replace('addressee: { name: A. Chair', 'addressee: { name: "Jon\\uFFFEWard\\0"')
      .concat('narrative:\n  summary: "Red \\e[31malert\\e[0m and \\x7F\\x85\\uFFFF\\uD800 gone. Tabs\\tstay; caf\\u00e9 and \\U0001F600 stay."\n');
    const ws = workspace({ 'u/inspection.sqs.yaml': inspection, 'u/a.case.sqs.yaml': minimalCase('T-1'), 'u/b.case.sqs.yaml': minimalCase('T-2') });
    const doc = buildReport(ws.index.inspections()[0]!);
    const unprintable =
      // eslint-disable-next-line no-control-regex -- the characters the report must not print
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
    const summary = paragraphText(parts(doc).summary!.paragraphs[0]!);
    assert.equal(summary, 'Red [31malert[0m and  gone. Tabs\tstay; café and 😀 stay.');
    assert.ok(
      parts(doc).header.some((h) => h.value.includes('JonWard')),
      JSON.stringify(parts(doc).header),
    );
    const docx = await JSZip.loadAsync(await renderDocx(doc));
    for (const text of [renderMarkdown(doc), renderHtml(doc), await docx.file('word/document.xml')!.async('string')]) {
      assert.doesNotMatch(text, unprintable);
      assert.ok(text.includes('JonWard'));
    }
    const ordinary = buildReport(loadExample().index.inspections()[0]!);
    assert.equal(printableReport(ordinary), ordinary, 'a report of ordinary text is not copied');
  });
});

describe('inspectors’ quotes', () => {
  it('are set apart where they stand, at the end, even when their words are also in the introduction; an empty one is left out', async () => {
    const quoted = (quote: string) =>
      minimalCase('T-1').replace('    report: sufficient', `    report: { judgement: sufficient, quote: ${JSON.stringify(quote)} }`);
    const ws = workspace({ 'q/inspection.sqs.yaml': minimalInspection, 'q/a.case.sqs.yaml': quoted('one'), 'q/b.case.sqs.yaml': quoted('  .') });
    const doc = buildReport(ws.index.inspections()[0]!);
    const p11 = parts(doc).commentary.themes[0]!.paragraphs.find((p) => p.criterionId === '1.1')!;
    assert.deepEqual(
      p11.sentences.filter((s) => s.kind === 'quote').map((s) => s.text),
      ['An inspector commented on one PSR: "one".'],
    );
    assert.match(renderMarkdown(doc), /An inspector commented on one PSR: "\*one\*"\./);
    assert.match(renderHtml(doc), /An inspector commented on one PSR: "<span class="quoted">one<\/span>"\./);
    const xml = await (await JSZip.loadAsync(await renderDocx(doc))).file('word/document.xml')!.async('string');
    assert.match(xml, /PSR: &quot;<\/w:t><\/w:r><w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">one<\/w:t>/);
  });
});

describe('Markdown renderer', () => {
  it('escapes what Markdown would read as formatting', () => {
    const md = renderMarkdown(hostile());
    assert.ok(md.includes('Test\\<script>alert(1)\\</script>town'), md);
    assert.ok(md.includes('A. \\*Chair\\* & "Co"'));
    assert.match(md, /^\\# Not a heading \\<img src=x onerror=alert\(1\)> \\\[link\]\\\(javascript:x\) \\\| pipe$/m);
    assert.match(md, /^- \\- not a list$/m);
    assert.match(md, /^- 1\\\. not numbered$/m);
    assert.match(md, /^\| Role \\\| with pipe \| \\<b>Bold\\<\/b> \|$/m);
  });

  it('hostile narrative, quotes, names and lists keep exactly the structure of the report (read back with markdown-it)', () => {
    const doc = hostileBlocks();
    const md = renderMarkdown(doc);
    const parsed = new MarkdownIt({ html: true }).parse(md, {});
    const kinds = new Set(parsed.map((t) => t.type));
    for (const stray of ['code_block', 'fence', 'blockquote_open', 'hr', 'html_block', 'ordered_list_open'])
      assert.ok(!kinds.has(stray), `${stray} in:\n${md}`);
    assert.ok(
      !parsed.some((t) => t.children?.some((c) => c.type === 'html_inline' || c.type === 'link_open' || c.type === 'code_inline' || c.type === 'image')),
      md,
    );
    assert.deepEqual(blocksOf(parsed), expectedBlocks(doc));
  });

  it('leaves plain prose alone: every sentence of the Liverpool report reads as it is in the model', () => {
    const { index } = loadExample();
    const doc = buildReport(index.inspections()[0]!);
    const md = renderMarkdown(doc);
    const plain = paragraphsOf(doc).flatMap((p) => p.sentences.filter((s) => s.kind !== 'quote').map((s) => s.text));
    assert.ok(plain.length > 40);
    for (const sentence of plain) assert.ok(md.includes(sentence), `escaped or missing: ${sentence}`);
  });
});

/** Every construct a line of text could open in Markdown, at the start of a paragraph, a line, a list item or a cell. */
const hostileLines = [
  '# Not a heading',
  '## Nor this #',
  'Setext above',
  '---',
  '===',
  '    four spaces: not code',
  '\tnor a tab',
  '> not a quote',
  '- not a list',
  '+ not a list',
  '* not a list',
  '1. not ordered',
  '2) not ordered',
  '<div class="x">not html</div>',
  '<!-- not a comment -->',
  '<https://not.a.link>',
  'a | b',
  ':--|--:',
  '```not a fence',
  '~~~',
  '***',
  '_ _ _',
  '[ref]: https://not.a.definition',
  '![not](an image)',
  '*not* _emphasis_ `code` ~~struck~~ [link](x) &amp; \\ back\\slash',
  'ends with two spaces  ',
];

/** An inspection whose narrative paragraphs, hand-written text, list items and names each open with one of the lines above. */
function hostileBlocks() {
  const block = (lines: string[], indent: string) => lines.map((l) => `${indent}${l}`).join('\n');
  const paragraphs = hostileLines.map((l) => `${l} (end)`);
  const inspection = minimalInspection.replace('addressee: { name: A. Chair', 'addressee: { name: "# A. Chair"').concat(
    [
      'narrative:',
      '  summary: |',
      block(
        paragraphs.flatMap((p) => [p, '']),
        '    ',
      ),
      '  key_strengths:',
      ...hostileLines.slice(0, 8).map((l) => `    - ${JSON.stringify(l)}`),
      '  areas_for_improvement:',
      '    - |',
      block(hostileLines, '      '),
      'commentary:',
      '  "1.2":',
      '    after: |',
      block(['A line, then:', ...hostileLines], '      '),
      'copy_to:',
      ...hostileLines.slice(13, 20).map((l) => `  - { role: ${JSON.stringify(l)}, names: [${JSON.stringify(`${l} too`)}] }`),
      '',
    ].join('\n'),
  );
  const ws = workspace({ 'h/inspection.sqs.yaml': inspection, 'h/a.case.sqs.yaml': minimalCase('T-1'), 'h/b.case.sqs.yaml': minimalCase('T-2') });
  assert.deepEqual(
    ws
      .findings('h/inspection.sqs.yaml')
      .filter((f) => f.severity === 'error')
      .map((f) => f.message),
    [],
  );
  const doc = buildReport(ws.index.inspections()[0]!);
  assert.equal(parts(doc).summary?.paragraphs.length, hostileLines.length, 'one summary paragraph per line');
  return doc;
}

type Block = [tag: string, text: string];

/** The blocks markdown-it reads, with their text as a reader sees it (line breaks as \n, formatting dropped). */
function blocksOf(tokens: Token[]): Block[] {
  const out: Block[] = [];
  const open: string[] = [];
  for (const t of tokens) {
    if (t.nesting === 1) open.push(t.tag);
    if (t.nesting === -1) open.pop();
    if (t.type !== 'inline') continue;
    const text = (t.children ?? []).map((c) => (c.type === 'softbreak' || c.type === 'hardbreak' ? '\n' : c.type === 'text' ? c.content : '')).join('');
    const where = open.includes('li') ? 'li' : open[open.length - 1]!;
    out.push([where, text]);
  }
  return out;
}

/** The blocks the report model means: what the Markdown must read as. */
function expectedBlocks(doc: ReturnType<typeof buildReport>): Block[] {
  const d = parts(doc);
  const out: Block[] = [];
  const p = (x: Paragraph | undefined) => x && out.push(['p', paragraphText(x)]);
  const h = (tag: string, text: string | undefined) => text && out.push([tag, text]);
  const section = (s: Section | undefined) => {
    if (!s) return;
    h('h2', s.heading);
    s.paragraphs.forEach(p);
  };
  const list = (l: ListSection | undefined) => {
    if (!l) return;
    h('h2', l.heading);
    p(l.intro);
    if (l.numbering === 'roman') out.push(['p', l.items.map((item, i) => `${['i', 'ii', 'iii'][i]}. ${item.text}`).join('\n')]);
    else for (const item of l.items) out.push(['li', item.text]);
    p(l.outro);
  };
  out.push(['p', d.letterhead.join('\n')]);
  out.push(['p', d.header.map((x) => `${x.label} ${x.value}`).join('\n')]);
  h('h1', doc.title);
  d.opening.forEach(p);
  section(d.context);
  section(d.summary);
  h('h2', d.commentary.heading);
  for (const t of d.commentary.themes) {
    h('h3', `${t.number}. ${t.title}`);
    for (const x of t.paragraphs) out.push(['p', `${x.number}. ${paragraphText(x)}`]);
  }
  section(d.operationalManagement);
  list(d.keyStrengths);
  list(d.areasForImprovement);
  section(d.closing);
  if (d.copyTo) {
    h('h2', d.copyTo.heading);
    out.push(['th', ''], ['th', '']);
    for (const r of d.copyTo.rows) out.push(['td', r.role], ['td', r.names.join(', ')]);
  }
  p(d.note);
  return out;
}

describe('HTML renderer', () => {
  it('escapes every user string: no markup from the files reaches the page', () => {
    const html = renderHtml(hostile());
    assert.doesNotMatch(html, /<script|<img|<b>/i);
    assert.ok(html.includes('Test&lt;script&gt;alert(1)&lt;/script&gt;town'));
    assert.ok(html.includes("She said '&lt;b&gt;thanks&lt;/b&gt;' &amp; left"), 'quotation marks inside a quote become single ones');
    assert.ok(html.includes('A. *Chair* &amp; "Co"'));
  });

  it('names no file unless asked: a report for publication carries no paths (case file names can identify children)', async () => {
    const { index } = loadExample();
    const doc = buildReport(index.inspections()[0]!);
    for (const html of [renderHtml(doc), (await sqs('render', example, '--format', 'html')).stdout]) {
      assert.doesNotMatch(html, /file:|\.sqs\.yaml|data-source|data-uri/);
      assert.match(html, /In all but 3 out of the 22 relevant cases/);
    }
    const annotated = (await sqs('render', example, '--format', 'html', '--annotate')).stdout;
    assert.match(annotated, /data-uri="file:\/\/[^"]*inspection\.sqs\.yaml"/);
    assert.match(annotated, /data-source="file:\/\/[^"]*\.case\.sqs\.yaml#L/);
  });

  it('is a standalone page with print CSS, a sentence key and its sources on every sentence, when asked', () => {
    const { index } = loadExample();
    const doc = buildReport(index.inspections()[0]!);
    const html = renderHtml(doc, { sourceLinks: 'full' });
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(html, /@page \{ size: A4;/);
    assert.doesNotMatch(html, /<script|<link /, 'no script, nothing fetched');
    const sentence =
      /<span class="sentence generated" data-sentence="criterion-2\.2:0" data-kind="generated" data-source="([^"]*)">A good quality assessment of risk of harm to others was seen in 27 out of 34 cases\.<\/span>/.exec(
        html,
      );
    assert.ok(sentence, 'the 2.2 sentence carries its key and sources');
    const sources = sentence[1]!.split(' ');
    assert.equal(sources.filter((s) => s.includes('.case.sqs.yaml#L')).length, 34);
    assert.ok(sources.every((s) => /^file:\/\/\S+#L\d+:\d+-L\d+:\d+$/.test(s)));
    assert.match(html, /<p id="criterion-2\.2" class="numbered"><span class="number">2\.2\.<\/span> /);
    assert.match(html, /<ol type="i" class="roman"><li id="areas-for-improvement-1"/);
    assert.equal((html.match(/<tr/g) ?? []).length, 14);
  });

  it('serves the preview: a fragment with theme CSS variables, a nonce, keys only, and marked paragraphs', () => {
    const { index } = loadExample();
    const doc = buildReport(index.inspections()[0]!);
    const fragment = renderHtml(doc, { output: 'fragment', sourceLinks: 'keys' });
    assert.match(fragment, /^<article class="sqs-report"/);
    assert.doesNotMatch(fragment, /data-source=/);
    assert.match(fragment, /data-sentence="criterion-1\.1:0"/);
    const themed = renderHtml(doc, { styles: 'theme', nonce: 'abc"123' });
    assert.match(themed, /<style nonce="abc&quot;123">/);
    assert.match(themed, /var\(--vscode-editor-foreground/);
    const plain = renderHtml(doc, { sourceLinks: 'none', styles: 'none' });
    assert.doesNotMatch(plain, /data-sentence|<style/);
    const marks: ReportMarks = {
      marks: [{ paragraphId: 'criterion-2.4', severity: 'error', findings: [fakeFinding('Stated 26 <due> differs')], warnings: [] }],
      notes: [],
    };
    const marked = renderHtml(doc, { marks, hideMarkedText: true });
    assert.match(
      marked,
      /<p id="criterion-2\.4" class="numbered marked error"><span class="number">2\.4\.<\/span> <span class="mark" role="note"><span class="label">Error:<\/span> Stated 26 &lt;due&gt; differs \(SQS030\)<\/span><\/p>/,
    );
    assert.match(
      renderHtml(doc, { marks }),
      /<span class="mark" role="note"><span class="label">Error:<\/span> Stated 26 &lt;due&gt; differs \(SQS030\)<\/span> <span class="sentence generated"/,
    );
  });

  it('puts notes for the author before the report, escaped, and only when asked', () => {
    const { index } = loadExample();
    const doc = buildReport(index.inspections()[0]!);
    const notes = ['1.5 <review>: left out', 'second "note"'].map((message) => ({ message, sources: [] }));
    const fragment = renderHtml(doc, { output: 'fragment', marks: { marks: [], notes } });
    assert.match(
      fragment,
      /^<article class="sqs-report"[^>]*>\n<aside class="notes" role="note"><p>1\.5 &lt;review&gt;: left out<\/p><p>second "note"<\/p><\/aside>\n/,
    );
    assert.doesNotMatch(renderHtml(doc, { output: 'fragment' }), /<aside/);
    assert.doesNotMatch(renderHtml(doc, { output: 'fragment', marks: { marks: [], notes: [] } }), /<aside/);
  });
});

function fakeFinding(message: string, severity: Finding['severity'] = 'error'): Finding {
  return {
    code: 'SQS030',
    severity,
    message,
    uri: 'file:///ws/inspection.sqs.yaml',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  };
}

/** The Liverpool example, loaded into an index as an editor would have it. */
function loadExample() {
  const files: Record<string, string> = { 'l/inspection.sqs.yaml': readFileSync(path.join(example, 'inspection.sqs.yaml'), 'utf8') };
  for (const name of readdirSync(path.join(example, 'cases'))) files[`l/cases/${name}`] = readFileSync(path.join(example, 'cases', name), 'utf8');
  return workspace(files, pathToFileURL(`${tempDir()}/`).toString());
}

describe('DOCX renderer', () => {
  let bytes: Uint8Array;
  let annotatedBytes: Uint8Array;
  let markedBytes: Uint8Array;
  let zip: JSZip;
  before(async () => {
    const { index } = loadExample();
    const doc = buildReport(index.inspections()[0]!);
    bytes = await renderDocx(doc);
    annotatedBytes = await renderDocx(doc, { annotate: true });
    const marks: ReportMarks = {
      marks: [{ paragraphId: 'criterion-2.4', severity: 'error', findings: [fakeFinding('Stated 26 <due> & 27 tallied')], warnings: [] }],
      notes: [{ message: '1.5: not judged yet', sources: [] }],
    };
    markedBytes = await renderDocx(doc, { annotate: true, marks });
    zip = await JSZip.loadAsync(bytes);
  });

  it('names no file: no path in any part, the document properties included', async () => {
    for (const name of Object.keys(zip.files).filter((n) => !zip.files[n]!.dir)) {
      assert.doesNotMatch(await zip.file(name)!.async('string'), /file:|\.sqs\.yaml/, name);
    }
    assert.match(await zip.file('docProps/core.xml')!.async('string'), /Generated by SQS Findings \(catalogue sqs-2013, phrasebook sqs\)\./);
  });

  it('unzips to well-formed XML parts', async () => {
    const names = Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    for (const required of ['[Content_Types].xml', 'word/document.xml', 'word/numbering.xml', 'word/styles.xml']) assert.ok(names.includes(required), required);
    for (const name of names) {
      const valid = XMLValidator.validate(await zip.file(name)!.async('string'));
      assert.equal(valid, true, `${name}: ${JSON.stringify(valid)}`);
    }
  });

  it('holds the paragraphs, headings, numbered criteria, lists and the copy-to table', async () => {
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const decode = (s: string) =>
      s
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const text = paragraphs.map(decode);
    assert.ok(text.includes('Report of Short Quality Screening (SQS) of youth offending work in Liverpool'));
    const p22 = text.find((t) => t.startsWith('2.2.'));
    assert.ok(p22?.startsWith('2.2.A good quality assessment of risk of harm to others was seen in 27 out of 34 cases.'), p22);
    assert.match(xml, /<w:t xml:space="preserve">2\.2\.<\/w:t><\/w:r><w:r><w:tab\/><\/w:r>/, 'a real tab after the number, for the hanging indent');
    for (const figure of seedFigures)
      assert.ok(
        text.some((t) => t.includes(figure)),
        `missing: ${figure}`,
      );
    assert.match(xml, /<w:pStyle w:val="Heading1"\/>/);
    assert.equal((xml.match(/<w:tr>|<w:tr /g) ?? []).length, 14);
    const numbering = await zip.file('word/numbering.xml')!.async('string');
    assert.match(numbering, /<w:numFmt w:val="lowerRoman"\/>/);
    assert.match(numbering, /<w:numFmt w:val="bullet"\/>/);
    assert.equal((xml.match(/<w:numPr>/g) ?? []).length, 6, 'four strengths and two areas are list paragraphs');
  });

  it('annotates each figure with a comment saying where it comes from, when asked', async () => {
    const annotated = await JSZip.loadAsync(annotatedBytes);
    const comments = await annotated.file('word/comments.xml')!.async('string');
    assert.equal(XMLValidator.validate(comments), true);
    assert.ok(
      comments.includes('2.2/assessment: 27 of 34 (&quot;27 out of 34&quot;, exact), from the case files.') ||
        comments.includes('2.2/assessment: 27 of 34 ("27 out of 34", exact), from the case files.'),
      comments.slice(0, 500),
    );
    assert.match(comments, /Not sufficient: (LIV-\d\d 2\.2 assessment: not sufficient; ){6}LIV-\d\d 2\.2 assessment: not sufficient\./);
    // The comment quotes the sentence's own words: "In all but 3 out of the 22 relevant cases", not "all but three".
    assert.match(comments, /1\.1\/report: 19 of 22 \((&quot;|")all but 3 out of the 22 relevant(&quot;|"), all-but\)/);
    const xml = await annotated.file('word/document.xml')!.async('string');
    assert.equal((xml.match(/<w:commentRangeStart /g) ?? []).length, (comments.match(/<w:comment /g) ?? []).length);
    assert.equal(zip.file('word/comments.xml')?.name, undefined, 'no comments unless asked');
  });

  it('puts each mark’s note, in words, before its paragraph, and the notes before the report', async () => {
    const xml = await (await JSZip.loadAsync(markedBytes)).file('word/document.xml')!.async('string');
    assert.equal(XMLValidator.validate(xml), true);
    const texts = [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    assert.equal(texts[0], 'Note: 1.5: not judged yet');
    const at = texts.findIndex((t) => t.startsWith('2.4.'));
    assert.equal(texts[at - 1], 'Error: Stated 26 &lt;due&gt; &amp; 27 tallied (SQS030)');
  });

  it('converts to PDF with LibreOffice without error (plain, annotated and marked)', { timeout: 600_000 }, () => {
    const soffice = ensureLibreOffice();
    const dir = tempDir();
    const files = { 'report.docx': bytes, 'annotated.docx': annotatedBytes, 'marked.docx': markedBytes };
    for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
    // A private profile: concurrent LibreOffice runs sharing one profile fail.
    const profile = pathToFileURL(path.join(dir, 'profile')).toString();
    const r = spawnSync(
      soffice,
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(files).map((n) => path.join(dir, n))],
      { encoding: 'utf8', timeout: 180_000 },
    );
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    for (const name of Object.keys(files)) {
      const pdf = path.join(dir, name.replace(/\.docx$/, '.pdf'));
      assert.ok(existsSync(pdf), `no ${pdf}: ${r.stdout}\n${r.stderr}`);
      const head = readFileSync(pdf);
      assert.equal(head.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(head.length > 20_000, `${head.length} bytes is too small for the report`);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
