import * as espree from 'espree';
import * as eslintScope from 'eslint-scope';

// What a bundle uses of its host: the names its code reads that no part of it declares (free variables), found
// with ESLint's own parser and scope analysis, so a property (`ral.timer.setImmediate`), a key or a comment
// naming a Node global is not mistaken for a use of it.

export interface FreeReference {
  name: string;
  line: number;
  /** The code around it, for the message. */
  excerpt: string;
  /**
   * The reference is `typeof name`, or in a function that asks `typeof name` first: a library that works on both
   * Node and browsers and looks before it uses (jszip's Buffer, a colour check on process).
   */
  guarded: boolean;
}

export function freeReferences(code: string, names: ReadonlySet<string>): FreeReference[] {
  const ast = espree.parse(code, { ecmaVersion: 'latest', sourceType: 'script', range: true, loc: true });
  // espree's tree is ESTree; its types come from acorn's declarations, which differ from @types/estree in details only.
  const scopes = eslintScope.analyze(ast as unknown as Parameters<typeof eslintScope.analyze>[0], { ecmaVersion: 2022, sourceType: 'script' });
  const found: FreeReference[] = [];
  for (const ref of scopes.globalScope!.through) {
    const { name, range, loc } = ref.identifier;
    if (!names.has(name)) continue;
    const [start, end] = ref.from.variableScope.block.range!;
    const body = code.slice(start, end);
    found.push({
      name,
      line: loc!.start.line,
      excerpt: code.slice(Math.max(0, range![0] - 60), range![1] + 60).replace(/\s+/g, ' '),
      guarded: new RegExp(`typeof\\s*\\(?\\s*${name}\\b`).test(body),
    });
  }
  return found;
}
