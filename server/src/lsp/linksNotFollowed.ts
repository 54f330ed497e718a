import { isUnder } from '../core/api';

/**
 * The linked folders the editor's file system left unwalked (it has no realpath to end a loop), as its walks find
 * them: each walk of a folder replaces what was known under it, so a link removed since is forgotten. The inspection
 * file above each says so (SQS008, core/checks/links.ts); the Workspace runs that check with these.
 */
export class LinksNotFollowed {
  private readonly links = new Set<string>();
  private readonly listeners = new Set<(changed: readonly string[]) => void>();

  /** What a walk of `folder` met (editor/fileSystem.ts linksNotFollowed). */
  readonly found = (folder: string, links: readonly string[]): void => {
    const now = new Set(links);
    const changed = [...this.links].filter((l) => isUnder(l, folder) && !now.has(l)).concat(links.filter((l) => !this.links.has(l)));
    if (changed.length === 0) return;
    for (const l of changed) {
      if (now.has(l)) this.links.add(l);
      else this.links.delete(l);
    }
    for (const listener of this.listeners) listener(changed);
  };

  all(): string[] {
    return [...this.links];
  }

  /** Told of the links that came or went. */
  onDidChange(listener: (changed: readonly string[]) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
