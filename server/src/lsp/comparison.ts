import { URI, Utils } from 'vscode-uri';
import { comparisonFor, isUnder, type Comparison, type Inspection } from '../core/api';
import type { Settings } from '../protocol';
import type { Workspace } from './workspace';

// The comparison across inspections the editor's `sqs.compare.folders` asks for: only then, so a report never
// depends on what else happens to be open.

export interface ComparisonFor {
  comparison?: Comparison;
  /** Which inspections it was made from, at which revision: a report built with it is current while this is. */
  key: string;
}

/** The folders of the setting as URIs: absolute, or relative to the inspection's folder. */
export function compareFolders(inspection: Inspection, folders: readonly string[]): string[] {
  const base = URI.parse(inspection.folder);
  return folders.map((f) => (/^([a-zA-Z]:)?[\\/]/.test(f) ? URI.file(f) : Utils.resolvePath(base, f.replace(/\\/g, '/'))).toString().replace(/\/+$/, ''));
}

/** The inspections the server has indexed under the setting's folders, set beside this one (none: no comparison). */
export function comparisonOf(ws: Workspace, inspection: Inspection, settings: Settings): ComparisonFor {
  if (settings.compare.folders.length === 0) return { key: '' };
  const folders = compareFolders(inspection, settings.compare.folders);
  const others = ws.index.inspections().filter((o) => o !== inspection && folders.some((f) => o.folder === f || isUnder(o.folder, f)));
  return {
    comparison: comparisonFor(inspection, others, ws.checker, settings.phrasebook ? { phrasebook: settings.phrasebook } : {}),
    key: others.map((o) => `${o.folder}@${o.revision}`).join(' '),
  };
}
