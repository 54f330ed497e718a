import {
  buildReport,
  markReport,
  notPublished,
  paragraphsFedBy,
  publicationBlockers,
  tallySummaries,
  sourcesOfPart,
  type Finding,
  type Inspection,
  type Range,
  type ReportDocument,
  type ReportMarks,
  type ReportPart,
  type ReportWarning,
} from '../core/api';
import {
  bytesToBase64,
  reportFormat,
  type ExportResult,
  type MarkFinding,
  type PreviewRender,
  type PreviewSources,
  type ReportMark,
  type ReportNote,
  type ReportPayload,
  type Settings,
} from '../protocol';
import { renderHtml } from '../render/html';
import { renderReport } from '../render/renderReport';
import { wireLink, wireRange, wireReport } from './wire';
import type { SettingsStore } from './settings';
import { applySettings } from './severity';
import { comparisonOf } from './comparison';
import type { Workspace } from './workspace';

// The report as the server hands it out: the document model (one builder for every renderer and for the
// preview), the marks the inspection's findings put on its paragraphs (the core decides which: markReport),
// and the rendered forms.

interface Built {
  revision: number;
  /** The settings each file was read with, in `inspection.uris` order. */
  settings: Settings[];
  doc: ReportDocument;
  /** What the findings (as the editor shows them) and the report's warnings say about its paragraphs. */
  marks: ReportMarks;
  /** What keeps the report from publication (as the checker found it: severity settings do not count). */
  blockers: Finding[];
  /** The preview's HTML, made when first asked for. */
  html?: string;
  /** The other inspections compared with, at their revisions (`sqs.compare.folders`): another makes another report. */
  compared: string;
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
  const { comparison, key: compared } = comparisonOf(ws, inspection, each[0]!);
  const last = built.get(inspection);
  if (last && last.revision === inspection.revision && last.compared === compared && last.settings.every((s, i) => s === each[i])) return last;
  const chosen = each[0]!.phrasebook;
  const doc = buildReport(inspection, { ...(chosen && { phrasebook: chosen }), ...(comparison && { comparison }) });
  // The findings as the editor shows them: after `# sqs-ignore` and the severity settings of each file.
  const found = uris.map((u, i) => ws.checker.findingsFor(u, { phrasebook: each[i]!.phrasebook }));
  const findings = found.flatMap((f, i) => applySettings(f, each[i]!));
  const marks = markReport(doc, findings, inspection.catalogue);
  const result: Built = { revision: inspection.revision, settings: each, doc, marks, blockers: publicationBlockers(found.flat()), compared };
  built.set(inspection, result);
  return result;
}

/** The core's marks as the protocol carries them (findings as the Problems view shows them). */
export function protocolMarks({ marks, notes }: ReportMarks): { marks: ReportMark[]; notes: ReportNote[] } {
  return {
    marks: marks.map((m) => ({
      paragraphId: m.paragraphId,
      severity: m.severity,
      findings: m.findings.map(markFinding),
      warnings: m.warnings.map(note),
    })),
    notes: notes.map(note),
  };
}

const note = (w: ReportWarning): ReportNote => ({ message: w.message, sources: w.sources.map(wireLink) });
// Marks are made of error and warning findings only (markReport).
const markFinding = (f: Finding): MarkFinding => ({
  code: f.code,
  severity: f.severity as MarkFinding['severity'],
  message: f.message,
  uri: f.uri,
  range: wireRange(f.range),
});

/**
 * The report as the preview shows it: the HTML renderer's fragment (the page around it is the client's), each
 * sentence keyed to the model (`data-sentence`) so a click finds its sources, marked paragraphs showing their
 * findings instead of figures that cannot be trusted, and notes on what the report leaves out.
 */
export function previewHtml(doc: ReportDocument, marks: ReportMarks): string {
  return renderHtml(doc, { output: 'fragment', sourceLinks: 'keys', marks, hideMarkedText: true });
}

export async function reportPayload(ws: Workspace, settings: SettingsStore, inspection: Inspection): Promise<ReportPayload> {
  const { doc, marks: reportMarks } = await build(ws, settings, inspection);
  const { marks, notes } = protocolMarks(reportMarks);
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
    document: wireReport(doc),
    marks,
    notes,
  };
}

/** What a render of the preview needs: the page's HTML (kept with the report, so a second ask costs nothing). */
export async function previewRender(ws: Workspace, settings: SettingsStore, inspection: Inspection): Promise<PreviewRender> {
  const built = await build(ws, settings, inspection);
  built.html ??= previewHtml(built.doc, built.marks);
  const area = inspection.file.model.area;
  return {
    inspectionUri: inspection.file.uri,
    revision: inspection.revision,
    ...(area && { area: area.value }),
    language: built.doc.language,
    html: built.html,
  };
}

/** What a part of the preview is about (the core decides: sourcesOfPart), for a click on it. */
export async function previewSources(ws: Workspace, settings: SettingsStore, inspection: Inspection, part: ReportPart): Promise<PreviewSources> {
  const { doc, marks } = await build(ws, settings, inspection);
  const { findings, sources } = sourcesOfPart(doc, marks, part);
  return { findings: findings.map(markFinding), sources: sources.map(wireLink) };
}

/**
 * The paragraphs made from a place in one of the inspection's files, for the preview to highlight: in the report
 * last built for it, which is the one the preview shows. The cursor moves with every keystroke; rebuilding the
 * report for each would undo the preview's throttling, and the next render follows within 250 ms anyway.
 */
export async function paragraphsAt(ws: Workspace, settings: SettingsStore, inspection: Inspection, uri: string, range: Range): Promise<string[]> {
  const { doc } = built.get(inspection) ?? (await build(ws, settings, inspection));
  return paragraphsFedBy(doc, uri, range).map((p) => p.id);
}

/**
 * An exported report carries the same marks as the preview, beside the prose (see renderers). Refused while text that
 * reaches it could identify a child, as `sqs render` refuses. Null for a format the server does not know.
 */
export async function exportReport(ws: Workspace, settings: SettingsStore, inspection: Inspection, formatId: string): Promise<ExportResult | null> {
  const format = reportFormat(formatId);
  if (!format || format.id !== formatId) return null;
  const { doc, marks, blockers } = await build(ws, settings, inspection);
  if (blockers.length > 0) return { encoding: 'utf8', data: '', refused: { message: notPublished(blockers), findings: blockers.map(markFinding) } };
  const content = await renderReport(format, doc, { marks });
  return typeof content === 'string' ? { encoding: 'utf8', data: content } : { encoding: 'base64', data: bytesToBase64(content) };
}
