import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Checker, InspectionIndex } from '../server/src/core/api';

// What the personal-data check (SQS070–SQS076) costs. Reading names tags sentences with compromise: about a
// millisecond a sentence, each sentence once (by its text), and only sentences that could hold a name the
// inspection does not let through. The examples' text needs none, so the figures below put names in a quote and
// in the narrative. Loading the tagger is paid once per process, on the first sentence that needs it: printed first.

const root = path.resolve(__dirname, '..');
const example = path.join(root, 'examples/liverpool-2013');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function median(runs: number, fn: (i: number) => void): number {
  const times: number[] = [];
  for (let i = 0; i < Math.ceil(runs / 5); i++) fn(-1 - i); // warm-up, not timed
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const index = new InspectionIndex();
for (const file of filesUnder(example)) index.set(pathToFileURL(file).toString(), readFileSync(file, 'utf8'));
const uris = index.inspections()[0]!.uris;
const inspectionUri = uris.find((u) => u.endsWith('inspection.sqs.yaml'))!;
const caseUri = uris.find((u) => u.endsWith('liv-06.case.sqs.yaml'))!;
const caseText = readFileSync(new URL(caseUri), 'utf8');
const inspectionText = readFileSync(new URL(inspectionUri), 'utf8');
const checker = new Checker(index);
for (const uri of uris) checker.findingsFor(uri);

// The tagger's load and the first sentence it reads, once in this process.
const loadStart = performance.now();
index.set(caseUri, caseText.replace('with the young person saw', 'with Kieran saw'));
checker.findingsFor(caseUri);
const load = performance.now() - loadStart;

// A keystroke in a quote holding a name: the edited sentence is tagged again (a new word each time), the others are not.
const quoteEdit = median(60, (i) => {
  index.set(caseUri, caseText.replace('with the young person saw', `with Kieran ${i < 0 ? 'x' : i} saw`));
  for (const uri of uris) checker.findingsFor(uri);
});
// The same keystroke where the sentence needs no tagging (no name).
const plainEdit = median(200, (i) => {
  index.set(caseUri, caseText.replace('with the young person saw', `with the young person ${i % 2 ? 'then ' : ''}saw`));
  for (const uri of uris) checker.findingsFor(uri);
});
// A narrative of 40 sentences, each naming someone, read for the first time (a new number in each, every run).
const narrative = (n: number) =>
  Array.from({ length: 40 }, (_, k) => `Kieran met Mrs Okonkwo ${n}-${k} times about the plan for his brother Tomasz.`).join(' ');
const coldNarrative = median(15, (i) => {
  index.set(inspectionUri, inspectionText.replace('Overall, we found a positive picture in Liverpool YOS.', narrative(i)));
  checker.findingsFor(inspectionUri);
});
// Nearly 10 kB of such sentences in one text, the most that is read for names: its first reading.
const long = (n: number) => Array.from({ length: 170 }, (_, k) => `Kieran met Mrs Okonkwo ${n}-${k} about his brother.`).join(' ');
const coldLong = median(5, (i) => {
  index.set(inspectionUri, inspectionText.replace('Overall, we found a positive picture in Liverpool YOS.', long(i)));
  const found = checker.findingsFor(inspectionUri);
  // Read for names, not past the limit: the figure is the tagging's.
  if (found.some((f) => f.code === 'SQS076') || !found.some((f) => f.code === 'SQS070')) throw new Error('the long text was not read for names');
});

const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
console.log('Personal data: Liverpool (34 cases), findings of every file unless said');
console.log(`  first name read in this process (loads the tagger)          ${ms(load)}`);
console.log(`  keystroke in a quote naming a child (one sentence tagged)   ${ms(quoteEdit)}`);
console.log(`  keystroke in a quote with no name (nothing tagged)          ${ms(plainEdit)}`);
console.log(`  40 sentences with names, first read, inspection file        ${ms(coldNarrative)}  (${(coldNarrative / 40).toFixed(2)} ms a sentence)`);
console.log(`  ${(long(0).length / 1000).toFixed(0)} kB of sentences with names in one text, first read      ${ms(coldLong)}`);
