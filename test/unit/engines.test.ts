import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import semver from 'semver';

// package.json promises a Node version (engines.node); every package installed for the extension and the
// server to run must work on all of it, or a fresh `npm ci` warns (EBADENGINE) and the package may not run.
// Read from the lockfile, which records each installed package's engines: what `npm ci` installs.

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; optional?: boolean; engines?: { node?: string } | string[] }>;
};

describe('Node engines', () => {
  it('every runtime package installed admits every Node version package.json promises', () => {
    const ours = pkg.engines.node;
    assert.ok(semver.validRange(ours), `engines.node ${ours}`);
    const narrower = Object.entries(lock.packages).flatMap(([where, p]) => {
      const node = p.engines && !Array.isArray(p.engines) ? p.engines.node : undefined;
      if (!where || p.dev || !node) return [];
      return semver.subset(ours, node, { includePrerelease: false }) ? [] : [`${where.replace(/^.*node_modules\//, '')}@${p.version} wants node ${node}`];
    });
    assert.deepEqual(narrower, [], `package.json promises node ${ours}`);
  });

  it('the Node running the tests is one package.json promises', () => {
    assert.ok(semver.satisfies(process.version, pkg.engines.node), `${process.version} is outside engines.node ${pkg.engines.node}`);
  });
});
