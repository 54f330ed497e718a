import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { applyEdits } from '../helpers/edits';
import { ensureBundle, TestClient } from './harness';

// A quick fix is asked for after the text moved on: the editor moved the diagnostic's marker with the text, but
// the fix it carries was worked out on the text as it was. The server works the fix out again on the text as it is.

const folder = path.resolve(__dirname, '../../examples/liverpool-2013');
const inspectionUri = URI.file(path.join(folder, 'inspection.sqs.yaml')).toString();
const published = readFileSync(path.join(folder, 'inspection.sqs.yaml'), 'utf8');
const line21 = '  "2.1": { relevant: 22, sufficient: 19 }';

function at(text: string, needle: string, offset = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} in the text`);
  const before = text.slice(0, i + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

const shifted = (r: Range, by: number): Range => ({
  start: { line: r.start.line, character: r.start.character + by },
  end: { line: r.end.line, character: r.end.character + by },
});

describe('quick fixes asked for after the text changed', () => {
  const client = new TestClient();
  before(async () => {
    ensureBundle();
    await client.start(URI.file(folder).toString());
  });
  after(() => client.stop());

  const actionsFor = async (d: Diagnostic) =>
    (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: inspectionUri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
  // The file was closed by the test before (its disk text read again): its first answer may be the early one, without
  // the cross-file findings, until its inspection is settled and the server asks for a refresh.
  const sqs030On21 = (text: string) =>
    client.diagnosticsUntil(inspectionUri, (ds) => ds.some((x) => x.code === 'SQS030' && x.range.start.line === at(text, '"2.1"').line), 'SQS030 on 2.1');
  const applied = (action: CodeAction) => applyEdits(client.texts.get(inspectionUri)!, action.edit!.changes![inspectionUri]!);

  it('a digit typed before the count: the fix of the moved diagnostic sets the count, not the digits beside it', async () => {
    const broken = published.replace(line21, '  "2.1": { relevant: 22, sufficient: 18 }');
    await client.open(inspectionUri, broken);
    const d = (await sqs030On21(broken)).find((x) => x.code === 'SQS030' && x.range.start.line === at(broken, '"2.1"').line);
    assert.ok(d, 'SQS030 on 2.1');
    // "1" typed before 22; VS Code moves the marker on 18 one character right and sends it back as it has it.
    const typed = at(broken, '"2.1": { relevant: 22', '"2.1": { relevant: '.length);
    await client.edit(inspectionUri, { start: typed, end: typed }, '1');
    const fix = (await actionsFor({ ...d, range: shifted(d.range, 1) })).find((a) => a.title === 'Set to 19 (tallied from case files)');
    assert.ok(fix, 'the fix is still offered');
    assert.match(applied(fix), /^ {2}"2\.1": \{ relevant: 122, sufficient: 19 \}$/m);
    await client.close(inspectionUri);
  });

  it('a diagnostic that no longer lies on its finding gets no fix at all', async () => {
    const broken = published.replace(line21, '  "2.1": { relevant: 22, sufficient: 18 }');
    await client.open(inspectionUri, broken);
    const d = (await sqs030On21(broken)).find((x) => x.code === 'SQS030' && x.range.start.line === at(broken, '"2.1"').line);
    assert.ok(d, 'SQS030 on 2.1');
    // A line inserted above, and the diagnostic sent back where it was (a client that does not move markers).
    const top = at(broken, '"2.1"');
    await client.edit(inspectionUri, { start: { line: top.line, character: 0 }, end: { line: top.line, character: 0 } }, '  # checked\n');
    const actions = await actionsFor(d);
    assert.deepEqual(
      actions.map((a) => a.title),
      [],
      'nothing that would write into the line now there',
    );
    await client.close(inspectionUri);
  });
});
