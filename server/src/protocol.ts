import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

// The contract between the SQS language server and its clients beyond standard LSP: settings, report formats,
// custom requests and notifications, and the shapes they carry. Imported by both bundles (client/ and server/),
// so keep it free of anything but types, constants and pure functions, and free of the core: what travels is
// declared here, apart from the core's model, so that the model can change without changing the protocol (the
// server maps one to the other, lsp/wire.ts).

export const languageIds = { inspection: 'sqs-inspection', case: 'sqs-case' } as const;

/**
 * Where the SQS files the server handles are read from: the disk (`file`, also a local folder opened in vscode.dev),
 * a remote machine's disk as the browser sees it (`vscode-remote`: code-server, Codespaces) and a repository opened
 * in the browser (`vscode-vfs`: github.dev; README says why not). Not `git:` or `untitled:`: a file's other
 * versions, or text in no folder, would be counted as more files of the inspection.
 */
export const fileSchemes = ['file', 'vscode-remote', 'vscode-vfs'] as const;

/**
 * Whether a file name (the last part of a path) is an SQS file's: `inspection.sqs.yaml` or `<anything>.case.sqs.yaml`
 * (or `.yml`), in any letter case. The core's fileKindOf reads the same names (a test holds them to it); this copy
 * is for what must not reach the core, such as the client's export refusing to write over an SQS file.
 */
export function isSqsFileName(name: string): boolean {
  return /^inspection\.sqs\.ya?ml$|.\.case\.sqs\.ya?ml$/i.test(name);
}

/** What is at a place itself: a symbolic link is a link, whatever it leads to (or nothing, when nothing is there). */
export type FileEntry = 'file' | 'folder' | 'link' | 'other';

/**
 * Why a report or a data file may not be written at a place, or undefined when it may: the one rule of `sqs render
 * --out`, `sqs export --out` and the editor's exports, each writer asking it of its own file system. A slip of the
 * name (or of a save dialog) must not turn an inspection into a ZIP, and a link may lead to an SQS file, or nowhere
 * (and have its target made).
 */
export function writeRefusal(name: string, entry: FileEntry | undefined): string | undefined {
  if (isSqsFileName(name))
    return 'is an SQS file (inspection.sqs.yaml or *.case.sqs.yaml): a report or data file is never written over one; choose another name';
  if (entry === 'link')
    return 'is a symbolic link: a file is written in its own place, never through a link (it may lead to an SQS file, or nowhere); name the file itself';
  if (entry === 'folder') return 'is a folder';
  if (entry === 'other') return 'is not a regular file (a pipe, socket or device)';
  return undefined;
}

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
  /**
   * Folders of other inspections to set this one's figures beside (the figures table, the hover on a criterion):
   * absolute, or relative to the inspection's folder (".." for its sibling inspections). Empty: no comparison.
   */
  compare: { folders: string[] };
  trace: { server: TraceLevel };
}

export const defaultSettings: Settings = {
  diagnostics: { severity: {}, notYetJudged: 'information' },
  phrasebook: '',
  compare: { folders: [] },
  trace: { server: 'off' },
};

/** Settings as given by a client (any shape, any subset) made whole; wrong values fall back to defaults. */
export function normaliseSettings(raw: unknown): Settings {
  const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const root = obj(raw);
  const diagnostics = obj(root.diagnostics);
  // Values are not judged here: a level this file does not know ("info", "Warning") may still be one the
  // server reads, and one it cannot read must reach it to be logged rather than vanish.
  // fromEntries, not assignment: a `__proto__` entry stays an entry (to be logged) instead of setting the prototype.
  const severity: Record<string, string> = Object.fromEntries(
    Object.entries(obj(diagnostics.severity)).map(([code, value]) => [code, typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))]),
  );
  const trace = obj(root.trace).server;
  return {
    diagnostics: { severity, notYetJudged: typeof diagnostics.notYetJudged === 'string' ? diagnostics.notYetJudged : defaultSettings.diagnostics.notYetJudged },
    phrasebook: typeof root.phrasebook === 'string' ? root.phrasebook : defaultSettings.phrasebook,
    compare: { folders: stringList(obj(root.compare).folders) },
    trace: { server: trace === 'messages' || trace === 'verbose' ? trace : 'off' },
  };
}

