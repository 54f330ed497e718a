import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { fileKindOf } from '../core/index';
import type { FileSystemHost } from '../lsp/host';

/** Folders that never hold an inspection and can be huge. */
const skipped = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test', '.e2e']);

/**
 * No SQS file comes near this; the core refuses anything over 256 kB and only needs enough of the text to
 * say so, so a mistaken multi-gigabyte file is never read whole.
 */
const maxFileBytes = 8_000_000;

// URIs are made with vscode-uri, the library VS Code itself uses, so a file found on disk and the same
// file opened in the editor have the same URI string (Node's pathToFileURL escapes differently).
export const nodeFileSystem: FileSystemHost = {
  async readFile(uri) {
    const file = toPath(uri);
    if (!file) return undefined;
    try {
      const s = await stat(file);
      if (!s.isFile()) return undefined;
      return new Uint8Array(await readPrefix(file, s.size));
    } catch {
      return undefined;
    }
  },

  async findSqsFiles(folderUri, cancelled) {
    const root = toPath(folderUri);
    if (!root) return [];
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      if (cancelled()) return;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return; // an unreadable folder is skipped; the rest is indexed
      }
      for (const entry of entries) {
        if (entry.name.startsWith('.') || skipped.has(entry.name)) continue;
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(p);
        else if (entry.isFile()) {
          const uri = URI.file(p).toString();
          if (fileKindOf(uri)) found.push(uri);
        }
      }
    };
    await walk(root);
    return found.sort();
  },
};

async function readPrefix(file: string, size: number): Promise<Buffer> {
  if (size <= maxFileBytes) return readFile(file);
  const handle = await open(file, 'r');
  try {
    // One byte more than kept, to see whether the cut falls inside a character.
    const buffer = Buffer.alloc(maxFileBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    let end = Math.min(bytesRead, maxFileBytes);
    // Cut on a UTF-8 character boundary so the prefix still decodes.
    while (end > 0 && end < bytesRead && (buffer[end]! & 0xc0) === 0x80) end--;
    return buffer.subarray(0, end);
  } finally {
    await handle.close();
  }
}

function toPath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}
