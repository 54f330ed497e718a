import { Catalogue } from './catalogue';
import sqs2013 from './catalogues/sqs-2013.json';

// Built-in catalogues, newest last. A new revision of the criteria is a new JSON file in catalogues/
// listed here; nothing else in the code names a catalogue.
const builtIn: readonly unknown[] = [sqs2013];

export class CatalogueRegistry {
  private readonly byId = new Map<string, Catalogue>();

  constructor(catalogues: Iterable<Catalogue>) {
    for (const c of catalogues) this.byId.set(c.id, c);
  }

  /** The built-in catalogues, validated once per process. */
  static builtIn(): CatalogueRegistry {
    return (cached ??= new CatalogueRegistry(builtIn.map((data) => Catalogue.from(data))));
  }

  get(id: string): Catalogue | undefined {
    return this.byId.get(id);
  }

  /** The catalogue used when a file names none (or names one that does not exist). */
  get latest(): Catalogue {
    const all = [...this.byId.values()];
    const last = all[all.length - 1];
    if (!last) throw new Error('no criteria catalogue is registered');
    return last;
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  all(): Catalogue[] {
    return [...this.byId.values()];
  }
}

let cached: CatalogueRegistry | undefined;