/** The strings of a list setting, blank ones left out; anything but a list is no list. */
function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
}

// ----------------------------------------------------------------------------------------- report formats

/**
 * A format the report can be written in. Each is described once, here, so that the client can offer it (the
 * export command's pick list, the preview's buttons) without a renderer; the server renders it with the module
 * named after its id (server/src/render/formats/<id>.ts). `sqs render --format`, `sqs/export` and the preview
 * all read this list: a new format is that module and one entry below.
 */
export interface ReportFormat {
  /** The format's one name: in `sqs/export`, on the preview's buttons and for `sqs render --format`. */
  readonly id: string;
  /** Other names `sqs render --format` accepts; the first is the one its help shows. */
  readonly aliases: readonly string[];
  /** A button's text. */
  readonly label: string;
  /** A line of a pick list. */
  readonly description: string;
  /** What a save dialog calls such files. */
  readonly fileType: string;
  readonly extension: string;
  readonly mimeType: string;
  /** Binary output travels base64-encoded in `sqs/export`, is never printed to a terminal and is not opened in an editor. */
  readonly binary: boolean;
  /** What `--annotate` adds for the inspectors' own copy; absent when the format has no room for it. */
  readonly annotation?: string;
}

export const reportFormats = [
  {
    id: 'html',
    aliases: [],
    label: 'HTML',
    description: 'HTML (standalone page, prints as the report)',
    fileType: 'HTML',
    extension: 'html',
    mimeType: 'text/html',
    binary: false,
    annotation: 'data-source attributes on each sentence',
  },
  {
    id: 'markdown',
    aliases: ['md'],
    label: 'Markdown',
    description: 'Markdown',
    fileType: 'Markdown',
    extension: 'md',
    mimeType: 'text/markdown',
    binary: false,
  },
  {
    id: 'docx',
    aliases: [],
    label: 'DOCX',
    description: 'Word document (DOCX)',
    fileType: 'Word document',
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    binary: true,
    annotation: 'a comment on each figure',
  },
] as const satisfies readonly ReportFormat[];

export type ReportFormatId = (typeof reportFormats)[number]['id'];

/** The format a name stands for (its id or an alias), if any. */
export function reportFormat(name: string): ReportFormat | undefined {
  return reportFormats.find((f) => f.id === name || (f.aliases as readonly string[]).includes(name));
}

/** The name a command line shows for a format: its first alias ("md"), else its id. */
export function shortFormatName(f: ReportFormat): string {
  return f.aliases[0] ?? f.id;
}

// ------------------------------------------------------------------------------------------- data formats

/**
 * A format the data behind the report can be exported in, for analysts: a list apart from the report formats (data
 * is tables of numbers, not a letter). `sqs export --format`, `sqs/exportData`, the *Export Data* command and the
 * preview's button read it; the server writes a format with server/src/render/data/<id>.ts. docs/data.md describes
 * the columns.
 */
export interface DataFormat {
  readonly id: string;
  readonly label: string;
  /** A line of a pick list. */
  readonly description: string;
  readonly fileType: string;
  readonly extension: string;
  readonly mimeType: string;
  readonly binary: boolean;
  /** A CSV file is one table, so it holds one level (cases or tallies); the others hold both unless told. */
  readonly oneLevel: boolean;
}

