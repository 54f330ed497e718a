import { Phrasebook, PhrasebookError } from './phrasebook';
import { phrasebookFileSchema, type PhrasebookFileData } from './phrasebookSchema';
import educationScotland from './phrasebooks/education-scotland.json';
import sqs from './phrasebooks/sqs.json';

// Built-in phrasebooks. The first is the default; another house style is a new JSON file listed here.
const builtIn: readonly unknown[] = [sqs, educationScotland];

export class PhrasebookRegistry {
  private readonly byId = new Map<string, Phrasebook>();

  constructor(phrasebooks: Iterable<Phrasebook>) {
    for (const p of phrasebooks) this.byId.set(p.id, p);
  }

  /** Validates phrasebook files, resolving `extends` (top-level sections of the parent, overridden). */
  static fromFiles(files: readonly unknown[]): PhrasebookRegistry {
    const raw = new Map<string, PhrasebookFileData>();
    for (const file of files) {
      const parsed = phrasebookFileSchema.safeParse(file);
      const id = typeof (file as { id?: unknown })?.id === 'string' ? (file as { id: string }).id : '(unnamed)';
      if (!parsed.success)
        throw new PhrasebookError(
          id,
          parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
        );
      raw.set(parsed.data.id, parsed.data);
    }
    const resolve = (id: string, seen: string[]): Record<string, unknown> => {
      const file = raw.get(id);
      if (!file) throw new PhrasebookError(seen[seen.length - 1] ?? id, [`extends unknown phrasebook "${id}"`]);
      if (seen.includes(id)) throw new PhrasebookError(id, [`extends itself through ${[...seen, id].join(' → ')}`]);
      const { extends: parent, ...own } = file;
      return parent ? { ...resolve(parent, [...seen, id]), ...own } : own;
    };
    return new PhrasebookRegistry([...raw.keys()].map((id) => Phrasebook.from(resolve(id, []))));
  }

  /** The built-in phrasebooks, validated once per process. */
  static builtIn(): PhrasebookRegistry {
    return (cached ??= PhrasebookRegistry.fromFiles(builtIn));
  }

  get(id: string): Phrasebook | undefined {
    return this.byId.get(id);
  }

  /** The phrasebook used when an inspection names none. */
  get default(): Phrasebook {
    const first = this.byId.values().next().value;
    if (!first) throw new Error('no phrasebook is registered');
    return first;
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  all(): Phrasebook[] {
    return [...this.byId.values()];
  }
}

let cached: PhrasebookRegistry | undefined;
