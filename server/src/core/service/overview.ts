import type { Inspection, InspectionIndex } from '../index/inspectionIndex';
import type { CaseFile } from '../model/sqsFile';
import { caseLabelOf, caseOrder, inspectorOf, naturally } from './caseNames';

// The workspace at a glance, for the cases view: each inspection with its case files, who examined each case and
// how far it has got (complete, questions left, errors), and the case files that belong to no inspection.

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
  errors: number;
  warnings: number;
}

export interface InspectionSummary {
  uri: string;
  folder: string;
  area?: string;
  sample?: number;
  revision: number;
  cases: CaseSummary[];
  /** The inspection file's own findings. */
  errors: number;
  warnings: number;
}

export interface WorkspaceOverview {
  inspections: InspectionSummary[];
  /** Case files under no inspection folder: checked, but counted nowhere. */
  outside: CaseSummary[];
}

/** Errors and warnings of one file, as the editor shows them (after the severity settings). */
export type ProblemCount = (uri: string) => { errors: number; warnings: number };

export function workspaceOverview(index: InspectionIndex, problems: ProblemCount): WorkspaceOverview {
  const inspections = index
    .inspections()
    .map((i) => inspectionSummary(i, problems))
    .sort((a, b) => naturally(a.area ?? a.folder, b.area ?? b.folder) || naturally(a.folder, b.folder));
  const outside = index
    .orphans()
    .sort(caseOrder)
    .map((f) => caseSummary(f, undefined, problems));
  return { inspections, outside };
}

export function inspectionSummary(inspection: Inspection, problems: ProblemCount): InspectionSummary {
  const model = inspection.file.model;
  return {
    uri: inspection.file.uri,
    folder: inspection.folder,
    ...(model.area && { area: model.area.value }),
    ...(model.sample && { sample: model.sample.value }),
    revision: inspection.revision,
    cases: [...inspection.cases.values()].sort(caseOrder).map((f) => caseSummary(f, inspection, problems)),
    ...problems(inspection.file.uri),
  };
}

function caseSummary(file: CaseFile, inspection: Inspection | undefined, problems: ProblemCount): CaseSummary {
  const counted = inspection?.tallies.contributionsOf(file.uri) !== undefined;
  const inspector = inspectorOf(file);
  return {
    uri: file.uri,
    label: caseLabelOf(file),
    ...(file.model.sentence && { sentence: file.model.sentence.value.label }),
    ...(inspector !== undefined && { inspector }),
    counted,
    left: counted ? inspection.tallies.unjudgedIn(file.uri) : 0,
    ...problems(file.uri),
  };
}
