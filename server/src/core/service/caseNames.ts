import type { CaseFile } from '../model/sqsFile';

// How the cases view and the grid name a case and order cases: what an inspector reads in a list of them.

/** How inspectors name a case: its id, else its file name without the extension. */
export function caseLabelOf(file: CaseFile): string {
  return file.model.id?.value ?? decodeURIComponent(file.uri.slice(file.uri.lastIndexOf('/') + 1)).replace(/\.case\.sqs\.ya?ml$/i, '');
}

/** Cases in the order inspectors number them: LIV-2 before LIV-10; the file name settles a tie. */
export function caseOrder(a: CaseFile, b: CaseFile): number {
  return naturally(caseLabelOf(a), caseLabelOf(b)) || naturally(a.uri, b.uri);
}

// One collator: localeCompare with options builds one per call, which sorting a thousand cases notices.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function naturally(a: string, b: string): number {
  return collator.compare(a, b);
}

/** The `inspector:` of a case file as written, when it is text (the format keeps it as a free note). */
export function inspectorOf(file: CaseFile): string | undefined {
  const data = file.parsed.data;
  const raw = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).inspector : undefined;
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
}
