/**
 * The paths the index has not caught up with yet: folders being indexed (the workspace folders at startup, a
 * folder brought in, a file's inspection being looked for) and every disk event queued or being read. Findings
 * worked out on a part of the workspace something is busy in would be those of a half-read inspection (a case in
 * no inspection, counts a case short), so the diagnostics wait for it to be settled (Workspace.isSettled).
 *
 * Each path counts every folder above it, so whether anything is busy in, below or above a folder is a lookup
 * per folder level, however many reads are queued.
 */
export class BusyPaths {
  private readonly paths = new Map<string, number>();
  /** Folder → how many busy paths are below it (at any depth). */
  private readonly below = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private announced = true;

  /** Marks a path busy until the returned function is called (once; later calls do nothing). */
  add(path: string): () => void {
    bump(this.paths, path, 1);
    for (const folder of foldersAbove(path)) bump(this.below, folder, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      bump(this.paths, path, -1);
      for (const folder of foldersAbove(path)) bump(this.below, folder, -1);
      this.announce();
    };
  }

  /** Whether something is busy at `path`, anywhere below it, or at a folder above it. */
  touches(path: string): boolean {
    if (this.paths.has(path) || this.below.has(path)) return true;
    return foldersAbove(path).some((folder) => this.paths.has(folder));
  }

  /** Whether something is busy below any folder above `path`: anything that could still change where it belongs. */
  touchesAnyFolderAbove(path: string): boolean {
    return this.touches(path) || foldersAbove(path).some((folder) => this.below.has(folder));
  }

  get idle(): boolean {
    return this.paths.size === 0;
  }

  /** Told (once per turn of the event loop, however many paths were released in it) that something settled. */
  onDidSettle(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private announce(): void {
    if (!this.announced) return;
    this.announced = false;
    queueMicrotask(() => {
      this.announced = true;
      for (const listener of [...this.listeners]) listener();
    });
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

/** "file:///ws/a/b.case.sqs.yaml" → "file:///ws/a", "file:///ws": each folder above, spelt as URIs are (the index's rule). */
function foldersAbove(uri: string): string[] {
  const out: string[] = [];
  const path = uri.replace(/\/+$/, '');
  const pathStart = path.indexOf('/', path.indexOf('://') + 3);
  for (let i = path.lastIndexOf('/'); i > pathStart; i = path.lastIndexOf('/', i - 1)) out.push(path.slice(0, i));
  return out;
}
