// How a narrative block is written (docs/format.md): paragraphs at blank lines, and a criterion id in braces
// ("{OM}") standing for that criterion's generated sentences. One reading, for the report that places the
// sentences and for the prose check that reads the inspector's words around them.

/** A paragraph of a narrative block, by its offsets into the block's text. */
export interface NarrativeStretch {
  start: number;
  end: number;
}

/** A criterion marker in a narrative paragraph, by its offsets into the text it was found in. */
export interface CriterionMarker {
  criterionId: string;
  start: number;
  end: number;
}

/** The block's paragraphs (split at blank lines; blank ones left out), untrimmed. */
export function narrativeStretches(text: string): NarrativeStretch[] {
  const out: NarrativeStretch[] = [];
  let start = 0;
  const push = (end: number) => {
    if (text.slice(start, end).trim() !== '') out.push({ start, end });
  };
  for (const m of text.matchAll(/\n[ \t]*\n/g)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return out;
}

/** The criterion markers in a text: an id in braces that `isCriterion` knows (braces around anything else are prose). */
export function criterionMarkers(text: string, isCriterion: (id: string) => boolean): CriterionMarker[] {
  return [...text.matchAll(/\{([^{}\s]+)\}/g)]
    .filter((m) => isCriterion(m[1]!))
    .map((m) => ({ criterionId: m[1]!, start: m.index, end: m.index + m[0].length }));
}
