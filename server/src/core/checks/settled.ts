import type { Finding } from '../types';

// What result ids are made of. A generation stands for one serialisation of findings and for nothing
// else, so two equal generations always mean equal findings, however the checks that made them work.

/** Findings with their serialisation and a generation that stands for that serialisation alone. */
export interface Settled {
  readonly findings: readonly Finding[];
  readonly json: string;
  readonly generation: number;
}

/** No findings: generation 0, wherever they come from. */
export const nothing: Settled = { findings: [], json: '[]', generation: 0 };

let nextGeneration = 1;

/** A number never handed out before (generations and serials share the sequence). */
export function fresh(): number {
  return nextGeneration++;
}

/**
 * `findings`, serialised, with the generation of `before` when they serialise the same (the same
 * object, so callers may compare by identity), else a new one.
 */
export function settle(findings: readonly Finding[], before?: Settled): Settled {
  if (findings.length === 0) return nothing;
  const json = JSON.stringify(findings);
  if (before?.json === json) return before;
  return { findings, json, generation: fresh() };
}

const serials = new WeakMap<object, number>();

/** A number for an object, the same for its lifetime: "this very analysis" in a few characters. */
export function serial(o: object): number {
  let n = serials.get(o);
  if (n === undefined) {
    n = fresh();
    serials.set(o, n);
  }
  return n;
}
