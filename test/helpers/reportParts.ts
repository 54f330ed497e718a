import type { CopyRow, HeaderField, ListItem, NumberedParagraph, Paragraph, ReportBlock, ReportDocument, SectionBlock } from '../../server/src/core/api';

// The report's blocks read back as the letter's named parts, so a test can say "the summary's first paragraph"
// or "the theme 2 paragraphs" plainly. Tests only: the server and the renderers walk the blocks.

export interface Section {
  id: string;
  heading?: string;
  paragraphs: Paragraph[];
}

export interface ThemeSection {
  id: string;
  number: number;
  title: string;
  paragraphs: NumberedParagraph[];
}

export interface ListSection {
  id: string;
  heading?: string;
  intro?: Paragraph;
  numbering: 'bullet' | 'roman';
  items: ListItem[];
  outro?: Paragraph;
}

export interface ReportParts {
  title: string;
  letterhead: string[];
  header: HeaderField[];
  opening: Paragraph[];
  context: Section;
  summary?: Section;
  commentary: { id: string; heading?: string; themes: ThemeSection[] };
  operationalManagement?: Section;
  keyStrengths?: ListSection;
  areasForImprovement?: ListSection;
  closing: Section;
  copyTo?: { id: string; heading?: string; rows: CopyRow[] };
  note?: Paragraph;
}

export function parts(doc: ReportDocument): ReportParts {
  const out: ReportParts = {
    title: doc.title,
    letterhead: [],
    header: [],
    opening: [],
    context: { id: 'context', paragraphs: [] },
    commentary: { id: 'commentary', themes: [] },
    closing: { id: 'closing', paragraphs: [] },
  };
  const heading = (s: SectionBlock) => (s.heading !== undefined ? { heading: s.heading } : {});
  const paragraphs = (blocks: readonly ReportBlock[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.paragraph] : []));
  for (const b of doc.blocks) {
    if (b.kind === 'letterhead') out.letterhead = b.lines;
    else if (b.kind === 'memo') out.header = b.fields;
    else if (b.kind === 'paragraph') out.opening.push(b.paragraph);
    else if (b.kind === 'note') out.note = b.paragraph;
    else if (b.kind === 'section') {
      const section: Section = { id: b.id, ...heading(b), paragraphs: paragraphs(b.blocks) };
      switch (b.role) {
        case 'context':
          out.context = section;
          break;
        case 'summary':
          out.summary = section;
          break;
        case 'operational-management':
          out.operationalManagement = section;
          break;
        case 'closing':
          out.closing = section;
          break;
        case 'commentary':
          out.commentary = {
            id: b.id,
            ...heading(b),
            themes: b.blocks.flatMap((t) =>
              t.kind === 'section' ? [{ id: t.id, number: t.number!, title: t.heading!, paragraphs: paragraphs(t.blocks) as NumberedParagraph[] }] : [],
            ),
          };
          break;
        case 'key-strengths':
        case 'areas-for-improvement': {
          const list = b.blocks.find((x) => x.kind === 'list');
          const at = b.blocks.findIndex((x) => x.kind === 'list');
          const before = paragraphs(b.blocks.slice(0, at));
          const after = paragraphs(b.blocks.slice(at + 1));
          const l: ListSection = {
            id: b.id,
            ...heading(b),
            ...(before[0] && { intro: before[0] }),
            numbering: list?.kind === 'list' ? list.numbering : 'bullet',
            items: list?.kind === 'list' ? list.items : [],
            ...(after[0] && { outro: after[0] }),
          };
          if (b.role === 'key-strengths') out.keyStrengths = l;
          else out.areasForImprovement = l;
          break;
        }
        case 'copy-to': {
          const table = b.blocks.find((x) => x.kind === 'table');
          out.copyTo = { id: b.id, ...heading(b), rows: table?.kind === 'table' ? table.rows : [] };
          break;
        }
        case 'theme':
          break;
      }
    }
  }
  return out;
}
