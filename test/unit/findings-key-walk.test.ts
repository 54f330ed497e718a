import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  Checker,
  finding,
  inFile,
  InspectionIndex,
  type CheckerOptions,
  type Finding,
  type FindingsOptions,
  type InspectionCheck,
  type SqsFile,
} from '../../server/src/core/api';
import type { CaseCheckInInspection, Named } from '../../server/src/core/checks/checker';
import { seedCommentary } from '../fixtures/seed-commentary';
import { liverpool } from '../helpers/example';

// Checker.findingsKey is the language server's result id: a file whose key did not change is reported
// `unchanged`, so a key that stays while the findings move leaves stale problems in the Problems panel.
// These tests hold the key to the findings themselves, not to a list of what the checks read: a seeded walk
// of edits over two copies of the Liverpool example, and checks no built-in check resembles.

const roots = ['file:///ws/liv/', 'file:///ws/liv2/'];
const rootOf = (uri: string) => roots.find((root) => uri.startsWith(root)) ?? roots[0]!;

function liverpoolFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const commentary = Object.entries(seedCommentary)
    .map(([id, text]) => `  "${id}": ${JSON.stringify(text)}\n`)
    .join('');
  files.set(`${root}inspection.sqs.yaml`, `${readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8')}commentary:\n${commentary}`);
  for (const name of readdirSync(path.join(liverpool, 'cases'))) files.set(`${root}cases/${name}`, readFileSync(path.join(liverpool, 'cases', name), 'utf8'));
  return files;
}

/** A fixed pseudo-random sequence: the same walk on every run. */
function random(seed: number) {
  let s = seed;
  const next = (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((s / 2 ** 31) * n);
  };
  return { next, pick: <T>(items: readonly T[]): T => items[next(items.length)]! };
}

type Random = ReturnType<typeof random>;

const numbers = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'nineteen', 'twenty-two'];
const bands = ['Over three-quarters', 'Almost all', 'A majority', 'Less than half', 'Half', 'About two-thirds', 'All', 'Most', 'Very few'];
const quantity = new RegExp(`\\b(\\d+|${numbers.join('|')}|${bands.join('|')})\\b`, 'gi');
const judgement = /^(\s+(?:"[\d.]+"|OM|[a-z_]+): )(sufficient|not sufficient|not applicable|n\/a|sufficent|yes|no)\b/gm;
const codes = ['SQS051', 'SQS030', 'SQS060', 'SQS061', 'SQS052', 'SQS050', 'SQS021', 'SQS041', 'SQS040'];

/** Replaces one of the matches of `pattern` in `text`, picked by `r`, by what `to` makes of it. */
function replaceMatch(text: string, pattern: RegExp, r: Random, to: (m: RegExpExecArray) => string): string | undefined {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return undefined;
  const m = r.pick(matches);
  return text.slice(0, m.index) + to(m) + text.slice(m.index + m[0].length);
}

/**
 * One edit, as an inspector (or a file watcher) might make it: `files` is the workspace, changed in place,
 * with what the edit did. Returns undefined when the edit found nothing to change.
 */
