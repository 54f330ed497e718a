import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { ReportDocument, SourceLink } from './core/report/document';
import type { ReportPart } from './core/report/marks';
import type { Range } from './core/types';

export type { ReportPart };

// The contract between the SQS language server and its clients beyond standard LSP: settings, custom
// requests and notifications. Imported by both bundles (client/ and server/), so keep it free of
// anything but types, constants and pure functions.

export const languageIds = { inspection: 'sqs-inspection', case: 'sqs-case' } as const;

// ---------------------------------------------------------------------------------------------- settings

/** The `sqs.*` settings section, read per resource (settings can differ per workspace folder). */
export const settingsSection = 'sqs';

export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface Settings {
  diagnostics: {
    /**
     * Severity per finding code or name ("SQS040" or "sample-mismatch"); "off" hides the finding. Kept as
     * written: the server reads them (aliases such as "info" too) and logs the entries it cannot use.
     */
    severity: Record<string, string>;
    /** Severity of "not yet judged" findings, so an inspector can hide what is left to do; read like `severity`. */
    notYetJudged: string;
  };
  /** The phrasebook for generated commentary when the inspection file names none; empty: the catalogue's choice. */
  phrasebook: string;
  trace: { server: TraceLevel };
}

export const defaultSettings: Settings = {
  diagnostics: { severity: {}, notYetJudged: 'information' },
  phrasebook: '',
  trace: { server: 'off' },
};

/** Settings as given by a client (any shape, any subset) made whole; wrong values fall back to defaults. */
export function normaliseSettings(raw: unknown): Settings {
  const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const root = obj(raw);
  const diagnostics = obj(root.diagnostics);
  // Values are not judged here: a level this file does not know ("info", "Warning") may still be one the
  // server reads, and one it cannot read must reach it to be logged rather than vanish.
  const severity: Record<string, string> = {};
  for (const [code, value] of Object.entries(obj(diagnostics.severity)))
    severity[code] = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const trace = obj(root.trace).server;
  return {
    diagnostics: { severity, notYetJudged: typeof diagnostics.notYetJudged === 'string' ? diagnostics.notYetJudged : defaultSettings.diagnostics.notYetJudged },
    phrasebook: typeof root.phrasebook === 'string' ? root.phrasebook : defaultSettings.phrasebook,
    trace: { server: trace === 'messages' || trace === 'verbose' ? trace : 'off' },
  };
}

// ----------------------------------------------------------------------------------------------- requests

export interface UriParams {
  /** Any SQS file of the inspection: the inspection file or one of its case files. */
  uri: string;
}

/** The state of the inspection a file belongs to, for the status item. */
export interface InspectionStatus {
  /** The file asked about. */
  kind: 'inspection' | 'case';
  /** Absent for a case file outside any inspection folder. */
  inspection?: {
    uri: string;
    folder: string;
    /** The area inspected ("Liverpool"), when the inspection file names it. */
    area?: string;
    /** Stated sample size, when given. */
    sample?: number;
    /** Case files found under the inspection folder. */
    cases: number;
    /** Case files counted in the tallies (not excluded by SQS043) with nothing left to judge. */
    casesJudged: number;
    /** Findings over the inspection's files, after the severity settings. */
    errors: number;
    warnings: number;
    /** Bumped on every change to the inspection; lets clients drop stale answers. */
    revision: number;
  };
}

export const InspectionStatusRequest = new RequestType<UriParams, InspectionStatus | null, void>('sqs/inspectionStatus');

/** One question's live tally, as the preview and exports see it. */
export interface TallySummary {
  question: string;
  criterion: string;
  relevant: number;
  sufficient: number;
  notSufficient: number;
  done: number;
  unjudged: number;
  reasons: Record<string, number>;
}

/**
 * A paragraph the preview shows marked: with the findings on its sources instead of its prose (error) or beside
 * it (warning), or with what the report could not say about it (information: cases not judged yet, …).
 */
export interface ReportMark {
  paragraphId: string;
  severity: 'error' | 'warning' | 'information';
  /** The findings behind the mark, as the Problems view shows them. */
  findings: MarkFinding[];
  /** The report's own warnings about the paragraph (ReportDocument.warnings), with the places they concern. */
  warnings: ReportNote[];
}

/** A finding that marks a paragraph, as the Problems view shows it. */
export interface MarkFinding {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  uri: string;
  range: Range;
}

/** A warning of the report (what it could not say, and why), with the places it concerns (cases still to judge). */
export interface ReportNote {
  message: string;
  sources: SourceLink[];
}

