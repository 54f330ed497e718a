import type { Finding, Position, Range } from '../types';
import type { Catalogue } from '../criteria/catalogue';
import {
  isNumbered,
  type ListItem,
  type NumberedParagraph,
  type Paragraph,
  type ReportBlock,
  type ReportDocument,
  type ReportWarning,
  type Sentence,
  type SourceLink,
} from './document';

// Ways into a report document for adapters: the preview maps a click to a sentence's sources, the cursor to
// the paragraphs it feeds, and diagnostics to the paragraphs whose figures they put in doubt.

/** Every paragraph of the report, in reading order (list items as one-sentence paragraphs). */
export function paragraphsOf(doc: ReportDocument): Paragraph[] {
  const out: Paragraph[] = [];
  const visit = (b: ReportBlock): void => {
    switch (b.kind) {
      case 'paragraph':
      case 'note':
        out.push(b.paragraph);
        return;
      case 'list':
        out.push(...b.items.map(itemParagraph));
        return;
      case 'section':
        b.blocks.forEach(visit);
        return;
      case 'letterhead':
      case 'memo':
      case 'title':
      case 'table':
      case 'figures':
      case 'chart':
        return;
    }
  };
  doc.blocks.forEach(visit);
  return out;
}

/** The commentary's numbered paragraphs, in order. */
export function numberedParagraphs(doc: ReportDocument): NumberedParagraph[] {
  return paragraphsOf(doc).filter(isNumbered);
}

/** The key the HTML renderer puts on each sentence (`data-sentence`): "<paragraph id>:<index>". */
export function sentenceKey(paragraphId: string, index: number): string {
  return `${paragraphId}:${index}`;
}

/** The sentence a `data-sentence` key names, with its paragraph. */
export function sentenceByKey(doc: ReportDocument, key: string): { paragraph: Paragraph; sentence: Sentence } | undefined {
  const cut = key.lastIndexOf(':');
  const id = key.slice(0, cut);
  const index = Number(key.slice(cut + 1));
  const paragraph = paragraphsOf(doc).find((p) => p.id === id);
  const sentence = paragraph?.sentences[index];
  return paragraph && sentence ? { paragraph, sentence } : undefined;
}

/**
 * The places a sentence (or, without `sentence`, a whole paragraph) was made from, each once, in the model's
 * order. Empty when the paragraph or sentence is not in this report (a click on a page that was just replaced).
 */
export function sourcesOf(doc: ReportDocument, paragraphId: string, sentence?: number): SourceLink[] {
  const paragraph = paragraphsOf(doc).find((p) => p.id === paragraphId);
  if (!paragraph) return [];
  const sentences = sentence === undefined ? paragraph.sentences : paragraph.sentences.slice(sentence, sentence + 1);
  return distinctPlaces(sentences.flatMap((s) => s.sources));
}

/** Links to the same place once, the first one kept. */
export function distinctPlaces(links: readonly SourceLink[]): SourceLink[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const key = `${l.uri}#${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The paragraphs made from a place in a file (the cursor in a case file or the inspection file). */
export function paragraphsFedBy(doc: ReportDocument, uri: string, at: Position | Range): Paragraph[] {
  const range = 'line' in at ? { start: at, end: at } : at;
  return paragraphsOf(doc).filter((p) => p.sentences.some((s) => s.sources.some((l) => l.uri === uri && overlaps(l.range, range))));
}

/**
 * The paragraphs whose sources a finding is on, with the findings: a stated count in error, a judgement
 * with a contradiction. The preview marks them instead of showing figures it cannot vouch for.
 */
export function paragraphsAffectedBy(doc: ReportDocument, findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const paragraph of paragraphsOf(doc)) {
    const links: SourceLink[] = paragraph.sentences.filter((s) => s.kind === 'generated' || s.kind === 'reasons').flatMap((s) => s.sources);
    const hits = findings.filter((f) => links.some((l) => l.uri === f.uri && overlaps(l.range, f.range)));
    if (hits.length > 0) out.set(paragraph.id, hits);
  }
  return out;
}

/**
 * The paragraphs whose own words a finding is in, with the findings: hand-written text (narrative, commentary, an
 * inspector's quote, a list's entry) holding what the finding is about, such as a child's name.
 */
export function paragraphsCarrying(doc: ReportDocument, findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  if (findings.length === 0) return out;
  for (const paragraph of paragraphsOf(doc)) {
    const links: SourceLink[] = paragraph.sentences
      .filter((s) => s.kind === 'narrative' || s.kind === 'override' || s.kind === 'quote')
      .flatMap((s) => s.sources);
    const hits = findings.filter((f) => links.some((l) => l.uri === f.uri && overlaps(l.range, f.range)));
    if (hits.length > 0) out.set(paragraph.id, hits);
  }
  return out;
}

/**
 * Where the report's warnings belong, so a preview can show each with its paragraph: the paragraph holding a
 * sentence about the warning's question, else the numbered paragraph of its criterion. A warning about no
 * question, or about a criterion the report has no paragraph for, is `unplaced`.
 */
export function paragraphsWarned(doc: ReportDocument, catalogue: Catalogue): { placed: Map<string, ReportWarning[]>; unplaced: ReportWarning[] } {
  const paragraphs = paragraphsOf(doc);
  const placed = new Map<string, ReportWarning[]>();
  const unplaced: ReportWarning[] = [];
  for (const w of doc.warnings) {
    const criterionId = w.questionId === undefined ? undefined : catalogue.question(w.questionId)?.criterion.id;
    const home =
      w.questionId === undefined
        ? undefined
        : (paragraphs.find((p) => p.sentences.some((s) => s.questionId === w.questionId)) ??
          paragraphs.filter(isNumbered).find((p) => p.criterionId === criterionId));
    if (home) placed.set(home.id, [...(placed.get(home.id) ?? []), w]);
    else unplaced.push(w);
  }
  return { placed, unplaced };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether two ranges share a position (touching counts: a cursor at the end of a value is on it). */
export function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** A list's entry as a one-sentence paragraph (so a bullet can be found like any paragraph). */
function itemParagraph(item: ListItem): Paragraph {
  return { id: item.id, sentences: [{ text: item.text, kind: 'narrative', sources: item.sources }] };
}
