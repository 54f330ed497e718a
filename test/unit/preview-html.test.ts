import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { contentSecurityPolicy, previewPage } from '../../client/src/preview/page';
import { buildReport, markReport, paragraphsFedBy, paragraphsOf, sourcesOf, sourcesOfPart, type Position } from '../../server/src/core/api';
import { previewHtml } from '../../server/src/lsp/report';
import { workspace } from '../helpers/index';

// The page the preview webview receives, built as the extension builds it (report model → marks → the HTML
// renderer's preview fragment → the page), from files full of hostile text, and read back with a real HTML
// parser the way a browser would.

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const evil = '<img src=x onerror=alert(1)>';
const breakout = '"><script>alert(2)</script>';

const inspectionText = `inspection: '${evil}'
service: Testtown YOT ${breakout}
criteria: sqs-2013
addressee: { name: '${breakout}', role: "Chair's <i>deputy</i>" }
from: { name: A. Inspector, role: Assistant Chief Inspector }
fieldwork: { start: 2014-03-03, end: 2014-03-06 }
lead_inspector: { name: L. Inspector }
sample: 2
narrative:
  summary: >-
    Staff were committed. </article><script>alert(3)</script> ${evil}
  key_strengths:
    - the <b onmouseover="alert(4)">quality</b> of PSRs
tallies:
  "1.1":
    report: { relevant: 2, sufficient: 1 }
`;

const caseText = (id: string, quote = '') => `case: ${id}
sentence: referral order
psr: yes
risk_of_harm: no
identifiable_victim: no
judgements:
  "1.1":
    report:
      judgement: sufficient
${quote}    oversight: sufficient
  "1.2": sufficient
`;

const nonce = 'Q2hhbmdlZEV2ZXJ5TG9hZA==';
const scriptUri = 'https://file+.vscode-resource.vscode-cdn.net/ext/media/out/preview.js';
const styleUris = [
  'https://file+.vscode-resource.vscode-cdn.net/ext/media/out/report.css',
  'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css',
];
const cspSource = 'https://*.vscode-cdn.net';

function build() {
  const w = workspace({
    'i/inspection.sqs.yaml': inspectionText,
    'i/cases/a.case.sqs.yaml': caseText('T-1', `      quote: '${breakout.replace(/'/g, "''")} ${evil}'\n`),
    // T-2 leaves 1.2 unjudged: the report words 1.2 from T-1 alone, and says so.
    'i/cases/b.case.sqs.yaml': caseText('T-2').replace('  "1.2": sufficient\n', ''),
  });
  const inspection = w.index.inspectionOf(w.uri('i/inspection.sqs.yaml'))!;
  const doc = buildReport(inspection);
  const findings = inspection.uris.flatMap((u) => w.checker.findingsFor(u));
  const reportMarks = markReport(doc, findings, inspection.catalogue);
  const { marks, notes } = reportMarks;
  const html = previewHtml(doc, reportMarks);
  const page = previewPage({
    nonce,
    cspSource,
    scriptUri,
    styleUris,
    initial: { seq: 1, inspection: inspection.file.uri, title: `Report: ${evil}`, locked: false, revealOn: 'click', language: doc.language, html },
  });
  return { w, doc, reportMarks, marks, notes, html, page, tree: parse(page) };
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

function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}

const byId = (tree: Node, id: string) => elements(tree).find((e) => attr(e, 'id') === id);

