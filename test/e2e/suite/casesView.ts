// The cases view as a test reads it: its rows in the side bar. Shared by the desktop suite (cases.e2e.ts) and the
// web build's (test/e2e/web/), whose view is drawn from another extension host.
import assert from 'node:assert/strict';
import { workbenchTexts } from './page';

/** The cases view's rows, as the side bar shows them (a row's text: its label, then its description). */
export const caseRows = (waitFor?: string) => workbenchTexts('.part.sidebar .monaco-list-row', waitFor, 30_000);

/** The row starting with `label` once it shows `waitFor`. */
export async function caseRowOf(label: string, waitFor: string): Promise<string> {
  const all = await caseRows(waitFor);
  const row = all.find((r) => r.startsWith(label) && r.includes(waitFor));
  assert.ok(row, `no row ${label} showing ${waitFor}: ${JSON.stringify(all)}`);
  return row;
}