export const dataFormats = [
  {
    id: 'csv',
    label: 'CSV',
    description: 'CSV (one table: the judgements or the tallies)',
    fileType: 'CSV',
    extension: 'csv',
    mimeType: 'text/csv',
    binary: false,
    oneLevel: true,
  },
  {
    id: 'xlsx',
    label: 'XLSX',
    description: 'Excel workbook (XLSX: a sheet of judgements, a sheet of tallies)',
    fileType: 'Excel workbook',
    extension: 'xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    binary: true,
    oneLevel: false,
  },
  {
    id: 'json',
    label: 'JSON',
    description: 'JSON (both tables, as arrays of objects)',
    fileType: 'JSON',
    extension: 'json',
    mimeType: 'application/json',
    binary: false,
    oneLevel: false,
  },
] as const satisfies readonly DataFormat[];

export type DataFormatId = (typeof dataFormats)[number]['id'];

/** The levels of the data: a row per case and question, or per inspection and question. */
export const dataLevels = [
  { id: 'cases', label: 'Judgements', description: 'One row per case and question: the judgement, its reasons, the case facts' },
  { id: 'tallies', label: 'Tallies', description: 'One row per inspection and question: relevant, done, sufficient, %, the stated figures' },
] as const;

export type DataLevelId = (typeof dataLevels)[number]['id'];

export function dataFormat(name: string): DataFormat | undefined {
  return dataFormats.find((f) => f.id === name);
}

// ----------------------------------------------------------------------------------------------- requests

/** LSP's shapes, 0-based. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * A place in an SQS file a part of the report was made from, and what it is: a judgement or a reason counted
 * in a figure, a stated count, an inspector's quote, narrative prose, hand-written commentary, a header value.
 */
export interface SourceLink {
  uri: string;
  range: Range;
  role: 'judgement' | 'reason' | 'stated' | 'quote' | 'narrative' | 'override' | 'field';
  /** For a pick list or a tooltip: "LIV-07 2.2 assessment: not sufficient". */
  label: string;
}

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
 * The report as `sqs/report` carries it: its blocks in reading order (a section holds blocks of its own), every
 * sentence with the places it was made from. Ids are stable across renders of the same inspection.
 */
export interface WireReport {
  title: string;
  /** BCP 47: the phrasebook's language. */
  language: string;
  /** Whether the figures are the case files' tallies or the stated counts of a tallies-only inspection. */
  figuresFrom: 'cases' | 'stated';
  blocks: WireBlock[];
  /** What the report could not say, and why. */
  warnings: { message: string; questionId?: string; sources: SourceLink[] }[];
}

export type WireBlock =
  | { kind: 'letterhead'; lines: string[] }
  | { kind: 'memo'; fields: { label: string; value: string; sources: SourceLink[] }[] }
  | { kind: 'title'; text: string }
  | { kind: 'section'; id: string; role: string; heading?: string; number?: number; blocks: WireBlock[] }
  | { kind: 'paragraph'; paragraph: WireParagraph }
  | { kind: 'note'; paragraph: WireParagraph }
  | { kind: 'list'; numbering: 'bullet' | 'roman'; items: { id: string; text: string; sources: SourceLink[] }[] }
  | { kind: 'table'; rows: { role: string; names: string[]; sources: SourceLink[] }[] }
  | WireFiguresBlock
  | WireChartBlock;

/** The figures table: per question, the counts the commentary words (see docs/data.md for what each means). */
export interface WireFiguresBlock {
  kind: 'figures';
  id: string;
  caption: string;
  /** Set when the report compares with other inspections: how many it drew on. */
  compared?: { inspections: number };
  rows: {
    questionId: string;
    criterionId: string;
    label: string;
    review: boolean;
    relevant?: number;
    done?: number;
    sufficient?: number;
    notSufficient?: number;
    /** Sufficient out of relevant, 0 to 1. */
    share?: number;
    reasons: { code: string; count: number }[];
    unjudged: number;
    compared?: { mean: number; inspections: number };
    sources: SourceLink[];
  }[];
}

/** Share sufficient per question as a bar chart; the figures table it names (`describedBy`) is its text alternative. */
export interface WireChartBlock {
  kind: 'chart';
  id: string;
  title: string;
  describedBy: string;
  bars: { questionId: string; label: string; sufficient: number; relevant: number; share: number; mean?: number }[];
}

