// `npm run bench` (or `node scripts/bench.mjs server`): what a keystroke costs in the language server, on the Liverpool example (34 cases).
// Reports medians and ratios, never pass/fail: speed is measured here, not asserted in tests.
//
//   keystroke in a case file     parse + analyse the edited case, move its tallies, its diagnostics
//   inspection after a case edit the inspection file's diagnostics (cross-file checks) after that edit
//   workspace index              every file of the example read from disk and indexed, as on start-up
//   scaling                      the same keystroke in an inspection ten times larger: per-keystroke work
//                                should follow the edited file, not the workspace
//   round trip                   didChange + textDocument/diagnostic through the bundled server over stdio
//   workspace pull               workspace/diagnostic through the bundled server, at 35 files and at 350: every
//                                file in full (a client's first pull), and after a keystroke (2 in full, the rest
//                                unchanged); and a case edit reaching a held, streaming pull
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'vscode-uri';
import { Checker, InspectionIndex } from '../server/src/core/api';
import { toDiagnostic } from '../server/src/lsp/convert';
import { applySettings } from '../server/src/lsp/severity';
import { nodeFileSystem } from '../server/src/node/fileSystem';
import { defaultSettings } from '../server/src/protocol';
import { ensureBundle, TestClient } from '../test/protocol/harness';
import type { PreviousResultId } from 'vscode-languageserver-protocol';

const root = path.resolve(__dirname, '..');
const example = path.join(root, 'examples/liverpool-2013');

interface Sample {
  median: number;
  p90: number;
  runs: number;
}

function measure(run: (i: number) => void, runs = 300, warmup = 30): Sample {
  for (let i = 0; i < warmup; i++) run(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run(i);
    times.push(performance.now() - t);
  }
  return summarise(times);
}

async function measureAsync(run: (i: number) => Promise<void>, runs = 100, warmup = 10): Promise<Sample> {
  for (let i = 0; i < warmup; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run(i);
    times.push(performance.now() - t);
  }
  return summarise(times);
}

function summarise(times: number[]): Sample {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p90: sorted[Math.floor(sorted.length * 0.9)]!, runs: times.length };
}

const ms = (s: Sample) => `${s.median.toFixed(3).padStart(8)} ms  (p90 ${s.p90.toFixed(3)} ms, ${s.runs} runs)`;

/**
 * The example's files as { uri: text }, optionally with the cases copied `copies` times (new ids, new
 * names) and the inspection's sample and stated counts multiplied to match, so the larger inspection is
 * as consistent as the real one.
 */
function exampleFiles(copies = 1): Map<string, string> {
  const files = new Map<string, string>();
  const inspection = readFileSync(path.join(example, 'inspection.sqs.yaml'), 'utf8');
  const at = inspection.indexOf('\ntallies:');
  const scaled = (text: string) => text.replace(/(:\s*)(\d+)\b/g, (_, sep: string, n: string) => `${sep}${Number(n) * copies}`);
  const head = inspection.slice(0, at).replace(/^sample: (\d+)/m, (_, n: string) => `sample: ${Number(n) * copies}`);
  files.set(URI.file(path.join(example, 'inspection.sqs.yaml')).toString(), copies === 1 ? inspection : head + scaled(inspection.slice(at)));
  const cases = readdirSync(path.join(example, 'cases')).sort();
  for (let c = 0; c < copies; c++) {
    for (const name of cases) {
      const text = readFileSync(path.join(example, 'cases', name), 'utf8');
      const file = c === 0 ? name : name.replace('.case.', `-copy${c}.case.`);
      files.set(URI.file(path.join(example, 'cases', file)).toString(), c === 0 ? text : text.replace(/^case: (\S+)/m, `case: $1-C${c}`));
    }
  }
  return files;
}

function indexOf(files: Map<string, string>) {
  const index = new InspectionIndex();
  for (const [uri, text] of files) index.set(uri, text);
  return { index, checker: new Checker(index) };
}

/** What the server does for one document's diagnostics: findings, settings applied, converted. */
function diagnostics(checker: Checker, uri: string) {
  return applySettings(checker.findingsFor(uri), defaultSettings).map(toDiagnostic);
}

/** One keystroke: the case's notes get one more character, then lose it again (so the text alternates). */
function keystroke(text: string, i: number): string {
  return i % 2 === 0 ? text.replace(/^notes: /m, 'notes: x') : text;
}

