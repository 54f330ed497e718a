import { inFile } from '../findings';
import type { Inspection, InspectionIndex } from '../index/inspectionIndex';
import type { Contribution } from '../index/relevance';
import type { CaseFile } from '../model/sqsFile';
import type { Finding } from '../types';
import type { CaseCheck } from './caseContext';
import { statedCounts } from './counts';
import { criteriaVersions, duplicateCaseIds, orphanCase } from './identity';
import { applyIgnores } from './ignores';
import { prose } from './prose/index';
import { reasons } from './reasons';
import { relevance } from './relevance';
import { sampleSize } from './sampleSize';
import { statedVsTallied } from './statedVsTallied';
import { subgroups } from './subgroups';
import { notYetJudged } from './unjudged';

/** A check over a whole inspection. Pure: same inspection revision, same findings. */
export type InspectionCheck = (inspection: Inspection) => Finding[];

const inspectionChecks: readonly InspectionCheck[] = [sampleSize, statedCounts, subgroups, statedVsTallied, duplicateCaseIds, criteriaVersions, prose];

/** Checks of one case file against its contributions; re-run only when that case file changes. */
const caseChecks: readonly CaseCheck[] = [relevance, reasons, notYetJudged];

/**
 * Runs the cross-file checks and merges them with each file's own findings. Inspection checks are cached
 * per inspection revision, so asking for the findings of many files after one edit runs them once; case
 * checks are cached per case file, so a keystroke in one case re-checks that case alone. Findings an
 * `# sqs-ignore` comment silences are returned marked `ignored`, for adapters to hide or list.
 */
export class Checker {
  private readonly cache = new WeakMap<Inspection, { revision: number; byUri: Map<string, Finding[]> }>();
  private readonly caseCache = new WeakMap<CaseFile, { contributions: ReadonlyMap<string, Contribution>; findings: Finding[] }>();

  constructor(private readonly index: InspectionIndex) {}

  findingsFor(uri: string): Finding[] {
    const file = this.index.get(uri);
    if (!file) return [];
    const own = this.index.fileFindings(uri);
    const inspection = this.index.inspectionOf(uri);
    const cross = inspection ? (this.inspectionFindings(inspection).get(uri) ?? []) : file.kind === 'case' && isMapping(file.parsed.data) ? [orphanCase(file)] : [];
    return applyIgnores(uri, file.parsed, [...own, ...cross]);
  }

  /** Cross-file findings of one inspection, grouped by the file they are reported in. */
  inspectionFindings(inspection: Inspection): Map<string, Finding[]> {
    const cached = this.cache.get(inspection);
    if (cached && cached.revision === inspection.revision) return cached.byUri;
    const byUri = new Map<string, Finding[]>();
    const add = (f: Finding) => {
      const list = byUri.get(f.uri);
      if (list) list.push(f);
      else byUri.set(f.uri, [f]);
    };
    for (const check of inspectionChecks) for (const f of check(inspection)) add(f);
    for (const file of inspection.cases.values()) for (const f of this.caseFindings(inspection, file)) add(f);
    this.cache.set(inspection, { revision: inspection.revision, byUri });
    return byUri;
  }

  private caseFindings(inspection: Inspection, file: CaseFile): Finding[] {
    // A case not counted against this inspection's criteria (SQS043) has no contributions to check.
    const contributions = inspection.tallies.contributionsOf(file.uri);
    if (!contributions) return [];
    // A file that does not read as a case (too large, binary, empty, broken at the root) has its own
    // finding; listing every criterion as "not yet judged" on top would bury it.
    if (!isMapping(file.parsed.data)) return [];
    const cached = this.caseCache.get(file);
    if (cached && cached.contributions === contributions) return cached.findings;
    const ctx = { file, catalogue: inspection.catalogue, contributions };
    const findings = caseChecks.flatMap((check) => check(ctx)).map((f) => inFile(file.uri, f));
    this.caseCache.set(file, { contributions, findings });
    return findings;
  }
}

/** Only a file that reads as a case (a mapping) is worth calling homeless; an empty or unreadable one has its own finding. */
function isMapping(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data);
}
