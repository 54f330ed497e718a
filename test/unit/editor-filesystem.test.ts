import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RequestType } from 'vscode-languageserver-protocol';
import { editorFileSystem, maxFileBytes as editorCap } from '../../server/src/editor/fileSystem';
import { maxFileBytes as diskCap } from '../../server/src/node/sqsFiles';
import { bytesToBase64, fileTypeBits, ReadDirectoryRequest, ReadFileRequest, type ReadFileParams, type UriParams } from '../../server/src/protocol';

// The web build's server reads through the editor (vscode.workspace.fs, over sqs/fs/* requests). Its walk must find
// what the Node host's walk finds, and say what it cannot: the editor has no realpath, so no link is followed (a
// linked folder is not walked, a linked SQS file not read). Played here against a folder tree in memory, answered as
// client/src/editorFiles.ts answers.

const { file, directory, symbolicLink } = fileTypeBits;
type Tree = Record<string, number | Uint8Array>; // path → type bits (folders, links) or a file's bytes

function client(tree: Tree) {
  const asked: string[] = [];
  const ask = async <P, R>(type: RequestType<P, R, void>, params: P): Promise<R> => {
    const path = new URL((params as UriParams).uri).pathname;
    asked.push(`${type.method} ${path}`);
    if (type.method === ReadDirectoryRequest.method) {
      if (tree[path] !== directory) return null as R;
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const entries = Object.entries(tree)
        .filter(([p]) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
        .map(([p, v]) => [p.slice(prefix.length), v instanceof Uint8Array ? file : v]);
      return entries as R;
    }
    if (type.method === ReadFileRequest.method) {
      const bytes = tree[path];
      if (typeof bytes === 'number' && bytes & symbolicLink) return { data: '', size: 0, symbolicLink: true } as R;
      if (!(bytes instanceof Uint8Array)) return null as R;
      return { data: bytesToBase64(bytes.subarray(0, (params as ReadFileParams).maxBytes)), size: bytes.length } as R;
    }
    throw new Error(`unexpected ${type.method}`);
  };
  return { ask, asked };
}

const text = (s: string) => new TextEncoder().encode(s);

describe('the editor file system (web build)', () => {
  const tree: Tree = {
    '/ws': directory,
    '/ws/inspection.sqs.yaml': text('area: X'),
    '/ws/cases': directory,
    '/ws/cases/a.case.sqs.yaml': text('id: a'),
    '/ws/cases/notes.yaml': text('not SQS'),
    '/ws/cases/.hidden': directory,
    '/ws/cases/.hidden/h.case.sqs.yaml': text('id: h'),
    '/ws/node_modules': directory,
    '/ws/node_modules/n.case.sqs.yaml': text('id: n'),
    '/ws/cases/linked.case.sqs.yaml': symbolicLink | file,
    '/ws/cases/dead.case.sqs.yaml': symbolicLink,
    '/ws/cases/dead-notes.yaml': symbolicLink,
    '/ws/more': symbolicLink | directory,
    '/ws/cases/group': directory,
    '/ws/cases/group/b.case.sqs.yml': text('id: b'),
  };

  it('finds the SQS files a folder holds, skipping hidden and dependency folders, links named as SQS files included', async () => {
    const { ask, asked } = client(tree);
    const links: [string, string[]][] = [];
    const fs = editorFileSystem(ask, { linksNotFollowed: (folder, l) => links.push([folder, l]) });
    assert.deepEqual(await fs.findSqsFiles('file:///ws', () => false), [
      'file:///ws/cases/a.case.sqs.yaml',
      'file:///ws/cases/dead.case.sqs.yaml',
      'file:///ws/cases/group/b.case.sqs.yml',
      'file:///ws/cases/linked.case.sqs.yaml',
      'file:///ws/inspection.sqs.yaml',
    ]);
    // The linked folder, not walked; the links named as SQS files are files of the inspection, read below.
    assert.deepEqual(links, [['file:///ws', ['file:///ws/more']]]);
    assert.ok(!asked.some((a) => a.includes('/ws/more')), asked.join(', '));
  });

  it('reads no symbolic link: a linked SQS file, or one leading nowhere, is there and not followed', async () => {
    const fs = editorFileSystem(client(tree).ask);
    assert.deepEqual(await fs.readFile('file:///ws/cases/linked.case.sqs.yaml'), { kind: 'link-not-followed' });
    assert.deepEqual(await fs.readFile('file:///ws/cases/dead.case.sqs.yaml'), { kind: 'link-not-followed' });
  });

  it('says each walk’s linked folders, none included, so a link removed is forgotten', async () => {
    const links: [string, string[]][] = [];
    const fs = editorFileSystem(client({ '/ws': directory, '/ws/a.case.sqs.yaml': text('id: a') }).ask, {
      linksNotFollowed: (folder, l) => links.push([folder, l]),
    });
    await fs.findSqsFiles('file:///ws', () => false);
    assert.deepEqual(links, [['file:///ws', []]]);
  });

  it('stops walking when cancelled', async () => {
    const { ask, asked } = client(tree);
    assert.deepEqual(await editorFileSystem(ask).findSqsFiles('file:///ws', () => true), []);
    assert.deepEqual(asked, []);
  });

  it('finds the inspection above a case folder as far up as the layouts allow, and no further', async () => {
    const fs = editorFileSystem(client(tree).ask);
    assert.equal(await fs.findInspectionNear('file:///ws/cases'), 'file:///ws/inspection.sqs.yaml');
    assert.equal(await fs.findInspectionNear('file:///ws/cases/group'), 'file:///ws/inspection.sqs.yaml');
    assert.equal(await fs.findInspectionNear('file:///ws/node_modules'), undefined);
  });

  it('reads a file, and only the start of one past the cap, cut where a character starts', async () => {
    assert.equal(editorCap, diskCap, 'the same cap as the Node host');
    const big = new Uint8Array(editorCap + 10).fill(0x61);
    big.set([0xe2, 0x80, 0x99], editorCap - 1); // a three-byte character across the cap
    const fs = editorFileSystem(client({ '/ws': directory, '/ws/a.case.sqs.yaml': text('id: a'), '/ws/big.case.sqs.yaml': big }).ask);
    const bytes = async (uri: string) => {
      const read = await fs.readFile(uri);
      assert.ok(read instanceof Uint8Array, `${uri} read`);
      return read;
    };
    assert.equal(new TextDecoder().decode(await bytes('file:///ws/a.case.sqs.yaml')), 'id: a');
    assert.equal((await bytes('file:///ws/big.case.sqs.yaml')).length, editorCap - 1);
    assert.equal(await fs.readFile('file:///ws/missing.case.sqs.yaml'), undefined);
  });

  it('takes a failed request for a file or folder that cannot be read', async () => {
    const fs = editorFileSystem(() => Promise.reject(new Error('Client is not running')));
    assert.equal(await fs.readFile('file:///ws/a.case.sqs.yaml'), undefined);
    assert.deepEqual(await fs.findSqsFiles('file:///ws', () => false), []);
    assert.equal(await fs.findInspectionNear('file:///ws/cases'), undefined);
  });
});
