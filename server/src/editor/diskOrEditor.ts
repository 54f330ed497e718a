import type { FileSystemHost } from '../fileSystemHost';

/**
 * The desktop server's files: from the disk where they are on it (`file:`), through the editor otherwise (a virtual
 * workspace, such as a repository opened remotely), so `capabilities.virtualWorkspaces` can be true.
 */
export function diskOrEditor(disk: FileSystemHost, editor: FileSystemHost): FileSystemHost {
  const of = (uri: string) => (uri.startsWith('file:') ? disk : editor);
  return {
    readFile: (uri, within) => of(uri).readFile(uri, within),
    findSqsFiles: (folderUri, cancelled) => of(folderUri).findSqsFiles(folderUri, cancelled),
    findInspectionNear: (folderUri) => of(folderUri).findInspectionNear(folderUri),
  };
}
