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
    if (read.ok) return new Uint8Array(read.value);
    if (read.error.code === outsideFolder && folder !== undefined) return { kind: 'outside-folder', folder: path.basename(folder) || folder };
    // Gone (deleted, or its folder): nothing to read. Anything else is a file that is there and cannot be read.
    return read.error.code === 'ENOENT' || read.error.code === 'ENOTDIR' ? undefined : { kind: 'unreadable', reason: unreadableReason(read.error) };
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

const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  EIO: 'input/output error',
  ELOOP: 'too many levels of symbolic links',
  NOT_A_FILE: 'not a regular file (a pipe, socket or device)',
};

function unreadableReason(error: NodeJS.ErrnoException): string {
  return (error.code !== undefined && Object.hasOwn(reasons, error.code) ? reasons[error.code] : undefined) ?? error.code ?? error.message;
}

function toPath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}
