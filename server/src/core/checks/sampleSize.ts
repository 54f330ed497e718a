import { finding, inFile } from '../findings';
import type { Inspection } from '../index/inspectionIndex';
import type { Finding } from '../types';

/** SQS040: the case files present must match the stated sample (an inspection of tallies only has none). */
export function sampleSize(inspection: Inspection): Finding[] {
  const sample = inspection.file.model.sample;
  const n = inspection.cases.size;
  if (!sample || n === 0 || n === sample.value) return [];
  const message =
    n < sample.value
      ? `The sample is ${sample.value} cases but this inspection has ${n} case file${n === 1 ? '' : 's'}: ${sample.value - n} missing.`
      : `The sample is ${sample.value} cases but this inspection has ${n} case files: ${n - sample.value} more than sampled.`;
  return [inFile(inspection.file.uri, finding('SQS040', sample.range, message))];
}
