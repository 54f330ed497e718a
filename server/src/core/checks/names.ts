import { Utils, URI } from 'vscode-uri';
import type { Question } from '../criteria/catalogue';
import type { Location } from '../types';

// How findings name things: the way the report and the inspector do ("1.2", "1.1 oversight"), and places
// as "inspection.sqs.yaml:4", so a message read in a terminal still says where the other number is.

/** "1.2" for a criterion with one question, "1.1 oversight" when the criterion has several. */
export function questionName(q: Question): string {
  return q.criterion.questions.length > 1 ? `${q.criterion.id} ${q.key}` : q.criterion.id;
}

/** "inspection.sqs.yaml:4" (1-based line). */
export function place(at: Location): string {
  return `${Utils.basename(URI.parse(at.uri))}:${at.range.start.line + 1}`;
}

export function fileName(uri: string): string {
  return Utils.basename(URI.parse(uri));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
