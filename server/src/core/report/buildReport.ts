import { choosePhrasebook } from '../index/choosePhrasebook';
import type { PhrasebookRegistry } from '../commentary/phrasebookRegistry';
import type { Criterion } from '../criteria/catalogue';
import type { ReportSectionData } from '../criteria/catalogueSchema';
import type { Inspection } from '../index/inspectionIndex';
import type { Located } from '../model/reader';
import { ReportContext } from './context';
import { printableReport } from './printable';
import { criterionSentences } from './criterion';
import type { ListBlock, NumberedParagraph, Paragraph, ParagraphBlock, ReportBlock, ReportDocument, SectionBlock, SectionRole, Sentence } from './document';
import { narrativeParagraphs } from './narrative';
import { figuresBlocks, type Comparison } from './figuresTable';

export interface ReportOptions {
  /** Where phrasebooks are looked up (default: the built-in ones). */
  phrasebooks?: PhrasebookRegistry;
  /**
   * The phrasebook to use when the inspection file names none (an editor setting, say). The inspection's
   * `phrasebook:` wins; without either, the catalogue's choice, then the registry's default.
   */
  phrasebook?: string;
  /**
   * Print the figures table and chart. Absent: as the inspection file says (`figures:`), else as `inspectorsCopy`
   * says; the published letter has none (SQS letters printed no table).
   */
  figures?: boolean;
  /** The inspectors' own copy (`--annotate`): figures on unless the inspection file says otherwise. */
  inspectorsCopy?: boolean;
  /** Other inspections' shares beside this one's in the figures table; only when asked for, never by default. */
  comparison?: Comparison;
}

/**
 * The report of one inspection as a document model. Pure: it reads the inspection (its files' models and
 * live tallies) and returns plain data, so it can run on every keystroke and its result can be cached on
 * `inspection.revision`. Never throws on bad input: what it cannot say becomes a warning.
 */
