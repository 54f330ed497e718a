import { codes } from './codes';
import type { Finding, Severity } from './types';

// Settings-driven severity: an inspector who does not want "not yet judged" notes turns SQS051 (or
// `not-yet-judged`) off; a team that treats a missing reason as an error raises SQS053. The same settings
// object works in the editor (the `sqs.diagnostics.severity` setting) and on the command line (`--severity`).

export type SeverityLevel = Severity | 'off';

/** Per-code levels, keyed by code ("SQS051"). */
export type SeverityOverrides = ReadonlyMap<string, SeverityLevel>;

// A Map, not an object literal: a level typed in a setting ("constructor", "__proto__") must never find
// something of Object.prototype.
const levels: ReadonlyMap<string, SeverityLevel> = new Map([
  ['error', 'error'],
  ['warning', 'warning'],
  ['warn', 'warning'],
  ['information', 'information'],
  ['info', 'information'],
  ['hint', 'hint'],
  ['off', 'off'],
]);

/**
 * Reads `{ "SQS051": "off", "missing-reason": "error" }` (codes or names, any case). Entries that name no
 * code or no level are reported in `problems` and skipped, so one typo never disables the rest.
 */
export function readSeverityOverrides(settings: Readonly<Record<string, unknown>> | undefined): { overrides: Map<string, SeverityLevel>; problems: string[] } {
  const overrides = new Map<string, SeverityLevel>();
  const problems: string[] = [];
  const byName = new Map([...codes.values()].map((c) => [c.name, c.code]));
  for (const [key, value] of Object.entries(settings ?? {})) {
    const code = codes.has(key.trim().toUpperCase()) ? key.trim().toUpperCase() : byName.get(key.trim().toLowerCase());
    const level = typeof value === 'string' ? levels.get(value.trim().toLowerCase()) : undefined;
    if (!code) problems.push(`"${key}" is not a finding code or name (see docs/checks.md).`);
    else if (!level) problems.push(`${key}: "${String(value)}" is not a severity; use error, warning, information, hint or off.`);
    else overrides.set(code, level);
  }
  return { overrides, problems };
}

/** The findings with overridden severities; findings whose code is `off` are left out. Pure. */
export function applySeverityOverrides(findings: readonly Finding[], overrides: SeverityOverrides): Finding[] {
  if (overrides.size === 0) return [...findings];
  const out: Finding[] = [];
  for (const f of findings) {
    const level = overrides.get(f.code);
    if (level === 'off') continue;
    out.push(level && level !== f.severity ? { ...f, severity: level } : f);
  }
  return out;
}
