// The public surface of the core. Adapters (LSP server, CLI, renderers) import from here only (a test holds them to it).
export * from './types';
export * from './codes';
export { finding, inFile, type LocalFinding } from './findings';
export { Catalogue, CatalogueError, type Criterion, type Question, type Theme } from './criteria/catalogue';
export type { RelevanceRule, ReasonData, FactData, SentenceData } from './criteria/catalogueSchema';
export { CatalogueRegistry } from './criteria/registry';
export { parseYaml, defaultLimits, type ParsedYaml, type ParseLimits } from './yaml/parse';
export { SourceMap, type Path, type PathSegment } from './yaml/source';
export { fileKindOf, schemasFor, type FileKind, type SqsFile, type CaseFile, type InspectionFile } from './model/sqsFile';
export type { CaseModel, Judgement } from './model/caseModel';
export type { InspectionModel, StatedTally } from './model/inspectionModel';
export type { Located } from './model/reader';
export { judgementWords, type JudgementValue } from './model/values';
export { Inspection, InspectionIndex, type IndexChange } from './index/inspectionIndex';
export type { NotRead } from './text/notRead';
export { compareInspectionNames, preferredInspectionName } from './index/inspectionFiles';
export { folderToIndex, inspectionSearchLevels, isUnder, needsInspectionLookup } from './index/lookup';
export { isInSkippedFolder, isSkippedFolderName } from './index/skipped';
export { TallyBook, type QuestionTally } from './index/tally';
export type { Contribution, Outcome } from './index/relevance';
export { Checker, type CheckerOptions, type FindingsOptions, type InspectionCheck } from './checks/checker';
export { ignoreDirectives, type IgnoreDirective } from './checks/ignores';
export { linkedFoldersIn, linkedFoldersNotFollowed, linkedFoldersUnread } from './checks/links';
export { readSeverityOverrides, applySeverityOverrides, type SeverityLevel, type SeverityOverrides } from './severity';
export {
  Phrasebook,
  PhrasebookError,
  styles,
  formNames,
  type Style,
  type Framing,
  type Form,
  type Quantity,
  type QuantityKind,
  type Band,
  type Figures,
} from './commentary/phrasebook';
export { PhrasebookRegistry } from './commentary/phrasebookRegistry';
export type { QuantifierMatch, MatchKind } from './commentary/finder';
export type { PhrasebookData, PhrasebookFileData } from './commentary/phrasebookSchema';
export { buildReport, type ReportOptions } from './report/buildReport';
export * from './report/document';
export type { QuestionFigures } from './report/figures';
export {
  questionCounts,
  compareShares,
  percent,
  comparedText,
  reasonWords,
  figureHeadings,
  figureCells,
  type QuestionCounts,
  type Comparison,
} from './report/figuresTable';
export {
  paragraphsOf,
  sentenceKey,
  sentenceByKey,
  sourcesOf,
  distinctPlaces,
  paragraphsFedBy,
  paragraphsAffectedBy,
  paragraphsCarrying,
  paragraphsWarned,
  numberedParagraphs,
} from './report/navigate';
export {
  markReport,
  markNote,
  markNotes,
  severityLabel,
  sourcesOfPart,
  type MarkSeverity,
  type MarkNote,
  type ParagraphMark,
  type ReportMarks,
  type ReportPart,
  type PartSources,
} from './report/marks';
export { publicationBlockers, inspectorsCopy, notPublished } from './report/inspectorsCopy';
// Editor features in domain terms, for the language server (and any other editor's adapter).
export { completionsAt, type CompletionKind } from './service/completion';
export { foldingRanges } from './service/folding';
export { hoverAt } from './service/hover';
export { ignoreFix } from './service/ignore';
export { quickFixes, type FindingShown, type FixesOfFinding, type QuickFixOptions } from './service/quickFixes';
export { changesStatedFigure, unreadFiles } from './service/figures';
export { caseSymbols, definition, references } from './service/navigation';
export { outline, type OutlineKind, type OutlineNode } from './service/outline';
export { inspectionProgress, tallySummaries } from './service/status';
export { judgementGrid, type JudgementGrid, type GridRow, type GridColumn } from './service/grid';
export { judgementRange, type CellState } from './service/cells';
export { workspaceOverview, inspectionSummary, type WorkspaceOverview, type InspectionSummary, type CaseSummary, type ProblemCount } from './service/overview';
export { judgementEdit, type JudgementEditResult } from './service/judgementEdit';
export { scaffoldCase, scaffoldInspection } from './service/scaffold';
export { tallyHints } from './service/tallyHints';
export { comparisonFor } from './service/comparison';
export {
  caseColumns,
  caseRows,
  dataLevelIds,
  dataTables,
  dataTablesInOnePass,
  tallyColumns,
  tallyRows,
  type DataColumn,
  type DataLevel,
  type DataOptions,
  type DataRow,
  type DataTable,
  type DataValue,
} from './service/dataRows';
