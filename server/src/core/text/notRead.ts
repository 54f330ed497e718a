import { finding, type LocalFinding } from '../findings';
import { zeroRange } from '../types';

/**
 * Why a file that is there was not read: the disk refused it (permission denied, an I/O error, a pipe or a device
 * rather than a file). It still counts as a file of its inspection, with nothing in it, and a finding on it says why,
 * rather than its judgements being silently left out of the tallies.
 */
export type NotRead = { kind: 'unreadable'; reason: string };

export function notReadFinding(why: NotRead): LocalFinding {
  return finding('SQS004', zeroRange, `This file could not be read (${why.reason}). Nothing in it is counted until it can be read.`);
}
