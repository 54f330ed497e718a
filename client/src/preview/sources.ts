import { paragraphsFedBy, paragraphsOf } from '../../../server/src/core/report/navigate';
import type { ReportDocument, SourceLink } from '../../../server/src/core/report/document';
import type { Position, Range } from '../../../server/src/core/types';

// Lookups in the report document model the preview holds: what a clicked sentence was made from, and which
// paragraphs a place in a file feeds. The model says; this only asks it (navigate.ts in the core).

/**
 * The places a sentence (or, without `sentence`, a whole paragraph) was made from, each once, in the model's
 * order. Empty when the paragraph or sentence is not in this report (a click on a page that was just replaced).
 */
export function sourcesOf(doc: ReportDocument, paragraphId: string, sentence?: number): SourceLink[] {
  const entry = paragraphsOf(doc).find((e) => e.paragraph.id === paragraphId);
  if (!entry) return [];
  const sentences = sentence === undefined ? entry.paragraph.sentences : entry.paragraph.sentences.slice(sentence, sentence + 1);
  const seen = new Set<string>();
  const out: SourceLink[] = [];
  for (const link of sentences.flatMap((s) => s.sources)) {
    const key = `${link.uri}#${link.range.start.line}:${link.range.start.character}-${link.range.end.line}:${link.range.end.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(link);
  }
  return out;
}

/** The ids of the paragraphs made from what is at `at` in the file `uri` (the cursor or a selection). */
export function paragraphIdsAt(doc: ReportDocument, uri: string, at: Position | Range): string[] {
  return paragraphsFedBy(doc, uri, at).map((p) => p.id);
}
