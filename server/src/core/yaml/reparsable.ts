import { parseYaml, type ParseLimits, type ParsedYaml } from './parse';
import type { SourceMap } from './source';

/**
 * A parse whose tree (the data and the source map, most of what a parsed file holds) can be let go and is built again
 * from the text when next read. A closed case file keeps its text, its findings and its model; its tree is needed
 * again only for an edit, a hover or the grid. The text is the one it was parsed from, so the tree built again is the
 * same: no range is ever applied to another text.
 */
export class Reparsable implements ParsedYaml {
  readonly text: string;
  readonly findings: ParsedYaml['findings'];
  readonly readProblems: ParsedYaml['readProblems'];
  /** Whether the data is a mapping, as an SQS file's must be: asked of every file, kept so the tree is not built for it. */
  readonly mapping: boolean;
  private tree: ParsedYaml | undefined;

  constructor(
    parsed: ParsedYaml,
    private readonly limits: ParseLimits,
    /** Told when the tree is built again, so whoever let it go can bound how many are held again. */
    private readonly onRebuilt?: (parse: Reparsable) => void,
  ) {
    this.text = parsed.text;
    this.findings = parsed.findings;
    this.readProblems = parsed.readProblems;
    this.tree = parsed;
    this.mapping = isMapping(parsed.data);
  }

  get source(): SourceMap {
    return this.built().source;
  }

  get data(): unknown {
    return this.built().data;
  }

  get held(): boolean {
    return this.tree !== undefined;
  }

  /** Lets the tree go; the next read of `source` or `data` parses the text again. */
  letGo(): void {
    this.tree = undefined;
  }

  private built(): ParsedYaml {
    if (this.tree) return this.tree;
    this.tree = parseYaml(this.text, this.limits, this.readProblems);
    this.onRebuilt?.(this);
    return this.tree;
  }
}

export function isMapping(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data);
}

/** Whether a parse's data is a mapping, without building a tree that was let go. */
export function readsAsMapping(parsed: ParsedYaml): boolean {
  return parsed instanceof Reparsable ? parsed.mapping : isMapping(parsed.data);
}
