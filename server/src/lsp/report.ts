import { buildReport, paragraphsAffectedBy, type Finding, type Inspection, type ReportDocument } from '../core/index';
import type { ExportFormat, ExportResult, ReportMark, ReportPayload } from '../protocol';
import { renderDocx } from '../render/docx';
import { renderHtml, type HtmlMark } from '../render/html';
import { renderMarkdown } from '../render/markdown';
import { tallySummaries } from '../core/service/status';
import type { SettingsStore } from './settings';
import { applySettings } from './severity';
import type { Workspace } from './workspace';

// The report as the server hands it out: the document model (one builder for every renderer and for the
// preview), the marks the inspection's findings put on its paragraphs, and the rendered forms.

async function build(ws: Workspace, settings: SettingsStore, inspection: Inspection): Promise<{ doc: ReportDocument; findings: Finding[] }> {
  const chosen = (await settings.get(ws.clientUri(inspection.file.uri))).phrasebook;
  const doc = buildReport(inspection, chosen ? { phrasebook: chosen } : {});
  // The findings as the editor shows them: after `# sqs-ignore` and the severity settings of each file.
  const findings: Finding[] = [];
  for (const uri of inspection.uris) findings.push(...applySettings(ws.checker.findingsFor(uri), await settings.get(ws.clientUri(uri))));
  return { doc, findings };
}

/**
 * Paragraphs whose sources carry an error or a warning. An error means the figures cannot be vouched for:
 * the preview shows the findings' messages instead of the prose. A warning is shown beside the prose.
 */
export function reportMarks(doc: ReportDocument, findings: readonly Finding[]): ReportMark[] {
  const relevant = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  return [...paragraphsAffectedBy(doc, relevant)].map(([paragraphId, hits]) => ({
    paragraphId,
    severity: hits.some((f) => f.severity === 'error') ? 'error' : 'warning',
    findings: hits.map((f) => ({ code: f.code, severity: f.severity as 'error' | 'warning', message: f.message, uri: f.uri, range: f.range })),
  }));
}

/** The marks as the HTML renderer shows them: the messages of the worst findings (an error's, not its warnings'), each with its code. */
export function htmlMarks(marks: readonly ReportMark[]): Map<string, HtmlMark> {
  return new Map(
    marks.map((m) => {
      const shown = m.findings.filter((f) => f.severity === m.severity);
      const message = [...new Set(shown.map((f) => `${f.message} (${f.code})`))].join(' ');
      return [m.paragraphId, { severity: m.severity, message }];
    }),
  );
}

/**
 * The report as the preview shows it: the HTML renderer's fragment (the page around it is the client's), each
 * sentence keyed to the model (`data-sentence`) so a click finds its sources, marked paragraphs showing their
 * findings instead of figures that cannot be trusted.
 */
export function previewHtml(doc: ReportDocument, marks: readonly ReportMark[]): string {
  return renderHtml(doc, { output: 'fragment', sourceLinks: 'keys', marks: htmlMarks(marks), hideMarkedText: true });
}

export async function reportPayload(ws: Workspace, settings: SettingsStore, inspection: Inspection, preview: boolean): Promise<ReportPayload> {
  const { doc, findings } = await build(ws, settings, inspection);
  const marks = reportMarks(doc, findings);
  const model = inspection.file.model;
  return {
    inspectionUri: inspection.file.uri,
    revision: inspection.revision,
    catalogue: inspection.catalogue.id,
    ...(model.area && { area: model.area.value }),
    phrasebook: doc.phrasebookId,
    tallies: tallySummaries(inspection).map(({ tally, reasons }) => ({
      question: tally.question.id,
      criterion: tally.question.criterion.id,
      relevant: tally.relevant,
      sufficient: tally.sufficient,
      notSufficient: tally.notSufficient,
      done: tally.done,
      unjudged: tally.unjudged,
      reasons,
    })),
    document: doc,
    marks,
    ...(preview && { html: previewHtml(doc, marks) }),
  };
}

export async function exportReport(ws: Workspace, settings: SettingsStore, inspection: Inspection, format: ExportFormat): Promise<ExportResult> {
  const { doc } = await build(ws, settings, inspection);
  switch (format) {
    case 'html':
      return { encoding: 'utf8', data: renderHtml(doc, { title: doc.title }) };
    case 'markdown':
      return { encoding: 'utf8', data: renderMarkdown(doc) };
    case 'docx':
      return { encoding: 'base64', data: Buffer.from(await renderDocx(doc)).toString('base64') };
  }
}
