import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type Location,
  type Position,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { applyEdits } from '../helpers/edits';
import { ensureBundle, messageOf, TestClient } from './harness';

// The bundled server on the Liverpool example, as an editor uses it. The example folder is only read:
// every edit here is an unsaved change in the (simulated) editor.

const folder = path.resolve(__dirname, '../../examples/liverpool-2013');
const uriOf = (p: string) => URI.file(path.join(folder, p)).toString();
const inspectionUri = uriOf('inspection.sqs.yaml');
const caseUri = uriOf('cases/liv-01.case.sqs.yaml');
const inspectionText = readFileSync(path.join(folder, 'inspection.sqs.yaml'), 'utf8');
const caseText = readFileSync(path.join(folder, 'cases/liv-01.case.sqs.yaml'), 'utf8');

/** The position just after the first occurrence of `before` in `text` (optionally after `after`). */
function positionAfter(text: string, before: string, after = ''): Position {
  const from = after ? text.indexOf(after) : 0;
  const at = text.indexOf(before, from);
  assert.ok(at >= 0 && from >= 0, `"${before}" in the text`);
  const lines = text.slice(0, at + before.length).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 1);

describe('the Liverpool example in an editor', () => {
  const client = new TestClient();
  before(async () => {
    ensureBundle();
    await client.start(URI.file(folder).toString());
    await client.open(inspectionUri, inspectionText);
    await client.open(caseUri, caseText);
  });
  after(() => client.stop());

  it('has no errors as published', async () => {
    assert.deepEqual(errors(await client.diagnostics(inspectionUri)), []);
    assert.deepEqual(errors(await client.diagnostics(caseUri)), []);
  });

  it('a broken count in the inspection file is reported in one round trip, and its quick fix clears it', async () => {
    const broken = inspectionText.replace('report: { relevant: 22, sufficient: 19 }', 'report: { relevant: 22, sufficient: 20 }');
    await client.change(inspectionUri, broken);
    const ds = await client.diagnostics(inspectionUri);
    const mismatch = ds.find((d) => d.code === 'SQS030');
    assert.ok(mismatch, `SQS030 in ${JSON.stringify(ds.map((d) => d.code))}`);
    assert.match(messageOf(mismatch), /1\.1 report: sufficient 20, but the case files tally 19/);
    assert.equal(mismatch.range.start.line, positionAfter(broken, 'sufficient: ', 'report: {').line);
    assert.ok((mismatch.relatedInformation?.length ?? 0) > 0, 'related: the case files that make the tally');

    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: inspectionUri },
      range: mismatch.range,
      context: { diagnostics: [mismatch] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, 'a preferred quick fix');
    const fixed = applyEdits(broken, fix.edit!.changes![inspectionUri]!);
    assert.equal(fixed, inspectionText, 'the fix restores the tallied count and touches nothing else');
    await client.change(inspectionUri, fixed);
    assert.ok(!(await client.diagnostics(inspectionUri)).some((d) => d.code === 'SQS030'));
  });

  it('changing a judgement in a case file updates the inspection file after a refresh', async () => {
    const changed = caseText.replace('"2.1": sufficient', '"2.1": not sufficient');
    const before = client.refreshes;
    const hints = client.inlayHintRefreshes;
    await client.change(caseUri, changed);
    await client.pull(caseUri);
    await client.until(() => client.refreshes > before, 'refresh');
    await client.until(() => client.inlayHintRefreshes > hints, 'the tally hints of the open inspection file refreshed');
    const broken = (ds: Diagnostic[]) => ds.some((d) => d.code === 'SQS030' && /^2\.1: sufficient 19, but the case files tally 18/.test(messageOf(d)));
    await client.diagnosticsUntil(inspectionUri, broken, 'SQS030 on 2.1');

    await client.change(caseUri, caseText);
    await client.pull(caseUri);
    await client.diagnosticsUntil(inspectionUri, (ds) => !ds.some((d) => d.code === 'SQS030'), 'SQS030 gone after the undo');
  });

  it('completes criterion ids in a case file, with their titles', async () => {
    // LIV-01 judges every criterion; keep one so the others are offered.
    const fresh = caseText.replace(/judgements:[\s\S]*$/, 'judgements:\n  "1.2": sufficient\n  ');
    await client.change(caseUri, fresh);
    const items = (
      (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: caseUri },
        position: positionAfter(fresh, 'sufficient\n  '),
      })) as CompletionList
    ).items;
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('2.2') && !labels.includes('1.2'));
    const c22 = items.find((i) => i.label === '2.2')!;
    assert.equal(c22.insertTextFormat, 2, 'a snippet with a choice of judgements');
    assert.match(c22.detail ?? '', /risk of harm/i);
    await client.change(caseUri, caseText);
  });

  it('hover on a stated count: the tally and the cases behind it', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: inspectionUri },
      position: positionAfter(inspectionText, 'sufficient: 1', 'report: {'),
    });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /1\.1 report sufficient: 19\*\* \(stated\)/);
    assert.match(value, /Tallied from 34 case files: \*\*19\*\* — agrees/);
    assert.match(value, /\[LIV\\-01\]\(file:/);
  });

  it('hover on a criterion: wording, relevance, tally and the sentence the report prints', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: inspectionUri },
      position: positionAfter(inspectionText, '"1.', 'tallies:'),
    });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /Pre\\-sentence reports/);
    assert.match(value, /Applies to cases with a PSR/);
    assert.match(value, /\*\*19 of 22\*\* relevant cases sufficient/);
    // As the report prints it, not a phrase of it ("11 out of the 26 relevant (not sufficient)" was no sentence of it).
    const said = /The report says: “([^”]+)”/.exec(value)?.[1]?.replace(/\\(.)/g, '$1');
    assert.equal(said, 'In all but 3 out of the 22 relevant cases, we found that good quality pre-sentence reports (PSRs) had been provided to the court.');
  });

  it('outline: criteria grouped by theme', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: inspectionUri } })) as DocumentSymbol[];
    const tallies = symbols.find((s) => s.name === 'tallies')!;
    assert.deepEqual(
      tallies.children!.map((s) => s.name),
      [
        '1 Reducing the likelihood of reoffending',
        '2 Protecting the public',
        '3 Protecting the child or young person',
        '4 Ensuring that the sentence is served',
        'Operational management',
      ].filter((t) => tallies.children!.some((c) => c.name === t)),
    );
    const theme2 = tallies.children!.find((s) => s.name.startsWith('2 '))!;
    assert.ok(theme2.children!.some((c) => c.name === '2.2 Assessment of risk of harm' || c.name.startsWith('2.2 ')));
  });

  it('tally hints after stated counts, and folding ranges', async () => {
    const hints = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: inspectionUri },
      range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } },
    });
    assert.ok(hints && hints.length > 10);
    assert.ok(
      hints.every((h) => h.label === '✓'),
      'the published counts agree with the case files',
    );
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: inspectionUri } });
    const tallies = positionAfter(inspectionText, '\ntallies:').line;
    assert.ok(folds?.some((f) => f.startLine === tallies));
  });

  it('go to definition on a stated count lists the judgements it counts; references of a criterion span the cases', async () => {
    const defs = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: inspectionUri },
      position: positionAfter(inspectionText, 'relevant: 2', 'report: {'),
    })) as Location[];
    assert.equal(defs.length, 22, 'the 22 cases with a PSR');
    const refs = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: caseUri },
      position: positionAfter(caseText, '"2.2'),
      context: { includeDeclaration: true },
    })) as Location[];
    assert.ok(
      refs.some((r) => r.uri === inspectionUri),
      'the stated tally',
    );
    assert.ok(refs.filter((r) => r.uri !== inspectionUri).length >= 30, 'the cases judging 2.2');
  });

  it('workspace symbols: case ids', async () => {
    const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'liv07' })) as SymbolInformation[];
    assert.deepEqual(
      found.map((s) => [s.name, s.containerName]),
      [['LIV-07', 'Liverpool']],
    );
  });
});
