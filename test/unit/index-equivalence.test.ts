import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Checker, finding, inFile, InspectionIndex, type CheckerOptions, type InspectionCheck } from '../../server/src/core/api';
import type { CaseCheckInInspection, Named } from '../../server/src/core/checks/checker';
import { liverpool } from '../helpers/example';

// The index and the Checker are incremental: a keystroke moves one case's contribution in the tallies, re-runs only
// the cross-file checks whose facet of a case moved (caseFacets.ts), and names as affected only the edited file and,
// when a facet moved, its inspection file, the Checker naming the rest as it runs the checks (onFindingsMoved). This
// walks seeded random edits over the Liverpool example and, after each, holds the incremental state to one built from
// nothing: the same tallies, the same findings for every file, and every file whose key changed was named.

const root = 'file:///ws/liv/';
const inspectionUri = `${root}inspection.sqs.yaml`;

function liverpoolFiles(): Map<string, string> {
  const files = new Map<string, string>([[inspectionUri, readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8')]]);
  for (const name of readdirSync(path.join(liverpool, 'cases'))) files.set(`${root}cases/${name}`, readFileSync(path.join(liverpool, 'cases', name), 'utf8'));
  return files;
}

function random(seed: number) {
  let s = seed;
  const next = (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((s / 2 ** 31) * n);
  };
  return { next, pick: <T>(items: readonly T[]): T => items[next(items.length)]! };
}
type Random = ReturnType<typeof random>;

function replaceOne(text: string, pattern: RegExp, r: Random, to: (m: RegExpExecArray) => string): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const m = r.pick(matches);
  return text.slice(0, m.index) + to(m) + text.slice(m.index + m[0].length);
}

/** Edits of a case file, most of them facet-neutral (notes, comments), the rest moving a tally or an identity. */
const caseEdits: readonly [string, (text: string, r: Random) => string][] = [
  ['notes, a word more', (t, r) => t.replace(/^notes: (.*)$/m, (_, n: string) => `notes: ${n} ${r.next(100)}`)],
  ['notes, a line more', (t) => t.replace(/^notes: (.*)$/m, (_, n: string) => `notes: |\n  ${n}\n  More.`)],
  ['a comment', (t, r) => replaceOne(t, /^( +"[\d.]+": [a-z ]+)$/gm, r, (m) => `${m[1]}  # seen ${r.next(9)}`)],
  ['a line of its own', (t, r) => t.replace(/^judgements:$/m, `# ${r.next(9)}\njudgements:`)],
  ['a judgement', (t, r) => replaceOne(t, /^( +"[\d.]+": )(sufficient|not sufficient)$/gm, r, (m) => m[1]! + r.pick(['sufficient', 'not sufficient', 'n/a']))],
  ['a fact', (t, r) => replaceOne(t, /^(psr|risk_of_harm|identifiable_victim): (yes|no)$/gm, r, (m) => `${m[1]}: ${m[2] === 'yes' ? 'no' : 'yes'}`)],
  ['the id', (t, r) => t.replace(/^case: .*$/m, `case: LIV-${String(1 + r.next(40)).padStart(2, '0')}`)],
  ['a quote', (t, r) => t.replace(/^( +quote: >-\n +)(\S+)/m, (_, head: string, word: string) => `${head}${r.pick(['Jayden', 'The', word])}`)],
  ['the criteria', (t, r) => t.replace(/^criteria: .*$/m, `criteria: ${r.pick(['sqs-2013', 'sqs-2099'])}`)],
];

// Checks unlike the built-in ones: an inspection check reading every case file's text, a case check reading another case.
const textLengths: Named<InspectionCheck> = [
  'case file lengths (test)',
  (inspection) => {
    const even = [...inspection.cases.values()].filter((c) => c.parsed.text.length % 2 === 0).length;
    return [inFile(inspection.file.uri, finding('SQS040', inspection.file.parsed.source.lineRange(0), `${even} case files of an even length.`))];
  },
];
const nextCaseNotes: Named<CaseCheckInInspection> = [
  "the next case's notes (test)",
  (ctx) => {
    const uris = [...ctx.inspection.cases.keys()].sort();
    const next = ctx.inspection.cases.get(uris[(uris.indexOf(ctx.file.uri) + 1) % uris.length]!);
    return [finding('SQS051', ctx.file.parsed.source.lineRange(0), `The next case's notes: ${next?.model.notes?.value.length ?? 0} characters.`)];
  },
];

function tallies(index: InspectionIndex): unknown {
  return index
    .inspections()
    .map((i) => [
      i.folder,
      [...i.tallies.all()]
        .map((t) => ({ ...t, question: t.question.id, reasons: [...t.reasons].sort(), cases: [...t.cases].map(([u, c]) => [u, c.outcome]).sort() }))
        .sort((a, b) => a.question.localeCompare(b.question)),
    ]);
}

function walk(seed: number, steps: number, checks?: CheckerOptions['checks']): { neutral: number } {
  const r = random(seed);
  const files = liverpoolFiles();
  const index = new InspectionIndex();
  for (const [uri, text] of files) index.set(uri, text);
  const moved = new Set<string>();
  const checker = new Checker(index, { checks, onFindingsMoved: (uris) => uris.forEach((u) => moved.add(u)) });
  let keys = new Map([...files.keys()].map((u) => [u, checker.findingsKey(u)]));
  let neutral = 0;
  for (let step = 0; step < steps; step++) {
    const cases = [...files.keys()].filter((u) => u.endsWith('.case.sqs.yaml'));
    const kind = r.next(20);
    let what: string;
    let affected: string[];
    if (kind < 16) {
      const uri = r.pick(cases);
      const [name, edit] = r.pick(caseEdits);
      files.set(uri, edit(files.get(uri)!, r));
      what = `${name} in ${uri}`;
      affected = index.set(uri, files.get(uri)!).affected;
    } else if (kind < 18) {
      const uri = r.pick(cases);
      files.delete(uri);
      what = `${uri} deleted`;
      affected = index.delete(uri).affected;
    } else {
      const uri = `${root}cases/new-${r.next(5)}.case.sqs.yaml`;
      files.set(uri, files.get(r.pick(cases))!);
      what = `${uri} added`;
      affected = index.set(uri, files.get(uri)!).affected;
    }
    const label = `seed ${seed}, step ${step}: ${what}`;
    if (affected.length === 1) neutral++;
    // As the language server does: the affected files' keys first (which runs the checks), then what the Checker named.
    moved.clear();
    for (const uri of affected) checker.findingsKey(uri);
    const named = new Set([...affected, ...moved, ...index.inspections().flatMap((i) => checker.readersOf(i))]);

    const fresh = new InspectionIndex();
    for (const [uri, text] of files) fresh.set(uri, text);
    assert.deepEqual(tallies(index), tallies(fresh), `${label}: the tallies are those of an index built from nothing`);
    const freshChecker = new Checker(fresh, { checks });
    const now = new Map([...files.keys()].map((u) => [u, checker.findingsKey(u)]));
    for (const uri of files.keys()) {
      assert.equal(JSON.stringify(checker.findingsFor(uri)), JSON.stringify(freshChecker.findingsFor(uri)), `${label}: ${uri}: the findings of a fresh index`);
      if (now.get(uri) !== keys.get(uri)) assert.ok(named.has(uri), `${label}: ${uri}: its key changed but it was not named as affected`);
    }
    keys = now;
  }
  return { neutral };
}

describe('an index kept current edit by edit is the index built from nothing', () => {
  for (const seed of [3, 8, 21]) {
    it(`built-in checks, seed ${seed}`, () => {
      const { neutral } = walk(seed, 60);
      assert.ok(neutral >= 10, `${neutral} edits named the edited file alone`);
    });
  }
  it('with a check reading every case file and one reading another case', () => {
    walk(5, 40, { inspection: [textLengths], cases: [nextCaseNotes] });
  });

  it('a keystroke in notes or a comment names the edited file alone and runs no cross-file check', () => {
    const files = liverpoolFiles();
    const index = new InspectionIndex();
    for (const [uri, text] of files) index.set(uri, text);
    let runs = 0;
    const counting: Named<InspectionCheck> = ['counting (test)', () => (runs++, [])];
    const checker = new Checker(index, { checks: { inspection: [counting] } });
    const builtIn = new Checker(index);
    const uri = `${root}cases/liv-05.case.sqs.yaml`;
    builtIn.findingsFor(inspectionUri);
    const before = builtIn.findingsKey(inspectionUri);
    const text = files
      .get(uri)!
      .replace(/^notes: /m, 'notes: Seen twice. ')
      .replace(/^(case: .*)$/m, '$1  # checked');
    assert.notEqual(text, files.get(uri));
    assert.deepEqual(index.set(uri, text).affected, [uri]);
    assert.equal(builtIn.findingsKey(inspectionUri), before);
    const judged = text.replace(/^ {2}"2\.1": sufficient$/m, '  "2.1": not sufficient');
    assert.notEqual(judged, text);
    assert.deepEqual(index.set(uri, judged).affected, [uri, inspectionUri]);
    checker.findingsFor(uri);
    assert.equal(runs, 1, 'the check reading every case file runs on any change');
  });
});
