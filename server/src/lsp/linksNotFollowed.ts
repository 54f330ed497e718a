import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';

/**
 * Says, once per folder, which symbolic links a walk through the editor's file system left unread (it has no
 * realpath to end a loop), so that a case file missing from the counts is not a mystery.
 */
export function warnOfLinksNotFollowed(connection: Connection): (folderUri: string, links: string[]) => void {
  const warned = new Set<string>();
  return (folder, links) => {
    connection.console.warn(`symbolic links not followed under ${folder}: ${links.join(', ')}`);
    if (warned.has(folder)) return;
    warned.add(folder);
    const names = links.slice(0, 3).map((l) => decodeURIComponent(l.slice(l.lastIndexOf('/') + 1)));
    const more = links.length > 3 ? ` and ${links.length - 3} more` : '';
    // A notification: nothing to answer, so a client that shows no messages costs nothing.
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message:
        `SQS Findings cannot follow symbolic links here: ${names.join(', ')}${more} ${links.length === 1 ? 'was' : 'were'} not read, so no SQS file ` +
        `behind ${links.length === 1 ? 'it' : 'them'} is counted. Open the folder a link leads to instead, or use the desktop editor on a local folder.`,
    });
  };
}
