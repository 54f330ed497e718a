import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { loadWorkspace, toUri } from '../../server/src/cli/files';
import { main } from '../../server/src/cli/main';
import {
  buildReport,
  figureCells,
  markReport,
  type ChartBlock,
  type FiguresBlock,
  type Inspection,
  type ReportBlock,
  type ReportDocument,
} from '../../server/src/core/api';
import { previewHtml } from '../../server/src/lsp/report';
import { chartLayout, chartSvg } from '../../server/src/render/chartSvg';
import { renderDocx } from '../../server/src/render/formats/docx';
import { renderMarkdown } from '../../server/src/render/formats/markdown';
import { renderHtml } from '../../server/src/render/html';
import { seed } from '../fixtures/seed-counts';
import { copyOf, liverpool, liverpoolTalliesOnly, swap } from '../helpers/example';
import { ensureLibreOffice } from '../helpers/libreoffice';

// The figures table and chart: the numbers of the Liverpool report as a table equal to the published report's
// counts, in every format; off in the published letter and on where asked; the chart drawn from the same numbers,
// safe to show in the preview.

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

function inspectionOf(dir: string): Inspection {
  const { index } = loadWorkspace([dir]);
  return index.inspections().find((i) => i.folder === toUri(dir))!;
}

function blocksOf(doc: ReportDocument): ReportBlock[] {
  const walk = (bs: readonly ReportBlock[]): ReportBlock[] => bs.flatMap((b) => [b, ...(b.kind === 'section' ? walk(b.blocks) : [])]);
  return walk(doc.blocks);
}

const table = (doc: ReportDocument) => blocksOf(doc).find((b): b is FiguresBlock => b.kind === 'figures');
const chart = (doc: ReportDocument) => blocksOf(doc).find((b): b is ChartBlock => b.kind === 'chart');

async function sqs(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    args,
    (s) => (stdout += `${s}\n`),
    (s) => (stderr += `${s}\n`),
  );
  return { code, stdout, stderr };
}

