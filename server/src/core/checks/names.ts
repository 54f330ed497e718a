import { Utils, URI } from 'vscode-uri';
import { excerpt } from '../text/quote';
import type { Location } from '../types';

// How findings name things: places as "inspection.sqs.yaml:4", so a message read in a terminal still says where
// the other number is, and lists and counts in words. Questions are named by criteria/names.ts.

/** "inspection.sqs.yaml:4" (1-based line). */
export function place(at: Location): string {
  return `${fileName(at.uri)}:${at.range.start.line + 1}`;
}

/** A file's name as messages give it: a name is the inspector's to choose, so it is held to the length of a quote. */
export function fileName(uri: string): string {
  return excerpt(Utils.basename(URI.parse(uri)));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