export interface WireParagraph {
  id: string;
  /** A criterion's paragraph of the commentary: its number as printed ("2.2") and its criterion. */
  number?: string;
  criterionId?: string;
  /** Hand-written commentary in the inspection file replaced the generated sentences. */
  overridden?: boolean;
  sentences: WireSentence[];
}

export interface WireSentence {
  text: string;
  /** generated, reasons, quote, standard, narrative or override. */
  kind: string;
  /** The question a sentence about figures is about ("2.2/assessment"). */
  questionId?: string;
  sources: SourceLink[];
  /** What a generated sentence states: a count out of a total, and the words it is stated with. */
  figures?: { questionId: string; count: number; total: number; framing: string; phrase: string; wording?: string; from: 'cases' | 'stated' }[];
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
  document: WireReport;
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
  /** BCP 47: the language the report is worded in (its phrasebook's), for the page to say so to screen readers. */
  language: string;
  html: string;
}

export const PreviewRequest = new RequestType<UriParams, PreviewRender | null, void>('sqs/preview');

/** A part of the report a reader can point at (in the preview: a click, or Enter on a focused paragraph). */
export type ReportPart =
  /** A sentence, or without `sentence` a whole paragraph. */
  | { kind: 'text'; paragraph: string; sentence?: number }
  /** The note a mark puts on a paragraph. */
  | { kind: 'mark'; paragraph: string }
  /** The notes before the report. */
  | { kind: 'notes' };

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

export interface ExportParams extends UriParams {
  /** A report format's id (reportFormats). */
  format: ReportFormatId;
}

/** A rendered report, ready to be written to a file. */
export interface ExportResult {
  /** UTF-8 text, or base64 for a binary format. */
  encoding: 'utf8' | 'base64';
  data: string;
  /** Set when the report was not rendered (`data` is then empty): what is in the way of publishing it. */
  refused?: ExportRefusal;
}

/**
 * Why an export was refused: text that reaches the report could identify a child (SQS07x findings not silenced by
 * `# sqs-ignore` with a reason; severity settings do not count), so the report is not rendered for publication.
 */
export interface ExportRefusal {
  /** Why, naming the codes. */
  message: string;
  /** The findings in the way, each on its exact span. */
  findings: MarkFinding[];
}

export const ExportRequest = new RequestType<ExportParams, ExportResult | null, void>('sqs/export');

export interface ExportDataParams {
  /** `inspection`: the inspection of `uri` (any of its files); `workspace`: every inspection the server has indexed. */
  scope: 'inspection' | 'workspace';
  uri?: string;
  /** A data format's id (dataFormats). */
  format: DataFormatId;
  /** The one level a CSV file holds (default cases); for the others, only this level (default both). */
  level?: DataLevelId;
  /** The inspectors' notes and quotes, which can identify a child: left out unless asked for. */
  includeNotes?: boolean;
}

/** The data as a file's content, and how many inspections it holds (none: nothing to export). */
export interface ExportDataResult extends ExportResult {
  inspections: number;
}

export const ExportDataRequest = new RequestType<ExportDataParams, ExportDataResult | null, void>('sqs/exportData');

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

/**
 * Sent by the editor when documents are no longer shown in any tab, or shown again. VS Code keeps a document open
 * after its last tab closes, and sends `textDocument/didClose` only minutes later (when it disposes the text); until
 * then the server would count its text, and a file deleted on disk would keep its findings and its place in the
 * tallies. From `hidden` the disk is the truth for those documents again, as after `didClose`; `shown` (a tab opened
 * on a document the editor kept open, so no `didOpen` comes) makes the editor's text count again, as an edit would.
 */
export interface EditorsChangedParams {
  /** URIs of documents a tab shows again, none having shown them since they were hidden. */
  shown: string[];
  /** URIs of documents no tab shows any more. */
  hidden: string[];
}

export const EditorsChangedNotification = new NotificationType<EditorsChangedParams>('sqs/editorsChanged');

// ------------------------------------------------------------------------------------- the editor's files

