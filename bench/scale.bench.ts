// `node scripts/bench.mjs scale`: the language server and `sqs check` as inspections grow — one inspection of 34,
// 340, 1,000 and 3,400 case files, and a national workspace of 200 inspections × 50 cases — each figure beside its
// bare-parse baseline and the ratio, medians of SQS_BENCH_RUNS runs (3). Definitions (docs/performance.md):
//
//   bare read + parse   a fresh `node` walking the folder and running yaml's parseDocument (with a LineCounter) on
//                       each SQS file: bench/scale/bareParse.cjs, its wall time from spawn to exit
//   sqs check           the bundled CLI on the same folder, wall time and peak resident set
//   cold start          the bundled server, a VS Code-like client holding one workspace pull with partial results:
//                       from spawn until every SQS file has been reported; then its resident set, and the heap in use
//                       after a forced collection less the same for a server on an empty folder (retained memory)
//   keystroke           200 edits to one case file (half in `notes`, half flipping a judgement): didChange → the
//                       file's textDocument/diagnostic, against a warm parseDocument of that file in this process
//   inspection file     a judgement flipped → the held pull streaming the inspection file's new report
//   edit while indexing (national) a case edited as soon as the server starts → that file's diagnostics
//
// SQS_BENCH_SERVER / SQS_BENCH_CLI run other bundles (an earlier commit's, for a before/after table);
// SQS_BENCH_SIZES=34,340 and SQS_BENCH_NATIONAL=0 narrow the run; SQS_BENCH_CPU_PROF=<folder> has each server write a
// CPU profile there when it exits (what docs/performance.md's profiles were taken with).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'vscode-uri';
import { LineCounter, parseDocument } from 'yaml';
import { BenchClient } from './scale/client';
import { nationalWorkspace, oneInspection, sqsFilesUnder } from './scale/workloads';