/**
 * The report of an inspection for tools: the document model with every sentence's sources, the live tallies it was
 * made from, and its marks. (The preview asks for less: sqs/preview.)
 */
export interface ReportPayload {
  inspectionUri: string;
  revision: number;
  catalogue: string;
  /** The area inspected ("Liverpool"), when the inspection file names it. */
  area?: string;
  /** The phrasebook the report is worded with (see buildReport: the inspection file's, else the setting's, …). */
  phrasebook: string;
  tallies: TallySummary[];
  /** The report: every sentence with the places in the SQS files it was made from. */
  document: ReportDocument;
  /** Paragraphs whose figures the inspection's findings put in doubt (after the severity settings), or that the report warns about. */
  marks: ReportMark[];
  /** The report's warnings that concern no paragraph it has (a criterion left out altogether). */
  notes: ReportNote[];
}

export const ReportRequest = new RequestType<UriParams, ReportPayload | null, void>('sqs/report');

/**
 * What the preview shows: the report as the HTML renderer makes it for a preview (a fragment with sentence keys,
 * marks and notes), and no model. What a click or the cursor needs from the model the preview asks for when it
 * needs it (sqs/previewSources, sqs/paragraphsAt), so a render sends the page and nothing else.
 */
export interface PreviewRender {
  inspectionUri: string;
  revision: number;
  /** The area inspected ("Liverpool"), when the inspection file names it: the panel's title. */
  area?: string;
  html: string;
}

export const PreviewRequest = new RequestType<UriParams, PreviewRender | null, void>('sqs/preview');

export interface PreviewSourcesParams extends UriParams {
  /** The part of the report pointed at, by the ids the preview's HTML carries. */
  part: ReportPart;
}

/** What a part of the report is about (see sourcesOfPart): the findings it shows, the places it came from. */
export interface PreviewSources {
  findings: MarkFinding[];
  sources: SourceLink[];
}

export const PreviewSourcesRequest = new RequestType<PreviewSourcesParams, PreviewSources | null, void>('sqs/previewSources');

export interface ParagraphsAtParams extends UriParams {
  /** A place in one of the inspection's files (the cursor, or a selection). */
  at: { uri: string; range: Range };
}

/** The ids of the report's paragraphs made from what is at a place (the preview highlights them). */
export const ParagraphsAtRequest = new RequestType<ParagraphsAtParams, string[] | null, void>('sqs/paragraphsAt');

export type ExportFormat = 'html' | 'markdown' | 'docx';

export interface ExportParams extends UriParams {
  format: ExportFormat;
}

/** A rendered report, ready to be written to a file. */
export interface ExportResult {
  /** Text for HTML and Markdown; base64 for DOCX. */
  encoding: 'utf8' | 'base64';
  data: string;
}

export const ExportRequest = new RequestType<ExportParams, ExportResult | null, void>('sqs/export');

/** What a new file should hold: a snippet (TextMate syntax) the client inserts with tab stops. */
export interface ScaffoldParams {
  kind: 'inspection' | 'case';
  /** The folder the file goes in; for a case, its inspection supplies the criteria and the next case id. */
  folder: string;
  /** For a case: the id to use; by default the one after the inspection's highest. */
  caseId?: string;
}

export interface ScaffoldResult {
  /** File name to create in the folder. */
  fileName: string;
  snippet: string;
  /** For a case: the id used. */
  caseId?: string;
  /** For a case: why the id cannot be a case's (the core's one rule for case ids); no file or snippet then. */
  problem?: string;
}

export const ScaffoldRequest = new RequestType<ScaffoldParams, ScaffoldResult, void>('sqs/scaffold');

/** Sent after the files of one or more inspections changed (typing, saving, files created or deleted). */
export interface InspectionsChangedParams {
  /** URIs of the inspection files whose inspection changed. */
  inspections: string[];
}

export const InspectionsChangedNotification = new NotificationType<InspectionsChangedParams>('sqs/inspectionsChanged');

// ----------------------------------------------------------------------------------------------- commands

/** Command ids contributed by the VS Code extension (package.json `contributes.commands`). */
export const commandIds = {
  restartServer: 'sqs.restartServer',
  newInspection: 'sqs.newInspection',
  newCase: 'sqs.newCase',
  openPreviewToSide: 'sqs.preview.openToSide',
  togglePreviewLock: 'sqs.preview.toggleLock',
  exportReport: 'sqs.exportReport',
} as const;
