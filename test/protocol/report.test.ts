import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import {
  ExportRequest,
  ParagraphsAtRequest,
  PreviewRequest,
  PreviewSourcesRequest,
  ReportRequest,
  type ReportPart,
  type ReportPayload,
  type WireBlock,
  type WireParagraph,
} from '../../server/src/protocol';
import { ensureBundle, TestClient } from './harness';

// The report as tools, the preview and the export commands get it from the bundled server: the document model and
// the marks the findings put on its paragraphs (sqs/report), the preview's page (sqs/preview) and what its parts are
// about (sqs/previewSources, sqs/paragraphsAt), and the exported files — unsaved edits included.

const folder = path.resolve(__dirname, '../../examples/liverpool-2013');
const uriOf = (p: string) => URI.file(path.join(folder, p)).toString();
const inspectionUri = uriOf('inspection.sqs.yaml');
const caseUri = uriOf('cases/liv-01.case.sqs.yaml');
const caseText = readFileSync(path.join(folder, 'cases/liv-01.case.sqs.yaml'), 'utf8');
const seedSentence = 'In all but 3 out of the 22 relevant cases, we found that good quality pre-sentence reports (PSRs) had been provided to the court.';

/** The paragraphs of a report as `sqs/report` carries it, in reading order. */
const paragraphsIn = (blocks: readonly WireBlock[]): WireParagraph[] =>
  blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'note' ? [b.paragraph] : b.kind === 'section' ? paragraphsIn(b.blocks) : []));
const paragraphWith = (r: ReportPayload, questionId: string) =>
  paragraphsIn(r.document.blocks).find((p) => p.sentences.some((s) => s.questionId === questionId))!;

