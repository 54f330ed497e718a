import { finding, inFile } from '../findings';
import type { Inspection } from '../index/inspectionIndex';
import { isUnder } from '../index/lookup';
import { linkNotFollowed } from '../text/notRead';
import { excerpt } from '../text/quote';
import { zeroRange, type Finding } from '../types';
import { plural } from './names';

/**
 * SQS008 in the inspection file, for each linked folder in its folder that was not walked: where the files are read
 * through the editor (the browser build), which has no realpath, a link cannot be told from a loop, and the case
 * files behind it are not counted. A linked SQS file gets the finding itself (notRead.ts); a folder has no text to
 * put one on, so the inspection file whose tallies it may be short of says so, with the link as its related place.
 *
 * `links` are every linked folder the host met; an inspection takes those in its folder and not in a deeper
 * inspection's (`inspectionFolders`: every inspection's folder), as it takes its case files.
 */
export function linkedFoldersNotFollowed(inspection: Inspection, links: readonly string[], inspectionFolders: readonly string[]): Finding[] {
  return linkedFoldersIn(inspection, links, inspectionFolders).map((link) => {
    const name = linkName(inspection, link);
    return inFile(
      inspection.file.uri,
      finding('SQS008', zeroRange, linkNotFollowed(`${name} is a symbolic link to a folder`), {
        related: [{ uri: link, range: zeroRange, message: `${name}: the link, not followed` }],
      }),
    );
  });
}

/** Which of `links` are the inspection's: in its folder, and not in a deeper inspection's. Sorted. */
export function linkedFoldersIn(inspection: Inspection, links: readonly string[], inspectionFolders: readonly string[]): string[] {
  const folder = inspection.folder.replace(/\/$/, '');
  const deeper = inspectionFolders.filter((f) => f.length > folder.length && isUnder(f, folder));
  return links.filter((link) => isUnder(link, folder) && link !== folder && !deeper.some((f) => isUnder(link, f))).sort();
}

/**
 * Why the tallies may be short, as service/figures.ts unreadFiles says it of files ("cases-2019, a linked folder, is
 * not read"), or undefined when no linked folder of the inspection was left unwalked (`links`: linkedFoldersIn's).
 */
export function linkedFoldersUnread(inspection: Inspection, links: readonly string[]): string | undefined {
  const [first, ...more] = links;
  if (first === undefined) return undefined;
  const name = linkName(inspection, first);
  return more.length === 0 ? `${name}, a linked folder, is not read` : `${name} and ${plural(more.length, 'other linked folder')} are not read`;
}

/** A link as findings name it: its path from the inspection's folder ("cases-2019", "old/cases"). */
export function linkName(inspection: Inspection, link: string): string {
  return excerpt(decodeURIComponent(link.slice(inspection.folder.replace(/\/$/, '').length + 1)));
}
