// Writes the SQS languages' TextMate grammars (see grammar.ts) from the built-in criteria catalogues.
// Run by esbuild.mjs on every build; output is committed so the extension works without building.
import path from 'node:path';
import { CatalogueRegistry } from '../server/src/core/api';
import { caseGrammar, injectionGrammar, inspectionGrammar } from './grammar';
import { writeIfChanged } from './writeIfChanged';

const outDir = process.argv[2] ?? 'syntaxes';
const catalogues = CatalogueRegistry.builtIn().all();

function write(file: string, grammar: object): void {
  writeIfChanged(file, `${JSON.stringify(grammar, null, 2)}\n`);
}

write(path.join(outDir, 'sqs-case.tmLanguage.json'), caseGrammar(catalogues));
write(path.join(outDir, 'sqs-inspection.tmLanguage.json'), inspectionGrammar());
write(path.join(outDir, 'sqs.injection.tmLanguage.json'), injectionGrammar(catalogues));
