import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes generated output only when it differs from what is there, so a build leaves committed files (and
 * their timestamps, which the tests' rebuild check reads) alone when nothing changed.
 */
export function writeIfChanged(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  let old: string | undefined;
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    old = undefined;
  }
  if (old !== content) writeFileSync(file, content);
}
