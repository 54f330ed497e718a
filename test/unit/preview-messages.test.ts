import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFromWebview, parsePreviewState } from '../../client/src/preview/messages';

// The webview is a web page: whatever it posts is checked before the extension acts on it.

/** The inspection the page shows, carried by what a click or an export button asks for. */
const I = 'file:///ws/liverpool/inspection.sqs.yaml';

describe('messages from the preview webview', () => {
  it('accepts each message the webview script sends', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready', seq: 3 }), { type: 'ready', seq: 3 });
    assert.deepEqual(parseFromWebview({ type: 'reveal', inspection: I, paragraph: 'theme-1-1.1', sentence: 2 }), {
      type: 'reveal',
      inspection: I,
      paragraph: 'theme-1-1.1',
      sentence: 2,
    });
    assert.deepEqual(parseFromWebview({ type: 'reveal', inspection: I, paragraph: 'key-strengths-3' }), {
      type: 'reveal',
      inspection: I,
      paragraph: 'key-strengths-3',
    });
    assert.deepEqual(parseFromWebview({ type: 'export', inspection: I, format: 'docx' }), { type: 'export', inspection: I, format: 'docx' });
    assert.deepEqual(parseFromWebview({ type: 'toggleLock' }), { type: 'toggleLock' });
    assert.deepEqual(parseFromWebview({ type: 'revealMark', inspection: I, paragraph: 'criterion-1.2' }), {
      type: 'revealMark',
      inspection: I,
      paragraph: 'criterion-1.2',
    });
    assert.deepEqual(parseFromWebview({ type: 'revealNotes', inspection: I }), { type: 'revealNotes', inspection: I });
  });

  it('takes the files of the browser build and of remote windows (vscode-remote:) and of virtual workspaces (vscode-vfs:) as files', () => {
    for (const inspection of ['vscode-remote://127.0.0.1%3A8765/ws/inspection.sqs.yaml', 'vscode-vfs://github/hmip/i/inspection.sqs.yaml']) {
      assert.deepEqual(parseFromWebview({ type: 'reveal', inspection, paragraph: 'p1' }), { type: 'reveal', inspection, paragraph: 'p1' });
      assert.deepEqual(parsePreviewState({ inspection, locked: false }), { inspection, locked: false });
    }
  });

  const malformed: [string, unknown][] = [
    ['nothing', undefined],
    ['null', null],
    ['a string', 'reveal'],
    ['an array', [{ type: 'toggleLock' }]],
    ['an unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }],
    ['no type', { paragraph: 'x' }],
    ['an extra key', { type: 'toggleLock', command: 'rm -rf' }],
    ['an extra key on reveal', { type: 'reveal', inspection: I, paragraph: 'p1', uri: 'file:///etc/passwd' }],
    ['a paragraph id with markup', { type: 'reveal', inspection: I, paragraph: '"><img src=x onerror=alert(1)>' }],
    ['a paragraph id with spaces', { type: 'reveal', inspection: I, paragraph: 'theme 1' }],
    ['an empty paragraph id', { type: 'reveal', inspection: I, paragraph: '' }],
    ['a very long paragraph id', { type: 'reveal', inspection: I, paragraph: 'p'.repeat(201) }],
    ['a numeric paragraph id', { type: 'reveal', inspection: I, paragraph: 7 }],
    ['a negative sentence', { type: 'reveal', inspection: I, paragraph: 'p1', sentence: -1 }],
    ['a fractional sentence', { type: 'reveal', inspection: I, paragraph: 'p1', sentence: 1.5 }],
    ['a sentence as text', { type: 'reveal', inspection: I, paragraph: 'p1', sentence: '1' }],
    ['a huge sentence index', { type: 'reveal', inspection: I, paragraph: 'p1', sentence: 1e9 }],
    ['a mark without its paragraph', { type: 'revealMark', inspection: I }],
    ['a mark with a sentence', { type: 'revealMark', inspection: I, paragraph: 'p1', sentence: 0 }],
    ['notes with a target', { type: 'revealNotes', inspection: I, uri: 'file:///etc/passwd' }],
    ['an unknown export format', { type: 'export', inspection: I, format: 'pdf' }],
    ['an export path', { type: 'export', inspection: I, format: 'html', path: '/tmp/x.html' }],
    ['a reveal without the inspection shown', { type: 'reveal', paragraph: 'p1' }],
    ['an export without the inspection shown', { type: 'export', format: 'html' }],
    ['notes without the inspection shown', { type: 'revealNotes' }],
    ['an inspection that is not a file', { type: 'export', inspection: 'https://example.org/inspection.sqs.yaml', format: 'html' }],
    ['an inspection named by a scheme that only starts like a file’s', { type: 'export', inspection: 'filex:///ws/inspection.sqs.yaml', format: 'html' }],
    ['a negative seq', { type: 'ready', seq: -1 }],
    ['a non-integer seq', { type: 'ready', seq: Number.NaN }],
  ];
  for (const [what, raw] of malformed) {
    it(`rejects ${what}`, () => assert.equal(parseFromWebview(raw), undefined));
  }
});

describe('the state a preview panel is restored from', () => {
  it('keeps the inspection, the lock and the paragraph at the top', () => {
    assert.deepEqual(parsePreviewState({ inspection: 'file:///ws/inspection.sqs.yaml', locked: true, topParagraph: 'theme-2-2.1' }), {
      inspection: 'file:///ws/inspection.sqs.yaml',
      locked: true,
      topParagraph: 'theme-2-2.1',
    });
    assert.deepEqual(parsePreviewState({ inspection: 'file:///ws/inspection.sqs.yaml', locked: false }), {
      inspection: 'file:///ws/inspection.sqs.yaml',
      locked: false,
    });
  });

  it('refuses state that would open something other than a file, or is incomplete', () => {
    assert.equal(parsePreviewState(undefined), undefined);
    assert.equal(parsePreviewState({ locked: true }), undefined);
    assert.equal(parsePreviewState({ inspection: 'https://example.org/inspection.sqs.yaml', locked: false }), undefined);
    assert.equal(parsePreviewState({ inspection: 'command:workbench.action.quit', locked: false }), undefined);
    assert.equal(parsePreviewState({ inspection: 'file:///ws/inspection.sqs.yaml', locked: 'yes' }), undefined);
    assert.equal(parsePreviewState({ inspection: 'file:///ws/inspection.sqs.yaml', locked: false, topParagraph: '<b>' }), undefined);
  });
});