const root = path.resolve(__dirname, '..');
const serverBundle = path.resolve(process.env.SQS_BENCH_SERVER ?? path.join(root, 'server/out/server.js'));
const cliBundle = path.resolve(process.env.SQS_BENCH_CLI ?? path.join(root, 'server/out/cli.js'));
const runs = Number(process.env.SQS_BENCH_RUNS ?? 3);
const sizes = (process.env.SQS_BENCH_SIZES ?? '34,340,1000,3400').split(',').map(Number);
const national = process.env.SQS_BENCH_NATIONAL !== '0';
const preload = path.join(__dirname, 'scale/preload.cjs');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);
const mb = (v: number) => `${(v / 2 ** 20).toFixed(0)} MB`;
const kb = (v: number) => `${(v / 1024).toFixed(1)} KB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Wall time of a command from spawn to exit, and its peak resident set (by the preload). */
function timed(args: string[]): Promise<{ wall: number; peak: number }> {
  const peakFile = path.join(mkdtempSync(path.join(tmpdir(), 'sqs-bench-')), 'peak');
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, ['--require', preload, ...args], { stdio: 'ignore', env: { ...process.env, SQS_BENCH_PEAK: peakFile } });
    child.on('error', reject);
    child.on('exit', () => {
      const wall = performance.now() - t;
      let peak = 0;
      try {
        peak = Number(readFileSync(peakFile, 'utf8'));
      } catch {
        // the process died before its exit hook: no peak
      }
      rmSync(path.dirname(peakFile), { recursive: true, force: true });
      resolve({ wall, peak });
    });
  });
}

async function bare(dir: string): Promise<number> {
  const walls: number[] = [];
  for (let i = 0; i < runs; i++) walls.push((await timed([path.join(__dirname, 'scale/bareParse.cjs'), dir])).wall);
  return median(walls);
}

async function check(dir: string): Promise<{ wall: number; peak: number }> {
  const results: { wall: number; peak: number }[] = [];
  for (let i = 0; i < runs; i++) results.push(await timed([cliBundle, 'check', dir]));
  return { wall: median(results.map((r) => r.wall)), peak: median(results.map((r) => r.peak)) };
}

interface Cold {
  wall: number;
  rss: number;
  heap: number;
}

async function coldStart(dir: string, files: number): Promise<{ cold: Cold; client: BenchClient }> {
  const client = new BenchClient(serverBundle);
  await client.initialize(URI.file(dir).toString());
  await client.until(() => client.reports.size >= files);
  const wall = Math.max(...[...client.reports.values()].map((r) => r.at)) - client.started;
  return { cold: { wall, rss: client.rss(), heap: await client.heapUsed() }, client };
}

async function emptyHeap(): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sqs-bench-empty-'));
  const client = new BenchClient(serverBundle);
  await client.initialize(URI.file(dir).toString());
  // Nothing to report: the server has nothing to index, so ask once it answers a request.
  await client.pull(URI.file(path.join(dir, 'none.case.sqs.yaml')).toString());
  const heap = await client.heapUsed();
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
  return heap;
}

/** The text of a case file with edit `i`: a word in `notes`, or its 2.1 judgement (a stated count) flipped. */
function edited(text: string, i: number): string {
  if (i % 2 === 0) return text.replace(/^notes: (.*)$/m, (_, n: string) => `notes: ${n} ${i}`);
  return /^ {2}"2\.1": sufficient/m.test(text)
    ? text.replace(/^ {2}"2\.1": sufficient/m, '  "2.1": not sufficient')
    : text.replace(/^ {2}"2\.1": not sufficient/m, '  "2.1": sufficient');
}

/** A case file in the middle of the list whose 2.1 is judged sufficient (so flipping it moves a stated count). */
function caseToEdit(cases: string[]): string {
  const from = Math.floor(cases.length / 2);
  const withPsr = [...cases.slice(from), ...cases.slice(0, from)].find((f) => /^ {2}"2\.1": sufficient/m.test(readFileSync(f, 'utf8')));
  if (!withPsr) throw new Error('no case file with 2.1 judged sufficient');
  return withPsr;
}

async function keystrokes(client: BenchClient, file: string, inspectionFile: string): Promise<{ keystroke: number; parse: number; inspection: number }> {
  const uri = URI.file(file).toString();
  const inspectionUri = URI.file(inspectionFile).toString();
  let text = readFileSync(file, 'utf8');
  await client.open(uri, text);
  await client.pull(uri);
  const times: number[] = [];
  const inspectionTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    text = edited(text, i);
    const before = client.reports.get(inspectionUri)?.report.resultId;
    const t = performance.now();
    await client.change(uri, text);
    await client.pull(uri);
    times.push(performance.now() - t);
    if (i % 2 === 1 && i < 60) {
      // A flipped judgement moves a tally: the inspection file's stated counts are re-checked, and streamed.
      await client.until(() => client.reports.get(inspectionUri)?.report.resultId !== before, 10_000);
      inspectionTimes.push(client.reports.get(inspectionUri)!.at - t);
    }
  }
  const parseTimes: number[] = [];
  for (let i = 0; i < 230; i++) {
    const t = performance.now();
    parseDocument(text, { lineCounter: new LineCounter() });
    if (i >= 30) parseTimes.push(performance.now() - t);
  }
  return { keystroke: median(times), parse: median(parseTimes), inspection: median(inspectionTimes) };
}

async function workload(label: string, dir: string, emptyServerHeap: number): Promise<void> {
  const files = sqsFilesUnder(dir);
  const cases = files.filter((f) => f.endsWith('.case.sqs.yaml'));
  console.log(`\n${label}: ${files.length} SQS files`);
  const base = await bare(dir);
  const cli = await check(dir);
  console.log(`  bare read + parse          ${ms(base)}`);
  console.log(`  sqs check                  ${ms(cli.wall)}  ${ratio(cli.wall, base)} bare   peak RSS ${mb(cli.peak)}`);
  const colds: Cold[] = [];
  let kept: BenchClient | undefined;
  for (let i = 0; i < runs; i++) {
    const { cold, client } = await coldStart(dir, files.length);
    colds.push(cold);
    if (i < runs - 1) await client.stop();
    else kept = client;
  }
  const cold = { wall: median(colds.map((c) => c.wall)), rss: median(colds.map((c) => c.rss)), heap: median(colds.map((c) => c.heap)) };
  console.log(`  server cold start          ${ms(cold.wall)}  ${ratio(cold.wall, base)} bare`);
  console.log(`  server RSS after indexing  ${mb(cold.rss)}   retained heap ${kb((cold.heap - emptyServerHeap) / files.length)} per file`);
  const caseFile = caseToEdit(cases);
  const inspectionFile = path.join(path.dirname(path.dirname(caseFile)), 'inspection.sqs.yaml');
  const k = await keystrokes(kept!, caseFile, inspectionFile);
  console.log(`  keystroke                  ${ms(k.keystroke)}  ${ratio(k.keystroke, k.parse)} a bare parse of the file (${ms(k.parse)})`);
  console.log(`  inspection file after a judgement changed  ${ms(k.inspection)}`);
  await kept!.stop();
}

async function editWhileIndexing(dir: string): Promise<void> {
  const cases = sqsFilesUnder(dir).filter((f) => f.endsWith('.case.sqs.yaml'));
  const file = caseToEdit(cases.slice(-50));
  const uri = URI.file(file).toString();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const client = new BenchClient(serverBundle);
    await client.initialize(URI.file(dir).toString());
    const text = readFileSync(file, 'utf8');
    await client.open(uri, text);
    const t = performance.now();
    await client.change(uri, edited(text, 1));
    await client.pull(uri);
    times.push(performance.now() - t);
    await client.stop();
  }
  console.log(`  edit while indexing        ${ms(median(times))}  (didChange → that file's diagnostics)`);
}

void (async () => {
  console.log(`server ${path.relative(root, serverBundle)}, cli ${path.relative(root, cliBundle)}, medians of ${runs} runs`);
  const empty = await emptyHeap();
  for (const n of sizes) await workload(`one inspection of ${n} cases`, oneInspection(n), empty);
  if (national) {
    const dir = nationalWorkspace();
    await workload('national workspace, 200 inspections × 50 cases', dir, empty);
    await editWhileIndexing(dir);
  }
})();
