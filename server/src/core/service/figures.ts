import type { Inspection, InspectionIndex } from '../index/inspectionIndex';
import type { Fix } from '../types';
import type { Path } from '../yaml/source';

// An inspection's stated figures are checked against what its case files tally. When the tallies may be short of
// what the files say (a file that could not be read, or does not read as YAML), a stated count shows as wrong when it
// is right, and a fix that set it to the tally would overwrite a correct published figure: such fixes wait.

/** Findings that say a file was not read as written, so what the tallies count of it may not be what it says. */
const notReadAsWritten: ReadonlyMap<string, string> = new Map([
  ['SQS001', 'is not well-formed YAML'],
  ['SQS002', 'has YAML that may not read as meant'],
  ['SQS003', 'is too large to check'],
  ['SQS004', 'could not be read as text'],
  ['SQS005', 'has a key written twice'],
  ['SQS006', 'has aliases that expand too far'],
  ['SQS008', 'is a symbolic link not followed (or lies in a linked folder), so is not read'],
]);

/** The values whose every digit is a stated figure: the tallies, and the sample. */
const figurePaths: readonly Path[] = [['tallies'], ['sample']];

/**
 * Why the tallies of an inspection may not count every file as written, in words ("cases/liv-07.case.sqs.yaml
 * could not be read"), or undefined when every file of it reads.
 */
export function unreadFiles(index: InspectionIndex, inspection: Inspection): string | undefined {
  const problems: string[] = [];
  for (const uri of inspection.uris) {
    const file = index.get(uri);
    const code = file?.parsed.findings.find((f) => notReadAsWritten.has(f.code))?.code;
    if (code) problems.push(`${nameIn(inspection, uri)} ${notReadAsWritten.get(code)}`);
  }
  if (problems.length === 0) return undefined;
  return problems.length === 1 ? problems[0] : `${problems[0]}, and ${problems.length - 1} other file${problems.length === 2 ? '' : 's'} do not read`;
}

/** Whether a fix edits a stated figure of an inspection file (a count under `tallies:`, the sample). */
export function changesStatedFigure(index: InspectionIndex, fix: Fix, documentUri: string): boolean {
  return fix.edits.some((edit) => {
    const file = index.get(edit.uri ?? documentUri);
    if (file?.kind !== 'inspection') return false;
    const { source } = file.parsed;
    const start = source.offset(edit.range.start);
    const end = source.offset(edit.range.end);
    return figurePaths.some((path) => {
      const spans = source.spansOf(path);
      const from = spans?.key?.[0] ?? spans?.value?.[0];
      const to = spans?.value?.[1] ?? spans?.key?.[1];
      return from !== undefined && to !== undefined && start <= to && end >= from;
    });
  });
}

function nameIn(inspection: Inspection, uri: string): string {
  const folder = `${inspection.folder.replace(/\/$/, '')}/`;
  return decodeURIComponent(uri.startsWith(folder) ? uri.slice(folder.length) : uri.slice(uri.lastIndexOf('/') + 1));
}
