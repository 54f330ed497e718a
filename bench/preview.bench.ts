import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildReport, Checker, InspectionIndex, markReport, type Inspection } from '../server/src/core/index';
import { previewHtml, protocolMarks } from '../server/src/lsp/report';

// What a keystroke costs the live preview, server side: the edited case file indexed, the findings of the
// inspection (for the marks), the document model, the marks, the preview's HTML, and the payload serialised
// for the client. The preview throttles renders to one per 250 ms, so this is the budget that matters. Sizes:
// the Liverpool example (34 cases) and the same scaled to 340 cases.

const root = path.resolve(__dirname, '..');
const example = path.join(root, 'examples/liverpool-2013');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function index(copies: number): InspectionIndex {
  const idx = new InspectionIndex();
  for (const file of filesUnder(example)) {
    const text = readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).toString();
    if (file.endsWith('inspection.sqs.yaml')) idx.set(uri, text.replace(/^sample: 34$/m, `sample: ${34 * copies}`));
    else for (let c = 0; c < copies; c++) idx.set(c === 0 ? uri : uri.replace('.case.sqs.yaml', `-${c}.case.sqs.yaml`), c === 0 ? text : text.replace(/^case: (\S+)/m, `case: $1-${c}`));
  }
  return idx;
}

function median(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < Math.ceil(runs / 5); i++) fn(); // warm-up, not timed
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const ms = (v: number) => `${v.toFixed(2)} ms`;

function bench(label: string, copies: number): number {
  const idx = index(copies);
  const checker = new Checker(idx);
  const caseFile = pathToFileURL(path.join(example, 'cases/liv-01.case.sqs.yaml')).toString();
  const original = readFileSync(new URL(caseFile), 'utf8');
  const variants = [original, original.replace(/("1\.1":\s*\n\s*report:\s*)sufficient/, '$1not sufficient')];
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
    time('index', () => idx.set(caseFile, variants[k++ % 2]!));
    const inspection: Inspection = idx.inspectionOf(caseFile)!;
    const findings = time('findings', () => inspection.uris.flatMap((u) => checker.findingsFor(u)));
    const doc = time('build', () => buildReport(inspection));
    const reportMarks = time('marks', () => markReport(doc, findings, inspection.catalogue));
    const html = time('html', () => previewHtml(doc, reportMarks));
    const { marks, notes } = protocolMarks(reportMarks);
    size = time('json', () => JSON.stringify({ document: doc, marks, notes, html }).length);
  };
  const runs = copies > 1 ? 20 : 100;
  const total = median(runs, keystroke);
  const n = runs + Math.ceil(runs / 5);
  const share = Object.entries(parts)
    .map(([p, t]) => `${p} ${ms(t / n)}`)
    .join(' · ');
  console.log(`${label}: ${ms(total)} per keystroke (median); mean by part: ${share}; payload ${(size / 1024).toFixed(0)} KiB`);
  return total;
}

const small = bench('Liverpool, 34 cases', 1);
const large = bench('Liverpool ×10, 340 cases', 10);
console.log(`a keystroke at 10× the cases: ${(large / small).toFixed(1)}× the time`);
