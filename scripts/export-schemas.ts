// Writes JSON Schemas for the file format, derived from the zod schemas and each criteria catalogue, so YAML
// tooling that knows nothing of SQS (yaml-language-server in other editors: docs/format.md) can validate and
// complete. Run by esbuild.mjs on every build; output is committed so the schemas are there without building.
// Their $id is a name, not an address: the schemas are files of the repository and of the extension, published
// nowhere.
import { writeIfChanged } from './writeIfChanged';
import path from 'node:path';
import { z } from 'zod';
import { CatalogueRegistry, schemasFor } from '../server/src/core/api';
import { phrasebookFileSchema } from '../server/src/core/commentary/phrasebookSchema';
import { count, countJsonSchema } from '../server/src/core/model/values';

const outDir = process.argv[2] ?? 'schemas';

function toJson(schema: z.ZodType, title: string, id: string): string {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      // `count` parses through a transform (to name the usual slips); its input is a whole number.
      if (ctx.zodSchema === count) Object.assign(ctx.jsonSchema, countJsonSchema);
    },
  });
  return `${JSON.stringify({ ...json, $id: id, title }, null, 2)}\n`;
}

const registry = CatalogueRegistry.builtIn();
for (const catalogue of registry.all()) {
  const s = schemasFor(catalogue);
  writeIfChanged(
    path.join(outDir, catalogue.id, 'case.schema.json'),
    toJson(s.case, `SQS case file (${catalogue.id})`, `urn:sqs-findings:${catalogue.id}:case`),
  );
  writeIfChanged(
    path.join(outDir, catalogue.id, 'inspection.schema.json'),
    toJson(s.inspection, `SQS inspection file (${catalogue.id})`, `urn:sqs-findings:${catalogue.id}:inspection`),
  );
}
// The unversioned names are the newest catalogue's.
const latest = schemasFor(registry.latest);
writeIfChanged(path.join(outDir, 'case.schema.json'), toJson(latest.case, `SQS case file (${registry.latest.id})`, 'urn:sqs-findings:case'));
writeIfChanged(
  path.join(outDir, 'inspection.schema.json'),
  toJson(latest.inspection, `SQS inspection file (${registry.latest.id})`, 'urn:sqs-findings:inspection'),
);
// For authors of phrasebooks (server/src/core/commentary/phrasebooks/*.json): the file format, with its docs.
writeIfChanged(path.join(outDir, 'phrasebook.schema.json'), toJson(phrasebookFileSchema, 'SQS phrasebook', 'urn:sqs-findings:phrasebook'));
