import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RequestType } from 'vscode-languageserver-protocol';
import { linkedFoldersNotFollowed } from '../../server/src/core/api';
import { editorFileSystem } from '../../server/src/editor/fileSystem';
import { LinksNotFollowed } from '../../server/src/lsp/linksNotFollowed';
import { bytesToBase64, fileTypeBits, ReadDirectoryRequest, ReadFileRequest, type UriParams } from '../../server/src/protocol';
import { handWorkspace } from '../helpers/handFs';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';

// Where files are read through the editor (the browser build), no symbolic link is followed: the editor has no
// realpath. A linked SQS file gets SQS008 itself (editor-filesystem.test.ts); a linked folder has no text to put a
// finding on, so the inspection file of the folder it sits in says so, with the link as the related place.

const { file, directory, symbolicLink } = fileTypeBits;

describe('linked folders the editor cannot follow', () => {
  it('are said in the inspection file of the folder each sits in, not a deeper or another inspection’s', () => {
    const ws = workspace({ 'inspection.sqs.yaml': minimalInspection, 'sub/inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': minimalCase('T-1') });
    const links = ['file:///ws/cases%202019', 'file:///ws/sub/more', 'file:///elsewhere/x'];
    const folders = ws.index.inspections().map((i) => i.folder);
    const top = linkedFoldersNotFollowed(ws.index.inspectionOf(ws.uri('inspection.sqs.yaml'))!, links, folders);
    assert.deepEqual(
      top.map((f) => [f.uri, f.code, f.related?.map((r) => [r.uri, r.message])]),
      [['file:///ws/inspection.sqs.yaml', 'SQS008', [['file:///ws/cases%202019', 'cases 2019: the link, not followed']]]],
    );
    assert.match(top[0]!.message, /^cases 2019 is a symbolic link to a folder, and where a link leads cannot be seen .* nothing behind it is counted/);
    const sub = linkedFoldersNotFollowed(ws.index.inspectionOf(ws.uri('sub/inspection.sqs.yaml'))!, links, folders);
    assert.deepEqual(
      sub.map((f) => f.related?.[0]?.uri),
      ['file:///ws/sub/more'],
    );
  });

  it('come and go with the walks that meet them, each walk replacing what was known under its folder', () => {
    const links = new LinksNotFollowed();
    const told: string[][] = [];
    links.onDidChange((changed) => told.push([...changed]));
    links.found('file:///ws', ['file:///ws/a', 'file:///ws/b']);
    links.found('file:///ws/sub', ['file:///ws/sub/c']);
    links.found('file:///ws', ['file:///ws/b', 'file:///ws/sub/c']);
    links.found('file:///ws', ['file:///ws/b', 'file:///ws/sub/c']);
    assert.deepEqual(links.all().sort(), ['file:///ws/b', 'file:///ws/sub/c']);
    assert.deepEqual(told, [['file:///ws/a', 'file:///ws/b'], ['file:///ws/sub/c'], ['file:///ws/a']]);
  });

  it('reach the inspection’s findings through the server’s walk, at the start and when one appears later', async () => {
    const text = (s: string) => new TextEncoder().encode(s);
    const tree: Record<string, number | Uint8Array> = {
      '/ws': directory,
      '/ws/inspection.sqs.yaml': text(minimalInspection),
      '/ws/cases': directory,
      '/ws/cases/a.case.sqs.yaml': text(minimalCase('T-1')),
      '/ws/old-cases': symbolicLink | directory,
    };
    const ask = async <P, R>(type: RequestType<P, R, void>, params: P): Promise<R> => {
      const path = new URL((params as UriParams).uri).pathname;
      if (type.method === ReadDirectoryRequest.method) {
        if (tree[path] !== directory) return null as R;
        const entries = Object.entries(tree).filter(([p]) => p.startsWith(`${path}/`) && !p.slice(path.length + 1).includes('/'));
        return entries.map(([p, v]) => [p.slice(path.length + 1), v instanceof Uint8Array ? file : v]) as R;
      }
      if (type.method === ReadFileRequest.method) {
        const bytes = tree[path];
        return (bytes instanceof Uint8Array ? { data: bytesToBase64(bytes), size: bytes.length } : null) as R;
      }
      throw new Error(type.method);
    };
    const links = new LinksNotFollowed();
    const fs = editorFileSystem(ask, { linksNotFollowed: links.found });
    const { ws } = handWorkspace(fs, links);
    await ws.indexFolders(
      ['file:///ws'],
      () => undefined,
      () => false,
    );
    const inspection = 'file:///ws/inspection.sqs.yaml';
    const linkFindings = () => ws.checker.findingsFor(inspection).filter((f) => f.code === 'SQS008');
    assert.deepEqual(
      linkFindings().map((f) => f.related?.[0]?.uri),
      ['file:///ws/old-cases'],
    );

    // A folder made later with a linked folder in it: the inspection's findings move, and the server is told so.
    tree['/ws/more'] = directory;
    tree['/ws/more/linked'] = symbolicLink | directory;
    const affected: string[] = [];
    ws.onDidChange((change) => affected.push(...change.affected));
    await ws.diskChanged([{ uri: 'file:///ws/more', type: 'created' }]);
    assert.ok(affected.includes(inspection), `told of ${affected.join(', ')}`);
    assert.deepEqual(
      linkFindings().map((f) => f.related?.[0]?.uri),
      ['file:///ws/more/linked', 'file:///ws/old-cases'],
    );
  });
});
