import { applySeverityOverrides, readSeverityOverrides, type Finding, type SeverityOverrides } from '../core/api';
import type { Settings } from '../protocol';

// The one place settings change what the checks report: `sqs.diagnostics.notYetJudged` and
// `sqs.diagnostics.severity` become the core's per-code overrides. Findings an inline `# sqs-ignore`
// silenced are not shown in the editor.

const read = new WeakMap<Settings, { overrides: SeverityOverrides; problems: string[] }>();

function overridesOf(settings: Settings) {
  let r = read.get(settings);
  if (!r) {
    // The explicit per-code map wins over the shorthand for "not yet judged".
    r = readSeverityOverrides({ 'not-yet-judged': settings.diagnostics.notYetJudged, ...settings.diagnostics.severity });
    read.set(settings, r);
  }
  return r;
}

export function applySettings(findings: readonly Finding[], settings: Settings): Finding[] {
  return applySeverityOverrides(
    findings.filter((f) => !f.ignored),
    overridesOf(settings).overrides,
  );
}

/** Entries of `sqs.diagnostics.severity` that name no finding code, for the log. */
export function settingsProblems(settings: Settings): string[] {
  return overridesOf(settings).problems;
}
