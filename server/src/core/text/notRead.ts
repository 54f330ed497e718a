import { finding, type LocalFinding } from '../findings';
import { zeroRange } from '../types';
import { excerpt } from './quote';

/**
 * Why a file that is there was not read. A symbolic link named as an SQS file may lead anywhere (an SSH key, a
 * system file), and a repository or a shared drive can hold one: only what lies inside the folder being checked
 * (the workspace folder, in the editor) is read, and the link itself gets a finding.
 */
export type NotRead = { kind: 'outside-folder'; folder: string };

export function notReadFinding(why: NotRead): LocalFinding {
  return finding(
    'SQS008',
    zeroRange,
    `This file leads outside ${excerpt(why.folder)}, the folder being checked (it is a symbolic link, or lies in a linked folder), so it is not read. Copy the file into the folder, or check the folder that holds it.`,
  );
}
