// The public surface of the core. Adapters (LSP server, CLI, renderers) import from here only.
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
export { TallyBook, type QuestionTally } from './index/tally';
export type { Contribution, Outcome } from './index/relevance';
export { Checker } from './checks/index';
