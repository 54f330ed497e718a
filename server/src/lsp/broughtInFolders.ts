import { isUnder } from '../core/api';
import { errorText, type Logger } from './safe';

/**
 * Inspection folders indexed beyond the workspace folders → who needs them: open documents outside the
 * workspace folders, and workspace folders whose cases have their inspection above them. Each is let
 * go (its files forgotten, unless open or in another covered folder) when its last owner goes.
 */
export class BroughtInFolders {
  private readonly owners = new Map<string, Set<string>>();
  private readonly listeners = new Set<(folder: string, brought: boolean) => void>();

  constructor(private readonly log: Logger) {}

  /**
   * Told when a folder outside the workspace folders is brought in (true) or let go (false): the client
   * watches only its workspace folders, so such a folder needs watchers of its own. Also told at once of
   * the folders brought in already.
   */
  onDidBringIn(listener: (folder: string, brought: boolean) => void): { dispose(): void } {
    this.listeners.add(listener);
    for (const folder of this.owners.keys()) listener(folder, true);
    return { dispose: () => this.listeners.delete(listener) };
  }

  folders(): string[] {
    return [...this.owners.keys()];
  }

  has(folder: string): boolean {
    return this.owners.has(folder);
  }

  /** Adds `owner` to the folder brought in that holds `path`; false if none does. */
  share(path: string, owner: string): boolean {
    const holder = [...this.owners.keys()].find((folder) => isUnder(path, folder));
    if (holder) this.owners.get(holder)!.add(owner);
    return holder !== undefined;
  }

  /** Brings in `folder` for `owner`; false if a folder brought in already holds it (and now serves `owner` too). */
  bringIn(folder: string, owner: string): boolean {
    if (this.share(folder, owner)) return false;
    // Around folders brought in already: it takes them over, with their owners, so no file is indexed or
    // watched twice over. Their files stay; its watchers are asked for before theirs are taken back.
    const inner = [...this.owners].filter(([f]) => isUnder(f, folder));
    this.owners.set(folder, new Set([owner, ...inner.flatMap(([, owners]) => [...owners])]));
    // In the log, so "why is this folder in Problems?" has an answer.
    this.log.info(`Indexing ${folder} while ${owner} needs it: the inspection there is outside the workspace folders.`);
    this.tell(folder, true);
    for (const [f] of inner) {
      this.owners.delete(f);
      this.tell(f, false);
    }
    return true;
  }

  /**
   * Workspace folders added: a folder brought in for a file opened before its workspace folder was known is
   * now the workspace's. Its own watchers go (the workspace's see it); its files stay.
   */
  yieldTo(roots: readonly string[]): void {
    for (const folder of [...this.owners.keys()]) {
      if (!roots.some((root) => isUnder(folder, root))) continue;
      this.owners.delete(folder);
      this.tell(folder, false);
    }
  }

  /** Takes `owner` off the folders brought in; returns those it was the last to need. */
  release(owner: string): string[] {
    const released: string[] = [];
    for (const [folder, owners] of this.owners) {
      if (owners.delete(owner) && owners.size === 0) {
        this.owners.delete(folder);
        released.push(folder);
        this.tell(folder, false);
      }
    }
    return released;
  }

  dispose(): void {
    this.listeners.clear();
  }

  private tell(folder: string, brought: boolean): void {
    for (const listener of this.listeners) {
      try {
        listener(folder, brought);
      } catch (e) {
        this.log.error(`folder listener failed: ${errorText(e)}`);
      }
    }
  }
}