async function main() {
  const files = exampleFiles();
  const caseUri = URI.file(path.join(example, 'cases/liv-01.case.sqs.yaml')).toString();
  const inspectionUri = URI.file(path.join(example, 'inspection.sqs.yaml')).toString();
  const caseText = files.get(caseUri)!;
  console.log(`Liverpool example: ${files.size} files (${files.size - 1} cases); liv-01 is ${caseText.split('\n').length} lines.\n`);

  const { index, checker } = indexOf(files);
  const edit = measure((i) => {
    index.set(caseUri, keystroke(caseText, i));
    diagnostics(checker, caseUri);
  });
  console.log(`keystroke in a case file (parse, analyse, tally, diagnostics) ${ms(edit)}`);

  const parseOnly = measure((i) => {
    index.set(caseUri, keystroke(caseText, i));
  });
  console.log(`  of which indexing the edited file                          ${ms(parseOnly)}`);

  const inspection = measure((i) => {
    index.set(caseUri, keystroke(caseText, i));
    diagnostics(checker, inspectionUri);
  });
  console.log(`inspection file's diagnostics after a case edit              ${ms(inspection)}`);

  const bytes = new Map([...files].map(([uri, text]) => [uri, new TextEncoder().encode(text)]));
  const fullIndex = measure(
    () => {
      const fresh = new InspectionIndex();
      for (const [uri, b] of bytes) fresh.setBytes(uri, b);
    },
    30,
    3,
  );
  console.log(`workspace index (35 files from bytes, in memory)             ${ms(fullIndex)}`);

  const fromDisk = await measureAsync(
    async () => {
      const fresh = new InspectionIndex();
      for (const uri of await nodeFileSystem.findSqsFiles(URI.file(example).toString(), () => false)) {
        const b = await nodeFileSystem.readFile(uri);
        if (b instanceof Uint8Array) fresh.setBytes(uri, b);
      }
    },
    20,
    2,
  );
  console.log(`workspace index (found and read from disk)                   ${ms(fromDisk)}`);

  const big = indexOf(exampleFiles(10));
  const bigErrors = diagnostics(big.checker, inspectionUri).filter((d) => d.severity === 1).length;
  if (bigErrors > 0) console.warn(`(the 340-case copy has ${bigErrors} errors in its inspection file: the comparison is unfair)`);
  const bigEdit = measure((i) => {
    big.index.set(caseUri, keystroke(caseText, i));
    diagnostics(big.checker, caseUri);
  });
  const bigInspection = measure((i) => {
    big.index.set(caseUri, keystroke(caseText, i));
    diagnostics(big.checker, inspectionUri);
  }, 100);
  console.log(`\nscaling: the same keystroke with 340 cases instead of 34`);
  console.log(`  keystroke in a case file                                   ${ms(bigEdit)}`);
  console.log(`  inspection file's diagnostics after it                     ${ms(bigInspection)}`);

  ensureBundle();
  const client = new TestClient();
  await client.start(URI.file(example).toString());
  await client.open(caseUri, caseText);
  await client.open(inspectionUri, files.get(inspectionUri)!);
  await client.diagnostics(caseUri);
  const roundTrip = await measureAsync(async (i) => {
    await client.change(caseUri, keystroke(caseText, i));
    await client.diagnostics(caseUri);
  });
  const inspectionTrip = await measureAsync(async (i) => {
    await client.change(caseUri, keystroke(caseText, i));
    await client.diagnostics(inspectionUri);
  });
  await client.stop();
  console.log(`\nround trip through the bundled server over stdio`);
  console.log(`  didChange + pull the case file                             ${ms(roundTrip)}`);
  console.log(`  didChange + pull the inspection file                       ${ms(inspectionTrip)}`);

  const pull35 = await workspacePulls(1);
  const pull350 = await workspacePulls(10);
  console.log(`\nworkspace pull (workspace/diagnostic) through the bundled server over stdio`);
  console.log(`  35 files, the first pull after start (one run)             ${pull35.coldMs.toFixed(3).padStart(8)} ms`);
  console.log(`  35 files, every file in full (a client's first pull)       ${ms(pull35.first)}`);
  console.log(`  35 files, after a keystroke: 2 in full, 33 unchanged        ${ms(pull35.again)}`);
  console.log(`  35 files, a case edit → the inspection file in the stream   ${ms(pull35.streamed)}`);
  console.log(`  350 files, the first pull after start (one run)            ${pull350.coldMs.toFixed(3).padStart(8)} ms`);
  console.log(`  350 files, every file in full                               ${ms(pull350.first)}`);
  console.log(`  350 files, after a keystroke: 2 in full, 348 unchanged      ${ms(pull350.again)}`);
  console.log(`  350 files, a case edit → the inspection file in the stream  ${ms(pull350.streamed)}`);

  const ratio = (a: Sample, b: Sample) => (a.median / b.median).toPrecision(2);
  console.log(`\nratios (medians)`);
  console.log(
    `  keystroke / full workspace index                           ${ratio(edit, fullIndex)}  (1/${Math.round(fullIndex.median / edit.median)} of re-indexing everything)`,
  );
  console.log(`  keystroke at 340 cases / at 34 cases                       ${ratio(bigEdit, edit)}  (1.00 = independent of workspace size)`);
  console.log(
    `  inspection diagnostics at 340 cases / at 34 cases          ${ratio(bigInspection, inspection)}  (cross-file checks run once per edit, over the tallies)`,
  );
  console.log(`  indexing share of a keystroke                              ${ratio(parseOnly, edit)}`);
  console.log(`  round trip / in-process keystroke                          ${ratio(roundTrip, edit)}  (protocol and process overhead)`);
  console.log(`  workspace pull in full at 350 files / at 35                 ${ratio(pull350.first, pull35.first)}`);
  console.log(`  workspace pull after a keystroke at 350 files / at 35       ${ratio(pull350.again, pull35.again)}`);
  console.log(
    `  streamed change at 350 files / at 35                        ${ratio(pull350.streamed, pull35.streamed)}  (includes the 30 ms that coalesce a burst of changes)`,
  );
}