describe('sqs/report and sqs/export on the Liverpool example', () => {
  const client = new TestClient();
  const report = (uri: string) => client.connection.sendRequest(ReportRequest, { uri });
  const preview = (uri: string) => client.connection.sendRequest(PreviewRequest, { uri });
  const about = (part: ReportPart) => client.connection.sendRequest(PreviewSourcesRequest, { uri: inspectionUri, part });
  before(async () => {
    ensureBundle();
    await client.start(URI.file(folder).toString());
    await client.open(caseUri, caseText);
  });
  after(() => client.stop());

  it('answers for a case file with its inspection’s report: the model, and the preview’s HTML of the same sentences', async () => {
    const r = await report(caseUri);
    assert.ok(r);
    assert.equal(r.inspectionUri, inspectionUri);
    assert.equal(r.area, 'Liverpool');
    assert.match(r.document.title, /Liverpool/);
    const p = paragraphWith(r, '1.1/report');
    assert.equal(p.sentences[0]!.text, seedSentence);
    const page = await preview(caseUri);
    assert.ok(page);
    assert.deepEqual([page.inspectionUri, page.area, page.revision], [inspectionUri, 'Liverpool', r.revision]);
    assert.ok(page.html.includes(`data-sentence="${p.id}:0"`), 'the sentence is keyed in the HTML');
    assert.ok(page.html.includes(seedSentence));
    assert.doesNotMatch(page.html, /<!DOCTYPE|<script|<style/i, 'the preview gets a fragment, not a page');
    // Published and fully judged: nothing to mark, nothing left out.
    assert.deepEqual(r.marks, []);
    assert.deepEqual(r.notes, []);
  });

  it('a preview render sends the page and nothing else: no model, no sources', async () => {
    const page = (await preview(caseUri))!;
    assert.deepEqual(Object.keys(page).sort(), ['area', 'html', 'inspectionUri', 'language', 'revision']);
    const wire = JSON.stringify(page).length;
    assert.ok(wire < page.html.length * 1.05 + 512, `${wire} characters on the wire for ${page.html.length} of HTML`);
    assert.doesNotMatch(page.html, /data-source=|file:\/\/[^"]*\.case\.sqs\.yaml/, 'no source places in the page');
  });

  it('says what a part of the preview is about: a sentence’s sources, a paragraph’s, nothing for a part no longer there', async () => {
    const r = (await report(caseUri))!;
    const p = paragraphWith(r, '1.1/report');
    const sentence = (await about({ kind: 'text', paragraph: p.id, sentence: 0 }))!;
    assert.deepEqual(sentence.findings, []);
    const files = new Set(sentence.sources.map((s) => s.uri));
    assert.ok(files.has(inspectionUri) && files.has(caseUri), 'the case files counted and the stated count');
    assert.equal(sentence.sources.filter((s) => s.role === 'judgement').length, 22, 'one judgement per relevant case');
    const keys = sentence.sources.map((s) => `${s.uri}#${JSON.stringify(s.range)}`);
    assert.equal(new Set(keys).size, keys.length, 'each place once');
    const paragraph = (await about({ kind: 'text', paragraph: p.id }))!;
    assert.ok(paragraph.sources.length >= sentence.sources.length);
    assert.deepEqual(await about({ kind: 'text', paragraph: 'criterion-9.9' }), { findings: [], sources: [] });
    assert.deepEqual(await about({ kind: 'notes' }), { findings: [], sources: [] });
  });

  it('says which paragraphs the cursor’s place feeds', async () => {
    const line = caseText.split('\n').findIndex((l) => /^ {4}report: sufficient$/.test(l));
    const at = (l: number, c: number) =>
      client.connection.sendRequest(ParagraphsAtRequest, {
        uri: inspectionUri,
        at: { uri: caseUri, range: { start: { line: l, character: c }, end: { line: l, character: c } } },
      });
    const r = (await report(caseUri))!;
    assert.deepEqual(await at(line, 14), [paragraphWith(r, '1.1/report').id]);
    assert.deepEqual(await at(0, 0), []);
  });

  it('an unsaved edit that changes a tally changes the report at once, and marks the paragraph its stated count now contradicts', async () => {
    const edited = caseText.replace(/("1\.1":\s*\n\s*report:\s*)sufficient/, '$1not sufficient');
    assert.notEqual(edited, caseText, 'the edit applies');
    await client.change(caseUri, edited);
    const r = await report(caseUri);
    assert.ok(r);
    const p = paragraphWith(r, '1.1/report');
    // The model follows the case files…
    assert.match(p.sentences[0]!.text, /^In all but 4 out of the 22 relevant cases/);
    // …and the stated "19 of 22" is now contradicted: the preview shows the finding, not the prose.
    const mark = r.marks.find((m) => m.paragraphId === p.id);
    assert.ok(mark, `no mark on ${p.id}: ${JSON.stringify(r.marks.map((m) => m.paragraphId))}`);
    assert.equal(mark.severity, 'error');
    assert.ok(mark.findings.some((f) => f.code === 'SQS030' && f.uri === inspectionUri));
    const shown = new RegExp(`<p id="${p.id.replace(/\./g, '\\.')}"[^>]*class="[^"]*marked error[^"]*"[^>]*>(.*?)</p>`).exec((await preview(caseUri))!.html);
    assert.ok(shown, 'the paragraph is marked in the HTML');
    assert.match(shown[1]!, /SQS030/);
    assert.doesNotMatch(shown[1]!, /In all but 4/);
    // A click on the paragraph, which shows its finding instead of its sentences, or on its mark, opens the finding.
    for (const part of [
      { kind: 'text', paragraph: p.id },
      { kind: 'mark', paragraph: p.id },
    ] as const) {
      const a = (await about(part))!;
      assert.ok(
        a.findings.some((f) => f.code === 'SQS030' && f.uri === inspectionUri),
        JSON.stringify(a),
      );
    }
    await client.change(caseUri, caseText);
    const back = await report(caseUri);
    assert.equal(paragraphWith(back!, '1.1/report').sentences[0]!.text, seedSentence);
    assert.equal(
      back!.marks.find((m) => m.paragraphId === p.id && m.severity === 'error'),
      undefined,
    );
  });

  it('the marks follow the severity settings: a finding turned off marks nothing', async () => {
    const edited = caseText.replace(/("1\.1":\s*\n\s*report:\s*)sufficient/, '$1not sufficient');
    await client.change(caseUri, edited);
    try {
      const id = paragraphWith((await report(caseUri))!, '1.1/report').id;
      assert.equal((await report(caseUri))!.marks.find((m) => m.paragraphId === id)?.severity, 'error');
      client.settings = { diagnostics: { severity: { SQS030: 'off' } } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      // Same text, same revision: only the settings changed, and the answer with them.
      const off = await report(caseUri);
      assert.equal(
        off!.marks.find((m) => m.paragraphId === id),
        undefined,
        JSON.stringify(off!.marks),
      );
      assert.match(paragraphWith(off!, '1.1/report').sentences[0]!.text, /^In all but 4 out of the 22/);
    } finally {
      client.settings = {};
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.change(caseUri, caseText);
    }
  });

  it('exports the same report as Markdown, a printable HTML page and a Word document', async () => {
    const md = await client.connection.sendRequest(ExportRequest, { uri: inspectionUri, format: 'markdown' });
    assert.equal(md?.encoding, 'utf8');
    assert.ok(md?.data.includes('In all but 3 out of the 22 relevant cases'));
    const html = await client.connection.sendRequest(ExportRequest, { uri: inspectionUri, format: 'html' });
    assert.match(html!.data, /^<!DOCTYPE html>/);
    assert.match(html!.data, /@media print/);
    assert.ok(html!.data.includes(seedSentence));
    const docx = await client.connection.sendRequest(ExportRequest, { uri: inspectionUri, format: 'docx' });
    assert.equal(docx?.encoding, 'base64');
    const bytes = Buffer.from(docx.data, 'base64');
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a DOCX is a zip');
    assert.ok(bytes.includes(Buffer.from('word/document.xml')));
  });

  it('answers null for a file outside any inspection', async () => {
    assert.equal(await report(URI.file('/nowhere/x.case.sqs.yaml').toString()), null);
    assert.equal(await client.connection.sendRequest(ExportRequest, { uri: URI.file('/nowhere/x.case.sqs.yaml').toString(), format: 'html' }), null);
  });
});
