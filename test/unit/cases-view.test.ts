import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { casesBadge, casesTree, isEmpty, statusText, type CasesNode } from '../../client/src/cases/tree';
import { workspaceOverview, type ProblemCount } from '../../server/src/core/api';
import type { WorkspaceOverview } from '../../server/src/protocol';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';

// The cases view: the overview the server computes (core/service/overview.ts) and the rows the view makes of it
// (client/src/cases/tree.ts): inspections with their cases in case order, each with its status, grouped by
// inspector on request, the badge for what is left, and the welcome when there is no SQS file at all.

const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));

function overviewOf(files: Record<string, string>): WorkspaceOverview {
  const w = workspace(files);
  const problems: ProblemCount = (uri) => {
    const findings = w.checker.findingsFor(uri);
    return { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length };
  };
  return workspaceOverview(w.index, problems);
}

const withInspector = (id: string, who: string, extra = '') => minimalCase(id, extra).replace('judgements:', `inspector: ${who}\njudgements:`);

const files = {
  'i/inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 4'),
  'i/cases/t-10.case.sqs.yaml': withInspector('T-10', 'JS'),
  'i/cases/t-2.case.sqs.yaml': withInspector('T-2', 'AB'),
  'i/cases/t-3.case.sqs.yaml': withInspector('T-3', 'JS', '  "1.3": Sufficient\n'),
  'i/cases/t-4.case.sqs.yaml': minimalCase('T-4'),
  'elsewhere/stray.case.sqs.yaml': minimalCase('S-1'),
};

const labels = (nodes: CasesNode[] | undefined) => (nodes ?? []).map((n) => n.label);

describe('the workspace overview', () => {
  const overview = overviewOf(files);
  const inspection = overview.inspections[0]!;

  it('lists each inspection’s cases in the order inspectors number them, and the cases outside any inspection', () => {
    assert.equal(overview.inspections.length, 1);
    assert.deepEqual(
      inspection.cases.map((c) => c.label),
      ['T-2', 'T-3', 'T-4', 'T-10'],
    );
    assert.deepEqual(
      overview.outside.map((c) => c.label),
      ['S-1'],
    );
    assert.equal(inspection.area, 'Testtown');
  });

  it('counts what is left to judge and the errors per case file', () => {
    const t3 = inspection.cases.find((c) => c.label === 'T-3')!;
    const t2 = inspection.cases.find((c) => c.label === 'T-2')!;
    assert.equal(t3.errors, 1, 'the unreadable "Sufficient"');
    assert.ok(t2.left > 0, 'a minimal case leaves most questions to judge');
    assert.equal(t2.inspector, 'AB');
    assert.equal(t2.sentence, 'referral order');
  });
});

describe('the cases view’s rows', () => {
  const overview = overviewOf(files);

  it('show each case’s status in words: errors, questions left, complete', () => {
    const [inspection] = casesTree(overview, { byInspector: false });
    const rows = inspection!.children!;
    assert.deepEqual(labels(rows), ['T-2', 'T-3', 'T-4', 'T-10']);
    const t3 = rows.find((n) => n.label === 'T-3')!;
    assert.equal(t3.status, 'errors');
    assert.match(t3.description, /^1 error, \d+ questions left · referral order · JS$/);
    assert.equal(t3.icon, 'error');
    const complete = statusText({ uri: 'x', label: 'X', counted: true, left: 0, errors: 0, warnings: 0 });
    assert.equal(complete, 'complete');
    assert.equal(statusText({ uri: 'x', label: 'X', counted: true, left: 1, errors: 0, warnings: 2 }), '1 question left');
    assert.match(inspection!.description, /^0\/4 cases judged · 1 error$/);
  });

  it('group by inspector on request, cases without one last', () => {
    const [inspection] = casesTree(overview, { byInspector: true });
    assert.deepEqual(labels(inspection!.children), ['AB', 'JS', 'No inspector named']);
    assert.deepEqual(labels(inspection!.children![1]!.children), ['T-3', 'T-10']);
    // Grouped, a case no longer repeats its inspector.
    assert.doesNotMatch(inspection!.children![1]!.children![0]!.description, /JS/);
  });

  it('put the cases outside any inspection in a group of their own', () => {
    const outside = casesTree(overview, { byInspector: false }).at(-1)!;
    assert.equal(outside.kind, 'outside');
    assert.deepEqual(labels(outside.children), ['S-1']);
  });

  it('badge the cases not complete, and say how many questions are left', () => {
    // The four cases of the inspection; the stray one counts nowhere, so has nothing left to judge.
    const badge = casesBadge(overview)!;
    assert.equal(badge.value, 4);
    assert.match(badge.tooltip, /^4 cases not complete: \d+ questions left to judge$/);
    const done: WorkspaceOverview = {
      inspections: [
        {
          uri: 'file:///i/inspection.sqs.yaml',
          folder: 'file:///i',
          revision: 1,
          errors: 0,
          warnings: 0,
          cases: [{ uri: 'c', label: 'C', counted: true, left: 0, errors: 0, warnings: 0 }],
        },
      ],
      outside: [],
    };
    assert.equal(casesBadge(done), undefined);
  });

  it('give way to the welcome (New Inspection, Open the Example) when there is no SQS file', () => {
    assert.equal(isEmpty(overviewOf({ 'notes.yaml': 'a: 1\n' })), true);
    assert.equal(isEmpty(overview), false);
    const welcome = pkg.contributes.viewsWelcome.find((w: { view: string }) => w.view === 'sqs.cases');
    assert.equal(welcome.when, 'sqs.noSqsFiles');
    const commands = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const links = [...(welcome.contents as string).matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
    assert.deepEqual(links, ['sqs.newInspection', 'sqs.openExample', 'workbench.action.openWalkthrough']);
    for (const id of links.slice(0, 2)) assert.ok(commands.has(id), id);
  });
});

describe('the cases view in package.json', () => {
  it('lives in a view container of its own, so an ordinary workspace does not show it or wake the extension for it', () => {
    const containers = pkg.contributes.viewsContainers.activitybar;
    assert.deepEqual(
      containers.map((c: { id: string }) => c.id),
      ['sqs'],
    );
    assert.deepEqual(
      pkg.contributes.views.sqs.map((v: { id: string }) => v.id),
      ['sqs.cases'],
    );
    assert.equal(pkg.contributes.views.explorer, undefined);
  });

  it('offers the grid, the preview and New Case File on an inspection, and grouping in its title bar', () => {
    const item = pkg.contributes.menus['view/item/context'] as { command: string; when: string; group: string }[];
    const inline = item.filter((m) => m.group.startsWith('inline') && m.when.includes('viewItem == sqs.inspection')).map((m) => m.command);
    assert.deepEqual(inline, ['sqs.cases.openGrid', 'sqs.cases.openPreview', 'sqs.cases.newCase']);
    const title = pkg.contributes.menus['view/title'].map((m: { command: string }) => m.command);
    assert.deepEqual(title, ['sqs.cases.groupByInspector', 'sqs.cases.listByInspection']);
  });
});
