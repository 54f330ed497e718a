import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

// What exporting the data of many inspections costs beside checking them: `sqs export` of 200 inspections of 50
// cases each (10,000 case files, made here from the Liverpool example) as CSV and as XLSX, against `sqs check` of
// the same folder, each through the bundled CLI as a user runs it. Export reads and checks everything check does
// (its exit status and messages are check's) and then writes every judgement and tally, streamed to the file: the
// issue's bound is 1.5× check for each format.

const root = path.resolve(__dirname, '..');
const example = path.join(root, 'examples/liverpool-2013');
const cli = path.join(root, 'server/out/cli.js');
const inspections = 200;
const casesEach = 50;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * 200 inspection folders, each the Liverpool inspection file (named apart, its sample 50, its stated tallies left
 * out as they state 34 cases' figures) with 50 case files: the 34 of the example, then as many again renamed.
 */
function workload(dir: string): void {
  const inspection = readFileSync(path.join(example, 'inspection.sqs.yaml'), 'utf8')
    .replace(/^sample: 34$/m, `sample: ${casesEach}`)
    .replace(/^tallies:[\s\S]*$/m, '');
  const cases = filesUnder(path.join(example, 'cases')).map((f) => readFileSync(f, 'utf8'));
  for (let i = 0; i < inspections; i++) {
    const folder = path.join(dir, `inspection-${String(i + 1).padStart(3, '0')}`);
    mkdirSync(path.join(folder, 'cases'), { recursive: true });
    writeFileSync(path.join(folder, 'inspection.sqs.yaml'), inspection.replace(/^inspection: Liverpool$/m, `inspection: Liverpool ${i + 1}`));
    for (let c = 0; c < casesEach; c++) {
      const text = cases[c % cases.length]!.replace(/^case: (\S+)/m, c < cases.length ? 'case: $1' : `case: $1-${Math.floor(c / cases.length)}`);
      writeFileSync(path.join(folder, 'cases', `case-${String(c + 1).padStart(2, '0')}.case.sqs.yaml`), text);
    }
  }
}

function timed(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`sqs ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function run(): void {
  if (spawnSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: 'ignore' }).status !== 0) throw new Error('the build failed');
  const dir = mkdtempSync(path.join(tmpdir(), 'sqs-data-bench-'));
  try {
    workload(dir);
    const out = path.join(dir, 'out');
    mkdirSync(out);
    const runs = 3;
    const check: number[] = [];
    const csv: number[] = [];
    const xlsx: number[] = [];
    // Interleaved, so a busy moment of this shared machine falls on all three alike.
    for (let i = 0; i < runs; i++) {
      check.push(timed(['check', dir]));
      csv.push(timed(['export', dir, '--format', 'csv', '--out', path.join(out, 'data.csv')]));
      xlsx.push(timed(['export', dir, '--format', 'xlsx', '--out', path.join(out, 'data.xlsx')]));
    }
    const mb = (f: string) => `${(statSync(path.join(out, f)).size / 1024 / 1024).toFixed(1)} MB`;
    const [c, v, x] = [median(check), median(csv), median(xlsx)];
    console.log(`${inspections} inspections × ${casesEach} cases (medians of ${runs}, the bundled CLI):`);
    console.log(`  sqs check                     ${(c / 1000).toFixed(2)} s`);
    console.log(`  sqs export --format csv       ${(v / 1000).toFixed(2)} s  (${(v / c).toFixed(2)}× check; ${mb('data.csv')}, the judgements)`);
    console.log(`  sqs export --format xlsx      ${(x / 1000).toFixed(2)} s  (${(x / c).toFixed(2)}× check; ${mb('data.xlsx')}, judgements and tallies)`);
    const over = [
      ['csv', v / c],
      ['xlsx', x / c],
    ].filter(([, r]) => (r as number) > 1.5);
    if (over.length > 0) {
      console.log(`  over the bound of 1.5× check: ${over.map(([f, r]) => `${f as string} ${(r as number).toFixed(2)}×`).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

run();
