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
