import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Checker, InspectionIndex } from '../../server/src/core/api';
import type { Reparsable } from '../../server/src/core/yaml/reparsable';
import { liverpool } from '../helpers/example';

// A closed case file keeps its text, findings and model; its parse tree (data and source map, most of what a parsed
// file holds) is let go once its findings are worked out and built again from the text when read (issue 13's memory
// target). These hold that it is let go, that what is built again is the same, that an open document's is kept, and
// that trees built again are bounded.

const root = 'file:///ws/liv/';
const inspectionUri = `${root}inspection.sqs.yaml`;
const caseNames = readdirSync(path.join(liverpool, 'cases'));
const caseUri = (name: string) => `${root}cases/${name}`;

function indexed(keepParsed?: (uri: string) => boolean) {
  const index = new InspectionIndex({ keepParsed });
  index.set(inspectionUri, readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8'));
  for (const name of caseNames) index.set(caseUri(name), readFileSync(path.join(liverpool, 'cases', name), 'utf8'));
  return { index, checker: new Checker(index) };
}

const parseOf = (index: InspectionIndex, uri: string) => index.get(uri)!.parsed as Reparsable;
const spansOf = (parse: Reparsable) => [...parse.source.allPaths()].map((p) => [p, parse.source.spansOf(p)]);

describe('a closed case file’s parse tree', () => {
  it('is let go once its findings are worked out, and built again the same when read', () => {
    const { index, checker } = indexed();
    const uri = caseUri(caseNames[0]!);
    const before = { data: structuredClone(parseOf(index, uri).data), spans: spansOf(parseOf(index, uri)) };
    const findings = checker.findingsFor(uri);
    assert.equal(parseOf(index, uri).held, false);
    const after = { data: parseOf(index, uri).data, spans: spansOf(parseOf(index, uri)) };
    assert.equal(parseOf(index, uri).held, true);
    assert.deepEqual(after, before);
    assert.deepEqual(checker.findingsFor(uri), findings);
  });

  it('is kept for a file the index is told to keep (a document open in the editor)', () => {
    const open = caseUri(caseNames[1]!);
    const { index, checker } = indexed((uri) => uri === open);
    checker.findingsFor(open);
    checker.findingsFor(caseUri(caseNames[2]!));
    assert.equal(parseOf(index, open).held, true);
    assert.equal(parseOf(index, caseUri(caseNames[2]!)).held, false);
  });

  it('is bounded once built again: reading every case of a large inspection holds at most 256 trees', () => {
    const index = new InspectionIndex();
    index.set(inspectionUri, readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8'));
    const text = readFileSync(path.join(liverpool, 'cases', caseNames[0]!), 'utf8');
    const uris = Array.from({ length: 300 }, (_, i) => `${root}cases/c-${i}.case.sqs.yaml`);
    for (const uri of uris) index.set(uri, text.replace(/^case: .*$/m, `case: C-${uri}`));
    const checker = new Checker(index);
    for (const uri of uris) checker.findingsFor(uri);
    assert.equal(uris.filter((uri) => parseOf(index, uri).held).length, 0);
    for (const uri of uris) void parseOf(index, uri).source;
    const held = uris.filter((uri) => parseOf(index, uri).held);
    assert.equal(held.length, 256);
    assert.deepEqual(held, uris.slice(-256));
  });
});

describe('a case file’s parse tree, let go as soon as it is analysed', () => {
  it('is not built again by the checks of a clean case', () => {
    const { index, checker } = indexed();
    const cases = caseNames.map(caseUri);
    assert.deepEqual(
      cases.filter((uri) => parseOf(index, uri).held),
      [],
      'let go once analysed',
    );
    for (const uri of cases) checker.findingsKey(uri);
    assert.deepEqual(
      cases.filter((uri) => parseOf(index, uri).held),
      [],
      'the case checks of clean cases read the model alone',
    );
  });

  it('gives every finding and fix it gives with every tree held, on cases with something to report', () => {
    // Each slip the case checks report, with its fixes: they read the tree, built again for them.
    const slips: [RegExp, string][] = [
      [/^ {2}"1\.2": sufficient$/m, '  "1.2": not sufficient'], // SQS053, with its fixes adding a reason
      [/^ {2}"2\.1": sufficient$/m, '  "2.1": { judgement: sufficient, reasons: [late] }'], // SQS052
      [/^ {2}"2\.4": sufficient$/m, '  "2.4": { judgement: not sufficient, reasons: [nonsense] }'], // unknown code
      [/^psr: yes$/m, 'psr: no'], // SQS050 on the PSR judgements, with removals
      [/^ {2}"2\.6": sufficient\n/m, ''], // SQS051
    ];
    const texts = new Map(caseNames.map((name, i) => [caseUri(name), slipped(readFileSync(path.join(liverpool, 'cases', name), 'utf8'), slips, i)]));
    const build = (keepParsed?: (uri: string) => boolean) => {
      const index = new InspectionIndex({ keepParsed });
      index.set(inspectionUri, readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8'));
      for (const [uri, text] of texts) index.set(uri, text);
      return new Checker(index);
    };
    const lettingGo = build();
    const holding = build(() => true);
    const codes = new Set<string>();
    for (const uri of [inspectionUri, ...texts.keys()]) {
      const findings = lettingGo.findingsFor(uri);
      assert.deepEqual(findings, holding.findingsFor(uri), uri);
      for (const f of findings) codes.add(f.code);
    }
    for (const code of ['SQS050', 'SQS051', 'SQS052', 'SQS053']) assert.ok(codes.has(code), `${code} among the findings compared`);
  });
});

/** The text with the first of the slips, from the given one round, that it has a place for. */
function slipped(text: string, slips: readonly [RegExp, string][], from: number): string {
  for (let k = 0; k < slips.length; k++) {
    const [pattern, replacement] = slips[(from + k) % slips.length]!;
    if (pattern.test(text)) return text.replace(pattern, replacement);
  }
  return text;
}

describe('the compact case model', () => {
  it('gives plain ranges and paths, and serialises as plain values do', () => {
    const { index } = indexed();
    const file = index.get(caseUri(caseNames[0]!))!;
    assert.equal(file.kind, 'case');
    if (file.kind !== 'case') return;
    const source = file.parsed.source;
    for (const j of file.model.judgements.values()) {
      assert.deepEqual(j.keyRange, source.keyRange(j.path));
      assert.equal(Object.getPrototypeOf(j.range), Object.prototype);
      assert.deepEqual(j.path.slice(0, 1), ['judgements']);
    }
    const id = file.model.id!;
    assert.deepEqual(JSON.parse(JSON.stringify(id)), { value: id.value, range: id.range });
    assert.deepEqual(id.range, source.valueRange(['case']));
  });
});