function elements(node: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) out.push(n);
    const kids = 'content' in n && n.content ? n.content.childNodes : 'childNodes' in n ? n.childNodes : [];
    for (const c of kids) walk(c);
  };
  walk(node);
  return out;
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const textOf = (n: Node): string =>
  n.nodeName === '#text' ? (n as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in n ? n.childNodes.map(textOf).join('') : '';

describe('the figures table', () => {
  const liverpoolDoc = buildReport(inspectionOf(liverpool), { figures: true });

  it("of the Liverpool example equals the published report's counts, question by question", () => {
    const rows = table(liverpoolDoc)!.rows;
    assert.deepEqual(rows.map((r) => r.questionId).sort(), Object.keys(seed).sort(), 'a row for every question');
    for (const row of rows) {
      const want = seed[row.questionId]!;
      assert.equal(row.relevant, want.relevant, `${row.label} relevant`);
      assert.equal(row.sufficient, want.sufficient, `${row.label} sufficient`);
      assert.equal(row.notSufficient, want.relevant - want.sufficient, `${row.label} not sufficient`);
      assert.equal(row.done, row.review ? want.done : undefined, `${row.label} done`);
      assert.equal(row.share, want.sufficient / want.relevant, `${row.label} share`);
      assert.deepEqual(Object.fromEntries(row.reasons.map((r) => [r.code, r.count])), want.reasons ?? {}, `${row.label} reasons`);
    }
  });

  it('prints the same cells in Markdown, HTML and Word', async () => {
    const block = table(liverpoolDoc)!;
    const row = block.rows.find((r) => r.questionId === '2.2/assessment')!;
    const cells = figureCells(block, row);
    assert.deepEqual(cells, ['2.2 assessment', '34', '', '27', '7', '79%', 'not done: 3; previous violence ignored: 2; classification too low: 2']);
    assert.ok(
      renderMarkdown(liverpoolDoc).includes(
        `| ${cells
          .filter((c, i) => c || i !== 2)
          .join(' | ')
          .replace('| 34 |', '| 34 | |')} |`,
      ),
    );
    const html = renderHtml(liverpoolDoc);
    const tr = elements(parse(html)).find((e) => e.tagName === 'tr' && textOf(e).startsWith('2.2 assessment'))!;
    assert.deepEqual(
      elements(tr)
        .filter((e) => e.tagName === 'td' || e.tagName === 'th')
        .map(textOf),
      cells,
    );
    const xml = await (await JSZip.loadAsync(await renderDocx(liverpoolDoc))).file('word/document.xml')!.async('string');
    const docxRow = [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((m) =>
      [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
    );
    assert.ok(
      docxRow.some((r) => JSON.stringify(r) === JSON.stringify(cells)),
      'the Word table has the row',
    );
  });

  it('of an inspection recorded as tallies only holds its stated counts', () => {
    const doc = buildReport(inspectionOf(liverpoolTalliesOnly), { figures: true });
    const row = table(doc)!.rows.find((r) => r.questionId === '2.4/review')!;
    assert.equal(row.relevant, 26);
    assert.equal(row.notSufficient, 11);
    assert.equal(row.sufficient, 15);
    assert.equal(row.done, 21);
    assert.deepEqual(
      row.reasons.map((r) => [r.code, r.count]),
      [
        ['no-review', 5],
        ['insufficient-quality', 4],
        ['changes-not-reflected', 2],
      ],
    );
  });

  it('is off in the published letter, on with figures: yes, --figures or --annotate, and --no-figures wins', async () => {
    const has = async (dir: string, ...args: string[]) => {
      const r = await sqs(['render', dir, ...args]);
      assert.equal(r.code, 0, r.stderr);
      return r.stdout.includes('| 1.1 report | 22 |');
    };
    assert.equal(await has(liverpool), false, 'default');
    assert.equal(await has(liverpool, '--figures'), true, '--figures');
    const dir = copyOf(liverpool, { 'inspection.sqs.yaml': swap('sample: 34\n', 'sample: 34\nfigures: yes\n') });
    const off = copyOf(liverpool, { 'inspection.sqs.yaml': swap('sample: 34\n', 'sample: 34\nfigures: no\n') });
    try {
      assert.equal(await has(dir), true, 'figures: yes');
      assert.equal(await has(dir, '--no-figures'), false, 'figures: yes, --no-figures');
      const annotated = await sqs(['render', liverpool, '--format', 'html', '--annotate']);
      assert.ok(annotated.stdout.includes('<table class="figures"'), '--annotate');
      const offAnnotated = await sqs(['render', off, '--format', 'html', '--annotate']);
      assert.ok(!offAnnotated.stdout.includes('<table class="figures"'), 'figures: no, --annotate');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(off, { recursive: true, force: true });
    }
  });

  it('figures: takes yes or no, and anything else is reported on the value', () => {
    const dir = copyOf(liverpool, { 'inspection.sqs.yaml': swap('sample: 34\n', 'sample: 34\nfigures: sometimes\n') });
    try {
      const { index } = loadWorkspace([dir]);
      const uri = toUri(path.join(dir, 'inspection.sqs.yaml'));
      const f = index.fileFindings(uri).find((x) => x.range.start.line === 28);
      assert.ok(f, 'a finding on the line of figures:');
      assert.match(f.message, /yes or no/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the figures chart', () => {
  const doc = buildReport(inspectionOf(liverpool), { figures: true });
  const c = chart(doc)!;

  it('draws a bar per question with a relevant case, as long as its share, in the HTML page', () => {
    assert.equal(c.bars.length, Object.keys(seed).length);
    const svg = elements(parse(renderHtml(doc))).find((e) => e.tagName === 'svg')!;
    assert.ok(svg, 'the page has the chart');
    const rects = elements(svg).filter((e) => e.tagName === 'rect');
    assert.equal(rects.length, c.bars.length);
    rects.forEach((r, i) => {
      const want = seed[c.bars[i]!.questionId]!;
      assert.ok(Math.abs(Number(attr(r, 'width')) - (want.sufficient / want.relevant) * chartLayout.barArea) <= 0.05, `${c.bars[i]!.label}`);
    });
    assert.equal(attr(svg, 'role'), 'img');
    assert.equal(attr(svg, 'aria-describedby'), table(doc)!.id, 'the figures table is its text alternative');
    assert.ok(
      elements(parse(renderHtml(doc))).some((e) => attr(e, 'id') === table(doc)!.id && e.tagName === 'table'),
      'which is on the page',
    );
  });

  it('is safe to show in the preview: no style, no handler, nothing that loads, every text escaped', () => {
    const hostile: ChartBlock = {
      ...c,
      title: '</title><script>alert(1)</script>',
      bars: c.bars.map((b, i) => (i === 0 ? { ...b, label: '<foreignObject><img src=x onerror=alert(2)></foreignObject>&' } : b)),
    };
    const evil = {
      ...doc,
      blocks: doc.blocks.map((b) =>
        b.kind === 'section' && b.role === 'figures' ? { ...b, blocks: b.blocks.map((x) => (x.kind === 'chart' ? hostile : x)) } : b,
      ),
    };
    const fragment = previewHtml(evil, markReport(evil, [], inspectionOf(liverpool).catalogue));
    const svg = elements(parse(fragment)).find((e) => e.tagName === 'svg')!;
    const inside = elements(svg);
    assert.deepEqual([...new Set(inside.map((e) => e.tagName))].sort(), ['g', 'line', 'rect', 'svg', 'text', 'title']);
    assert.deepEqual(
      inside.flatMap((e) => e.attrs.filter((a) => a.name === 'style' || /^on/i.test(a.name) || /href$/i.test(a.name)).map((a) => a.name)),
      [],
    );
    assert.equal(textOf(inside.find((e) => e.tagName === 'title')!), hostile.title);
    assert.ok(inside.some((e) => e.tagName === 'text' && textOf(e) === hostile.bars[0]!.label));
    assert.ok(!/<script|<img|<foreignObject/i.test(chartSvg(hostile)));
  });

  it('marks the mean of the other inspections on each bar when compared', () => {
    const compared: ChartBlock = { ...c, bars: c.bars.map((b) => ({ ...b, mean: 0.5 })) };
    const lines = elements(parse(chartSvg(compared))).filter((e) => e.tagName === 'line' && attr(e, 'class') === 'mean');
    assert.equal(lines.length, c.bars.length);
    assert.ok(lines.every((l) => Number(attr(l, 'x1')) === chartLayout.labelWidth + 0.5 * chartLayout.barArea));
  });

  it("is Word's own bar chart in the DOCX, with the shares as its data", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(doc));
    const part = zip.file(/word\/charts\/chart\d+\.xml/)[0];
    assert.ok(part, 'a chart part');
    const xml = await part.async('string');
    assert.match(xml, /<c:barDir val="bar"\/>/);
    const categories = [...xml.matchAll(/<c:cat>[\s\S]*?<\/c:cat>/g)][0]![0];
    assert.deepEqual(
      [...categories.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]),
      c.bars.map((b) => b.label),
    );
    const values = [...xml.matchAll(/<c:val>[\s\S]*?<\/c:val>/g)][0]![0];
    assert.deepEqual(
      [...values.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1])),
      c.bars.map((b) => Math.round(b.share * 1000) / 10),
    );
    const document = await zip.file('word/document.xml')!.async('string');
    assert.match(document, /<c:chart [^>]*r:id="/, 'the chart is placed in the document');
  });

  it('opens in LibreOffice: the Word document with the table and the chart converts to PDF', { timeout: 600_000 }, async () => {
    const soffice = ensureLibreOffice();
    const dir = mkdtempSync(path.join(tmpdir(), 'sqs-figures-'));
    try {
      const file = path.join(dir, 'figures.docx');
      writeFileSync(file, await renderDocx(doc));
      const profile = pathToFileURL(path.join(dir, 'profile')).toString();
      const r = spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        encoding: 'utf8',
        timeout: 300_000,
      });
      assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
      const pdf = readFileSync(path.join(dir, 'figures.pdf'));
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Markdown draws nothing: the figures table before it is its text alternative', () => {
    const md = renderMarkdown(doc);
    assert.ok(md.includes('| 1.1 report |'));
    assert.ok(!md.includes('<svg'));
    assert.equal(
      readFileSync(path.join(__dirname, '../fixtures/golden/liverpool-2013.md'), 'utf8').includes('| 1.1 report |'),
      false,
      'the golden letter has none',
    );
  });
});
