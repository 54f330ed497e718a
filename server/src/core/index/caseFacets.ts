import type { Judgement } from '../model/caseModel';
import type { CaseFile } from '../model/sqsFile';

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

/** Each facet's digest (its serialisation kept whole would cost a national workspace 9 KB a case file). */
export type Facets = Record<CaseFacet, string>;

export function facetsOf(file: CaseFile): Facets {
  const { model, parsed } = file;
  const judgements = [...model.judgements.entries()].map(([id, j]) => [id, judgementFacet(j)]);
  const quotes = [...model.judgements.values()].flatMap((j) =>
    j.quote ? [[j.quote.value, j.quote.range, parsed.text.slice(parsed.source.offset(j.keyRange.start), parsed.source.offset(j.quote.range.end))]] : [],
  );
  return {
    tallies: digest([
      file.catalogue.id,
      mapping(parsed.data),
      model.id,
      model.sentence && [model.sentence.value.id, model.sentence.range],
      [...model.facts],
      [...model.unreadable],
      judgements,
    ]),
    identity: digest([file.catalogue.id, mapping(parsed.data), model.id, model.criteriaRef, model.inspector, quotes]),
  };
}

/** A judgement without its notes and quote (the quote is identity's): what decides its contribution and where it is. */
function judgementFacet(j: Judgement): unknown {
  return [j.question.id, j.value, j.range, j.keyRange, j.path, j.reasons];
}

/**
 * Two 32-bit multiplicative hashes of the serialisation, with different seeds and mixes (cyrb53's), and its length.
 * Two different facets of one file that collide would leave the other files' cross-file findings as they were until
 * the next change that moves a facet: rarer than anything else that could go wrong, and never the file's own findings.
 */
function digest(value: unknown): string {
  const text = JSON.stringify(value);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}.${text.length}`;
}

function mapping(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data);
}
