import { finding, type LocalFinding } from '../findings';
import { zeroRange } from '../types';
import { excerpt } from './quote';

/**
 * Why a file that is there was not read. It still counts as a file of its inspection, with nothing in it, and a
 * finding on it says why, rather than its judgements being silently left out of the tallies.
 * - `outside-folder`: a symbolic link named as an SQS file may lead anywhere (an SSH key, a system file), and a
 *   repository or a shared drive can hold one: only what lies inside the folder being checked (the workspace
 *   folder, in the editor) is read, and the link itself gets a finding.
 * - `link-not-followed`: such a link where it cannot be told where it leads: the editor's file system (the
 *   browser build, a virtual workspace) has no realpath, so no link is read there.
 * - `unreadable`: the disk refused it (permission denied, an I/O error, a pipe or a device rather than a file).
 */
export type NotRead = { kind: 'outside-folder'; folder: string } | { kind: 'link-not-followed' } | { kind: 'unreadable'; reason: string };

export function notReadFinding(why: NotRead): LocalFinding {
  switch (why.kind) {
    case 'unreadable':
      return finding('SQS004', zeroRange, `This file could not be read (${excerpt(why.reason)}). Nothing in it is counted until it can be read.`);
    case 'link-not-followed':
      return finding('SQS008', zeroRange, linkNotFollowed('This file is a symbolic link'));
    case 'outside-folder':
      return finding(
        'SQS008',
        zeroRange,
        `This file leads outside ${excerpt(why.folder)}, the folder being checked (it is a symbolic link, or lies in a linked folder), so it is not read. Copy the file into the folder, or check the folder that holds it.`,
      );
  }
}

/**
 * Said of a link the editor's file system met (a linked SQS file, or a linked folder in which SQS files may be), as
 * the start of its sentence: "This file is a symbolic link", "cases-2019 is a symbolic link to a folder".
 */
export function linkNotFollowed(subject: string): string {
  return `${subject}, and where a link leads cannot be seen through the editor's files (SQS Findings in the browser), so it is not read and nothing behind it is counted. Put the files themselves in the folder, or open it in the desktop editor.`;
}
