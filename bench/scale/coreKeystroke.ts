// In-process companion of the scale benchmark: a keystroke as the server does it for one case file, over the core
// alone (its new text indexed, its findings and key, and the keys of the files the index names as affected, as the
// held workspace pull computes them), and the heap the index and Checker keep per file. Load from other processes
// costs both sides of a comparison alike here, which it does not over stdio.
//   node --expose-gc --import tsx bench/scale/coreKeystroke.ts <folder> [edits]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'vscode-uri';
import { LineCounter, parseDocument } from 'yaml';
import { Checker, InspectionIndex } from '../../server/src/core/api';

const dir = process.argv[2]!;
const edits = Number(process.argv[3] ?? 400);
const gc = (globalThis as { gc?: () => void }).gc;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.sqs\.ya?ml$/.test(e.name))
  .map((e) => path.join(e.parentPath, e.name));
const read = files.map((f) => [URI.file(f).toString(), readFileSync(f)] as const);
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
// The edited file is held parsed as the server holds an open document's.
const editing = new Set<string>();
const index = new InspectionIndex({ keepParsed: (uri) => editing.has(uri) });
for (const [uri, bytes] of read) if (uri.endsWith('/inspection.sqs.yaml')) index.setBytes(uri, bytes);
for (const [uri, bytes] of read) index.setBytes(uri, bytes);
const checker = new Checker(index);
// Each file's key and findings, as the held workspace pull first reports them (a case file's parse is let go then).
for (const [uri] of read) {
  checker.findingsKey(uri);
  checker.findingsFor(uri);
}
gc?.();
if (gc) console.log(`heap kept per file ${((process.memoryUsage().heapUsed - heapBefore) / read.length / 1024).toFixed(1)} KB`);

const file = files.find((f) => f.endsWith('.case.sqs.yaml') && /^ {2}"2\.1": sufficient/m.test(readFileSync(f, 'utf8')))!;
const uri = URI.file(file).toString();
editing.add(uri);
let text = readFileSync(file, 'utf8');
const whole: number[] = [];
const indexing: number[] = [];
for (let i = 0; i < edits; i++) {
  text =
    i % 2 === 0
      ? text.replace(/^notes: (.*)$/m, (_, n: string) => `notes: ${n} ${i}`)
      : /^ {2}"2\.1": sufficient/m.test(text)
        ? text.replace(/^ {2}"2\.1": sufficient/m, '  "2.1": not sufficient')
        : text.replace(/^ {2}"2\.1": not sufficient/m, '  "2.1": sufficient');
  const t0 = performance.now();
  const { affected } = index.set(uri, text);
  const t1 = performance.now();
  for (const a of affected) checker.findingsKey(a);
  checker.findingsFor(uri);
  whole.push(performance.now() - t0);
  indexing.push(t1 - t0);
}
const parse: number[] = [];
for (let i = 0; i < 200; i++) {
  const t0 = performance.now();
  parseDocument(text, { lineCounter: new LineCounter() });
  parse.push(performance.now() - t0);
}
console.log(`keystroke ${median(whole).toFixed(3)} ms, of which indexing ${median(indexing).toFixed(3)} ms; a bare parse ${median(parse).toFixed(3)} ms`);
