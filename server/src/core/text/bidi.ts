import { finding, type LocalFinding } from '../findings';
import type { Range } from '../types';

// Bidirectional controls reorder how text is shown: "on time" with a right-to-left override before it can show as
// something else, and an id or a count can read differently from what the file holds. An SQS file has no use for
// them (a right-to-left name needs none: the letters carry their direction), so each line holding one is flagged.

const names = new Map([
  ['\u061C', 'ARABIC LETTER MARK'],
  ['\u200E', 'LEFT-TO-RIGHT MARK'],
  ['\u200F', 'RIGHT-TO-LEFT MARK'],
  ['\u202A', 'LEFT-TO-RIGHT EMBEDDING'],
  ['\u202B', 'RIGHT-TO-LEFT EMBEDDING'],
  ['\u202C', 'POP DIRECTIONAL FORMATTING'],
  ['\u202D', 'LEFT-TO-RIGHT OVERRIDE'],
  ['\u202E', 'RIGHT-TO-LEFT OVERRIDE'],
  ['\u2066', 'LEFT-TO-RIGHT ISOLATE'],
  ['\u2067', 'RIGHT-TO-LEFT ISOLATE'],
  ['\u2068', 'FIRST STRONG ISOLATE'],
  ['\u2069', 'POP DIRECTIONAL ISOLATE'],
]);

const control = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * SQS017 on each value whose text holds a bidirectional control written as an escape (`"\u202E"`): the file reads
 * plainly, but the value, and the report made from it, do not. `values` are the file's strings with their ranges.
 */
export function escapedBidiControls(values: Iterable<{ value: string; range: Range; raw: string }>): LocalFinding[] {
  const out: LocalFinding[] = [];
  for (const { value, range, raw } of values) {
    control.lastIndex = 0;
    const m = control.exec(value);
    control.lastIndex = 0;
    if (!m || control.test(raw)) continue;
    control.lastIndex = 0;
    out.push(
      finding('SQS017', range, `${describe(m[0])} is written in this value as an escape: the report would read differently from what it holds. Remove it.`),
    );
  }
  return out;
}

function describe(c: string): string {
  return `A bidirectional control character (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} ${names.get(c)})`;
}

/** SQS017 on the first bidirectional control of each line that holds one. */
export function bidiControls(text: string, range: (span: readonly [number, number]) => Range): LocalFinding[] {
  const out: LocalFinding[] = [];
  let lineEnd = -1;
  for (const m of text.matchAll(control)) {
    if (m.index < lineEnd) continue;
    const next = text.indexOf('\n', m.index);
    lineEnd = next < 0 ? text.length : next;
    out.push(
      finding(
        'SQS017',
        range([m.index, m.index + 1]),
        `${describe(m[0])} makes this line read differently from what it holds: delete it (right-to-left text needs none).`,
      ),
    );
  }
  return out;
}
