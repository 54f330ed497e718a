import { URI } from 'vscode-uri';
import type { FileSystemHost } from '../fileSystemHost';
import { runAsync } from './disk';
import { nearestInspectionFile, readCapped, sqsFilesUnder } from './sqsFiles';

// URIs are made with vscode-uri, the library VS Code itself uses, so a file found on disk and the same
// file opened in the editor have the same URI string (Node's pathToFileURL escapes differently).
export const nodeFileSystem: FileSystemHost = {
  async readFile(uri) {
    const file = toPath(uri);
    if (!file) return undefined;
    const read = await runAsync(readCapped(file));
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
