import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { ExportRequest, reportFormats } from '../../server/src/protocol';
import type * as ExportPicks from '../../client/src/preview/exportPicks';
import type * as Messages from '../../client/src/preview/messages';
import type * as Page from '../../client/src/preview/page';
import { TestClient } from './harness';

// One list of report formats (protocol.ts) and one renderer module per format (server/src/render/formats/<id>.ts):
// everything that offers a format reads the list. Shown the way a maintainer would add one: in a copy of the
// project, one new file and one line of the list, then the command line, the server, the export command's pick
// list and the preview's buttons all have it.

const root = path.resolve(__dirname, '../..');
const example = path.join(root, 'examples/liverpool-2013');
const formatsDir = path.join(root, 'server/src/render/formats');

describe('report formats: one list, one module per format', () => {
  it('every format of the list has its renderer module, and every module there is a format of the list', async () => {
    const modules = readdirSync(formatsDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .sort();
    assert.deepEqual(modules, reportFormats.map((f) => f.id).sort());
    for (const id of modules) {
      const m = (await import(path.join(formatsDir, `${id}.ts`))) as { render?: unknown };
      assert.equal(typeof m.render, 'function', `${id}.ts exports render`);
    }
    const names = reportFormats.flatMap((f) => [f.id, ...f.aliases]);
    assert.equal(new Set(names).size, names.length, 'each name stands for one format');
  });

  describe('a toy format added with one new file and one line of the list', () => {
    let copy = '';
    const client = () => new TestClient({ serverPath: path.join(copy, 'server/out/server.js') });
    let server: TestClient | undefined;
    before(() => {
      copy = mkdtempSync(path.join(tmpdir(), 'sqs-toy-format-'));
      for (const part of ['server', 'client', 'scripts', 'media', 'esbuild.mjs', 'package.json', 'tsconfig.json']) {
        cpSync(path.join(root, part), path.join(copy, part), { recursive: true, filter: (src) => !/[\\/]out([\\/]|$)/.test(src) });
      }
      symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
      // The one new file…
      writeFileSync(
        path.join(copy, 'server/src/render/formats/toy.ts'),
        [
          "import { paragraphsOf, paragraphText } from '../../core/api';",
          "import type { RenderReport } from '../renderer';",
          '',
          "export const render: RenderReport = (doc) => `TOY ${doc.title}\\n${paragraphsOf(doc).map(paragraphText).join('\\n')}\\n`;",
          '',
        ].join('\n'),
      );
      // …and the one line of the list.
      const protocolFile = path.join(copy, 'server/src/protocol.ts');
      const protocol = readFileSync(protocolFile, 'utf8');
      const listStart = 'export const reportFormats = [\n';
      assert.ok(protocol.includes(listStart));
      const entry =
        "  { id: 'toy', aliases: ['t'], label: 'Toy', description: 'Toy text', fileType: 'Toy text', extension: 'toy', mimeType: 'text/plain', binary: false },\n";
      writeFileSync(protocolFile, protocol.replace(listStart, listStart + entry));
      const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: copy, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    });
    after(async () => {
      await server?.stop();
      rmSync(copy, { recursive: true, force: true });
    });

    it('sqs render --format toy writes it, and the help lists it', () => {
      const cli = path.join(copy, 'server/out/cli.js');
      const r = spawnSync(process.execPath, [cli, 'render', example, '--format', 'toy'], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^TOY Report of Short Quality Screening/);
      assert.ok(r.stdout.includes('In all but 3 out of the 22 relevant cases'));
      assert.equal(spawnSync(process.execPath, [cli, 'render', example, '--format', 't'], { encoding: 'utf8' }).stdout, r.stdout, 'its alias too');
      assert.match(spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout, /--format t\|html\|md\|docx/);
    });

    it('the server exports it (sqs/export)', async () => {
      server = client();
      await server.start(URI.file(example).toString());
      const result = await server.connection.sendRequest(ExportRequest, {
        uri: URI.file(path.join(example, 'inspection.sqs.yaml')).toString(),
        format: 'toy' as never,
      });
      assert.equal(result?.encoding, 'utf8');
      assert.match(result?.data ?? '', /^TOY Report of Short Quality Screening/);
    });

    it('the export command offers it, and the preview has its button and takes its export message', async () => {
      const picks = (await import(path.join(copy, 'client/src/preview/exportPicks.ts'))) as typeof ExportPicks;
      assert.deepEqual(
        picks.exportPicks().map((p) => p.label),
        ['Toy text', ...reportFormats.map((f) => f.description)],
      );
      const page = (await import(path.join(copy, 'client/src/preview/page.ts'))) as typeof Page;
      const html = page.previewPage({
        nonce: 'abcdefghijklmnopqrstuv',
        cspSource: 'vscode-resource:',
        scriptUri: 'vscode-resource:/preview.js',
        styleUris: [],
        initial: { seq: 1, inspection: 'file:///i/inspection.sqs.yaml', title: 'T', locked: false, revealOn: 'click', language: 'en', html: '' },
      });
      assert.match(html, /<button type="button" data-action="export" data-format="toy" title="Export the report as Toy text">Toy<\/button>/);
      const messages = (await import(path.join(copy, 'client/src/preview/messages.ts'))) as typeof Messages;
      assert.deepEqual(messages.parseFromWebview({ type: 'export', inspection: 'file:///i/inspection.sqs.yaml', format: 'toy' }), {
        type: 'export',
        inspection: 'file:///i/inspection.sqs.yaml',
        format: 'toy',
      });
    });
  });
});