describe('the preview page', () => {
  const { doc, marks, notes, page, tree } = build();
  const all = elements(tree);

  it('runs one script: the preview bundle, with the nonce', () => {
    const scripts = all.filter((e) => e.tagName === 'script');
    assert.equal(scripts.length, 1, `scripts: ${scripts.map((s) => attr(s, 'src') ?? text(s)).join(' | ')}`);
    assert.equal(attr(scripts[0]!, 'src'), scriptUri);
    assert.equal(attr(scripts[0]!, 'nonce'), nonce);
    assert.equal(text(scripts[0]!), '');
  });

  it('has no inline event handler, style attribute, or element that loads or embeds anything', () => {
    const handlers = all.flatMap((e) => e.attrs.filter((a) => /^on/i.test(a.name)).map((a) => `<${e.tagName} ${a.name}>`));
    assert.deepEqual(handlers, []);
    assert.deepEqual(
      all.filter((e) => attr(e, 'style') !== undefined).map((e) => e.tagName),
      [],
    );
    const loaders = all.filter((e) => ['img', 'iframe', 'object', 'embed', 'base', 'form', 'audio', 'video', 'svg', 'math', 'a'].includes(e.tagName));
    assert.deepEqual(
      loaders.map((e) => e.tagName),
      [],
    );
    const links = all.filter((e) => e.tagName === 'link');
    assert.deepEqual(
      links.map((l) => attr(l, 'href')),
      styleUris,
    );
    assert.deepEqual(
      all.filter((e) => e.tagName === 'style'),
      [],
      'no inline stylesheet: the styles are files of the extension',
    );
  });

  it('declares a strict Content-Security-Policy: nothing by default, the script by nonce, styles from the extension only', () => {
    const meta = all.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy');
    assert.ok(meta, 'no CSP meta');
    const csp = attr(meta, 'content')!;
    assert.equal(csp, contentSecurityPolicy(cspSource, nonce));
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values]),
    );
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), [`'nonce-${nonce}'`]);
    assert.deepEqual(directives.get('style-src'), [cspSource]);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*(?!\.vscode-cdn)/);
    // The meta comes before anything it governs.
    const head = all.find((e) => e.tagName === 'head')!;
    assert.equal(head.childNodes.filter((n) => 'tagName' in n)[1], meta);
  });

  it('shows every hostile string as text, exactly as typed', () => {
    const body = text(all.find((e) => e.tagName === 'body')!);
    for (const s of [evil, breakout, '</article><script>alert(3)</script>', '<b onmouseover="alert(4)">quality</b>', "Chair's <i>deputy</i>"]) {
      assert.ok(body.includes(s), `not shown as text: ${s}`);
    }
    // The title is text too, in the toolbar and the document title.
    assert.equal(text(all.find((e) => e.tagName === 'title')!), `Report: ${evil}`);
    assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  it('keeps the body attributes the script reads intact, whatever the inspection URI holds', () => {
    const { tree: t } = build();
    const body = elements(t).find((e) => e.tagName === 'body')!;
    assert.equal(attr(body, 'data-seq'), '1');
    assert.equal(attr(body, 'data-locked'), 'false');
    assert.equal(attr(body, 'data-reveal-on'), 'click');
    const odd = previewPage({
      nonce,
      cspSource,
      scriptUri,
      styleUris,
      initial: {
        seq: 2,
        inspection: `file:///ws/${breakout}/inspection.sqs.yaml`,
        title: 't',
        locked: true,
        revealOn: 'doubleClick',
        language: 'en',
        html: '',
      },
    });
    const oddBody = elements(parse(odd)).find((e) => e.tagName === 'body')!;
    assert.equal(attr(oddBody, 'data-inspection'), `file:///ws/${breakout}/inspection.sqs.yaml`);
    assert.equal(elements(parse(odd)).filter((e) => e.tagName === 'script').length, 1);
  });

  it('keys every shown sentence to its paragraph, so a click finds the sentence in the model', () => {
    const sentences = all.filter((e) => attr(e, 'data-sentence') !== undefined);
    assert.ok(sentences.length >= 5, `only ${sentences.length} keyed sentences`);
    const paragraphs = new Map(paragraphsOf(doc).map((p) => [p.id, p]));
    for (const s of sentences) {
      const key = attr(s, 'data-sentence')!;
      const cut = key.lastIndexOf(':');
      const [id, index] = [key.slice(0, cut), Number(key.slice(cut + 1))];
      const p = paragraphs.get(id);
      assert.ok(p, `${key}: no paragraph ${id} in the model`);
      assert.equal(text(s).replace(/\s+/g, ' ').trim(), p.sentences[index]!.text.replace(/\s+/g, ' ').trim(), `${key} shows other text than the model`);
      // The key's paragraph is the element around it, which the webview reports with the click.
      const holder = all.find((e) => attr(e, 'id') === id);
      assert.ok(holder && elements(holder).includes(s), `${key} is not inside #${id}`);
    }
    // The preview carries keys, not file paths: the model in the extension has the sources.
    assert.equal(all.filter((e) => attr(e, 'data-source') !== undefined).length, 0);
  });

  it('marks the paragraph whose stated count the case files contradict, with the finding, instead of its figures', () => {
    const mark = marks.find((m) => m.findings.some((f) => f.code === 'SQS030'));
    assert.ok(mark, `no SQS030 mark in ${JSON.stringify(marks)}`);
    assert.equal(mark.severity, 'error');
    const p = byId(tree, mark.paragraphId)!;
    assert.match(attr(p, 'class') ?? '', /\bmarked\b.*\berror\b/);
    const shown = text(p);
    assert.match(shown, /sufficient 1, but the case files tally 2.*\(SQS030\)/);
    // The figures the finding puts in doubt are not shown…
    const figures = paragraphsOf(doc)
      .find((p) => p.id === mark.paragraphId)!
      .sentences.filter((s) => s.kind === 'generated');
    assert.ok(figures.length > 0);
    for (const s of figures) assert.ok(!shown.includes(s.text), `wrong prose still shown: ${s.text}`);
    // …while paragraphs without findings keep their prose.
    const clean = paragraphsOf(doc).find((p) => p.id !== mark.paragraphId && p.sentences.some((s) => s.kind === 'generated'));
    assert.ok(clean && text(byId(tree, clean.id)!).includes(clean.sentences[0]!.text));
  });

  it('says what the report cannot vouch for yet: beside the paragraph it qualifies, or before the report', () => {
    const p12 = byId(tree, 'criterion-1.2')!;
    assert.match(attr(p12, 'class') ?? '', /\bmarked\b.*\binformation\b/);
    const shown = text(p12);
    assert.match(shown, /1\.2: 1 relevant case has not been judged yet/);
    const prose = paragraphsOf(doc).find((p) => p.id === 'criterion-1.2')!.sentences[0]!.text;
    assert.ok(shown.includes(prose), 'the qualified prose is still shown');
    // 2.1 is judged in no case: the report has no paragraph for it, so the note comes before the report.
    const article = all.find((e) => e.tagName === 'article')!;
    const aside = article.childNodes.find((n): n is Element => 'tagName' in n)!;
    assert.equal(aside.tagName, 'aside');
    assert.equal(attr(aside, 'class'), 'notes');
    assert.match(text(aside), /2\.1: 2 relevant cases have not been judged yet/);
    assert.ok(notes.length > 0 && notes.every((n) => text(aside).includes(n.message)));
  });

  it('says which language the report is in, and has a live region that tells a screen reader it changed', () => {
    const html = all.find((e) => e.tagName === 'html')!;
    const main = byId(tree, 'sqs-report')!;
    // The chrome (buttons, title) is the extension's English; the report is in its phrasebook's language.
    assert.equal(attr(html, 'lang'), 'en');
    assert.equal(attr(main, 'lang'), doc.language);
    const welsh = previewPage({
      nonce,
      cspSource,
      scriptUri,
      styleUris,
      initial: { seq: 1, inspection: 'file:///i', title: 't', locked: false, revealOn: 'click', language: 'cy', html: '' },
    });
    assert.equal(attr(byId(parse(welsh), 'sqs-report')!, 'lang'), 'cy');
    const status = byId(tree, 'sqs-status')!;
    assert.deepEqual([attr(status, 'role'), attr(status, 'aria-live')], ['status', 'polite']);
    assert.ok(!main.childNodes.some((n) => n === status), 'the live region is outside the report, so a render does not replace it');
  });

  it('moves nothing for a reader who asked their system for less motion', () => {
    const css = readFileSync(path.resolve(__dirname, '../../media/preview.css'), 'utf8');
    assert.match(css, /@media \(prefers-reduced-motion: reduce\) \{[^}]*scroll-behavior: auto;/);
    const script = readFileSync(path.resolve(__dirname, '../../client/src/preview/webview/main.ts'), 'utf8');
    assert.match(script, /matchMedia\('\(prefers-reduced-motion: reduce\)'\)/);
    assert.match(script, /behavior: reducedMotion\.matches \? 'auto' : 'smooth'/);
  });

  it('refuses a nonce that could break out of the policy', () => {
    for (const bad of ["abc' 'unsafe-inline", 'short', '']) {
      assert.throws(() =>
        previewPage({
          nonce: bad,
          cspSource,
          scriptUri,
          styleUris,
          initial: { seq: 0, inspection: 'file:///i', title: '', locked: false, revealOn: 'click', language: 'en', html: '' },
        }),
      );
    }
  });
});

