import type { Judgement } from '../model/caseModel';
import type { CaseFile } from '../model/sqsFile';
import { readsAsMapping } from '../yaml/reparsable';

/**
 * What the cross-file checks read of a case file, in two facets with a revision each (Inspection.facetRevision):
 *
 * - `tallies`: what the case contributes to its inspection's tallies and where (its judgements, reasons, facts,
 *   sentence and their ranges), its id (the name the count findings list it by) and its catalogue;
 * - `identity`: what names it (its id and criteria with their ranges, its catalogue, its inspector) and the text it
 *   gives the report (each quote, as written, from its criterion's key on).
 *
 * Notes, comments and layout on lines of their own are in neither: a keystroke there changes no facet, so no
 * cross-file check runs again and no other file's findings are looked at (a national workspace types as fast as
 * Liverpool). A check that reads anything else of a case is not a built-in one: it is run on every revision.
 */
export type CaseFacet = 'tallies' | 'identity';
export const caseFacets: readonly CaseFacet[] = ['tallies', 'identity'];

/** Each facet, serialised: two analyses of a file are compared by them when the second replaces the first. */
export type Facets = Record<CaseFacet, string>;

/** Reads the file's tree only for a quote's text as written: a closed file replaced from the disk is not parsed again for the rest. */
export function facetsOf(file: CaseFile): Facets {
  const { model, parsed } = file;
  const judgements = [...model.judgements.entries()].map(([id, j]) => [id, judgementFacet(j)]);
  const quotes = [...model.judgements.values()].flatMap((j) =>
    j.quote ? [[j.quote.value, j.quote.range, parsed.text.slice(parsed.source.offset(j.keyRange.start), parsed.source.offset(j.quote.range.end))]] : [],
  );
  return {
    tallies: JSON.stringify([
      file.catalogue.id,
      readsAsMapping(parsed),
      model.id,
      model.sentence && [model.sentence.value.id, model.sentence.range],
      [...model.facts],
      [...model.unreadable],
      judgements,
    ]),
    identity: JSON.stringify([file.catalogue.id, readsAsMapping(parsed), model.id, model.criteriaRef, model.inspector, quotes]),
  };
}

/** A judgement without its notes and quote (the quote is identity's): what decides its contribution and where it is. */
function judgementFacet(j: Judgement): unknown {
  return [j.question.id, j.value, j.range, j.keyRange, j.path, j.reasons];
}
