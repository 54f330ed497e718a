import { isUnder } from '../core/api';
import type { BroughtInFolders } from './broughtInFolders';

/**
 * The folders whose SQS files are all indexed: the workspace folders (roots), indexed whole, and the
 * folders brought in from outside them. Outside these nothing is indexed from the disk.
 */
export class CoveredFolders {
  private readonly roots = new Set<string>();

  constructor(private readonly broughtIn: BroughtInFolders) {}

  addRoots(roots: readonly string[]): void {
    for (const root of roots) this.roots.add(root);
  }

  removeRoot(root: string): void {
    this.roots.delete(root);
  }

  isRoot(folder: string): boolean {
    return this.roots.has(folder);
  }

  rootList(): string[] {
    return [...this.roots];
  }

  list(): string[] {
    return [...this.roots, ...this.broughtIn.folders()];
  }

  /** The covered folder holding `uri`: a workspace folder before a folder brought in. */
  holderOf(uri: string): string | undefined {
    return this.list().find((folder) => isUnder(uri, folder));
  }

  covers(uri: string): boolean {
    return this.holderOf(uri) !== undefined;
  }
}
