import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { minimatch } from 'minimatch';
import { commandIds } from '../../server/src/protocol';

// What an inspector meets before any code runs: the extension's page (the README, with its pictures and links), its
// licence, changelog and icon, the walkthrough and the contributions VS Code reads from package.json. A link or a
// picture the .vsix does not carry is broken on the installed extension's page, and nothing else would notice.

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

/** What `vsce package` puts in the .vsix, by .vscodeignore as vsce reads it: ignored unless a `!` pattern takes it back. */
function packaged(file: string): boolean {
  const lines = readFileSync(path.join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const ignored = lines.filter((l) => !l.startsWith('!')).some((p) => minimatch(file, p, { dot: true }));
  return !ignored || lines.filter((l) => l.startsWith('!')).some((p) => minimatch(file, p.slice(1), { dot: true }));
}

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(path.join(root, p)).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every link and picture target of a Markdown text. */
const targets = (markdown: string) => [...markdown.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);

describe('the extension’s page', () => {
  it('opens with the two commands that set up and test it, as its first code block', () => {
    const first = /```[a-z]*\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.deepEqual(
      first
        ?.trim()
        .split('\n')
        .map((l) => l.replace(/\s+#.*$/, '')),
      ['npm ci && npm start', 'npm test'],
    );
  });

  it('shows a screenshot and says how to install the .vsix on its first screen', () => {
    const firstScreen = readme.slice(0, readme.indexOf('## What it does'));
    assert.match(firstScreen, /!\[[^\]]+\]\(docs\/img\/[\w-]+\.png\)/);
    assert.match(firstScreen, /Install from VSIX…/);
    assert.match(firstScreen, /code --install-extension sqs-findings-\d+\.\d+\.\d+\.vsix/);
    assert.ok(firstScreen.includes(`sqs-findings-${pkg.version}.vsix`), 'the package name of this version');
  });

  it('links only to files the .vsix carries, pictures included, and to no repository', () => {
    const links = targets(readme);
    assert.ok(links.length >= 10, `${links.length} links`);
    for (const link of links) {
      assert.doesNotMatch(link, /^[a-z]+:/i, `${link}: an address outside the package`);
      const file = link.replace(/#.*$/, '');
      assert.ok(existsSync(path.join(root, file)), `${link}: no such file`);
      assert.ok(packaged(file), `${link}: not in the .vsix (.vscodeignore)`);
    }
    for (const key of ['repository', 'homepage', 'bugs']) assert.equal(pkg[key], undefined, `package.json names a ${key}`);
    assert.doesNotMatch(readme, /github\.com|gitlab|https?:\/\/(?!www\.nationalarchives)/i);
  });

  it('carries every page the docs it links to link to each other with', () => {
    for (const doc of filesUnder('docs').filter((f) => f.endsWith('.md'))) {
      assert.ok(packaged(doc), `${doc} is not in the .vsix`);
      for (const link of targets(readFileSync(path.join(root, doc), 'utf8')).filter((l) => /^[\w./-]+\.(md|png)(#.*)?$/.test(l))) {
        const file = path.normalize(path.join(path.dirname(doc), link.replace(/#.*$/, '')));
        assert.ok(existsSync(path.join(root, file)), `${doc} → ${link}: no such file`);
        if (file.startsWith('docs')) assert.ok(packaged(file), `${doc} → ${link}: not in the .vsix`);
      }
    }
  });

  it('has an MIT licence with the Open Government Licence attribution for the report text, a changelog and an icon', () => {
    assert.equal(pkg.license, 'MIT');
    const licence = readFileSync(path.join(root, 'LICENSE'), 'utf8');
    assert.match(licence, /^MIT License/);
    assert.match(licence, /Open Government Licence v3\.0/);
    assert.match(licence, /© Crown copyright 2013, HM Inspectorate of Probation/);
    assert.match(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), new RegExp(`## ${pkg.version.replace(/\./g, '\\.')}`));
    const icon = readFileSync(path.join(root, pkg.icon));
    assert.deepEqual([...icon.subarray(1, 4)], [...Buffer.from('PNG')], 'the icon is a PNG (vsce refuses SVG icons)');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    for (const file of ['LICENSE', 'CHANGELOG.md', 'README.md', pkg.icon]) assert.ok(packaged(file), file);
    assert.doesNotMatch(pkg.scripts.package, /--skip-license/);
  });
});

describe('the contributions VS Code reads', () => {
  const c = pkg.contributes;

  it('name files the .vsix carries', () => {
    const named: string[] = [
      ...c.grammars.map((g: { path: string }) => g.path),
      ...c.languages.filter((l: { configuration?: string }) => l.configuration).map((l: { configuration: string }) => l.configuration),
      ...c.viewsContainers.activitybar.map((v: { icon: string }) => v.icon),
      ...c.walkthroughs.flatMap((w: { steps: { media: Record<string, string> }[] }) =>
        w.steps.flatMap((s) => [s.media.markdown, s.media.image].filter(Boolean)),
      ),
    ];
    assert.ok(named.length > 8);
    for (const file of named.map((f) => f.replace(/^\.\//, ''))) {
      assert.ok(existsSync(path.join(root, file)), `${file}: no such file`);
      assert.ok(packaged(file), `${file}: not in the .vsix`);
    }
    assert.ok(packaged('examples/liverpool-2013/inspection.sqs.yaml'), 'SQS: Open the Example copies the example the .vsix carries');
  });

  it('walk a new inspector through the example, a case file, a finding, the preview, the grid and the export to Word', () => {
    const [walkthrough] = c.walkthroughs;
    assert.equal(walkthrough.id, 'sqs.getStarted');
    const commands = new Set(c.commands.map((x: { command: string }) => x.command));
    const steps = walkthrough.steps.map((s: { description: string; completionEvents: string[] }) => {
      const link = /\(command:([\w.]+)\)/.exec(s.description)?.[1];
      assert.ok(link, s.description);
      assert.ok(link.startsWith('workbench.') || commands.has(link), `${link} is not contributed`);
      assert.ok(s.completionEvents.includes(`onCommand:${link}`), `the step completes when its button is used (${link})`);
      return link;
    });
    assert.deepEqual(steps, [
      commandIds.openExample,
      commandIds.newCase,
      'workbench.actions.view.problems',
      commandIds.openPreviewToSide,
      commandIds.openGrid,
      commandIds.exportReport,
    ]);
  });

  it('bind Ctrl+Shift+V to the preview in place, as Markdown does, and Ctrl+S in the grid to saving what it changed', () => {
    const binding = (command: string) => c.keybindings.find((k: { command: string }) => k.command === command);
    assert.deepEqual([binding(commandIds.openPreview).key, binding(commandIds.openPreview).mac], ['ctrl+shift+v', 'cmd+shift+v']);
    assert.match(
      binding(commandIds.openPreview).when,
      /^editorTextFocus && resourceScheme =~ \/\^\(file\|vscode-remote\|vscode-vfs\)\$\/ && \(editorLangId == sqs-inspection \|\| editorLangId == sqs-case\)$/,
    );
    assert.equal(binding(commandIds.openPreviewToSide).key, 'ctrl+k v', 'the to-the-side binding stays');
    assert.deepEqual([binding(commandIds.saveGrid).key, binding(commandIds.saveGrid).when], ['ctrl+s', 'activeWebviewPanelId == sqs.grid']);
  });

  it('wake the extension for SQS files, a restored panel or an opened view only, never for every workspace', () => {
    assert.deepEqual(pkg.activationEvents, ['onWebviewPanel:sqs.preview', 'onWebviewPanel:sqs.grid']);
    assert.ok(!JSON.stringify(c).includes('workspaceContains'));
  });
});