/**
 * workspace/diagnostic on a copy of the example on disk (the server indexes the disk), `copies` times larger.
 * `first`: no result ids held, every file in full. `again`: after a keystroke in a case file, with the ids of
 * the previous answer: answered at once with the two files whose findings changed in full. `streamed`: from
 * didChange (and the edited document's pull, as VS Code sends it) to the partial result of a held pull that
 * carries the inspection file's new report.
 */
async function workspacePulls(copies: number): Promise<{ coldMs: number; first: Sample; again: Sample; streamed: Sample }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sqs-bench-ws-'));
  const client = new TestClient();
  try {
    const texts = new Map<string, string>();
    for (const [uri, text] of exampleFiles(copies)) {
      const file = path.join(dir, path.relative(example, URI.parse(uri).fsPath));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      texts.set(URI.file(file).toString(), text);
    }
    const caseUri = URI.file(path.join(dir, 'cases/liv-01.case.sqs.yaml')).toString();
    const inspectionUri = URI.file(path.join(dir, 'inspection.sqs.yaml')).toString();
    const caseText = texts.get(caseUri)!;
    await client.start(URI.file(dir).toString());
    const ids = (items: { uri: string; resultId?: string }[]): PreviousResultId[] =>
      items.flatMap((r) => (r.resultId ? [{ uri: r.uri, value: r.resultId }] : []));

    // The very first pull after start: every file's findings computed, and its settings asked for, once.
    const t = performance.now();
    const cold = (await client.workspacePull([], { stream: false }).response).items.length;
    const coldMs = performance.now() - t;
    if (cold !== texts.size) throw new Error(`${cold} reports for ${texts.size} files`);

    const first = await measureAsync(
      async () => {
        const answer = await client.workspacePull([], { stream: false }).response;
        if (answer.items.length !== texts.size) throw new Error(`${answer.items.length} reports for ${texts.size} files`);
      },
      30,
      3,
    );

    await client.open(caseUri, caseText);
    let held = ids((await client.workspacePull([], { stream: false }).response).items);
    // A judgement changes back and forth, so the inspection file's SQS030 comes and goes with it.
    let flips = 0;
    const flip = () => (flips++ % 2 === 0 ? caseText.replace('"2.1": sufficient', '"2.1": not sufficient') : caseText);
    const again = await measureAsync(
      async () => {
        await client.change(caseUri, flip());
        const answer = await client.workspacePull(held, { stream: false }).response;
        const fullReports = answer.items.filter((r) => r.kind === 'full').length;
        if (fullReports !== 2) throw new Error(`${fullReports} full reports after a keystroke`);
        held = ids(answer.items);
      },
      30,
      3,
    );

    const stream = client.workspacePull(held);
    await client.until(() => stream.latest.size === texts.size, 'the streamed first report');
    const streamed = await measureAsync(
      async () => {
        const before = stream.received.length;
        // As VS Code does on a change: didChange, then a pull of the edited document (which indexes it at once).
        await client.change(caseUri, flip());
        await client.pull(caseUri);
        await client.until(() => stream.received.slice(before).some((r) => r.uri === inspectionUri), 'the inspection file in the stream');
      },
      20,
      2,
    );
    stream.cancel();
    await stream.response.catch(() => undefined);
    return { coldMs, first, again, streamed };
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
