import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Catalogue, CatalogueRegistry, Checker, InspectionIndex } from '../../server/src/core/api';
import sqs2013 from '../../server/src/core/criteria/catalogues/sqs-2013.json';
import { applyFix, check, copyOf, lineOf, liverpool, summary, swap, type CliFinding, type Edit } from '../helpers/example';
import { minimalCase, minimalInspection } from '../helpers/index';

// Parts 3 (sample and identity) and 4 (relevance) on mutated copies of the Liverpool example.

const liv10 = 'cases/liv-10.case.sqs.yaml'; // referral order, no PSR, no risk of harm
const liv05 = 'cases/liv-05.case.sqs.yaml'; // YRO with a PSR

function caseMutated(file: string, ...edits: Edit[]) {
  const dir = copyOf(liverpool, { [file]: (text) => edits.reduce((t, e) => e(t), text) });
  return { dir, ...check(dir) };
}

const only = (r: { findings: CliFinding[] }, code: string) => r.findings.filter((f) => f.code === code);

describe('sample and identity (SQS040–SQS043)', () => {
  it('a missing case file: the sample no longer matches the case files', () => {
    const dir = copyOf(liverpool, { 'cases/liv-17.case.sqs.yaml': null });
    const r = check(dir);
    const f = only(r, 'SQS040');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.line, lineOf(dir, 'inspection.sqs.yaml', 'sample: 34'));
    assert.match(f[0]!.message, /The sample is 34 cases but this inspection has 33 case files: 1 missing\./);
  });

  it('two case files with the same id: both reported, each pointing at the other', () => {
    const r = caseMutated('cases/liv-02.case.sqs.yaml', swap('case: LIV-02', 'case: LIV-01'));
    const f = only(r, 'SQS041');
    assert.deepEqual(f.map((x) => `${x.file}:${x.line}`).sort(), [
      `cases/liv-01.case.sqs.yaml:${lineOf(r.dir, 'cases/liv-01.case.sqs.yaml', 'case: LIV-01')}`,
      `cases/liv-02.case.sqs.yaml:${lineOf(r.dir, 'cases/liv-02.case.sqs.yaml', 'case: LIV-01')}`,
    ]);
    const fromTwo = f.find((x) => x.file.endsWith('liv-02.case.sqs.yaml'))!;
    assert.match(fromTwo.related![0]!.uri, /liv-01\.case\.sqs\.yaml$/);
    assert.match(fromTwo.message, /Case id "LIV-01" is also used by liv-01\.case\.sqs\.yaml:\d+/);
  });

  it('a case file outside any inspection folder is reported where its id is', () => {
    const dir = copyOf(liverpool, { '../stray/liv-99.case.sqs.yaml': minimalCase('LIV-99') });
    const stray = path.join(dir, '../stray');
    const r = check(stray);
    const f = only(r, 'SQS042');
    assert.equal(f.length, 1, summary(r.findings));
    assert.equal(f[0]!.line, 1);
    assert.equal(f[0]!.severity, 'warning');
  });

  it('a case file naming another criteria version than its inspection is not counted, with a fix', () => {
    // Only one catalogue is built in, so this uses a registry with a second version.
    const sqs2016 = Catalogue.from({ ...sqs2013, id: 'sqs-2016' });
    const registry = new CatalogueRegistry([Catalogue.from(sqs2013), sqs2016]);
    const index = new InspectionIndex({ registry });
    const text = minimalCase('T-1').replace('case: T-1\n', 'case: T-1\ncriteria: sqs-2016\n');
    index.set('file:///ws/inspection.sqs.yaml', minimalInspection.replace('sample: 2', 'sample: 1'));
    index.set('file:///ws/one.case.sqs.yaml', text);
    const f = new Checker(index).findingsFor('file:///ws/one.case.sqs.yaml').filter((x) => x.code === 'SQS043');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.range.start.line, 1);
    assert.match(f[0]!.message, /uses criteria sqs-2016 but its inspection uses sqs-2013 — inspection\.sqs\.yaml:3; the case is not counted\./);
    assert.deepEqual(f[0]!.fixes![0]!.edits[0]!.newText, 'sqs-2013');
    assert.equal(index.inspections()[0]!.tallies.get('1.2/assessment')!.relevant, 0, 'not counted');
  });
});