export function buildReport(inspection: Inspection, options: ReportOptions = {}): ReportDocument {
  const model = inspection.file.model;
  const catalogue = inspection.catalogue;
  const phrasebook = choosePhrasebook(inspection, options.phrasebook, options.phrasebooks);
  const ctx = new ReportContext(inspection, phrasebook);
  const report = catalogue.report;
  const narrative = model.narrative;

  const byCriterion = new Map<string, ReturnType<typeof criterionSentences>>();
  const sentencesOf = (c: Criterion) => {
    if (!byCriterion.has(c.id)) byCriterion.set(c.id, criterionSentences(ctx, c));
    return byCriterion.get(c.id);
  };
  const placed = new Set<string>();

  const standard = (id: string, templates: readonly string[] | undefined, what = `${id.replace(/-/g, ' ')} paragraph`): Paragraph[] =>
    (templates ?? [])
      .flatMap((t) => {
        const filled = ctx.fillOrWarn(t, what);
        return filled ? [{ id: '', sentences: [{ ...filled, kind: 'standard' as const }] }] : [];
      })
      .map((p, i) => ({ ...p, id: `${id}-${i + 1}` }));

  const prose = (id: string, block: Located<string> | undefined, label: string): Paragraph[] => {
    if (!block) return [];
    const parsed = inspection.file.parsed.source;
    return narrativeParagraphs(block, parsed, (cid) => catalogue.criterion(cid) !== undefined).flatMap((p, i): Paragraph[] => {
      const link = { uri: ctx.uri, range: p.range, role: 'narrative' as const, label };
      const sentences: Sentence[] = p.parts.flatMap((part): Sentence[] => {
        if ('text' in part) return [{ text: part.text, kind: 'narrative', sources: [link] }];
        placed.add(part.criterionId);
        return sentencesOf(catalogue.criterion(part.criterionId)!)?.sentences ?? [];
      });
      return sentences.length > 0 ? [{ id: `${id}-${i + 1}`, sentences }] : [];
    });
  };

  const heading = (section: ReportSectionData) => (section.heading !== undefined ? ctx.fill(section.heading)?.text : undefined);
  const section = (id: SectionRole, data: ReportSectionData, blocks: ReportBlock[]): SectionBlock => {
    const h = heading(data);
    return { kind: 'section', id, role: id, ...(h !== undefined && { heading: h }), blocks };
  };
  const paragraphs = (ps: readonly Paragraph[]): ParagraphBlock[] => ps.map((paragraph) => ({ kind: 'paragraph', paragraph }));

  const contextParagraphs = narrative.context ? prose('context', narrative.context, 'narrative context') : standard('context', report.context.paragraphs);
  const summaryParagraphs = prose('summary', narrative.summary, 'narrative summary');

  const themes: SectionBlock[] = catalogue.themes
    .filter((t) => t.number !== undefined)
    .map((t) => ({
      kind: 'section',
      id: `theme-${t.number}`,
      role: 'theme',
      number: t.number!,
      heading: t.title,
      blocks: t.criteria.flatMap((c): ParagraphBlock[] => {
        const made = sentencesOf(c);
        if (!made || made.sentences.length === 0) return [];
        const paragraph: NumberedParagraph = {
          id: `criterion-${c.id}`,
          number: c.id,
          criterionId: c.id,
          sentences: made.sentences,
          ...(made.overridden && { overridden: true }),
        };
        return [{ kind: 'paragraph', paragraph }];
      }),
    }));

  const omParagraphs = prose('operational-management', narrative.operationalManagement, 'narrative operational management');
  // Every narrative block is read before the unnumbered themes are placed: a {criterion} marker in any of them,
  // the closing included, places its criterion there and only there.
  const closingNarrative = prose('closing-narrative', narrative.closing, 'narrative closing');
  // Unnumbered themes (operational management) are reported in their own section, after its narrative,
  // unless a narrative block places them with a {criterion} marker.
  for (const t of catalogue.themes.filter((th) => th.number === undefined)) {
    for (const c of t.criteria) {
      if (placed.has(c.id)) continue;
      const made = sentencesOf(c);
      if (made && made.sentences.length > 0) omParagraphs.push({ id: `criterion-${c.id}`, sentences: made.sentences });
    }
  }

  const list = (
    id: SectionRole,
    data: ReportSectionData,
    items: Located<string>[],
    numbering: ListBlock['numbering'],
    label: string,
  ): SectionBlock | undefined => {
    if (items.length === 0) return undefined;
    const intro = data.intro !== undefined ? standard(`${id}-intro`, [data.intro]) : [];
    const outro = data.outro !== undefined ? standard(`${id}-outro`, [data.outro]) : [];
    return section(id, data, [
      ...paragraphs(intro),
      {
        kind: 'list',
        numbering,
        items: items.map((item, i) => ({ id: `${id}-${i + 1}`, text: item.value.trim(), sources: [ctx.link(item, 'narrative', `${label} ${i + 1}`)] })),
      },
      ...paragraphs(outro),
    ]);
  };

  // The parts below are worded in this order so that the report's warnings come in the order they always have.
  const closingParagraphs = [...closingNarrative, ...standard('closing', report.closing.paragraphs)];
  const title = ctx.fill(report.title)?.text ?? report.title.replace(/\s*\{[^}]*\}/g, '');
  const keyStrengths = list('key-strengths', report.keyStrengths, narrative.keyStrengths, 'bullet', 'key strength');
  const areas = list('areas-for-improvement', report.areasForImprovement, narrative.areasForImprovement, 'roman', 'area for improvement');
  const note = report.note !== undefined ? standard('note', [report.note])[0] : undefined;
  const letterhead = report.letterhead.flatMap((t) => ctx.fill(t)?.text ?? []);
  const header = report.header.flatMap((h) => {
    const v = ctx.fillOrWarn(h.value, `"${h.label.replace(/:$/, '')}" line of the header`);
    return v ? [{ label: h.label, value: v.text, sources: v.sources }] : [];
  });
  const opening = standard('opening', report.opening);
  const withFigures = options.figures ?? model.figures?.value ?? options.inspectorsCopy ?? false;
  const figures = withFigures
    ? section('figures', report.figures ?? { heading: 'Figures' }, [
        ...paragraphs(standard('figures', report.figures?.paragraphs)),
        ...figuresBlocks(ctx, options.comparison),
      ])
    : undefined;

  const blocks: ReportBlock[] = [
    ...(letterhead.length > 0 ? [{ kind: 'letterhead' as const, lines: letterhead }] : []),
    ...(header.length > 0 ? [{ kind: 'memo' as const, fields: header }] : []),
    { kind: 'title', text: title },
    ...paragraphs(opening),
    section('context', report.context, paragraphs(contextParagraphs)),
    ...(summaryParagraphs.length > 0 ? [section('summary', report.summary, paragraphs(summaryParagraphs))] : []),
    section('commentary', report.commentary, themes),
    ...(omParagraphs.length > 0 ? [section('operational-management', report.operationalManagement, paragraphs(omParagraphs))] : []),
    ...(keyStrengths ? [keyStrengths] : []),
    ...(areas ? [areas] : []),
    section('closing', report.closing, paragraphs(closingParagraphs)),
    ...(model.copyTo.length > 0
      ? [
          section('copy-to', report.copyTo, [
            {
              kind: 'table',
              rows: model.copyTo.map((row) => ({
                role: row.role.value,
                names: row.names.map((n) => n.value),
                sources: [ctx.link(row.role, 'field', 'copy to'), ...row.names.map((n) => ctx.link(n, 'field', 'copy to'))],
              })),
            },
          ]),
        ]
      : []),
    ...(figures ? [figures] : []),
    ...(note ? [{ kind: 'note' as const, paragraph: note }] : []),
  ];

  return printableReport({
    uri: inspection.file.uri,
    catalogueId: catalogue.id,
    phrasebookId: phrasebook.id,
    language: phrasebook.language,
    figuresFrom: inspection.cases.size > 0 ? 'cases' : 'stated',
    title,
    blocks,
    warnings: ctx.warnings,
  });
}
