import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { fileKindOf, InspectionIndex } from '../core/index';

/** A problem with the command line or the file system: exit code 2, no findings. */
export class UsageError extends Error {}

export interface LoadedWorkspace {
  index: InspectionIndex;
  /** URIs of the files the user asked about (folders expanded), in a stable order. */
  requested: string[];
}

const skipFolders = new Set(['node_modules', '.git', 'out', 'dist']);

/**
 * Loads the files named on the command line. A case file named alone brings its whole inspection into
 * the index (cross-file checks need it), but only the named files are reported.
 */
export function loadWorkspace(args: string[], index = new InspectionIndex()): LoadedWorkspace {
  const requested = new Set<string>();
  const loaded = new Set<string>();
  const load = (file: string) => {
    const uri = toUri(file);
    if (loaded.has(uri)) return uri;
    loaded.add(uri);
    index.setBytes(uri, readFileSync(file));
    return uri;
  };

  for (const arg of args) {
    const abs = path.resolve(arg);
    if (!existsSync(abs)) throw new UsageError(`${arg}: no such file or folder.`);
    const stat = statSync(abs);
    if (stat.isDirectory()) {
      const files = sqsFilesUnder(abs);
      if (files.length === 0) {
        throw new UsageError(`${arg}: no SQS files here (looked for inspection.sqs.yaml and *.case.sqs.yaml in this folder and below).`);
      }
      for (const f of files) requested.add(load(f));
      // The folder may sit inside an inspection (a `cases/` folder): load the rest for context.
      const context = enclosingInspection(abs);
      if (context) for (const f of sqsFilesUnder(path.dirname(context))) load(f);
      continue;
    }
    if (!fileKindOf(toUri(abs))) {
      throw new UsageError(`${arg}: not an SQS file. SQS files are named inspection.sqs.yaml or <name>.case.sqs.yaml.`);
    }
    requested.add(load(abs));
    const context = enclosingInspection(path.dirname(abs));
    if (context) for (const f of sqsFilesUnder(path.dirname(context))) load(f);
  }
  return { index, requested: [...requested].sort() };
}

export function sqsFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || skipFolders.has(entry.name)) continue;
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && fileKindOf(toUri(p))) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** The nearest inspection.sqs.yaml in `dir` or a folder above it. */
function enclosingInspection(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    // File recognition ignores case (Inspection.SQS.yaml on a case-insensitive disk), so this must too.
    const found = readdirSync(d, { withFileTypes: true }).find((e) => e.isFile() && fileKindOf(toUri(path.join(d, e.name))) === 'inspection');
    if (found) return path.join(d, found.name);
    if (path.dirname(d) === d) return undefined;
  }
}

/**
 * A path as the editor spells its URI: vscode-uri, as VS Code and the language server do, so the CLI's
 * findings name files exactly as the editor's do. Node's pathToFileURL escapes differently (spaces, `#`,
 * `%`, non-ASCII, drive letters).
 */
export function toUri(file: string): string {
  return URI.file(path.resolve(file)).toString();
}

/** The path of a file URI (the inverse of toUri); other URIs are returned as they are. */
export function toPath(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : uri;
}
