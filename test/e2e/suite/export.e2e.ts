import assert from 'node:assert/strict';
import JSZip from 'jszip';
import * as vscode from 'vscode';
import { revertAll } from './edit';
import { PAGE_TAG, press } from './page';
import { poll } from './wait';
import { liverpool, open } from './workspace';

const seed = 'In all but 3 out of the 22 relevant cases, we found that good quality pre-sentence reports (PSRs) had been provided to the court.';

/** Runs the export command and accepts the path VS Code's save dialog suggests; resolves with the file's bytes. */
async function exportAs(format: 'html' | 'docx'): Promise<Uint8Array> {
  const target = liverpool(`liverpool-sqs-report.${format}`);
  await open(liverpool('inspection.sqs.yaml'));
  // The command ends only when its "Report exported" notification is answered: not awaited.
  void vscode.commands.executeCommand('sqs.exportReport', liverpool('inspection.sqs.yaml'), format).then(undefined, () => undefined);
  // The save dialog is the workbench's own (a path in the quick input): Enter accepts the suggestion, once
  // the dialog has read the folder (before, it drops the key), so Enter until the dialog goes.
  await press(['Enter'], '.quick-input-widget input', 20_000, '.quick-input-widget');
  return poll(
    async () => {
      try {
        const bytes = await vscode.workspace.fs.readFile(target);
        return bytes.length > 0 ? bytes : undefined;
      } catch {
        return undefined;
      }
    },
    { what: `${vscode.workspace.asRelativePath(target)} to be written`, timeoutMs: 30_000 },
  );
}

describe('export', () => {
  afterEach(revertAll);

  it(`${PAGE_TAG} writes the report as a standalone HTML page`, async () => {
    const html = new TextDecoder().decode(await exportAs('html'));
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.ok(html.includes(seed), 'the seed sentence is in the page');
    assert.ok(html.includes('Report of Short Quality Screening (SQS) of youth offending work in Liverpool'));
  });

  it(`${PAGE_TAG} writes the report as a Word document`, async () => {
    const zip = await JSZip.loadAsync(await exportAs('docx'));
    const xml = await zip.file('word/document.xml')?.async('string');
    assert.ok(xml, 'word/document.xml is in the file');
    const paragraphs = [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    assert.ok(
      paragraphs.some((p) => p.includes('In all but 3 out of the 22 relevant cases')),
      'the seed sentence is in the document',
    );
  });
});