// A server with no disk of its own (the web build's Web Worker) reads the inspection's files through the editor:
// it asks, and the client answers with vscode.workspace.fs (client/src/editorFiles.ts). Only what the server's
// file-system seam needs (server/src/fileSystemHost.ts): list a folder, read a file. The editor has no realpath.

/** What an entry is, as vscode.FileType's bits: a symbolic link is `symbolicLink` with `file` or `directory`. */
export const fileTypeBits = { file: 1, directory: 2, symbolicLink: 64 } as const;

/** A folder's entries: name and fileTypeBits; null when the folder cannot be read. */
export const ReadDirectoryRequest = new RequestType<UriParams, [string, number][] | null, void>('sqs/fs/readDirectory');

export interface ReadFileParams extends UriParams {
  /** At most this many bytes are sent: the first ones of a larger file (whose size then says so). */
  maxBytes: number;
}

export interface ReadFileResult {
  /** The bytes, base64. */
  data: string;
  /** The file's whole size, which is more than the bytes sent when it was cut. */
  size: number;
  /**
   * The file is a symbolic link, and none of what it leads to is sent (data empty): the editor has no realpath, so
   * where a link leads cannot be told, and the server reads no link (SQS008).
   */
  symbolicLink?: true;
}

/** A file's bytes, or that it is a symbolic link; null when it does not exist or is not a file. */
export const ReadFileRequest = new RequestType<ReadFileParams, ReadFileResult | null, void>('sqs/fs/readFile');

// -------------------------------------------------------------------------------------------------- bytes

// Binary content crosses the protocol as base64 (exports, files read through the editor). Written here on atob and
// btoa, which Node and browsers both have, so that the web bundles need no Buffer.

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The bytes of an export's result, as the file should hold them. */
export function exportedBytes(result: ExportResult): Uint8Array {
  return result.encoding === 'base64' ? base64ToBytes(result.data) : new TextEncoder().encode(result.data);
}

// ------------------------------------------------------------------------------- the cases view and the grid

/** A case file as the cases view lists it. */
export interface CaseSummary {
  uri: string;
  /** The case id, else the file's name. */
  label: string;
  sentence?: string;
  inspector?: string;
  /** False for a case on other criteria than its inspection's (SQS043): it counts in no tally. */
  counted: boolean;
  /** Questions that apply to the case (or may) and have no judgement yet. */
  left: number;
  /** The file's findings, after the severity settings. */
  errors: number;
  warnings: number;
}

export interface InspectionSummary {
  /** The inspection file. */
  uri: string;
  folder: string;
  area?: string;
  sample?: number;
  revision: number;
  /** In the order inspectors number them. */
  cases: CaseSummary[];
  /** The inspection file's own findings. */
  errors: number;
  warnings: number;
}

/** Every inspection the server knows, and the case files that belong to none. */
export interface WorkspaceOverview {
  inspections: InspectionSummary[];
  outside: CaseSummary[];
}

export const WorkspaceOverviewRequest = new RequestType<Record<string, never>, WorkspaceOverview, void>('sqs/overview');

/**
 * What a case says about a question, as the grid shows it: judged (sufficient, not sufficient), the inspector's
 * own not applicable, unjudged, ruled out by the case's facts (nothing to write), and what is written but not
 * counted: judged although ruled out, not applicable where the facts say it applies, a value that is not a
 * judgement, a case on other criteria.
 */
export const cellStates = [
  'sufficient',
  'not-sufficient',
  'not-applicable',
  'unjudged',
  'ruled-out',
  'ruled-out-judged',
  'marked-not-applicable',
  'unreadable',
  'not-counted',
] as const;

export type CellState = (typeof cellStates)[number];

/** One letter per cell state: a column's cells travel as one string (a thousand cases are 31,000 cells). */
export const cellLetters: Readonly<Record<CellState, string>> = {
  sufficient: 's',
  'not-sufficient': 'n',
  'not-applicable': 'a',
  unjudged: 'u',
  'ruled-out': 'x',
  'ruled-out-judged': 'j',
  'marked-not-applicable': 'm',
  unreadable: 'r',
  'not-counted': 'c',
};

