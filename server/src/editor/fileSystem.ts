import type { RequestType } from 'vscode-languageserver-protocol';
import { URI, Utils } from 'vscode-uri';
import { fileKindOf, inspectionSearchLevels, isSkippedFolderName, preferredInspectionName } from '../core/api';
import type { FileSystemHost } from '../fileSystemHost';
import { base64ToBytes, fileTypeBits, ReadDirectoryRequest, ReadFileRequest } from '../protocol';

// The file-system seam answered by the editor (vscode.workspace.fs, through the client): for the web build's
// server, which runs in a Web Worker with no disk, and for folders the desktop's disk does not hold (a virtual
// workspace). The same rules as the Node host's walk (node/sqsFiles.ts): hidden and dependency folders skipped,
// files over the cap read only as far as needed to report them. One difference: the editor has no realpath, so where
// a link leads cannot be told (the Node host reads a link only inside the folder being checked), and no link is
// read: a linked SQS file is listed, and read as not followed (SQS008 on the link); a linked folder, which could also
// be a loop, is not walked, and `linksNotFollowed` hears of each one.

/** As node/sqsFiles.ts maxFileBytes: no SQS file comes near it, and the core needs only the start of a larger one. */
export const maxFileBytes = 8_000_000;

/** Sends a request to the client (connection.sendRequest); a failure rejects. */
export type AskClient = <P, R>(type: RequestType<P, R, void>, params: P) => Promise<R>;

export interface EditorFileSystemOptions {
  /** Every linked folder a walk of a folder met and left unread, each time the folder is walked (none: an empty list). */
  linksNotFollowed?: (folderUri: string, links: string[]) => void;
}

export function editorFileSystem(ask: AskClient, options: EditorFileSystemOptions = {}): FileSystemHost {
  /** A folder's entries, sorted by name as the Node walk sorts them; undefined when it cannot be read. */
  async function list(folder: URI): Promise<[string, number][] | undefined> {
    const entries = await ask(ReadDirectoryRequest, { uri: folder.toString() }).catch(() => null);
    return entries?.slice().sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  return {
    async readFile(uri) {
      // One byte more than kept, to see whether the cut falls inside a character.
      const read = await ask(ReadFileRequest, { uri, maxBytes: maxFileBytes + 1 }).catch(() => null);
      if (!read) return undefined;
      if (read.symbolicLink) return { kind: 'link-not-followed' };
      const bytes = base64ToBytes(read.data);
      if (read.size <= maxFileBytes) return bytes;
      let end = Math.min(bytes.length, maxFileBytes);
      while (end > 0 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
      return bytes.subarray(0, end);
    },

    async findSqsFiles(folderUri, cancelled) {
      const files: string[] = [];
      const links: string[] = [];
      const walk = async (dir: URI): Promise<void> => {
        if (cancelled()) return;
        const entries = await list(dir);
        for (const [name, type] of entries ?? []) {
          if (name.startsWith('.')) continue; // hidden files and folders alike
          const uri = Utils.joinPath(dir, name);
          const link = (type & fileTypeBits.symbolicLink) !== 0;
          if (type & fileTypeBits.directory) {
            if (isSkippedFolderName(name)) continue;
            // Without a realpath a link back up the tree would be walked for ever; the Node host ends such loops.
            if (link) links.push(uri.toString());
            else await walk(uri);
          } else if (fileKindOf(uri.toString()) && (type & fileTypeBits.file || link)) {
            // A link named as an SQS file, whether it leads to a file or nowhere, is one of the inspection's files:
            // readFile declines it (link-not-followed), so the link itself gets the finding.
            files.push(uri.toString());
          }
        }
      };
      await walk(URI.parse(folderUri));
      // Said even when there are none: a link removed since the last walk is gone from what the server reports.
      if (!cancelled()) options.linksNotFollowed?.(folderUri, links);
      return files.sort();
    },

    async findInspectionNear(folderUri) {
      let dir = URI.parse(folderUri);
      const levels = inspectionSearchLevels(Utils.basename(dir), Utils.basename(Utils.dirname(dir)));
      for (let level = 0; level <= levels; level++) {
        const names = (await list(dir))?.filter(
          ([name, type]) => type & fileTypeBits.file && fileKindOf(Utils.joinPath(dir, name).toString()) === 'inspection',
        );
        const name = preferredInspectionName(names?.map(([n]) => n) ?? []);
        if (name) return Utils.joinPath(dir, name).toString();
        const parent = Utils.dirname(dir);
        if (parent.path === dir.path) return undefined;
        dir = parent;
      }
      return undefined;
    },
  };
}
