import { choosePhrasebook } from '../commentary/choosePhrasebook';
import type { PhrasebookRegistry } from '../commentary/phrasebookRegistry';
import type { Criterion } from '../criteria/catalogue';
import type { ReportSectionData } from '../criteria/catalogueSchema';
import type { Inspection } from '../index/inspectionIndex';
import type { Located } from '../model/reader';
import { ReportContext } from './context';
import { printableReport } from './printable';
import { criterionSentences } from './criterion';
import type { ListSection, NumberedParagraph, Paragraph, ReportDocument, Section, Sentence, ThemeSection } from './document';
import { narrativeParagraphs } from './narrative';

export interface ReportOptions {
  /** Where phrasebooks are looked up (default: the built-in ones). */
  phrasebooks?: PhrasebookRegistry;
  /**
   * The phrasebook to use when the inspection file names none (an editor setting, say). The inspection's
   * `phrasebook:` wins; without either, the catalogue's choice, then the registry's default.
   */
  phrasebook?: string;
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
  const section = (id: string, data: ReportSectionData, paragraphs: Paragraph[]): Section => {
    const h = heading(data);
    return { id, ...(h !== undefined && { heading: h }), paragraphs };
  };

  const context = section(
    'context',
    report.context,
    narrative.context ? prose('context', narrative.context, 'narrative context') : standard('context', report.context.paragraphs),
  );
  const summaryParagraphs = prose('summary', narrative.summary, 'narrative summary');

  const themes: ThemeSection[] = catalogue.themes
    .filter((t) => t.number !== undefined)
    .map((t) => ({
      id: `theme-${t.number}`,
      number: t.number!,
      title: t.title,
      paragraphs: t.criteria.flatMap((c): NumberedParagraph[] => {
        const made = sentencesOf(c);
        if (!made || made.sentences.length === 0) return [];
        return [{ id: `criterion-${c.id}`, number: c.id, criterionId: c.id, sentences: made.sentences, ...(made.overridden && { overridden: true }) }];
      }),
    }));

  // Unnumbered themes (operational management) are reported in their own section, after its narrative,
  // unless the narrative places them with a {criterion} marker.
  const omParagraphs = prose('operational-management', narrative.operationalManagement, 'narrative operational management');
  for (const t of catalogue.themes.filter((th) => th.number === undefined)) {
    for (const c of t.criteria) {
      if (placed.has(c.id)) continue;
      const made = sentencesOf(c);
      if (made && made.sentences.length > 0) omParagraphs.push({ id: `criterion-${c.id}`, sentences: made.sentences });
    }
  }

  const list = (id: string, data: ReportSectionData, items: Located<string>[], numbering: ListSection['numbering'], label: string): ListSection | undefined => {
    if (items.length === 0) return undefined;
    const h = heading(data);
    const intro = data.intro !== undefined ? standard(`${id}-intro`, [data.intro])[0] : undefined;
    const outro = data.outro !== undefined ? standard(`${id}-outro`, [data.outro])[0] : undefined;
    return {
      id,
      ...(h !== undefined && { heading: h }),
      ...(intro && { intro }),
      numbering,
      items: items.map((item, i) => ({ id: `${id}-${i + 1}`, text: item.value.trim(), sources: [ctx.link(item, 'narrative', `${label} ${i + 1}`)] })),
      ...(outro && { outro }),
    };
  };

  const closingParagraphs = [...prose('closing-narrative', narrative.closing, 'narrative closing'), ...standard('closing', report.closing.paragraphs)];
  const copyHeading = heading(report.copyTo);
  const title = ctx.fill(report.title)?.text ?? report.title.replace(/\s*\{[^}]*\}/g, '');
  const keyStrengths = list('key-strengths', report.keyStrengths, narrative.keyStrengths, 'bullet', 'key strength');
  const areas = list('areas-for-improvement', report.areasForImprovement, narrative.areasForImprovement, 'roman', 'area for improvement');
  const note = report.note !== undefined ? standard('note', [report.note])[0] : undefined;
  const commentaryHeading = heading(report.commentary);

  return printableReport({
    uri: inspection.file.uri,
    catalogueId: catalogue.id,
    phrasebookId: phrasebook.id,
    language: phrasebook.language,
    figuresFrom: inspection.cases.size > 0 ? 'cases' : 'stated',
    letterhead: report.letterhead.flatMap((t) => ctx.fill(t)?.text ?? []),
    header: report.header.flatMap((h) => {
      const v = ctx.fillOrWarn(h.value, `"${h.label.replace(/:$/, '')}" line of the header`);
      return v ? [{ label: h.label, value: v.text, sources: v.sources }] : [];
    }),
    title,
    opening: standard('opening', report.opening),
    context,
    ...(summaryParagraphs.length > 0 && { summary: section('summary', report.summary, summaryParagraphs) }),
    commentary: { id: 'commentary', ...(commentaryHeading !== undefined && { heading: commentaryHeading }), themes },
    ...(omParagraphs.length > 0 && { operationalManagement: section('operational-management', report.operationalManagement, omParagraphs) }),
    ...(keyStrengths && { keyStrengths }),
    ...(areas && { areasForImprovement: areas }),
    closing: section('closing', report.closing, closingParagraphs),
    ...(model.copyTo.length > 0 && {
      copyTo: {
        id: 'copy-to',
        ...(copyHeading !== undefined && { heading: copyHeading }),
        rows: model.copyTo.map((row) => ({
          role: row.role.value,
          names: row.names.map((n) => n.value),
          sources: [ctx.link(row.role, 'field', 'copy to'), ...row.names.map((n) => ctx.link(n, 'field', 'copy to'))],
        })),
      },
    }),
    ...(note && { note }),
    warnings: ctx.warnings,
  });
}
