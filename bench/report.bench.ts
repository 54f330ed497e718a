import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildReport, InspectionIndex } from '../server/src/core/api';
import { renderDocx } from '../server/src/render/formats/docx';
import { renderHtml } from '../server/src/render/html';
import { renderMarkdown } from '../server/src/render/formats/markdown';

// What the report costs. The preview rebuilds the document model after every edit that changes the
// inspection (throttled), so buildReport is the path that matters; renderers run once per update (HTML) or
// per export (Markdown, DOCX). Sizes: the Liverpool example (34 cases) and the same scaled to 340 cases.

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
    else
      for (let c = 0; c < copies; c++)
        idx.set(c === 0 ? uri : uri.replace('.case.sqs.yaml', `-${c}.case.sqs.yaml`), c === 0 ? text : text.replace(/^case: (\S+)/m, `case: $1-${c}`));
  }
  return idx;
}

async function median(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < Math.ceil(runs / 5); i++) await fn(); // warm-up, not timed
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const ms = (v: number) => `${v.toFixed(2)} ms`;

async function bench(label: string, copies: number): Promise<number> {
  const inspection = index(copies).inspections()[0]!;
  const build = await median(50, () => buildReport(inspection));
  const doc = buildReport(inspection);
  const md = await median(50, () => renderMarkdown(doc));
  const html = await median(50, () => renderHtml(doc));
  const docx = await median(10, () => renderDocx(doc));
  console.log(`${label}: buildReport ${ms(build)} · Markdown ${ms(md)} · HTML ${ms(html)} · DOCX ${ms(docx)} (medians)`);
  return build;
}

async function run(): Promise<void> {
  const small = await bench('Liverpool, 34 cases', 1);
  const large = await bench('Liverpool ×10, 340 cases', 10);
  console.log(`buildReport at 10× the cases: ${(large / small).toFixed(1)}× the time`);
}

void run();