function edit(files: Map<string, string | null>, r: Random, findingsOf: (uri: string) => Finding[]): string | undefined {
  const present = [...files].filter(([, t]) => t !== null).map(([u]) => u);
  const cases = present.filter((u) => u.endsWith('.case.sqs.yaml'));
  const inspections = present.filter((u) => /inspection\.sqs\.ya?ml$/.test(u));
  const change = (uri: string, text: string | undefined, what: string) => {
    if (text === undefined || text === files.get(uri)) return undefined;
    files.set(uri, text);
    return `${what}: ${uri}`;
  };
  if (inspections.length === 0 || cases.length === 0) {
    // Both inspection files gone (or, in a long walk, every case): one comes back.
    const root = r.pick(roots);
    for (const [uri, text] of liverpoolFiles(root)) if (!files.get(uri) && (uri.endsWith('inspection.sqs.yaml') || cases.length === 0)) files.set(uri, text);
    return `${root} restored`;
  }
  const kind = r.next(106);
  if (kind < 30) {
    const uri = r.pick(cases);
    const words = ['sufficient', 'not sufficient', 'not applicable', 'n/a', 'sufficent', 'yes', 'no'];
    return change(
      uri,
      replaceMatch(files.get(uri)!, judgement, r, (m) => m[1]! + r.pick(words)),
      'judgement',
    );
  }
  if (kind < 40) {
    const uri = r.pick(inspections);
    return change(
      uri,
      replaceMatch(
        files.get(uri)!,
        /\b(relevant|sufficient|not_sufficient|due|sample|[a-z]+(?:-[a-z]+)+): (\d+)\b/g,
        r,
        (m) => `${m[1]}: ${Math.max(0, Number(m[2]) + r.next(5) - 2)}`,
      ),
      'stated figure',
    );
  }
  if (kind < 52) {
    const uri = r.pick(inspections);
    const text = files.get(uri)!;
    const line = r.pick([...text.matchAll(/^ {2}"[\w.]+": ".*$/gm)].map((m) => m[0]));
    if (!line) return undefined;
    const edited = line.replace(quantity, (q) => (r.next(3) === 0 ? q : /^[A-Z]/.test(q) && bands.includes(q) ? r.pick(bands) : r.pick(numbers)));
    return change(uri, text.replace(line, edited), 'commentary figures');
  }
  if (kind < 62) {
    const uri = r.pick(present);
    const text = files.get(uri)!;
    const lines = text.split('\n');
    const at = r.next(lines.length);
    const code = r.pick(codes);
    const reason = r.next(4) === 0 ? '' : ': agreed';
    const existing = lines.findIndex((l) => l.includes('sqs-ignore'));
    const target = r.next(2) === 0 ? r.pick(findingsOf(uri).filter((f) => f.code !== 'SQS090' && f.code !== 'SQS091')) : undefined;
    if (existing >= 0 && r.next(3) === 0) lines.splice(existing, 1);
    else if (target) {
      // One that silences a finding, mostly: where it is, or above it.
      const line = target.range.start.line;
      if (r.next(2) === 0 && !lines[line]!.includes('#')) lines[line] += ` # sqs-ignore ${target.code}${reason}`;
      else lines.splice(line, 0, `${lines[line]!.match(/^\s*/)![0]}# sqs-ignore ${target.code}${reason}`);
    } else if (r.next(2) === 0) lines.splice(at, 0, `${lines[at]!.match(/^\s*/)![0]}# sqs-ignore ${code}${reason}`);
    else if (!lines[at]!.includes('#')) lines[at] += ` # sqs-ignore ${code}${reason}`;
    return change(uri, lines.join('\n'), 'ignore comment');
  }
  if (kind < 68) {
    const uri = r.pick(cases);
    return change(
      uri,
      replaceMatch(files.get(uri)!, /^(psr|risk_of_harm|identifiable_victim): (yes|no)$/gm, r, (m) => `${m[1]}: ${m[2] === 'yes' ? 'no' : 'yes'}`),
      'case fact',
    );
  }
  if (kind < 73) {
    const uri = r.pick(cases);
    return change(
      uri,
      files.get(uri)!.replace(/^notes: (.*)$/m, (_, n: string) => `notes: ${n} More.`),
      'notes',
    );
  }
  if (kind < 79) {
    // A case copied into the same inspection, under a new id or (a slip) the same one.
    const from = r.pick(cases);
    const root = rootOf(from);
    const uri = `${root}cases/new-${r.next(6)}.case.sqs.yaml`;
    const text = files.get(from)!.replace(/^case: (\S+)$/m, (_, id: string) => `case: ${r.next(2) === 0 ? id : `NEW-${r.next(100)}`}`);
    return change(uri, text, 'case added');
  }
  if (kind < 85) {
    const uri = r.pick(cases);
    files.set(uri, null);
    return `case removed: ${uri}`;
  }
  if (kind < 89) {
    const gone = [...files].filter(([u, t]) => t === null && u.endsWith('.case.sqs.yaml')).map(([u]) => u);
    if (gone.length === 0) return undefined;
    const uri = r.pick(gone);
    return change(uri, liverpoolFiles(rootOf(uri)).get(uri) ?? files.get(cases[0]!)!, 'case back');
  }
  if (kind < 92) {
    // A case file outside any inspection, or back in one.
    const uri = 'file:///ws/elsewhere/stray.case.sqs.yaml';
    if (files.get(uri)) {
      files.set(uri, null);
      return 'stray case removed';
    }
    return change(uri, files.get(r.pick(cases))!, 'stray case');
  }
  if (kind < 95) {
    // A second inspection file in a folder (SQS044), or the inspection file gone for a while.
    const root = r.pick(roots);
    const yml = `${root}inspection.sqs.yml`;
    if (files.get(yml)) {
      files.set(yml, null);
      return `second inspection file removed: ${yml}`;
    }
    return change(yml, files.get(`${root}inspection.sqs.yaml`) ?? liverpoolFiles(root).get(`${root}inspection.sqs.yaml`)!, 'second inspection file');
  }
  if (kind < 97) {
    const uri = `${r.pick(roots)}inspection.sqs.yaml`;
    if (files.get(uri) === null) return change(uri, liverpoolFiles(rootOf(uri)).get(uri), 'inspection file back');
    files.set(uri, null);
    return `inspection file removed: ${uri}`;
  }
  if (kind >= 100) {
    // The first line, which a second inspection file's finding (SQS044) points at in the one in use.
    const uri = r.pick(inspections);
    return change(uri, files.get(uri)!.replace(/^.*/, `# ${'Liverpool '.repeat(1 + r.next(4))}`), 'first line');
  }
  // The phrasebook the inspection names, or the criteria it uses (an unknown version re-reads every case).
  const uri = r.pick(inspections);
  const text = files.get(uri)!;
  const edited = /^phrasebook: /m.test(text)
    ? text.replace(/^phrasebook: .*\n/m, '')
    : r.next(2) === 0
      ? text.replace(/^sample:/m, `phrasebook: ${r.pick(['sqs', 'education-scotland'])}\nsample:`)
      : text.replace(/^criteria: sqs-2013$/m, 'criteria: sqs-2099');
  return change(uri, edited === text ? text.replace('criteria: sqs-2099', 'criteria: sqs-2013') : edited, 'phrasebook or criteria');
}

interface Seen {
  key: string;
  findings: string;
  file: SqsFile | undefined;
}

/**
 * Walks `steps` edits from `seed` and checks, after each, every file ever indexed: the Checker's findings
 * are what a fresh Checker finds (its caches are not stale); findings that changed have a new key; a file
 * that was not analysed again and whose findings did not change keeps its key.
 */
function walk(seed: number, steps: number, checks?: CheckerOptions['checks']): { edits: number; keysChanged: number[] } {
  const r = random(seed);
  const files = new Map<string, string | null>();
  for (const root of roots) for (const [uri, text] of liverpoolFiles(root)) files.set(uri, text);
  const index = new InspectionIndex();
  for (const [uri, text] of files) index.set(uri, text!);
  const checker = new Checker(index, { checks });
  const options: FindingsOptions = { phrasebook: r.pick([undefined, 'sqs', 'education-scotland']) };
  const seen = new Map<string, Seen>();
  const look = (label: string) => {
    const fresh = new Checker(index, { checks });
    let changed = 0;
    for (const uri of files.keys()) {
      // The key before the findings or after: both are asked of the same state.
      const keyFirst = r.next(2) === 0;
      let key = keyFirst ? checker.findingsKey(uri) : '';
      const findings = JSON.stringify(checker.findingsFor(uri, options));
      if (!keyFirst) key = checker.findingsKey(uri);
      assert.equal(findings, JSON.stringify(fresh.findingsFor(uri, options)), `${label}: ${uri}: the Checker's findings are those of a fresh Checker`);
      const file = index.get(uri);
      const before = seen.get(uri);
      if (before) {
        if (findings !== before.findings) assert.notEqual(key, before.key, `${label}: ${uri}: its findings changed, its key (${key}) did not`);
        else if (file === before.file) assert.equal(key, before.key, `${label}: ${uri}: not analysed again, the same findings, but a new key`);
        if (key !== before.key) changed++;
      }
      seen.set(uri, { key, findings, file });
    }
    return changed;
  };
  look('start');
  const keysChanged: number[] = [];
  let edits = 0;
  for (let step = 0; step < steps; step++) {
    const before = new Map(files);
    const what = edit(files, r, (uri) => JSON.parse(seen.get(uri)?.findings ?? '[]'));
    if (!what) continue;
    edits++;
    for (const [uri, text] of files) {
      if (text === before.get(uri)) continue;
      if (text === null) index.delete(uri);
      else index.set(uri, text);
    }
    keysChanged.push(look(`step ${step} (seed ${seed}), ${what}`));
  }
  return { edits, keysChanged };
}

// Checks unlike the built-in ones, each reading something the built-in ones do not.
const nextCaseJudges: Named<CaseCheckInInspection> = [
  "the next case's 2.1 (a case check reading another case)",
  (ctx) => {
    const uris = [...ctx.inspection.cases.keys()].sort();
    const next = ctx.inspection.cases.get(uris[(uris.indexOf(ctx.file.uri) + 1) % uris.length]!);
    const j = next?.model.judgements.get('2.1/psr');
    return j ? [finding('SQS051', ctx.file.parsed.source.lineRange(0), `The next case judges 2.1 ${j.value}.`)] : [];
  },
];
const moreCasesThanSampled: Named<CaseCheckInInspection> = [
  'the sample against this case (a case check reading the inspection file)',
  (ctx) => {
    const sample = ctx.inspection.file.model.sample?.value;
    return sample !== undefined && ctx.inspection.cases.size > sample
      ? [finding('SQS040', ctx.file.parsed.source.lineRange(0), `One of ${ctx.inspection.cases.size} cases for a sample of ${sample}.`)]
      : [];
  },
];
const textLengths: Named<InspectionCheck> = [
  'case file lengths (an inspection check reading every case file)',
  (inspection) => {
    const even = [...inspection.cases.values()].filter((c) => c.parsed.text.length % 2 === 0).length;
    return [inFile(inspection.file.uri, finding('SQS040', inspection.file.parsed.source.lineRange(0), `${even} case files of an even length.`))];
  },
];
const unusual = { inspection: [textLengths], cases: [nextCaseJudges, moreCasesThanSampled] };

describe('the findings key follows the findings, over a seeded walk of edits', () => {
  for (const seed of [1, 2, 6, 12]) {
    it(`built-in checks, seed ${seed}`, () => {
      const { edits, keysChanged } = walk(seed, 70);
      assert.ok(edits > 50, `${edits} edits made`);
      // Two inspections of 35 files: an edit changes the keys of a few files, not of both inspections.
      const few = keysChanged.filter((n) => n <= 4).length;
      assert.ok(few > keysChanged.length / 2, `most edits change few keys: ${keysChanged.join(' ')}`);
    });
  }

  for (const seed of [4, 5]) {
    it(`with checks reading other cases, the inspection file and every case file's text, seed ${seed}`, () => {
      const { edits } = walk(seed, 50, unusual);
      assert.ok(edits > 35, `${edits} edits made`);
    });
  }
});

describe('a new check, whatever it reads, moves the key when its findings move', () => {
  const root = roots[0]!;
  const liv = (n: number) => `${root}cases/liv-${String(n).padStart(2, '0')}.case.sqs.yaml`;
  const inspectionUri = `${root}inspection.sqs.yaml`;

  function load(checks: CheckerOptions['checks']) {
    const index = new InspectionIndex();
    const files = liverpoolFiles(root);
    for (const [uri, text] of files) index.set(uri, text);
    const checker = new Checker(index, { checks });
    const state = () => new Map([...files.keys()].map((u) => [u, { key: checker.findingsKey(u), findings: JSON.stringify(checker.findingsFor(u)) }]));
    return { index, files, checker, state };
  }

  it("a case check reading another case file's judgements", () => {
    // LIV-01 is told how LIV-03 judged 2.1: a case check that reads beyond its case.
    const peer: Named<CaseCheckInInspection> = [
      'LIV-03 seen from LIV-01 (test)',
      (ctx) => {
        if (ctx.file.uri !== liv(1)) return [];
        const j = ctx.inspection.cases.get(liv(3))?.model.judgements.get('2.1/psr');
        return [finding('SQS051', ctx.file.parsed.source.lineRange(0), `LIV-03 judges 2.1 ${j?.value ?? 'not at all'}.`)];
      },
    ];
    const { index, files, checker, state } = load({ cases: [peer] });
    const before = state();
    assert.match(before.get(liv(1))!.findings, /LIV-03 judges 2\.1 sufficient/);
    index.set(liv(3), files.get(liv(3))!.replace('"2.1": sufficient', '"2.1": not sufficient'));
    const after = state();
    assert.match(after.get(liv(1))!.findings, /LIV-03 judges 2\.1 not-sufficient/, "LIV-01's findings follow LIV-03");
    assert.equal(
      after.get(liv(1))!.findings,
      JSON.stringify(new Checker(index, { checks: { cases: [peer] } }).findingsFor(liv(1))),
      'as a fresh Checker finds them',
    );
    assert.notEqual(after.get(liv(1))!.key, before.get(liv(1))!.key, "LIV-01's key follows its findings");
    for (let n = 2; n <= 34; n++) if (n !== 3) assert.equal(after.get(liv(n))!.key, before.get(liv(n))!.key, `LIV-${n}: untouched, unchanged`);
    // Only LIV-03's 2.1 concerns it: LIV-03's notes leave LIV-01's findings, and key, alone.
    index.set(liv(3), index.get(liv(3))!.parsed.text.replace(/^notes: /m, 'notes: Seen twice. '));
    assert.equal(checker.findingsKey(liv(1)), after.get(liv(1))!.key);
    assert.equal(checker.findingsKey(liv(4)), after.get(liv(4))!.key);
  });

  it('a case check reading the inspection file', () => {
    const { index, files, checker, state } = load({ cases: [moreCasesThanSampled] });
    const before = state();
    assert.doesNotMatch(before.get(liv(5))!.findings, /for a sample of/);
    index.set(inspectionUri, files.get(inspectionUri)!.replace('sample: 34', 'sample: 33'));
    const after = state();
    assert.match(after.get(liv(5))!.findings, /One of 34 cases for a sample of 33/);
    assert.notEqual(after.get(liv(5))!.key, before.get(liv(5))!.key);
    index.set(inspectionUri, files.get(inspectionUri)!.replace('sample: 34', 'sample: 34\n'));
    assert.equal(JSON.stringify(checker.findingsFor(liv(5))), before.get(liv(5))!.findings, 'back under the sample');
    assert.notEqual(checker.findingsKey(liv(5)), after.get(liv(5))!.key);
  });

  it('a case check that reads only its case is run again only when its case changes; one that reads the inspection, on every change to it', () => {
    const runs = new Map<string, number>();
    const counted = (name: string, reads: boolean): Named<CaseCheckInInspection> => [
      name,
      (ctx) => {
        if (ctx.file.uri === liv(5)) runs.set(name, (runs.get(name) ?? 0) + 1);
        return reads && ctx.inspection.file.model.sample === undefined ? [finding('SQS040', ctx.file.parsed.source.lineRange(0), 'No sample.')] : [];
      },
    ];
    const { index, files, checker } = load({ cases: [counted('own', false), counted('wide', true)] });
    checker.findingsFor(liv(5));
    index.set(inspectionUri, files.get(inspectionUri)!.replace('sample: 34', 'sample: 33'));
    index.set(liv(6), files.get(liv(6))!.replace('"2.1": sufficient', '"2.1": not sufficient'));
    checker.findingsKey(liv(5));
    assert.deepEqual(Object.fromEntries(runs), { own: 1, wide: 2 });
    index.set(liv(5), `${files.get(liv(5))!}\n`);
    checker.findingsKey(liv(5));
    assert.deepEqual(Object.fromEntries(runs), { own: 2, wide: 3 });
  });

  it('an inspection check reporting in the inspection file what it read in every case file', () => {
    const { index, files, state } = load({ inspection: [textLengths] });
    const before = state();
    index.set(liv(7), `${files.get(liv(7))!}\n`);
    const after = state();
    assert.notEqual(after.get(inspectionUri)!.findings, before.get(inspectionUri)!.findings);
    assert.notEqual(after.get(inspectionUri)!.key, before.get(inspectionUri)!.key);
    assert.equal(after.get(liv(8))!.key, before.get(liv(8))!.key);
  });
});
