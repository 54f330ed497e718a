import { finding, type LocalFinding } from '../findings';
import { zeroRange } from '../types';
import { excerpt } from './quote';

/**
 * Why a file that is there was not read. It still counts as a file of its inspection, with nothing in it, and a
 * finding on it says why, rather than its judgements being silently left out of the tallies.
 * - `outside-folder`: a symbolic link named as an SQS file may lead anywhere (an SSH key, a system file), and a
 *   repository or a shared drive can hold one: only what lies inside the folder being checked (the workspace
 *   folder, in the editor) is read, and the link itself gets a finding.
 * - `unreadable`: the disk refused it (permission denied, an I/O error, a pipe or a device rather than a file).
 */
export type NotRead = { kind: 'outside-folder'; folder: string } | { kind: 'unreadable'; reason: string };

export function notReadFinding(why: NotRead): LocalFinding {
  if (why.kind === 'unreadable')
    return finding('SQS004', zeroRange, `This file could not be read (${excerpt(why.reason)}). Nothing in it is counted until it can be read.`);
  return finding(
    'SQS008',
    zeroRange,
    `This file leads outside ${excerpt(why.folder)}, the folder being checked (it is a symbolic link, or lies in a linked folder), so it is not read. Copy the file into the folder, or check the folder that holds it.`,
  );
}
