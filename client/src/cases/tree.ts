import type { CaseSummary, InspectionSummary, WorkspaceOverview } from '../../../server/src/protocol';
import { progressText } from '../progress';

// The cases view as plain data: which rows it shows, in what words, with which icon and actions. Free of VS Code
// (the provider maps a node to a TreeItem), so the grouping, the statuses and the badge are tested as they are.

export type CaseStatus = 'complete' | 'left' | 'errors' | 'uncounted';

export interface CasesNode {
  /** Stable across refreshes, so the view keeps what is expanded and selected. */
  id: string;
  kind: 'inspection' | 'inspector' | 'case' | 'outside';
  label: string;
  description: string;
  tooltip: string;
  /** A product icon (codicon) id. */
  icon: string;
  /** The file a click opens: the case file, or the inspection file. */
  uri?: string;
  /** The inspection a row belongs to (for its context actions). */
  inspection?: string;
  status?: CaseStatus;
  children?: CasesNode[];
}

export interface CasesOptions {
  byInspector: boolean;
}

export function caseStatus(c: CaseSummary): CaseStatus {
  if (c.errors > 0) return 'errors';
  if (!c.counted) return 'uncounted';
  return c.left > 0 ? 'left' : 'complete';
}

/** "complete", "3 questions left", "2 errors": the status a case shows beside its name. */
export function statusText(c: CaseSummary): string {
  switch (caseStatus(c)) {
    case 'errors':
      return `${count(c.errors, 'error')}${c.left > 0 ? `, ${count(c.left, 'question')} left` : ''}`;
    case 'uncounted':
      return 'not counted (other criteria)';
    case 'left':
      return `${count(c.left, 'question')} left`;
    case 'complete':
      return 'complete';
  }
}

const icons: Record<CaseStatus, string> = { complete: 'pass', left: 'circle-large-outline', errors: 'error', uncounted: 'circle-slash' };

export function casesTree(overview: WorkspaceOverview, options: CasesOptions): CasesNode[] {
  const nodes = overview.inspections.map((i) => inspectionNode(i, options));
  if (overview.outside.length > 0) {
    nodes.push({
      id: 'outside',
      kind: 'outside',
      label: 'Outside any inspection',
      description: count(overview.outside.length, 'case file'),
      tooltip: 'Case files with no inspection.sqs.yaml in their folder or above it: checked, but counted in no inspection.',
      icon: 'question',
      children: overview.outside.map((c) => caseNode(c, undefined, true)),
    });
  }
  return nodes;
}

function inspectionNode(i: InspectionSummary, options: CasesOptions): CasesNode {
  const judged = i.cases.filter((c) => c.counted && c.left === 0).length;
  const errors = i.errors + i.cases.reduce((n, c) => n + c.errors, 0);
  const progress = progressText({ casesJudged: judged, cases: i.cases.length, sample: i.sample });
  const name = i.area ?? folderName(i.folder);
  const children = options.byInspector ? byInspector(i) : i.cases.map((c) => caseNode(c, i.uri, true));
  return {
    id: `inspection:${i.uri}`,
    kind: 'inspection',
    label: name,
    description: errors > 0 ? `${progress} · ${count(errors, 'error')}` : progress,
    tooltip: `${name}: ${progress}${errors > 0 ? `, ${count(errors, 'error')}` : ''}. ${folderName(i.folder)}/inspection.sqs.yaml`,
    icon: errors > 0 ? 'error' : judged === i.cases.length && i.cases.length > 0 ? 'pass-filled' : 'checklist',
    uri: i.uri,
    inspection: i.uri,
    children,
  };
}

const noInspector = 'No inspector named';

function byInspector(i: InspectionSummary): CasesNode[] {
  const groups = new Map<string, CaseSummary[]>();
  for (const c of i.cases) {
    const who = c.inspector ?? noInspector;
    groups.set(who, [...(groups.get(who) ?? []), c]);
  }
  const names = [...groups.keys()].sort((a, b) => (a === noInspector ? 1 : b === noInspector ? -1 : a.localeCompare(b, 'en', { numeric: true })));
  return names.map((who) => {
    const cases = groups.get(who)!;
    const left = cases.filter((c) => caseStatus(c) !== 'complete').length;
    return {
      id: `inspector:${i.uri}:${who}`,
      kind: 'inspector',
      label: who,
      description: `${count(cases.length, 'case')}${left > 0 ? `, ${left} not complete` : ', all complete'}`,
      tooltip: `${who}: ${count(cases.length, 'case')} of ${i.area ?? folderName(i.folder)}`,
      icon: 'person',
      inspection: i.uri,
      children: cases.map((c) => caseNode(c, i.uri, false)),
    };
  });
}

function caseNode(c: CaseSummary, inspection: string | undefined, showInspector: boolean): CasesNode {
  const status = caseStatus(c);
  const about = [c.sentence, showInspector && c.inspector].filter(Boolean).join(' · ');
  const words = statusText(c);
  return {
    id: `case:${c.uri}`,
    kind: 'case',
    label: c.label,
    description: about ? `${words} · ${about}` : words,
    tooltip: [
      `${c.label}: ${words}`,
      c.sentence && `Sentence: ${c.sentence}`,
      c.inspector && `Inspector: ${c.inspector}`,
      c.warnings > 0 && count(c.warnings, 'warning'),
    ]
      .filter(Boolean)
      .join('\n'),
    icon: icons[status],
    uri: c.uri,
    ...(inspection !== undefined && { inspection }),
    status,
  };
}

/** The view's badge: the cases with something left to do (questions to judge, or errors), across the workspace. */
export function casesBadge(overview: WorkspaceOverview): { value: number; tooltip: string } | undefined {
  const all = [...overview.inspections.flatMap((i) => i.cases), ...overview.outside];
  const open = all.filter((c) => caseStatus(c) === 'left' || caseStatus(c) === 'errors');
  const left = all.reduce((n, c) => n + c.left, 0);
  if (open.length === 0) return undefined;
  return { value: open.length, tooltip: `${count(open.length, 'case')} not complete: ${count(left, 'question')} left to judge` };
}

/** No SQS file in the workspace: the view shows its welcome (New Inspection, Open the Example). */
export function isEmpty(overview: WorkspaceOverview): boolean {
  return overview.inspections.length === 0 && overview.outside.length === 0;
}

function count(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

function folderName(folder: string): string {
  const parts = folder.replace(/\/+$/, '').split('/');
  return decodeURIComponent(parts[parts.length - 1] ?? folder);
}