/** One row of the grid: a criterion's question, its live tally and the figures the inspection file states for it. */
export interface GridRow {
  /** "1.1/report". */
  question: string;
  /** As inspectors name it: "1.1 report", "1.2". */
  label: string;
  wording: string;
  criterionTitle: string;
  /** The question's reason codes and their wording. */
  reasons: Record<string, string>;
  tally: { relevant: number; sufficient: number; notSufficient: number; unjudged: number; review?: { due: number; done: number } };
  /** Each stated figure ("relevant", "sufficient", "reason late") against its tally. */
  stated: { field: string; stated: number; tallied: number }[];
}

/** One column of the grid: a case file. */
export interface GridColumn {
  uri: string;
  label: string;
  sentence?: string;
  inspector?: string;
  counted: boolean;
  /** One letter (cellLetters) per row, in the rows' order. */
  cells: string;
  /** The reason codes given, by row index, where a cell has any. */
  reasons: Record<number, string[]>;
}

export interface WireGrid {
  inspectionUri: string;
  revision: number;
  area?: string;
  rows: GridRow[];
  /** Every case; with `delta`, only those that changed. */
  columns: GridColumn[];
  /**
   * Set when the client named the grid it holds (GridParams.since) and the cases are the same ones in the same order:
   * `columns` are then only the cases that changed since, the n-th at `indices[n]` of the full list.
   */
  delta?: { since: number; indices: number[] };
}

export interface GridParams extends UriParams {
  /** The revision of the grid the client holds, whole: the answer may then be a delta against it. */
  since?: number;
}

export const GridRequest = new RequestType<GridParams, WireGrid | null, void>('sqs/grid');

export interface JudgementPlaceParams {
  /** The case file. */
  uri: string;
  /** "1.1/report". */
  question: string;
}

/** Where a question's judgement is written in a case file, else where it would go (its criterion, `judgements:`). */
export const JudgementPlaceRequest = new RequestType<JudgementPlaceParams, Range | null, void>('sqs/judgementPlace');

export type JudgementWord = 'sufficient' | 'not-sufficient' | 'not-applicable';

export interface SetJudgementParams {
  /** The case file. */
  uri: string;
  /**
   * Its text as the editor has it now: the edits are worked out on exactly this text, and the client applies them
   * only while its document is still at the version it read it at.
   */
  text: string;
  /** "1.1/report". */
  question: string;
  /** Null clears the judgement. */
  value: JudgementWord | null;
}

/** Text edits on the case file (LSP's TextEdit), or why the grid cannot make the change. */
export type SetJudgementResult = { edits: { range: Range; newText: string }[] } | { problem: string };

export const SetJudgementRequest = new RequestType<SetJudgementParams, SetJudgementResult, void>('sqs/setJudgement');

// ----------------------------------------------------------------------------------------------- commands

/** Command ids contributed by the VS Code extension (package.json `contributes.commands`). */
export const commandIds = {
  restartServer: 'sqs.restartServer',
  newInspection: 'sqs.newInspection',
  newCase: 'sqs.newCase',
  openPreviewToSide: 'sqs.preview.openToSide',
  togglePreviewLock: 'sqs.preview.toggleLock',
  exportReport: 'sqs.exportReport',
  openPreview: 'sqs.preview.open',
  openGrid: 'sqs.grid.open',
  saveGrid: 'sqs.grid.save',
  openExample: 'sqs.openExample',
  groupCasesByInspector: 'sqs.cases.groupByInspector',
  listCasesByInspection: 'sqs.cases.listByInspection',
  openCase: 'sqs.cases.open',
  casesOpenGrid: 'sqs.cases.openGrid',
  casesOpenPreview: 'sqs.cases.openPreview',
  casesNewCase: 'sqs.cases.newCase',
  exportData: 'sqs.exportData',
} as const;
