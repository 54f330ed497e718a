import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { choosePhrasebook } from '../../server/src/core/index/choosePhrasebook';
import { hoverAt } from '../../server/src/core/service/hover';
import { buildReport } from '../../server/src/core/report/buildReport';
import { numberedParagraphs } from '../../server/src/core/report/navigate';
import { minimalInspection, workspace } from '../helpers/index';

describe('choosing the phrasebook', () => {
  const named = `${minimalInspection}phrasebook: education-scotland\n`;

  it("the inspection's own phrasebook wins over an editor's preference", () => {
    const ws = workspace({ 'inspection.sqs.yaml': named });
    const insp = ws.index.inspections()[0]!;
    assert.equal(choosePhrasebook(insp, 'sqs').id, 'education-scotland');
    assert.equal(buildReport(insp, { phrasebook: 'sqs' }).phrasebookId, 'education-scotland');
  });

  it("the editor's preference applies to an inspection that names none, else the default", () => {
    const ws = workspace({ 'inspection.sqs.yaml': minimalInspection });
    const insp = ws.index.inspections()[0]!;
    assert.equal(choosePhrasebook(insp, 'education-scotland').id, 'education-scotland');
    assert.equal(choosePhrasebook(insp).id, 'sqs');
    assert.equal(choosePhrasebook(insp, 'no-such-book').id, 'sqs');
  });

  it("a hover words the tally with the inspection's phrasebook, whatever the editor prefers", () => {
    // 9 of 10 sufficient: "almost all" in Education Scotland's table, "the great majority" in the SQS one.
    const cases: Record<string, string> = {};
    for (let i = 1; i <= 10; i++) {
      cases[`c${i}.case.sqs.yaml`] =
        `case: T-${i}\nsentence: referral order\npsr: no\nrisk_of_harm: no\nidentifiable_victim: no\njudgements:\n  "1.2": ${i === 1 ? 'not sufficient' : 'sufficient'}\n`;
    }
    const text = named.replace('sample: 2', 'sample: 10');
    const ws = workspace({ 'inspection.sqs.yaml': text, ...cases });
    const offset = ws.index.get(ws.uri('c2.case.sqs.yaml'))!.parsed.text.indexOf('"1.2"') + 1;
    const hover = hoverAt(ws.index, ws.uri('c2.case.sqs.yaml'), offset, { phrasebook: 'sqs' })!;
    const report = buildReport(ws.index.inspections()[0]!, { phrasebook: 'sqs' });
    const said = /The report says: “([^”]+)”/.exec(hover.markdown)?.[1]?.replace(/\\(.)/g, '$1');
    assert.ok(said, hover.markdown);
    const p12 = numberedParagraphs(report).find((p) => p.criterionId === '1.2')!;
    const figure = p12.sentences.flatMap((s) => s.figures ?? [])[0]!;
    assert.equal(figure.phrase, 'most', "Education Scotland's word for 90%");
    // The sentence the report prints, not a phrase of it.
    assert.equal(said, p12.sentences.find((s) => s.kind === 'generated')!.text);
    assert.match(said, /^Most of /);
  });
});
