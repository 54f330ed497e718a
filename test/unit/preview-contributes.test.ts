import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { commandIds, fileSchemes } from '../../server/src/protocol';

// package.json is shared by every part of the extension: these are the preview's entries in it, which VS Code
// reads without running any code, so nothing else would notice one going missing.

const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
// Only SQS files in a folder, where the server reads an inspection's files (protocol.ts fileSchemes): an untitled
// document, or another version of a file (git:), has no report to preview or export.
const onSqsFile = `resourceScheme =~ /^(${fileSchemes.join('|')})$/ && (editorLangId == sqs-inspection || editorLangId == sqs-case)`;

describe('the preview in package.json', () => {
  it('contributes every command the extension registers, the preview ones with icons', () => {
    const contributed = new Map<string, { icon?: string; title: string }>(pkg.contributes.commands.map((c: { command: string }) => [c.command, c]));
    for (const id of Object.values(commandIds)) assert.ok(contributed.has(id), `${id} is not in contributes.commands`);
    assert.equal(contributed.get(commandIds.openPreviewToSide)?.title, 'Open Report Preview to the Side');
    assert.match(contributed.get(commandIds.openPreviewToSide)?.icon ?? '', /^\$\([\w-]+\)$/);
    assert.match(contributed.get(commandIds.togglePreviewLock)?.icon ?? '', /^\$\([\w-]+\)$/);
  });

  it('puts the preview button in the title bar of SQS editors, and the lock in the preview’s', () => {
    const title: { command: string; when: string; group?: string }[] = pkg.contributes.menus['editor/title'];
    const open = title.find((m) => m.command === commandIds.openPreviewToSide);
    assert.ok(open && open.when === onSqsFile && open.group === 'navigation', JSON.stringify(open));
    const lock = title.find((m) => m.command === commandIds.togglePreviewLock);
    assert.equal(lock?.when, 'activeWebviewPanelId == sqs.preview');
  });

  it('binds Ctrl+K V (Cmd+K V) on SQS files while the editor has focus', () => {
    const binding = pkg.contributes.keybindings.find((k: { command: string }) => k.command === commandIds.openPreviewToSide);
    assert.equal(binding?.key, 'ctrl+k v');
    assert.equal(binding?.mac, 'cmd+k v');
    assert.equal(binding?.when, `editorTextFocus && ${onSqsFile}`);
  });

  it('offers preview and export in the palette for SQS files on disk only, and the restart whenever the extension is active', () => {
    const palette = new Map<string, string>(pkg.contributes.menus.commandPalette.map((m: { command: string; when: string }) => [m.command, m.when]));
    assert.equal(palette.get(commandIds.openPreviewToSide), onSqsFile);
    assert.equal(palette.get(commandIds.exportReport), `${onSqsFile} || activeWebviewPanelId == sqs.preview`);
    // Set by activate(): the restart is wanted most when no SQS editor is in front (the server died, the output is).
    assert.equal(palette.get(commandIds.restartServer), 'sqs.active');
  });

  it('puts New Case File and New Inspection on explorer folders only once the extension is active, not in every workspace', () => {
    const explorer = new Map<string, string>(pkg.contributes.menus['explorer/context'].map((m: { command: string; when: string }) => [m.command, m.when]));
    assert.equal(explorer.get(commandIds.newCase), 'explorerResourceIsFolder && sqs.active');
    assert.equal(explorer.get(commandIds.newInspection), 'explorerResourceIsFolder && sqs.active');
  });

  it('activates to restore a preview panel after a reload', () => {
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:sqs.preview'));
  });

  it('type-checks the webview script with its own settings', () => {
    assert.match(pkg.scripts.typecheck, /tsc --noEmit -p client\/src\/preview\/webview/);
  });
});