describe('from the preview to the files and back', () => {
  const { w, doc, marks, reportMarks } = build();
  const paragraphIdsAt = (uri: string, at: Position) => paragraphsFedBy(doc, uri, at).map((p) => p.id);
  const inspection = w.uri('i/inspection.sqs.yaml');
  const caseA = w.uri('i/cases/a.case.sqs.yaml');
  const p11 = paragraphsOf(doc).find((p) => p.sentences.some((s) => s.questionId === '1.1/report'))!;
  const index = p11.sentences.findIndex((s) => s.questionId === '1.1/report' && s.kind === 'generated');

  it('a sentence tallied from case files leads to each of them and to the stated count, each place once', () => {
    const sources = sourcesOf(doc, p11.id, index);
    const files = [...new Set(sources.map((s) => s.uri))].sort();
    assert.deepEqual(files, [w.uri('i/cases/a.case.sqs.yaml'), w.uri('i/cases/b.case.sqs.yaml'), inspection].sort());
    const keys = sources.map((s) => `${s.uri}#${JSON.stringify(s.range)}`);
    assert.equal(new Set(keys).size, keys.length);
    assert.ok(sources.some((s) => s.role === 'stated'));
  });

  it('a whole paragraph (a click beside its sentences, or on its mark) leads to all its sentences’ places', () => {
    assert.ok(sourcesOf(doc, p11.id).length >= sourcesOf(doc, p11.id, index).length);
  });

  it('a sentence or paragraph no longer in the report leads nowhere', () => {
    assert.deepEqual(sourcesOf(doc, 'criterion-9.9'), []);
    assert.deepEqual(sourcesOf(doc, p11.id, 99), []);
  });

  it('the cursor on a judgement in a case file highlights the paragraphs that count it', () => {
    const judgement = sourcesOf(doc, p11.id, index).find((s) => s.uri === caseA && s.role === 'judgement')!;
    assert.deepEqual(paragraphIdsAt(caseA, judgement.range.start), [p11.id]);
    assert.deepEqual(paragraphIdsAt(caseA, { line: 0, character: 0 }), []);
  });

  it('a note leads to the cases it is about: those still to judge', () => {
    const { marks: ms, notes } = build();
    const caseB = w.uri('i/cases/b.case.sqs.yaml');
    const m12 = ms.find((m) => m.paragraphId === 'criterion-1.2')!;
    assert.equal(m12.severity, 'information');
    assert.deepEqual([...new Set(m12.warnings.flatMap((n) => n.sources.map((s) => s.uri)))], [caseB]);
    const n21 = notes.find((n) => n.message.startsWith('2.1:'))!;
    assert.deepEqual([...new Set(n21.sources.map((s) => s.uri))].sort(), [caseA, caseB].sort());
  });

  it('a click on a paragraph in error (which shows its findings, not its sentences) or on its mark leads to the findings', () => {
    const mark = marks.find((m) => m.severity === 'error')!;
    const onParagraph = sourcesOfPart(doc, reportMarks, { kind: 'text', paragraph: mark.paragraphId });
    assert.deepEqual(onParagraph, { findings: mark.findings, sources: [] });
    assert.deepEqual(sourcesOfPart(doc, reportMarks, { kind: 'mark', paragraph: mark.paragraphId }).findings, mark.findings);
    // A sentence of it still leads to its sources (a click on a page rendered before the error).
    assert.ok(sourcesOfPart(doc, reportMarks, { kind: 'text', paragraph: mark.paragraphId, sentence: 0 }).sources.length > 0);
    const notes = sourcesOfPart(doc, reportMarks, { kind: 'notes' });
    assert.deepEqual([...new Set(notes.sources.map((s) => s.uri))].sort(), [...new Set(reportMarks.notes.flatMap((n) => n.sources.map((s) => s.uri)))].sort());
  });

  it('the cursor on the stated count in error highlights the marked paragraph', () => {
    const mark = marks.find((m) => m.severity === 'error')!;
    const finding = mark.findings[0]!;
    assert.ok(paragraphIdsAt(finding.uri, finding.range.start).includes(mark.paragraphId));
  });
});
