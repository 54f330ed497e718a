import type { Inspection, InspectionIndex } from '../index/inspectionIndex';
import type { Finding } from '../types';
import { statedCounts } from './counts';
import { sampleSize } from './sampleSize';
import { statedVsTallied } from './statedVsTallied';
import { subgroups } from './subgroups';

/** A check over a whole inspection. Pure: same inspection revision, same findings. */
export type InspectionCheck = (inspection: Inspection) => Finding[];

const inspectionChecks: readonly InspectionCheck[] = [sampleSize, statedCounts, subgroups, statedVsTallied];

/**
 * Runs the cross-file checks and merges them with each file's own findings. Inspection checks are cached
 * per inspection revision, so asking for the findings of many files after one edit runs them once.
 */
export class Checker {
  private readonly cache = new WeakMap<Inspection, { revision: number; byUri: Map<string, Finding[]> }>();

  constructor(private readonly index: InspectionIndex) {}

  findingsFor(uri: string): Finding[] {
    const own = this.index.fileFindings(uri);
    const inspection = this.index.inspectionOf(uri);
    if (!inspection) return own;
    return [...own, ...(this.inspectionFindings(inspection).get(uri) ?? [])];
  }

  /** Cross-file findings of one inspection, grouped by the file they are reported in. */
  inspectionFindings(inspection: Inspection): Map<string, Finding[]> {
    const cached = this.cache.get(inspection);
    if (cached && cached.revision === inspection.revision) return cached.byUri;
    const byUri = new Map<string, Finding[]>();
    for (const check of inspectionChecks) {
      for (const f of check(inspection)) {
        const list = byUri.get(f.uri);
        if (list) list.push(f);
        else byUri.set(f.uri, [f]);
      }
    }
    this.cache.set(inspection, { revision: inspection.revision, byUri });
    return byUri;
  }
}
