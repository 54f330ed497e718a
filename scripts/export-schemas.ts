// Writes JSON Schemas for the file format, derived from the zod schemas and each criteria catalogue, so
// YAML tooling that knows nothing of SQS (yamlValidation, yaml-language-server) can validate and complete.
// Run by esbuild.mjs on every build; output is committed so schema URLs work without building.
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
  const base = `https://hmi-probation.github.io/sqs-findings/schemas/${catalogue.id}`;
  writeIfChanged(path.join(outDir, catalogue.id, 'case.schema.json'), toJson(s.case, `SQS case file (${catalogue.id})`, `${base}/case.schema.json`));
  writeIfChanged(
    path.join(outDir, catalogue.id, 'inspection.schema.json'),
    toJson(s.inspection, `SQS inspection file (${catalogue.id})`, `${base}/inspection.schema.json`),
  );
}
// The unversioned names point at the newest catalogue; package.json's yamlValidation uses them.
const latest = schemasFor(registry.latest);
writeIfChanged(
  path.join(outDir, 'case.schema.json'),
  toJson(latest.case, `SQS case file (${registry.latest.id})`, 'https://hmi-probation.github.io/sqs-findings/schemas/case.schema.json'),
);
writeIfChanged(
  path.join(outDir, 'inspection.schema.json'),
  toJson(latest.inspection, `SQS inspection file (${registry.latest.id})`, 'https://hmi-probation.github.io/sqs-findings/schemas/inspection.schema.json'),
);
// For authors of phrasebooks (server/src/core/commentary/phrasebooks/*.json): the file format, with its docs.
writeIfChanged(
  path.join(outDir, 'phrasebook.schema.json'),
  toJson(phrasebookFileSchema, 'SQS phrasebook', 'https://hmi-probation.github.io/sqs-findings/schemas/phrasebook.schema.json'),
);
