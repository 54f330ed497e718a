import type { z } from 'zod';
import type { Path } from '../yaml/source';

// What the file format allows at a path, read from the zod schema built for a catalogue: used by
// completion, so the editor offers exactly what validation accepts.

type Schema = z.core.$ZodType;

/** The alternatives a value at `path` may take, with wrappers (optional, default, pipes …) removed. */
export function schemasAt(schema: z.ZodType, path: Path): Schema[] {
  const out: Schema[] = [];
  const visit = (s: Schema, rest: Path): void => {
    const def = s._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
        return visit(def.innerType as Schema, rest);
      case 'pipe':
        return visit(def.in as Schema, rest);
      case 'lazy':
        return visit((def.getter as () => Schema)(), rest);
      case 'union':
        for (const option of def.options as Schema[]) visit(option, rest);
        return;
      default:
        break;
    }
    if (rest.length === 0) {
      out.push(s);
      return;
    }
    if (def.type === 'object') {
      // The key is the inspector's: own keys only, or `constructor:` would find Object's.
      const shape = def.shape as Record<string, Schema>;
      const key = String(rest[0]);
      if (Object.hasOwn(shape, key)) visit(shape[key]!, rest.slice(1));
    } else if (def.type === 'array') visit(def.element as Schema, rest.slice(1));
    else if (def.type === 'record') visit(def.valueType as Schema, rest.slice(1));
  };
  visit(schema, path);
  return out;
}

export type Shape = 'mapping' | 'list' | 'scalar';

/** What a value at `path` is written as; several when the format allows either (a bare judgement or a mapping). */
export function shapesAt(schema: z.ZodType, path: Path): Set<Shape> {
  const shapes = new Set<Shape>();
  for (const s of schemasAt(schema, path)) {
    const type = s._zod.def.type;
    shapes.add(type === 'object' || type === 'record' ? 'mapping' : type === 'array' ? 'list' : 'scalar');
  }
  return shapes;
}

/** The fixed words a value at `path` may be (enums and literals), in schema order. */
export function wordsAt(schema: z.ZodType, path: Path): string[] {
  const words = new Set<string>();
  for (const s of schemasAt(schema, path)) {
    const def = s._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    if (def.type === 'enum') for (const v of Object.values(def.entries as Record<string, unknown>)) if (typeof v === 'string') words.add(v);
    if (def.type === 'literal') for (const v of def.values as unknown[]) if (typeof v === 'string') words.add(v);
    if (def.type === 'boolean') ['true', 'false'].forEach((w) => words.add(w));
  }
  return [...words];
}

/** The keys a mapping at `path` may hold, in schema order. */
export function keysAt(schema: z.ZodType, path: Path): string[] {
  const keys = new Set<string>();
  for (const s of schemasAt(schema, path)) {
    const def = s._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    if (def.type === 'object') for (const k of Object.keys(def.shape as Record<string, unknown>)) keys.add(k);
  }
  return [...keys];
}
