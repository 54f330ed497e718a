import type { Inspection, InspectionIndex } from '../index/inspectionIndex';
import type { QuestionTally } from '../index/tally';

/** How far an inspection has got: what an inspector wants to see at a glance. */
export interface InspectionProgress {
  inspection: Inspection;
  /** Case files present under the inspection folder. */
  cases: number;
  /** Case files counted in the tallies with no question left to judge. */
  casesJudged: number;
}

export function inspectionProgress(index: InspectionIndex, uri: string): InspectionProgress | undefined {
  const inspection = index.inspectionOf(uri);
  if (!inspection) return undefined;
  let casesJudged = 0;
  for (const caseUri of inspection.cases.keys()) {
    // A case the tallies do not count (another criteria version, SQS043) has nothing judged, not nothing left.
    if (inspection.tallies.contributionsOf(caseUri) && inspection.tallies.unjudgedIn(caseUri) === 0) casesJudged++;
  }
  return { inspection, cases: inspection.cases.size, casesJudged };
}

/** The live tallies of an inspection in catalogue order, as plain numbers. */
export function tallySummaries(inspection: Inspection): { tally: QuestionTally; reasons: Record<string, number> }[] {
  return [...inspection.catalogue.questions.values()].map((q) => {
    const tally = inspection.tallies.get(q.id)!;
    return { tally, reasons: Object.fromEntries(tally.reasons) };
  });
}
