import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { diagnosticsWhere } from './diagnostics';
import { replaceLine, revertAll } from './edit';
import { liverpool, open, second } from './workspace';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

describe('two inspections in two workspace folders', () => {
  afterEach(revertAll);

  it('each inspection counts only its own case files', async () => {
    // Liverpool: a count made wrong on purpose; the message gives the tally of Liverpool's 34 files alone.
    const liv = (await open(liverpool('inspection.sqs.yaml'))).document;
    await replaceLine(liv, /^ {2}"2\.1": \{ relevant: 22, sufficient: 19 \}/, (l) => l.replace('sufficient: 19', 'sufficient: 20'));
    const livDs = await diagnosticsWhere(liv.uri, (ds) => ds.some((d) => d.message.includes('2.1: sufficient 20, but the case files tally 19.')), {
      what: 'the Liverpool count',
    });
    assert.deepEqual(livDs.map(codeOf), ['SQS030'], `Liverpool's findings: ${livDs.map((d) => d.message).join(' | ')}`);

    // Testtown: its sample of 3 against its own 2 case files, and its stated 1.2 tally (2 relevant) unflagged.
    const tt = (await open(second('inspection.sqs.yaml'))).document;
    const ttDs = await diagnosticsWhere(tt.uri, (ds) => ds.some((d) => codeOf(d) === 'SQS040'), { what: "Testtown's sample finding" });
    assert.deepEqual(
      ttDs.map((d) => `${codeOf(d)} ${d.message}`),
      ['SQS040 The sample is 3 cases but this inspection has 2 case files: 1 missing.'],
    );
  });

  it('a case id used in both inspections is no duplicate', async () => {
    // Testtown's TT-01 is case "LIV-01", as is one of Liverpool's. Its not-yet-judged notes show its report is in.
    const tt01 = (await open(second('cases', 'TT-01.case.sqs.yaml'))).document;
    const ds = await diagnosticsWhere(tt01.uri, (x) => x.some((d) => codeOf(d) === 'SQS051'), { what: "TT-01's findings" });
    assert.deepEqual([...new Set(ds.map(codeOf))], ['SQS051']);
  });
});
