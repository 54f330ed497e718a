import type { Checker, FindingsOptions } from '../checks/checker';
import type { InspectionIndex } from '../index/inspectionIndex';
import type { Finding, Fix, Range } from '../types';
import { changesStatedFigure } from './figures';
import { ignoreFix } from './ignore';

/** A finding as the editor holds it: where its marker is now, which it may have moved as the text was typed. */
export interface FindingShown {
  code: string;
  range: Range;
  message: string;
}

/** A finding's fixes, and the way to silence it (`# sqs-ignore CODE: reason`), which editors offer last. */
export interface FixesOfFinding {
  fixes: Fix[];
  /** Fixes held back, and why: they would change a stated figure of an inspection not read whole. */
  withheld: { fix: Fix; reason: string }[];
  silence?: Fix;
}

export interface QuickFixOptions extends FindingsOptions {
  /**
   * Why the tallies of the document's inspection may not count every case (its files still being read, one that
   * could not be read): fixes that would change a stated figure are then held back.
   */
  incomplete?: string;
}

/**
 * The quick fixes for findings the editor shows, worked out on the text as it is now. An editor moves a
 * finding's marker as the inspector types and asks for its fixes later; a fix worked out on the text as it was
 * would write into whatever moved under its range ("relevant: 122, sufficient:198"). So each finding shown is
 * matched to a finding of the current text (same code, same range) and gets that finding's fixes, then the way
 * to silence it; a finding shown that matches none (the text changed under it) gets nothing.
 */
export function quickFixes(
  index: InspectionIndex,
  checker: Checker,
  uri: string,
  shown: readonly FindingShown[],
  options: QuickFixOptions = {},
): FixesOfFinding[] {
  const file = index.get(uri);
  if (!file) return shown.map(() => ({ fixes: [], withheld: [] }));
  const current = checker.findingsFor(uri, options).filter((f) => !f.ignored);
  const { incomplete } = options;
  const reason = incomplete && `Not while ${incomplete}: the case files' tallies may be short, and the figure stated right.`;
  return shown.map((s) => {
    const found = matching(current, s);
    if (!found) return { fixes: [], withheld: [] };
    const all = found.fixes ?? [];
    const held = reason ? all.filter((fix) => changesStatedFigure(index, fix, uri)) : [];
    const silence = ignoreFix(file, found.code, found.range);
    return {
      fixes: all.filter((fix) => !held.includes(fix)),
      withheld: held.map((fix) => ({ fix, reason: reason! })),
      ...(silence && { silence }),
    };
  });
}

function matching(current: readonly Finding[], shown: FindingShown): Finding | undefined {
  const here = current.filter((f) => f.code === shown.code && sameRange(f.range, shown.range));
  return here.find((f) => f.message === shown.message) ?? here[0];
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
