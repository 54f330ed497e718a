import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Checker, InspectionIndex } from '../server/src/core/api';
import { seedCommentary } from '../test/fixtures/seed-commentary';

// What a keystroke costs the checks. The language server re-pulls the findings of every file of the
// inspection after an edit (a case changes the tallies every file is checked against), so the path that
// matters is: set one file's text, then findingsFor every file. Inspection checks run once per revision;
// per-case checks re-run for the edited case only; the commentary is read once per inspection text.

const root = path.resolve(__dirname, '..');
const example = path.join(root, 'examples/liverpool-2013');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The Liverpool example with its seed commentary, optionally scaled up with copies of its cases. */
function workspace(copies: number): Map<string, string> {
  const files = new Map<string, string>();
  const commentary = `commentary:\n${Object.entries(seedCommentary)
    .map(([id, t]) => `  "${id}": ${JSON.stringify(t)}\n`)
    .join('')}`;
  for (const file of filesUnder(example)) {
    const text = readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).toString();
    if (file.endsWith('inspection.sqs.yaml')) files.set(uri, text + commentary);
    else
      for (let c = 0; c < copies; c++)
        files.set(c === 0 ? uri : uri.replace('.case.sqs.yaml', `-${c}.case.sqs.yaml`), c === 0 ? text : text.replace(/^case: (\S+)/m, `case: $1-${c}`));
  }
  return files;
}

