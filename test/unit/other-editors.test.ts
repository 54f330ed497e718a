import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { InspectionIndex } from '../../server/src/core/api';
import { liverpool } from '../helpers/example';

// The JSON Schemas are for other editors' YAML tooling. VS Code's Red Hat YAML extension serves YAML documents only,
// and SQS files open as sqs-case and sqs-inspection, so schemas contributed to it (yamlValidation) did nothing; the
// extension contributes none, and docs/format.md says how another editor names them, with a line a case file can
// carry without SQS Findings minding it.

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const format = readFileSync(path.join(root, 'docs/format.md'), 'utf8');

describe('the JSON Schemas, for other editors', () => {
  it('are not contributed to VS Code’s YAML extension, and nothing says they are', () => {
    assert.equal(pkg.contributes.yamlValidation, undefined);
    for (const file of [
      'README.md',
      'esbuild.mjs',
      'scripts/export-schemas.ts',
      ...['format', 'architecture', 'development', 'editor'].map((d) => `docs/${d}.md`),
    ]) {
      const text = existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), 'utf8') : '';
      assert.doesNotMatch(text, /yamlValidation/, `${file} speaks of yamlValidation`);
    }
  });

  it('are named, as docs/format.md shows, by a line that leads from a Liverpool case file to the schema', () => {
    const line = /^# yaml-language-server: \$schema=(\S+)$/m.exec(format);
    assert.ok(line, 'docs/format.md shows the yaml-language-server line');
    const caseFile = path.join(liverpool, 'cases', 'liv-05.case.sqs.yaml');
    const schema = path.resolve(path.dirname(caseFile), line[1]!);
    assert.equal(schema, path.join(root, 'schemas/case.schema.json'));
    const parsed = JSON.parse(readFileSync(schema, 'utf8'));
    assert.equal(parsed.title, 'SQS case file (sqs-2013)');
    // An identifier, not an address: the schemas are published nowhere.
    assert.doesNotMatch(parsed.$id, /^https?:/);
  });

  it('the line is a comment to SQS Findings: the case file checks as it did', () => {
    const line = /^# yaml-language-server: \$schema=\S+$/m.exec(format)![0];
    const text = readFileSync(path.join(liverpool, 'cases', 'liv-05.case.sqs.yaml'), 'utf8');
    const index = new InspectionIndex();
    const uri = URI.file(path.join(liverpool, 'cases', 'liv-05.case.sqs.yaml')).toString();
    index.set(uri, text);
    const before = index.get(uri)!.findings.map((f) => f.message);
    index.set(uri, `${line}\n${text}`);
    assert.deepEqual(
      index.get(uri)!.findings.map((f) => f.message),
      before,
    );
  });
});
