import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Checker, InspectionIndex } from '../../server/src/core/api';
import { liverpool } from '../helpers/example';
import { minimalInspection, workspace } from '../helpers/index';

// Checker.findingsKey is the language server's result id: a file whose key did not change is reported
// `unchanged` and never re-sent. So the key must change whenever the findings do (or the Problems panel
// goes stale), and should not change for files an edit cannot affect (or every keystroke re-sends the
// whole inspection).

const root = 'file:///ws/liverpool/';
const inspectionUri = `${root}inspection.sqs.yaml`;
const caseUri = (n: number) => `${root}cases/liv-${String(n).padStart(2, '0')}.case.sqs.yaml`;

function load() {
  const index = new InspectionIndex();
  const texts = new Map<string, string>();
  texts.set(inspectionUri, readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8'));
  for (const name of readdirSync(path.join(liverpool, 'cases'))) texts.set(`${root}cases/${name}`, readFileSync(path.join(liverpool, 'cases', name), 'utf8'));
  for (const [uri, text] of texts) index.set(uri, text);
  return { index, texts, checker: new Checker(index) };
}

type State = Map<string, { key: string; findings: string }>;

function snapshot(checker: Checker, uris: Iterable<string>): State {
  return new Map([...uris].map((u) => [u, { key: checker.findingsKey(u), findings: JSON.stringify(checker.findingsFor(u)) }]));
}

/** Every file whose key stayed the same has the same findings; returns the files whose key changed. */
function changedKeys(before: State, after: State): string[] {
  const changed: string[] = [];
  for (const [uri, b] of before) {
    const a = after.get(uri)!;
    if (a.key === b.key) assert.equal(a.findings, b.findings, `${uri}: same key ${a.key}, different findings`);
    else changed.push(uri);
  }
  return changed;
}

const swapIn = (text: string, from: string, to: string) => {
  assert.ok(text.includes(from), `"${from}" in the text`);
  return text.replace(from, to);
};

describe("the findings key (the server's result id)", () => {
  it("a change of notes in one case changes that case's key only", () => {
    const { index, texts, checker } = load();
    const before = snapshot(checker, texts.keys());
    const text = texts.get(caseUri(1))!;
    index.set(caseUri(1), text.replace(/^(notes:.*?)$/m, '$1 More notes.'));
    assert.notEqual(index.get(caseUri(1))!.parsed.text, text, 'the notes changed');
    assert.deepEqual(changedKeys(before, snapshot(checker, texts.keys())), [caseUri(1)]);
  });

  it('a changed judgement changes the key of the inspection file it breaks, not of the other cases', () => {
    const { index, texts, checker } = load();
    const before = snapshot(checker, texts.keys());
    index.set(caseUri(1), swapIn(texts.get(caseUri(1))!, '"2.1": sufficient', '"2.1": not sufficient'));
    const after = snapshot(checker, texts.keys());
    assert.deepEqual(changedKeys(before, after).sort(), [caseUri(1), inspectionUri].sort());
    assert.match(after.get(inspectionUri)!.findings, /2\.1: sufficient 19, but the case files tally 18/);
  });

  it('a duplicate case id changes the key of the other case too, though its text did not change', () => {
    const { index, texts, checker } = load();
    const before = snapshot(checker, texts.keys());
    index.set(caseUri(2), swapIn(texts.get(caseUri(2))!, 'case: LIV-02', 'case: LIV-01'));
    const after = snapshot(checker, texts.keys());
    const changed = changedKeys(before, after);
    assert.ok(changed.includes(caseUri(1)) && changed.includes(caseUri(2)), changed.join(' '));
    assert.match(after.get(caseUri(1))!.findings, /SQS041/);
  });

  it('keys follow files out of their inspection and back', () => {
    const { index, texts, checker } = load();
    const uris = [...texts.keys()];
    const steps: (() => void)[] = [
      () => index.delete(inspectionUri),
      () => index.set(inspectionUri, texts.get(inspectionUri)!),
      () => index.set(inspectionUri, swapIn(texts.get(inspectionUri)!, 'criteria: sqs-2013', 'criteria: sqs-2099')),
      () => index.set(inspectionUri, texts.get(inspectionUri)!),
      () => index.delete(caseUri(3)),
    ];
    let state = snapshot(checker, uris);
    for (const step of steps) {
      step();
      const next = snapshot(checker, uris);
      assert.ok(changedKeys(state, next).length > 0, 'something changed');
      state = next;
    }
    assert.equal(checker.findingsKey(caseUri(3)), '-', 'a file not indexed has the key of no findings');
  });

  it("a second inspection file's key follows the first line of the one in use, which its finding points at", () => {
    const { index, texts, checker } = load();
    const yml = `${root}inspection.sqs.yml`;
    index.set(yml, texts.get(inspectionUri)!);
    const before = snapshot(checker, [yml]);
    assert.match(before.get(yml)!.findings, /SQS044/);
    // Not an edit of the second file: of the first line of the inspection file, shorter now.
    index.set(inspectionUri, texts.get(inspectionUri)!.replace(/^.*/, '# Liverpool.'));
    const after = snapshot(checker, [yml]);
    assert.notEqual(after.get(yml)!.findings, before.get(yml)!.findings, 'the related range moved');
    assert.deepEqual(changedKeys(before, after), [yml]);
  });

  it('equal keys, equal findings, over a run of edits across the inspection', () => {
    const { index, texts, checker } = load();
    const uris = [...texts.keys()];
    const words = ['sufficient', 'not sufficient', 'n/a', 'sufficent'];
    // A fixed pseudo-random walk: the same edits on every run.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let state = snapshot(checker, uris);
    let changedSome = 0;
    for (let step = 0; step < 60; step++) {
      const uri = caseUri(1 + next(34));
      const text = index.get(uri)!.parsed.text;
      const judgements = [...text.matchAll(/^( {2}"\d\.\d": )(sufficient|not sufficient|n\/a|sufficent)$/gm)];
      if (judgements.length === 0) continue;
      const pick = judgements[next(judgements.length)]!;
      const edited = text.slice(0, pick.index) + pick[1] + words[next(words.length)]! + text.slice(pick.index + pick[0].length);
      index.set(uri, next(5) === 0 ? edited.replace(/^case: (\S+)$/m, 'case: LIV-01') : edited);
      const after = snapshot(checker, uris);
      if (changedKeys(state, after).length < uris.length) changedSome++;
      state = after;
    }
    assert.ok(changedSome > 30, 'most edits leave most keys alone');
  });
});

describe('the findings key, with commentary held to the case files', () => {
  // Ten cases, no stated tallies: the only finding a judgement can change in the inspection file is the
  // commentary's, worked out with the phrasebook the caller asks for.
  const inspection = `${minimalInspection.replace('sample: 2', 'sample: 10')}commentary:\n  "1.2": Almost all of the initial assessments were on time and were of good enough quality.\n`;
  const caseText = (i: number, judgement: string) =>
    `case: T-${i}\nsentence: referral order\npsr: no\nrisk_of_harm: no\nidentifiable_victim: no\nnotes: seen\njudgements:\n  "1.2": ${judgement}\n`;

  for (const phrasebook of ['sqs', 'education-scotland']) {
    it(`changes the inspection file's key when a judgement moves the figures its commentary is held to (${phrasebook})`, () => {
      const files: Record<string, string> = { 'inspection.sqs.yaml': inspection };
      for (let i = 1; i <= 10; i++) files[`c${i}.case.sqs.yaml`] = caseText(i, i === 1 ? 'not sufficient' : 'sufficient');
      const ws = workspace(files);
      const state = () =>
        new Map(
          Object.keys(files).map((p) => [
            p,
            { key: ws.checker.findingsKey(ws.uri(p)), findings: JSON.stringify(ws.checker.findingsFor(ws.uri(p), { phrasebook })) },
          ]),
        );
      const first = state();
      ws.index.set(ws.uri('c5.case.sqs.yaml'), caseText(5, 'sufficient').replace('notes: seen', 'notes: seen twice'));
      const notes = state();
      assert.deepEqual(notes.get('inspection.sqs.yaml'), first.get('inspection.sqs.yaml'), 'notes move no figure');
      // 9 of 10 sufficient, then 5: the commentary's finding says so (its message quotes the figures).
      for (let i = 2; i <= 5; i++) ws.index.set(ws.uri(`c${i}.case.sqs.yaml`), caseText(i, 'not sufficient'));
      const judged = state();
      assert.notEqual(judged.get('inspection.sqs.yaml')!.findings, notes.get('inspection.sqs.yaml')!.findings);
      assert.notEqual(judged.get('inspection.sqs.yaml')!.key, notes.get('inspection.sqs.yaml')!.key);
    });
  }
});