function median(runs: number, fn: (i: number) => void): number {
  const times: number[] = [];
  for (let i = 0; i < Math.ceil(runs / 5); i++) fn(i); // warm-up, not timed
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function bench(label: string, copies: number): void {
  const files = workspace(copies);
  const uris = [...files.keys()];
  const inspectionUri = uris.find((u) => u.endsWith('inspection.sqs.yaml'))!;
  const caseUri = uris.find((u) => u.endsWith('liv-05.case.sqs.yaml'))!;
  const caseText = files.get(caseUri)!;
  const inspectionText = files.get(inspectionUri)!;

  const cold = median(10, () => {
    const index = new InspectionIndex();
    for (const [uri, text] of files) index.set(uri, text);
    const checker = new Checker(index);
    for (const uri of uris) checker.findingsFor(uri);
  });

  const index = new InspectionIndex();
  for (const [uri, text] of files) index.set(uri, text);
  const checker = new Checker(index);
  for (const uri of uris) checker.findingsFor(uri);
  // A keystroke: a note in one case file changes (a real edit, so the file is re-parsed).
  const caseEdit = median(200, (i) => {
    index.set(caseUri, caseText.replace('Burglary (dwelling).', `Burglary (dwelling)${'.'.repeat(1 + (i % 2))}`));
    for (const uri of uris) checker.findingsFor(uri);
  });
  const caseEditOwn = median(200, (i) => {
    index.set(caseUri, caseText.replace('Burglary (dwelling).', `Burglary (dwelling)${'.'.repeat(1 + (i % 2))}`));
    checker.findingsFor(caseUri);
  });
  const commentaryEdit = median(100, (i) => {
    index.set(
      inspectionUri,
      inspectionText.replace(
        'were on time and were of good enough quality',
        i % 2 ? 'were on time and of good enough quality' : 'were on time and were of good enough quality',
      ),
    );
    for (const uri of uris) checker.findingsFor(uri);
  });
  const inspectionEdit = median(100, (i) => {
    index.set(inspectionUri, inspectionText.replace('Overall, we found', i % 2 ? 'Overall we found' : 'Overall, we found'));
    for (const uri of uris) checker.findingsFor(uri);
  });
  // The same re-check with a fresh Checker: every case's checks and every inspection check run again
  // (commentary claims are cached by text, outside the Checker, and are reused).
  const uncached = median(50, (i) => {
    index.set(caseUri, caseText.replace('Burglary (dwelling).', `Burglary (dwelling)${'.'.repeat(1 + (i % 2))}`));
    const fresh = new Checker(index);
    for (const uri of uris) fresh.findingsFor(uri);
  });

  const ms = (n: number) => `${n.toFixed(2)} ms`;
  console.log(`${label}: ${files.size} files`);
  console.log(`  cold: load, parse and check every file       ${ms(cold)}`);
  console.log(`  keystroke in a case, findings of every file  ${ms(caseEdit)}  (${(cold / caseEdit).toFixed(0)}× faster than cold)`);
  console.log(`  keystroke in a case, findings of that case   ${ms(caseEditOwn)}`);
  console.log(`  same, with a fresh Checker (no cached checks) ${ms(uncached)}  (the Checker's caches save ${(uncached / caseEdit).toFixed(1)}×)`);
  console.log(`  keystroke in the inspection file, every file ${ms(inspectionEdit)}`);
  console.log(`  keystroke in one commentary paragraph, all   ${ms(commentaryEdit)}`);
}

/**
 * Commentary no inspector writes but anyone can paste: what one keystroke in it costs. Each run changes
 * the text (readings are cached by text), then asks for the inspection file's findings. Past the limits
 * (20 kB or 200 quantities in one criterion's commentary) the text is not read, only reported (SQS062).
 */
function hostile(): void {
  const files = workspace(1);
  const uris = [...files.keys()];
  const inspectionUri = uris.find((u) => u.endsWith('inspection.sqs.yaml'))!;
  const base = readFileSync(path.join(example, 'inspection.sqs.yaml'), 'utf8');
  const index = new InspectionIndex();
  for (const [uri, text] of files) index.set(uri, text);
  const checker = new Checker(index);
  const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const inputs: [string, string][] = [
    ['"half " ×2,000 in one sentence, 10 kB', 'half '.repeat(2000)],
    ['"half " ×20,000 in one sentence, 100 kB', 'half '.repeat(20_000)],
    ['2,000 figures ("3 cases, 4 cases, …"), 23 kB', Array.from({ length: 2000 }, (_, i) => `${i + 3} cases`).join(', ')],
    ['\'half "x" \' in one sentence, 32 kB', fill('half "x" ', 32_000)],
    ['quotes and sentences, 32 kB', fill('In 3 cases "A" said. Most said "b". ', 32_000)],
    ['read: 190 quantities in one 19 kB sentence', ('half of the assessments had been reviewed in time and well ' + 'and so on '.repeat(4)).repeat(190)],
    ['read: 19,000 spaces in one sentence', `Most cases${' '.repeat(19_000)}were done.`],
    ['read: “ never closed, 19 kB', fill('“a ', 19_000)],
  ];
  console.log('Hostile commentary in one criterion: a keystroke in it, findings of the inspection file (parse, then checks)');
  for (const [label, text] of inputs) {
    const checks: number[] = [];
    const keystroke = median(9, (i) => {
      index.set(inspectionUri, `${base}commentary:\n  "2.2": ${JSON.stringify(`${text}${i}`)}\n`);
      const t = performance.now();
      checker.findingsFor(inspectionUri);
      checks.push(performance.now() - t);
    });
    const checksMedian = checks.slice(2).sort((a, b) => a - b)[Math.floor((checks.length - 2) / 2)]!;
    console.log(`  ${label.padEnd(46)} ${keystroke.toFixed(1).padStart(6)} ms  (checks ${checksMedian.toFixed(1)} ms)`);
  }
}

/**
 * Syntax no inspector writes but anyone can paste: a keystroke in a case file holding it, then the findings of every
 * file of the inspection (what the server answers after an edit). Nesting past 64 levels is blanked before yaml reads
 * it, and a file lists at most 100 syntax findings; the goal is under 50 ms a keystroke.
 */
function hostileSyntax(): void {
  const files = workspace(1);
  const uris = [...files.keys()];
  const caseUri = uris.find((u) => u.endsWith('liv-05.case.sqs.yaml'))!;
  const caseText = files.get(caseUri)!;
  const index = new InspectionIndex();
  for (const [uri, text] of files) index.set(uri, text);
  const checker = new Checker(index);
  const inputs: [string, string][] = [
    ['notes: [ ×100,000 (unclosed)', `${caseText}notes2: ${'['.repeat(100_000)}`],
    ['notes: { ×100,000 (unclosed)', `${caseText}notes2: ${'{'.repeat(100_000)}`],
    ['- ×50,000 on one line', `${caseText}notes2:\n  ${'- '.repeat(50_000)}x`],
    ['a: [ on each of 20,000 lines', `${caseText}${'a: [\n'.repeat(20_000)}`],
  ];
  console.log('Hostile syntax in one case file: a keystroke in it, findings of every file (goal: under 50 ms)');
  for (const [label, text] of inputs) {
    const keystroke = median(9, (i) => {
      index.set(caseUri, `${text}${i % 2 ? ']' : ''}\n`);
      for (const uri of uris) checker.findingsFor(uri);
    });
    console.log(`  ${label.padEnd(46)} ${keystroke.toFixed(1).padStart(6)} ms`);
  }
}

bench('Liverpool (34 cases, seed commentary)', 1);
bench('Liverpool ×3 (102 cases)', 3);
hostile();
hostileSyntax();
