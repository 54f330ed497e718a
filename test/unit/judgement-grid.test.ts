import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { InspectionIndex, judgementGrid } from '../../server/src/core/api';
import { liverpool } from '../helpers/example';
import { minimalInspection, workspace } from '../helpers/index';

// The judgement grid's data (core/service/grid.ts): one row per question in the catalogue's order, one column per
// case in the order inspectors number them, each cell what the case says about the question, each row its tally
// and the figures the inspection file states against it.

function loadLiverpool(): InspectionIndex {
  const index = new InspectionIndex();
  index.set(URI.file(path.join(liverpool, 'inspection.sqs.yaml')).toString(), readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8'));
  for (const name of readdirSync(path.join(liverpool, 'cases')))
    index.set(URI.file(path.join(liverpool, 'cases', name)).toString(), readFileSync(path.join(liverpool, 'cases', name), 'utf8'));
  return index;
}

describe('the judgement grid of the Liverpool example', () => {
  const index = loadLiverpool();
  const grid = judgementGrid(index.inspections()[0]!);

  it('has a row per question in catalogue order and a column per case in case order', () => {
    assert.deepEqual(
      grid.rows.map((r) => r.label),
      [...index.registry.latest.questions.values()].map((q) => (q.criterion.questions.length > 1 ? `${q.criterion.id} ${q.key}` : q.criterion.id)),
    );
    assert.equal(grid.rows[0]!.label, '1.1 report');
    assert.equal(grid.rows[2]!.label, '1.2');
    assert.equal(grid.rows.at(-1)!.label, 'OM');
    assert.equal(grid.columns.length, 34);
    assert.deepEqual(
      grid.columns.slice(0, 3).map((c) => c.label),
      ['LIV-01', 'LIV-02', 'LIV-03'],
    );
    assert.equal(grid.area, 'Liverpool');
  });

  it('each row’s tally is the sum of its cells, and agrees with every figure the published report states', () => {
    for (const [i, row] of grid.rows.entries()) {
      const cells = grid.columns.map((c) => c.cells[i]);
      assert.equal(row.tally.sufficient, cells.filter((s) => s === 'sufficient').length, row.label);
      assert.equal(row.tally.notSufficient, cells.filter((s) => s === 'not-sufficient').length, row.label);
      assert.equal(row.tally.unjudged, cells.filter((s) => s === 'unjudged').length, row.label);
      for (const s of row.stated) assert.equal(s.stated, s.tallied, `${row.label} ${s.field}`);
    }
    assert.deepEqual(grid.rows[0]!.tally, { relevant: 22, sufficient: 19, notSufficient: 3, unjudged: 0 });
    assert.ok(grid.rows[0]!.stated.some((s) => s.field === 'relevant' && s.stated === 22));
  });

  it('shows the case facts ruling questions out, and the reasons given', () => {
    const custody = grid.rows.findIndex((r) => r.question === '1.5/custody-plan');
    const community = grid.columns.find((c) => c.sentence === 'youth rehabilitation order')!;
    assert.equal(community.cells[custody], 'ruled-out');
    const withReasons = grid.columns.flatMap((c) => Object.entries(c.reasons).map(([i, codes]) => ({ row: grid.rows[Number(i)]!, codes })));
    assert.ok(withReasons.length > 0);
    for (const { row, codes } of withReasons) for (const code of codes) assert.ok(code in row.reasons, `${row.label}: ${code}`);
  });

  it('names each case’s inspector and sentence', () => {
    assert.ok(grid.columns.every((c) => typeof c.inspector === 'string' && typeof c.sentence === 'string'));
  });
});

describe('the cells of the grid', () => {
  const head = (facts: string) => `case: A-1\nsentence: referral order\n${facts}\n`;
  const stateOf = (text: string, question: string) => {
    const w = workspace({ 'inspection.sqs.yaml': minimalInspection, 'cases/a.case.sqs.yaml': text });
    const grid = judgementGrid(w.index.inspections()[0]!);
    return grid.columns[0]!.cells[grid.rows.findIndex((r) => r.question === question)];
  };
  const facts = 'psr: no\nrisk_of_harm: no\nidentifiable_victim: no';

  it('tell the inspector’s own "not applicable" from a question the facts rule out', () => {
    const text = `${head(facts)}judgements:\n  "1.3": not applicable\n`;
    assert.equal(stateOf(text, '1.3/review'), 'not-applicable');
    assert.equal(stateOf(text, '2.1/psr'), 'ruled-out');
  });

  it('show what is written where it does not count', () => {
    assert.equal(stateOf(`${head(facts)}judgements:\n  "2.1": sufficient\n`, '2.1/psr'), 'ruled-out-judged');
    assert.equal(stateOf(`${head(facts)}judgements:\n  "1.2": not applicable\n`, '1.2/assessment'), 'marked-not-applicable');
    assert.equal(stateOf(`${head(facts)}judgements:\n  "1.2": Sufficient\n`, '1.2/assessment'), 'unreadable');
    assert.equal(stateOf(`${head(facts)}judgements:\n  "1.2": sufficient\n`, '1.3/review'), 'unjudged');
  });

  it('rule out the response to non-compliance where the case complied', () => {
    assert.equal(stateOf(`${head(facts)}judgements:\n  "4.5": { complied: yes }\n`, '4.5/response'), 'ruled-out');
    assert.equal(stateOf(`${head(facts)}judgements:\n  "4.5": { complied: no }\n`, '4.5/response'), 'unjudged');
  });
});