describe('relevance and completeness (SQS050–SQS055)', () => {
  it('a PSR criterion judged where no PSR was written: warning on the criterion, with both fixes', () => {
    const r = caseMutated(liv10, swap('  "1.2": sufficient\n', '  "1.2": sufficient\n  "2.1": sufficient   # a comment that goes with the line\n'));
    const f = only(r, 'SQS050');
    assert.equal(f.length, 1, summary(r.findings));
    assert.equal(f[0]!.line, lineOf(r.dir, liv10, '"2.1": sufficient'));
    assert.equal(
      f[0]!.message,
      `2.1 does not apply to this case: psr: no (line ${lineOf(r.dir, liv10, 'psr: no')}). It applies to cases where there had been a PSR; this judgement is not counted.`,
    );
    assert.deepEqual(
      f[0]!.fixes!.map((x) => x.title),
      ['Mark 2.1 not applicable', 'Remove the 2.1 judgement'],
    );
    const original = readFileSync(path.join(r.dir, liv10), 'utf8');

    const marked = applyFix(r.dir, liv10, f[0]!.fixes![0]!);
    assert.match(marked, /\n {2}"2\.1": not applicable {3}# a comment that goes with the line\n/);
    assert.deepEqual(only(check(r.dir), 'SQS050'), []);

    // Back to the mutated text, then the other fix.
    writeFileSync(path.join(r.dir, liv10), original);
    const removed = applyFix(r.dir, liv10, f[0]!.fixes![1]!);
    assert.equal(removed, readFileSync(path.join(liverpool, liv10), 'utf8'), 'removing the entry restores the file exactly');
    const after = check(r.dir);
    assert.equal(after.code, 0, summary(after.findings));
  });

  it('a custody criterion on a community sentence names the sentence; removing one question of a flow mapping keeps the rest', () => {
    const r = caseMutated(
      liv10,
      swap('  "1.2": sufficient\n', '  "1.2": sufficient\n  "1.5": { judgement: sufficient, notes: planned well }\n'),
      swap('"3.3": { plan: sufficient }', '"3.3": { plan: sufficient, custody: sufficient }'),
    );
    const f = only(r, 'SQS050').sort((a, b) => a.line - b.line);
    assert.equal(f.length, 2, summary(r.findings));
    assert.equal(f[0]!.line, lineOf(r.dir, liv10, '"1.5"'));
    assert.match(
      f[0]!.message,
      /^1\.5 does not apply to this case: the sentence, referral order, is not custodial \(line 3\)\. It applies to custodial cases;/,
    );
    assert.equal(f[1]!.line, lineOf(r.dir, liv10, 'custody: sufficient'));
    const text = applyFix(r.dir, liv10, f[1]!.fixes![1]!);
    assert.match(text, /\n {2}"3\.3": \{ plan: sufficient \}\n/);
    // Marking 1.5 not applicable keeps its notes.
    const marked = applyFix(r.dir, liv10, f[0]!.fixes![0]!);
    assert.match(marked, /"1\.5": \{ judgement: not applicable, notes: planned well \}/);
    assert.equal(check(r.dir).code, 0);
  });

  it('a criterion that applies but has no judgement is information, on the criterion or on judgements:', () => {
    const r = caseMutated(liv05, swap('  "4.4": sufficient\n', ''), swap('  "4.2":\n    psr: sufficient\n', '  "4.2":\n'));
    const f = only(r, 'SQS051').sort((a, b) => a.line - b.line);
    assert.deepEqual(
      f.map((x) => `${x.line} ${x.severity} ${x.message}`),
      [
        `${lineOf(r.dir, liv05, 'judgements:')} information 4.4 Health and well-being: not yet judged; write "not applicable" if it does not apply to this case.`,
        `${lineOf(r.dir, liv05, '"4.2":')} information 4.2 Engagement of the child or young person and parents/carers (psr): not yet judged.`,
      ].sort(),
    );
    assert.equal(r.findings.filter((x) => x.severity === 'error').length > 0, true, 'the stated 4.2 psr tally is now short by one');
  });

  it('where relevance hangs on a fact, says whether the fact is missing or written but unreadable', () => {
    const messages = (r: { findings: CliFinding[] }) => only(r, 'SQS051').map((x) => x.message);
    const unknownSentence = caseMutated(liv10, swap('sentence: referral order', 'sentence: community order'));
    assert.ok(only(unknownSentence, 'SQS016').length === 1, 'the value itself is reported');
    assert.ok(
      messages(unknownSentence).includes(
        '1.5 Planning in custody: not yet judged; whether it applies cannot be told, as the sentence "community order" is not a sentence type the catalogue knows.',
      ),
      messages(unknownSentence).join('\n'),
    );
    const unreadablePsr = caseMutated(liv10, swap('psr: no', 'psr: maybe'));
    assert.ok(
      messages(unreadablePsr).some((m) => m.startsWith('1.1 ') && m.endsWith('whether it applies cannot be told, as psr "maybe" is neither yes nor no.')),
      messages(unreadablePsr).join('\n'),
    );
    for (const missing of [caseMutated(liv10, swap('psr: no\n', '')), caseMutated(liv10, swap('psr: no', 'psr:'))]) {
      assert.ok(
        messages(missing).some((m) => m.startsWith('1.1 ') && m.endsWith('whether it applies cannot be told, as psr is not given.')),
        messages(missing).join('\n'),
      );
    }
  });

  it('an inspector can turn "not yet judged" off, by code or by name, or make it an error', () => {
    const dir = copyOf(liverpool, { [liv05]: swap('  "4.4": sufficient\n', '') });
    assert.equal(only(check(dir), 'SQS051').length, 1);
    assert.equal(only(check(dir, '--severity', 'SQS051=off'), 'SQS051').length, 0);
    assert.equal(only(check(dir, '--severity', 'not-yet-judged=off'), 'SQS051').length, 0);
    const strict = check(dir, '--severity', 'not-yet-judged=error');
    assert.equal(strict.code, 1);
    assert.equal(only(strict, 'SQS051')[0]!.severity, 'error');
    const bad = check(dir, '--severity', 'not-yet-judgd=off');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /"not-yet-judgd" is not a finding code or name/);
  });

  it('reasons on a sufficient judgement: warning on reasons, the fix removes just them', () => {
    const r = caseMutated(
      liv05,
      swap(
        '  "4.1":\n    assessment: sufficient\n',
        '  "4.1":\n    assessment:\n      judgement: sufficient\n      reasons: [late]   # not counted\n      notes: kept\n',
      ),
    );
    const f = only(r, 'SQS052');
    assert.equal(f.length, 1, summary(r.findings));
    assert.equal(f[0]!.line, lineOf(r.dir, liv05, 'reasons: [late]'));
    const text = applyFix(r.dir, liv05, f[0]!.fixes![0]!);
    assert.match(text, /\n {4}assessment:\n {6}judgement: sufficient\n {6}notes: kept\n/);
  });

  it('a not sufficient with no reason: warning on the judgement, one fix per reason the catalogue lists', () => {
    const r = caseMutated(liv10, swap('  "1.2": sufficient', '  "1.2": not sufficient  # late?'));
    const f = only(r, 'SQS053');
    assert.equal(f.length, 1, summary(r.findings));
    assert.equal(f[0]!.line, lineOf(r.dir, liv10, '"1.2": not sufficient'));
    assert.deepEqual(
      f[0]!.fixes!.map((x) => x.title),
      ['Give the reason late: The assessment was not completed on time', 'Give the reason insufficient-quality: The assessment was not of good enough quality'],
    );
    const text = applyFix(r.dir, liv10, f[0]!.fixes![0]!);
    assert.match(text, /\n {2}"1\.2": \{ judgement: not sufficient, reasons: \[late\] \} {2}# late\?\n/);
    assert.deepEqual(only(check(r.dir), 'SQS053'), []);
  });

  it('adds the reason on its own line to a judgement written as a block mapping', () => {
    const r = caseMutated(
      liv05,
      swap('  "1.2":\n    judgement: not sufficient\n    reasons: [insufficient-quality]\n', '  "1.2":\n    judgement: not sufficient # see notes\n'),
    );
    const f = only(r, 'SQS053');
    assert.equal(f.length, 1, summary(r.findings));
    const text = applyFix(r.dir, liv05, f[0]!.fixes![1]!);
    assert.match(text, /\n {2}"1\.2":\n {4}judgement: not sufficient # see notes\n {4}reasons: \[insufficient-quality\]\n {4}notes: ETE/);
    assert.equal(check(r.dir).code, 0, summary(check(r.dir).findings));
  });

  it('two reasons where the reasons are exclusive (2.2 assessment): warning on the second', () => {
    const r = caseMutated(liv05, swap('reasons: [previous-violence-ignored]', 'reasons: [previous-violence-ignored, classification-too-low]'));
    const f = only(r, 'SQS054');
    assert.equal(f.length, 1, summary(r.findings));
    const line = lineOf(r.dir, liv05, 'classification-too-low');
    assert.equal(f[0]!.line, line);
    assert.equal(f[0]!.range.start.character, readFileSync(path.join(r.dir, liv05), 'utf8').split('\n')[line - 1]!.indexOf('classification-too-low'));
    assert.match(f[0]!.message, /2\.2 assessment takes one reason per case/);
  });

  it('"not applicable" where the facts say the criterion applies: warning, and a fix that corrects the fact', () => {
    const r = caseMutated(liv05, swap('  "2.1": sufficient', '  "2.1": not applicable'));
    const f = only(r, 'SQS055');
    assert.equal(f.length, 1, summary(r.findings));
    assert.equal(f[0]!.line, lineOf(r.dir, liv05, '"2.1": not applicable'));
    assert.match(f[0]!.message, /^2\.1 applies: psr: yes, so "not applicable" leaves this case out of its count\./);
    assert.equal(f[0]!.related![0]!.range.start.line + 1, lineOf(r.dir, liv05, 'psr: yes'));
    assert.equal(f[0]!.fixes![0]!.title, 'Set psr: no');
  });
});

describe('per-case checks are cached per case file', () => {
  it('a keystroke in one case re-checks that case only', () => {
    const index = new InspectionIndex();
    const uri = (n: number) => `file:///ws/c${n}.case.sqs.yaml`;
    index.set('file:///ws/inspection.sqs.yaml', minimalInspection);
    index.set(uri(1), minimalCase('T-1'));
    index.set(uri(2), minimalCase('T-2'));
    const checker = new Checker(index);
    const before1 = checker.findingsFor(uri(1));
    const before2 = checker.findingsFor(uri(2));
    assert.ok(before2.some((f) => f.code === 'SQS051'));
    index.set(uri(1), minimalCase('T-1', '  "4.4": sufficient\n'));
    const after1 = checker.findingsFor(uri(1));
    const after2 = checker.findingsFor(uri(2));
    assert.equal(after1.length, before1.length - 1, 'the edited case is re-checked');
    assert.equal(after2.length, before2.length);
    after2.forEach((f, i) => assert.equal(f, before2[i], 'the other case’s findings are the cached objects'));
  });
});
