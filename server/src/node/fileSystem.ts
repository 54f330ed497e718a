import { URI } from 'vscode-uri';
import path from 'node:path';
import type { FileSystemHost } from '../fileSystemHost';
import { runAsync } from './disk';
import { nearestInspectionFile, outsideFolder, readCapped, sqsFilesUnder } from './sqsFiles';

// URIs are made with vscode-uri, the library VS Code itself uses, so a file found on disk and the same
// file opened in the editor have the same URI string (Node's pathToFileURL escapes differently).
export const nodeFileSystem: FileSystemHost = {
  async readFile(uri, within) {
    const file = toPath(uri);
    if (!file) return undefined;
    const folder = within === undefined ? undefined : toPath(within);
    const read = await runAsync(readCapped(file, folder));
    if (!read.ok && read.error.code === outsideFolder && folder !== undefined) return { kind: 'outside-folder', folder: path.basename(folder) || folder };
    return read.ok ? new Uint8Array(read.value) : undefined;
  },

  async findSqsFiles(folderUri, cancelled) {
    const root = toPath(folderUri);
    if (!root) return [];
    // An unreadable folder is passed over; the rest is indexed.
    const { files } = await runAsync(sqsFilesUnder(root, cancelled));
    return files.map((f) => URI.file(f).toString()).sort();
  },

  async findInspectionNear(folderUri) {
    const dir = toPath(folderUri);
    if (!dir) return undefined;
    const found = await runAsync(nearestInspectionFile(dir));
    return found === undefined ? undefined : URI.file(found).toString();
  },
};

function toPath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}
