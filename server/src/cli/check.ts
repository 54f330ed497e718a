import { applySeverityOverrides, Checker, type Finding, type InspectionIndex, type SeverityOverrides } from '../core/api';
import { eachInspection, loadWorkspace } from './files';
import { formatHuman, formatJson, internalErrorsTo } from './report';

export interface CheckOptions {
  format: 'human' | 'json';
  /** Per-code severities (`--severity SQS051=off`). */
  severity?: SeverityOverrides;
  /** List findings silenced by `# sqs-ignore` comments, with their reasons (they never fail the check). */
  showIgnored?: boolean;
  /** The phrasebook for inspections whose file names none (`--phrasebook`). */
  phrasebook?: string;
}

/** `sqs check`: prints the findings of the named files; returns the exit code (0 clean, 1 errors). */
export function check(paths: string[], options: CheckOptions, out: (s: string) => void, err: (s: string) => void): number {
  const found: Finding[] = [];
  let checker: Checker | undefined;
  const findingsOf = (index: InspectionIndex, uris: readonly string[]) => {
    checker ??= new Checker(index, { onInternalError: internalErrorsTo(err) });
    for (const uri of uris) found.push(...checker.findingsFor(uri, { phrasebook: options.phrasebook }));
  };
  // Folders are checked an inspection at a time, so memory holds one inspection, not the workspace.
  let loaded: { files: number; notes: string[] } | undefined = eachInspection(paths, findingsOf);
  if (!loaded) {
    const { index, requested, notes } = loadWorkspace(paths);
    findingsOf(index, requested);
    loaded = { files: requested.length, notes };
  }
  for (const note of loaded.notes) err(`sqs: ${note}`);
  const all: Finding[] = applySeverityOverrides(found, options.severity ?? new Map());
  const active = all.filter((f) => !f.ignored);
  const ignored = all.filter((f) => f.ignored);
  const shown = options.showIgnored ? all : active;
  out(options.format === 'json' ? formatJson(shown) : formatHuman(shown, loaded.files, ignored.length));
  return active.some((f) => f.severity === 'error') ? 1 : 0;
}
