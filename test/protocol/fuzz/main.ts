import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBundle } from '../harness';
import { fuzzServer, type FuzzResult } from './serverFuzz';

// `npm run fuzz:server` (scripts/fuzz-server.mjs): many random edit sequences against the bundled server over stdio.
//   --sequences N (10000)  --seed S (a fresh one, printed)  --first K (replay from sequence K)  --steps N (40)
//   --answer-within MS (20000: a request, or the findings settling, slower than this breaks the run)
//   --server FILE (a copy of server/out/server.js to run)  --workers N (1): processes sharing the sequences, each with servers of its own (a server mostly waits on its
//   debounce and the disk, so a few run well on two cores)  --verbose: every sequence's steps

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const sequences = opt('sequences') ?? 10_000;
const seed = opt('seed') ?? Math.floor(Math.random() * 2 ** 31);
const first = opt('first') ?? 0;
const steps = opt('steps') ?? 40;
const workers = Math.max(1, Math.min(opt('workers') ?? 1, sequences));
const verbose = args.includes('--verbose');
const answerWithinMs = opt('answer-within') ?? 20_000;
/** A copy of server/out to run instead of the bundle in place (a long run survives rebuilds). */
const server = args.includes('--server') ? path.resolve(args[args.indexOf('--server') + 1]!) : undefined;
/** Set for a worker: where it writes its result for the parent to add up. */
const resultFile = args.includes('--result-file') ? args[args.indexOf('--result-file') + 1] : undefined;

const out = path.resolve(__dirname, '../../../out/fuzz-server');
/** Each failure as it happens, one JSON line each, shared by the workers of a run. */
const failuresFile = path.join(out, `failures-${seed}.jsonl`);

async function alone(): Promise<FuzzResult> {
  const started = Date.now();
  return fuzzServer({
    seed,
    sequences,
    first,
    steps,
    answerWithinMs,
    ...(server && { serverPath: server }),
    onSteps: (k, taken) => {
      if (verbose) console.log(`sequence ${k}:\n  ${taken.join('\n  ')}`);
    },
    onFailure: (f) => {
      appendFileSync(failuresFile, `${JSON.stringify(f)}\n`);
      console.log(`  FAILED sequence ${f.sequence} (${f.invariant}): ${f.detail.split('\n')[0]!.slice(0, 300)}`);
    },
    onSequence: (done, failures) => {
      if (done % 100 === 0 || done === sequences)
        console.log(`  ${resultFile ? `[${first}…] ` : ''}${done}/${sequences} sequences, ${failures} failed, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    },
  });
}

/** Splits the sequences into `workers` runs of this script and adds up their results. */
async function shared(): Promise<FuzzResult> {
  const started = Date.now();
  const per = Math.ceil(sequences / workers);
  const runs = Array.from({ length: workers }, (_, w) => {
    const from = first + w * per;
    const count = Math.min(per, first + sequences - from);
    const file = path.join(out, `worker-${seed}-${w}.json`);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        __filename,
        '--seed',
        String(seed),
        '--first',
        String(from),
        '--sequences',
        String(count),
        '--steps',
        String(steps),
        '--answer-within',
        String(answerWithinMs),
        ...(server ? ['--server', server] : []),
        '--result-file',
        file,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    return new Promise<FuzzResult>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code) => {
        if (code === 0) resolve(JSON.parse(readFileSync(file, 'utf8')) as FuzzResult);
        // A worker that stopped is a failure of the run, not the end of the other workers'.
        else
          resolve({
            ...{ sequences: 0, steps: 0, requests: 0, filesCompared: 0, servers: 0, ms: 0 },
            failures: [
              { sequence: from, invariant: 'the fuzzer itself', detail: `worker ${w} (sequences ${from}–${from + count - 1}) stopped (${code})`, steps: [] },
            ],
          });
      });
    });
  });
  const results = await Promise.all(runs);
  const sum = (key: 'sequences' | 'steps' | 'requests' | 'filesCompared' | 'servers') => results.reduce((n, r) => n + r[key], 0);
  return {
    sequences: sum('sequences'),
    steps: sum('steps'),
    requests: sum('requests'),
    filesCompared: sum('filesCompared'),
    servers: sum('servers'),
    failures: results.flatMap((r) => r.failures).sort((a, b) => a.sequence - b.sequence),
    ms: Date.now() - started,
  };
}

async function run(): Promise<number> {
  ensureBundle();
  mkdirSync(out, { recursive: true });
  if (resultFile) {
    writeFileSync(resultFile, JSON.stringify(await alone()));
    return 0;
  }
  console.log(`server fuzz: ${sequences} sequences from ${first}, seed ${seed}, up to ${steps} steps each, ${workers} worker(s)`);
  const result = workers > 1 ? await shared() : await alone();
  const report = path.join(out, `seed-${seed}.json`);
  writeFileSync(report, JSON.stringify({ seed, first, workers, ...result }, null, 2));
  const minutes = (result.ms / 60_000).toFixed(1);
  console.log(
    `${result.sequences} sequences, ${result.steps} steps, ${result.requests} requests, ${result.filesCompared} files compared with sqs check, ${result.servers} servers, ${minutes} min`,
  );
  for (const f of result.failures.slice(0, 20)) console.log(`FAILED sequence ${f.sequence} (${f.invariant}): ${f.detail.split('\n').slice(0, 6).join('\n')}`);
  console.log(`${result.failures.length} failed (${report}; replay one with --seed ${seed} --first <sequence> --sequences 1)`);
  return result.failures.length > 0 ? 1 : 0;
}

run().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
