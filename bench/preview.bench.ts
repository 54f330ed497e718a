import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildReport, Checker, InspectionIndex, markReport, type Inspection } from '../server/src/core/api';
import { previewHtml } from '../server/src/lsp/report';
import { ParagraphsAtRequest, PreviewRequest, PreviewSourcesRequest } from '../server/src/protocol';
import { ensureBundle, tempWorkspace, TestClient } from '../test/protocol/harness';

// What a keystroke costs the live preview. In process: the edited case file indexed, the findings of the
// inspection (for the marks), the document model, the marks, the preview's HTML, and what the server sends for
// it serialised. Through the bundled server over stdio: the edit, then the preview's render request answered and
// parsed (sqs/preview), as the extension asks after each burst of edits. The preview throttles renders to one per 250 ms, so
// this is the budget that matters. Sizes: the Liverpool example (34 cases) and the same scaled to 340 cases.

const root = path.resolve(__dirname, '..');
const example = path.join(root, 'examples/liverpool-2013');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The example's files by path below the inspection folder, the cases copied `copies` times (new ids and names). */
function files(copies: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of filesUnder(example)) {
    const text = readFileSync(file, 'utf8');
    const rel = path.relative(example, file);
    if (rel === 'inspection.sqs.yaml') out[rel] = text.replace(/^sample: 34$/m, `sample: ${34 * copies}`);
    else
      for (let c = 0; c < copies; c++)
        out[c === 0 ? rel : rel.replace('.case.sqs.yaml', `-${c}.case.sqs.yaml`)] = c === 0 ? text : text.replace(/^case: (\S+)/m, `case: $1-${c}`);
  }
  return out;
}

function index(copies: number): InspectionIndex {
  const idx = new InspectionIndex();
  for (const [rel, text] of Object.entries(files(copies))) idx.set(pathToFileURL(path.join(example, rel)).toString(), text);
  return idx;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function medianOf(runs: number, fn: () => unknown): number {
  for (let i = 0; i < Math.ceil(runs / 5); i++) fn(); // warm-up, not timed
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

const ms = (v: number) => `${v.toFixed(2)} ms`;
const kib = (chars: number) => `${(chars / 1024).toFixed(1)} KiB`;

const liv01 = 'cases/liv-01.case.sqs.yaml';
const variants = (original: string) => [original, original.replace(/("1\.1":\s*\n\s*report:\s*)sufficient/, '$1not sufficient')];

/** What the server sends the preview for one render (sqs/preview's answer), made as the server makes it. */
function previewAnswer(inspection: Inspection, checker: Checker, time: <T>(part: 'findings' | 'build' | 'marks' | 'html', fn: () => T) => T): unknown {
  const findings = time('findings', () => inspection.uris.flatMap((u) => checker.findingsFor(u)));
  const doc = time('build', () => buildReport(inspection));
  const marks = time('marks', () => markReport(doc, findings, inspection.catalogue));
  const html = time('html', () => previewHtml(doc, marks));
  const area = inspection.file.model.area;
  return { inspectionUri: inspection.file.uri, revision: inspection.revision, ...(area && { area: area.value }), html };
}

function inProcess(label: string, copies: number): number {
  const idx = index(copies);
  const checker = new Checker(idx);
  const caseFile = pathToFileURL(path.join(example, liv01)).toString();
  const texts = variants(readFileSync(new URL(caseFile), 'utf8'));
  let k = 0;
  let size = 0;
  const parts = { index: 0, findings: 0, build: 0, marks: 0, html: 0, json: 0 };
  const time = <T>(part: keyof typeof parts, fn: () => T): T => {
    const t = performance.now();
    const r = fn();
    parts[part] += performance.now() - t;
    return r;
  };
  const keystroke = () => {
    time('index', () => idx.set(caseFile, texts[k++ % 2]!));
    const answer = previewAnswer(idx.inspectionOf(caseFile)!, checker, time);
    size = time('json', () => JSON.stringify(answer).length);
  };
  const runs = copies > 1 ? 20 : 100;
  const total = medianOf(runs, keystroke);
  const n = runs + Math.ceil(runs / 5);
  const share = Object.entries(parts)
    .map(([p, t]) => `${p} ${ms(t / n)}`)
    .join(' · ');
  console.log(`${label}, in process: ${ms(total)} per keystroke (median); mean by part: ${share}; answer ${kib(size)}`);
  return total;
}

/** The edit sent to the bundled server, then the preview's render asked for and its answer parsed: a render's wall time. */
async function roundTrip(label: string, copies: number): Promise<number> {
  const ws = tempWorkspace(files(copies));
  const client = new TestClient();
  try {
    await client.start(ws.uri(''));
    const caseUri = ws.uri(liv01);
    const texts = variants(readFileSync(path.join(example, liv01), 'utf8'));
    await client.open(caseUri, texts[0]!);
    let size = 0;
    const render = async (i: number) => {
      await client.change(caseUri, texts[i % 2]!);
      const answer = await client.connection.sendRequest(PreviewRequest, { uri: caseUri });
      size = JSON.stringify(answer).length;
    };
    const runs = copies > 1 ? 20 : 60;
    for (let i = 0; i < 5; i++) await render(i);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await render(i);
      times.push(performance.now() - t);
    }
    const m = median(times);
    console.log(`${label}, through the server: ${ms(m)} per render (median of ${runs}); ${kib(size)} on the wire`);
    // What the page no longer carries is asked for when needed: the paragraphs at the cursor (every cursor move),
    // the sources of a clicked sentence (here the 1.1 sentence, which lists every relevant case).
    const line = texts[0]!.split('\n').findIndex((l) => /^ {4}report: /.test(l));
    const cursor = { uri: caseUri, range: { start: { line, character: 14 }, end: { line, character: 14 } } };
    const asks = { cursor: [] as number[], click: [] as number[] };
    let clicked = 0;
    for (let i = 0; i < 60; i++) {
      let t = performance.now();
      await client.connection.sendRequest(ParagraphsAtRequest, { uri: caseUri, at: cursor });
      asks.cursor.push(performance.now() - t);
      t = performance.now();
      const about = await client.connection.sendRequest(PreviewSourcesRequest, {
        uri: caseUri,
        part: { kind: 'text', paragraph: 'criterion-1.1', sentence: 0 },
      });
      asks.click.push(performance.now() - t);
      clicked = JSON.stringify(about).length;
    }
    console.log(
      `  then asked: the paragraphs at the cursor ${ms(median(asks.cursor))}; a clicked sentence's sources ${ms(median(asks.click))} (${kib(clicked)})`,
    );
    return m;
  } finally {
    await client.stop();
    ws.remove();
  }
}

async function main() {
  ensureBundle();
  const small = inProcess('Liverpool, 34 cases', 1);
  const large = inProcess('Liverpool ×10, 340 cases', 10);
  console.log(`a keystroke at 10× the cases: ${(large / small).toFixed(1)}× the time`);
  const smallTrip = await roundTrip('Liverpool, 34 cases', 1);
  const largeTrip = await roundTrip('Liverpool ×10, 340 cases', 10);
  console.log(`a render through the server at 10× the cases: ${(largeTrip / smallTrip).toFixed(1)}× the time`);
}

void main();
