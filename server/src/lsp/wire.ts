import {
  isNumbered,
  type Paragraph,
  type Range as CoreRange,
  type ReportBlock,
  type ReportDocument,
  type Sentence,
  type SourceLink as CoreLink,
} from '../core/api';
import type { Range, SourceLink, WireBlock, WireParagraph, WireReport, WireSentence } from '../protocol';

// The core's report model as `sqs/report` carries it (protocol.ts). Written out field by field so that a change
// to the model is a change here, decided on, and never a change to the protocol by accident.

export function wireReport(doc: ReportDocument): WireReport {
  return {
    title: doc.title,
    language: doc.language,
    figuresFrom: doc.figuresFrom,
    blocks: doc.blocks.map(wireBlock),
    warnings: doc.warnings.map((w) => ({
      message: w.message,
      ...(w.questionId !== undefined && { questionId: w.questionId }),
      sources: w.sources.map(wireLink),
    })),
  };
}

function wireBlock(b: ReportBlock): WireBlock {
  switch (b.kind) {
    case 'letterhead':
      return { kind: 'letterhead', lines: [...b.lines] };
    case 'memo':
      return { kind: 'memo', fields: b.fields.map((f) => ({ label: f.label, value: f.value, sources: f.sources.map(wireLink) })) };
    case 'title':
      return { kind: 'title', text: b.text };
    case 'section':
      return {
        kind: 'section',
        id: b.id,
        role: b.role,
        ...(b.heading !== undefined && { heading: b.heading }),
        ...(b.number !== undefined && { number: b.number }),
        blocks: b.blocks.map(wireBlock),
      };
    case 'paragraph':
      return { kind: 'paragraph', paragraph: wireParagraph(b.paragraph) };
    case 'note':
      return { kind: 'note', paragraph: wireParagraph(b.paragraph) };
    case 'list':
      return { kind: 'list', numbering: b.numbering, items: b.items.map((i) => ({ id: i.id, text: i.text, sources: i.sources.map(wireLink) })) };
    case 'table':
      return { kind: 'table', rows: b.rows.map((r) => ({ role: r.role, names: [...r.names], sources: r.sources.map(wireLink) })) };
    case 'figures':
      return {
        kind: 'figures',
        id: b.id,
        caption: b.caption,
        ...(b.compared && { compared: { inspections: b.compared.inspections } }),
        rows: b.rows.map((r) => ({
          questionId: r.questionId,
          criterionId: r.criterionId,
          label: r.label,
          review: r.review,
          ...(r.relevant !== undefined && { relevant: r.relevant }),
          ...(r.done !== undefined && { done: r.done }),
          ...(r.sufficient !== undefined && { sufficient: r.sufficient }),
          ...(r.notSufficient !== undefined && { notSufficient: r.notSufficient }),
          ...(r.share !== undefined && { share: r.share }),
          reasons: r.reasons.map((x) => ({ code: x.code, count: x.count })),
          unjudged: r.unjudged,
          ...(r.compared && { compared: { mean: r.compared.mean, inspections: r.compared.inspections } }),
          sources: r.sources.map(wireLink),
        })),
      };
    case 'chart':
      return {
        kind: 'chart',
        id: b.id,
        title: b.title,
        describedBy: b.describedBy,
        bars: b.bars.map((x) => ({
          questionId: x.questionId,
          label: x.label,
          sufficient: x.sufficient,
          relevant: x.relevant,
          share: x.share,
          ...(x.mean !== undefined && { mean: x.mean }),
        })),
      };
  }
}

function wireParagraph(p: Paragraph): WireParagraph {
  const numbered = isNumbered(p) ? p : undefined;
  return {
    id: p.id,
    ...(numbered && { number: numbered.number, criterionId: numbered.criterionId }),
    ...(numbered?.overridden && { overridden: true }),
    sentences: p.sentences.map(wireSentence),
  };
}

function wireSentence(s: Sentence): WireSentence {
  return {
    text: s.text,
    kind: s.kind,
    ...(s.questionId !== undefined && { questionId: s.questionId }),
    sources: s.sources.map(wireLink),
    ...(s.figures && {
      figures: s.figures.map((f) => ({
        questionId: f.questionId,
        count: f.count,
        total: f.total,
        framing: f.framing,
        phrase: f.phrase,
        ...(f.wording !== undefined && { wording: f.wording }),
        from: f.from,
      })),
    }),
  };
}

export function wireLink(l: CoreLink): SourceLink {
  return { uri: l.uri, range: wireRange(l.range), role: l.role, label: l.label };
}

export function wireRange({ start, end }: CoreRange): Range {
  return { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
}
