import { buildReport, paragraphsAffectedBy, paragraphsWarned, type Catalogue, type Finding, type Inspection, type ReportDocument, type ReportWarning } from '../core/index';
import type { ExportFormat, ExportResult, ReportMark, ReportNote, ReportPayload, Settings } from '../protocol';
import { renderDocx } from '../render/docx';
import { renderHtml, type HtmlMark } from '../render/html';
import { renderMarkdown } from '../render/markdown';
import { tallySummaries } from '../core/service/status';
import type { SettingsStore } from './settings';
import { applySettings } from './severity';
import type { Workspace } from './workspace';

// The report as the server hands it out: the document model (one builder for every renderer and for the
// preview), the marks the inspection's findings put on its paragraphs, and the rendered forms.

interface Built {
  revision: number;
  /** The settings each file was read with, in `inspection.uris` order. */
  settings: Settings[];
  doc: ReportDocument;
  findings: Finding[];
}

/**
 * The last report built per inspection. A preview asks for it after every burst of edits and again when the server
 * says the inspection changed; the second answer, and an export right after, cost nothing. Any change to the
 * inspection bumps its revision; a change of settings gives new settings objects (SettingsStore).
 */
const built = new WeakMap<Inspection, Built>();

async function build(ws: Workspace, settings: SettingsStore, inspection: Inspection): Promise<Built> {
  const uris = inspection.uris;
  const each = await Promise.all(uris.map((u) => settings.get(ws.clientUri(u))));
  // Edits may have been indexed while the settings were read: then build from what the index holds now.
  if (inspection.uris.length !== uris.length || inspection.uris.some((u, i) => u !== uris[i])) return build(ws, settings, inspection);
  const last = built.get(inspection);
  if (last && last.revision === inspection.revision && last.settings.every((s, i) => s === each[i])) return last;
  const chosen = each[0]!.phrasebook;
  const doc = buildReport(inspection, chosen ? { phrasebook: chosen } : {});
  // The findings as the editor shows them: after `# sqs-ignore` and the severity settings of each file.
  const findings = uris.flatMap((u, i) => applySettings(ws.checker.findingsFor(u), each[i]!));
  const result = { revision: inspection.revision, settings: each, doc, findings };
  built.set(inspection, result);
  return result;
}

/**
 * The marks of the report's paragraphs. A paragraph whose sources carry an error cannot have its figures vouched
 * for: the preview shows the findings' messages instead of the prose. A warning finding, or the report's own
 * warning (cases not judged yet, a sentence left out), is shown beside the prose.
 */
export function reportMarks(doc: ReportDocument, findings: readonly Finding[], catalogue: Catalogue): { marks: ReportMark[]; notes: ReportNote[] } {
  const relevant = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  const byFindings = paragraphsAffectedBy(doc, relevant);
  const { placed, unplaced } = paragraphsWarned(doc, catalogue);
  const marks = [...new Set([...byFindings.keys(), ...placed.keys()])].map((paragraphId): ReportMark => {
    const hits = byFindings.get(paragraphId) ?? [];
    const severity = hits.some((f) => f.severity === 'error') ? 'error' : hits.length > 0 ? 'warning' : 'information';
    return {
      paragraphId,
      severity,
      findings: hits.map((f) => ({ code: f.code, severity: f.severity as 'error' | 'warning', message: f.message, uri: f.uri, range: f.range })),
      warnings: (placed.get(paragraphId) ?? []).map(note),
    };
  });
  return { marks, notes: unplaced.map(note) };
}

const note = (w: ReportWarning): ReportNote => ({ message: w.message, sources: w.sources });

/**
 * The marks as the HTML renderer shows them. An error shows its errors only (the prose is hidden, and with it
 * what the warnings would qualify); otherwise the warnings and the report's own notes on the paragraph.
 */
export function htmlMarks(marks: readonly ReportMark[]): Map<string, HtmlMark> {
  return new Map(
    marks.map((m) => {
      const findings = m.findings.filter((f) => m.severity !== 'error' || f.severity === 'error').map((f) => `${f.message} (${f.code})`);
      const lines = m.severity === 'error' ? findings : [...findings, ...m.warnings.map((w) => w.message)];
      return [m.paragraphId, { severity: m.severity, message: [...new Set(lines)].join(' ') }];
    }),
  );
}

/**
 * The report as the preview shows it: the HTML renderer's fragment (the page around it is the client's), each
 * sentence keyed to the model (`data-sentence`) so a click finds its sources, marked paragraphs showing their
 * findings instead of figures that cannot be trusted, and notes on what the report leaves out.
 */
export function previewHtml(doc: ReportDocument, marks: readonly ReportMark[], notes: readonly ReportNote[]): string {
  return renderHtml(doc, { output: 'fragment', sourceLinks: 'keys', marks: htmlMarks(marks), hideMarkedText: true, notes: notes.map((n) => n.message) });
}

export async function reportPayload(ws: Workspace, settings: SettingsStore, inspection: Inspection, preview: boolean): Promise<ReportPayload> {
  const { doc, findings } = await build(ws, settings, inspection);
  const { marks, notes } = reportMarks(doc, findings, inspection.catalogue);
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
    notes,
    ...(preview && { html: previewHtml(doc, marks, notes) }),
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
