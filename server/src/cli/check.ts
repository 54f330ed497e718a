import { applySeverityOverrides, Checker, type Finding, type SeverityOverrides } from '../core/api';
import { loadWorkspace } from './files';
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
  const { index, requested, notes } = loadWorkspace(paths);
  for (const note of notes) err(`sqs: ${note}`);
  const checker = new Checker(index, { onInternalError: internalErrorsTo(err) });
  const all: Finding[] = applySeverityOverrides(
    requested.flatMap((uri) => checker.findingsFor(uri, { phrasebook: options.phrasebook })),
    options.severity ?? new Map(),
  );
  const active = all.filter((f) => !f.ignored);
  const ignored = all.filter((f) => f.ignored);
  const shown = options.showIgnored ? all : active;
  out(options.format === 'json' ? formatJson(shown) : formatHuman(shown, requested.length, ignored.length));
  return active.some((f) => f.severity === 'error') ? 1 : 0;
}
