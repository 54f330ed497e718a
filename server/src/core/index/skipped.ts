import { isUnder } from './lookup';

// Where SQS files are never looked for: the folder walk (node/sqsFiles.ts, for the server and the CLI alike)
// and the server's watching share this rule, so a file the walk would never index is not indexed because a
// watcher saw it either.

/** Folders that never hold an inspection and can be huge. */
const skippedFolderNames = new Set(['node_modules', 'out', 'dist']);

/** A folder not walked: one of those, or a hidden one (.git, .vscode, …). Hidden files are passed over too. */
export function isSkippedFolderName(name: string): boolean {
  return name.startsWith('.') || skippedFolderNames.has(name);
}

/**
 * Whether `uri`, below the walked folder `root`, is in (or is) a folder the walk skips. Only the part below
 * `root` counts: a workspace folder may itself sit in a hidden folder.
 */
export function isInSkippedFolder(uri: string, root: string): boolean {
  if (!isUnder(uri, root)) return false;
  const below = uri.slice(root.replace(/\/$/, '').length + 1);
  // The names that matter (`.`-prefixed, node_modules, out, dist) are spelt the same escaped or not.
  return below.split('/').some((segment) => segment !== '' && isSkippedFolderName(segment));
}
