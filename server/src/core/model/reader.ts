import type { z } from 'zod';
import type { Range } from '../types';
import type { Path, SourceMap } from '../yaml/source';
import { locatedValue, type Located } from './located';

export type { Located } from './located';

/**
 * Reads the valid parts of a file's data, one value at a time, with their ranges. Validation findings come
 * from the whole-file schema; this reader only keeps what is usable, so one bad value never hides the rest.
 */
export class Reader {
  constructor(
    readonly data: unknown,
    readonly source: SourceMap,
  ) {}

  raw(path: Path): unknown {
    let v: unknown = this.data;
    for (const seg of path) {
      if (v === null || typeof v !== 'object') return undefined;
      if (!Object.hasOwn(v, seg)) return undefined;
      v = (v as Record<string | number, unknown>)[seg];
    }
    return v;
  }

  /** The keys of the mapping at `path`, in file order. */
  keys(path: Path): string[] {
    const v = this.raw(path);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
  }

  length(path: Path): number {
    const v = this.raw(path);
    return Array.isArray(v) ? v.length : 0;
  }

  located<S extends z.ZodType>(path: Path, schema: S): Located<z.output<S>> | undefined {
    const raw = this.raw(path);
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return undefined;
    return locatedValue<z.output<S>>(parsed.data, this.range(path), this.source.ownTextRange(path));
  }

  range(path: Path): Range {
    return this.source.valueRange(path) ?? this.source.lineRange(0);
  }

  keyRange(path: Path): Range {
    return this.source.keyRange(path) ?? this.range(path);
  }
}
