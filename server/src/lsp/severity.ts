import { codes, type Finding } from '../core/index';
import type { Settings } from '../protocol';

// The one place settings change what the checks report. The `sqs.diagnostics.*` settings become a map
// code → level; findings set to "off", and findings an inline `# sqs-ignore` silenced, are dropped.

export type Level = Finding['severity'] | 'off';

const notYetJudgedName = 'not-yet-judged';

/** Settings as per-code levels; names ("sample-mismatch") and codes ("SQS040") both work. */
export function severityOverrides(settings: Settings): Map<string, Level> {
  const byName = new Map([...codes.values()].map((c) => [c.name, c.code]));
  const out = new Map<string, Level>();
  const notYetJudged = byName.get(notYetJudgedName);
  if (notYetJudged) out.set(notYetJudged, settings.diagnostics.notYetJudged);
  for (const [key, level] of Object.entries(settings.diagnostics.severity)) {
    const code = codes.has(key.trim().toUpperCase()) ? key.trim().toUpperCase() : byName.get(key.trim().toLowerCase());
    if (code) out.set(code, level);
  }
  return out;
}

export function applySettings(findings: readonly Finding[], settings: Settings): Finding[] {
  const overrides = severityOverrides(settings);
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.ignored) continue;
    const level = overrides.get(f.code);
    if (level === 'off') continue;
    out.push(level && level !== f.severity ? { ...f, severity: level } : f);
  }
  return out;
}
