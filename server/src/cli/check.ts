import { Checker, type Finding } from '../core/index';
import { loadWorkspace } from './files';
import { formatHuman, formatJson } from './report';

export interface CheckOptions {
  format: 'human' | 'json';
}

/** `sqs check`: prints the findings of the named files; returns the exit code (0 clean, 1 errors). */
export function check(paths: string[], options: CheckOptions, out: (s: string) => void): number {
  const { index, requested } = loadWorkspace(paths);
  const checker = new Checker(index);
  const findings: Finding[] = requested.flatMap((uri) => checker.findingsFor(uri));
  out(options.format === 'json' ? formatJson(findings) : formatHuman(findings, requested.length));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
