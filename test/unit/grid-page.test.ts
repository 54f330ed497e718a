import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { parseFromGrid, parseGridState } from '../../client/src/grid/messages';
import { gridPage } from '../../client/src/grid/page';
import { cellLooks, cellTitle, firstWindow, gridTable, stateOfLetter, withDelta } from '../../client/src/grid/table';
import { contentSecurityPolicy } from '../../client/src/preview/page';
import { judgementGrid } from '../../server/src/core/api';
import { wireGrid } from '../../server/src/lsp/glance';
import { cellLetters, cellStates } from '../../server/src/protocol';
import { liverpool } from '../helpers/example';
import { minimalCase, minimalInspection, workspace } from '../helpers/index';

// The judgement grid's page, built as the extension builds it (the server's grid → the wire → the page), from
// files full of hostile text, and read back with a real HTML parser the way a browser would: the preview's rules
// (one script by nonce, strict CSP, nothing inline, every string as typed) and the ARIA grid's structure.

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const evil = '<img src=x onerror=alert(1)>';
const breakout = '"><script>alert(2)</script>';
const nonce = 'Q2hhbmdlZEV2ZXJ5TG9hZA==';
const scriptUri = 'https://file+.vscode-resource.vscode-cdn.net/ext/media/out/grid.js';
const styleUris = ['https://file+.vscode-resource.vscode-cdn.net/ext/media/grid.css'];
const cspSource = 'https://*.vscode-cdn.net';

function build(unsaved: string[] = []) {
  const w = workspace({
    'i/inspection.sqs.yaml': minimalInspection.replace('inspection: Testtown', `inspection: '${evil}'`),
    'i/cases/a.case.sqs.yaml': minimalCase(`'${breakout.replace(/'/g, "''")}'`).replace('judgements:', `inspector: '${evil}'\njudgements:`),
    'i/cases/b.case.sqs.yaml': minimalCase('T-2', '  "1.3": not sufficient\n'),
  });
  const grid = wireGrid(judgementGrid(w.index.inspections()[0]!));
  const page = gridPage({ nonce, cspSource, scriptUri, styleUris, seq: 3, inspection: grid.inspectionUri, grid, unsaved });
  return { grid, page, tree: parse(page) };
}

function elements(node: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) out.push(n);
    const kids = 'content' in n && n.content ? n.content.childNodes : 'childNodes' in n ? n.childNodes : [];
    for (const c of kids) walk(c);
  };
  walk(node);
  return out;
}

const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const text = (node: Node): string =>
  node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in node ? node.childNodes.map(text).join('') : '';

describe('the judgement grid page', () => {
  const { grid, page, tree } = build();
  const all = elements(tree);

  it('runs one script, the grid bundle, with the nonce; nothing inline, nothing loaded from elsewhere', () => {
    const scripts = all.filter((e) => e.tagName === 'script');
    assert.equal(scripts.length, 1);
    assert.equal(attr(scripts[0]!, 'src'), scriptUri);
    assert.equal(attr(scripts[0]!, 'nonce'), nonce);
    assert.deepEqual(
      all.flatMap((e) => e.attrs.filter((a) => /^on/i.test(a.name) || a.name === 'style').map((a) => `${e.tagName} ${a.name}`)),
      [],
    );
    assert.deepEqual(
      all.filter((e) => ['img', 'iframe', 'object', 'embed', 'base', 'form', 'style', 'a', 'svg'].includes(e.tagName)).map((e) => e.tagName),
      [],
    );
    assert.deepEqual(
      all.filter((e) => e.tagName === 'link').map((l) => attr(l, 'href')),
      styleUris,
    );
    const meta = all.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy')!;
    assert.equal(attr(meta, 'content'), contentSecurityPolicy(cspSource, nonce));
    assert.throws(() => gridPage({ nonce: "x' 'unsafe-inline", cspSource, scriptUri, styleUris, seq: 1, inspection: 'file:///i', grid, unsaved: [] }));
  });

  it('shows every string from the files as typed, never as markup', () => {
    const headers = all.filter((e) => e.tagName === 'th' && attr(e, 'scope') === 'col').map(text);
    assert.ok(headers.includes(breakout), headers.join(' | '));
    const options = all.filter((e) => e.tagName === 'option').map((o) => attr(o, 'value'));
    assert.ok(options.includes(evil));
    assert.equal(text(all.find((e) => e.tagName === 'title')!), `Judgements: ${evil}`);
    assert.ok(!page.includes('<img src=x'));
  });

  it('is an ARIA grid: a column per case, a row per question ending with its tally', () => {
    const table = all.find((e) => e.tagName === 'table')!;
    assert.equal(attr(table, 'role'), 'grid');
    const bodyRows = all.filter((e) => e.tagName === 'tr' && attr(e, 'data-row') !== undefined);
    assert.equal(bodyRows.length, grid.rows.length);
    const first = bodyRows[0]!;
    const cells = elements(first).filter((e) => e.tagName === 'td');
    // One cell per case, then the tally.
    assert.equal(cells.length, grid.columns.length + 1);
    assert.equal(text(elements(first).find((e) => e.tagName === 'th')!), '1.1 report');
    assert.equal(attr(cells.at(-1)!, 'class'), 'tally');
    assert.equal(text(cells.at(-1)!).trim(), '2/2');
  });

  it('shows each judgement in text as well as colour', () => {
    const row = all.filter((e) => e.tagName === 'tr' && attr(e, 'data-row') !== undefined)[grid.rows.findIndex((r) => r.question === '1.3/review')]!;
    const cells = elements(row).filter((e) => e.tagName === 'td' && attr(e, 'class')?.startsWith('cell'));
    assert.deepEqual(
      cells.map((c) => [attr(c, 'class'), text(c)]),
      [
        ['cell unjudged', cellLooks.unjudged.text],
        ['cell not-sufficient', cellLooks['not-sufficient'].text],
      ],
    );
    for (const look of Object.values(cellLooks)) assert.ok(look.text.trim().length > 0 && look.words.length > 0);
  });

  it('tells a pointer over a cell the case, the question, the judgement and its reasons in words', () => {
    const files: Record<string, string> = { 'liverpool/inspection.sqs.yaml': readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8') };
    for (const name of readdirSync(path.join(liverpool, 'cases'))) files[`liverpool/cases/${name}`] = readFileSync(path.join(liverpool, 'cases', name), 'utf8');
    const g = wireGrid(judgementGrid(workspace(files).index.inspections()[0]!));
    const at = (label: string, question: string) => {
      const column = g.columns.find((c) => c.label === label)!;
      const rowIndex = g.rows.findIndex((r) => r.question === question);
      return cellTitle(g.rows[rowIndex]!, column, rowIndex);
    };
    // LIV-05's 1.3 is not sufficient because the review copied the previous assessment (its file's reasons).
    assert.equal(
      at('LIV-05', '1.3/review'),
      'LIV-05, 1.3: not sufficient — reasons: copy-of-previous (The review was a copy of a previous assessment, not updated to current circumstances)',
    );
    assert.equal(at('LIV-05', '1.1/report'), 'LIV-05, 1.1 report: sufficient');
  });

  it('marks the case files changed and not saved, and offers to save them', () => {
    const { tree: withUnsaved, grid: g } = build([build().grid.columns[1]!.uri]);
    const found = elements(withUnsaved);
    const marked = found.filter((e) => e.tagName === 'th' && attr(e, 'class')?.includes('unsaved'));
    assert.deepEqual(marked.map(text), [g.columns[1]!.label]);
    const save = found.find((e) => attr(e, 'id') === 'sqs-save')!;
    assert.equal(attr(save, 'hidden'), undefined);
    assert.equal(text(save), 'Save 1 unsaved');
    assert.notEqual(
      attr(
        all.find((e) => attr(e, 'id') === 'sqs-save')!,
        'hidden',
      ),
      undefined,
    );
  });

  it('draws the first cases only, however many there are: the others are spanned, and the grid says how many columns it has', () => {
    const files: Record<string, string> = { 'i/inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 100') };
    for (let i = 1; i <= 100; i++) files[`i/cases/c${i}.case.sqs.yaml`] = minimalCase(`T-${i}`);
    const big = wireGrid(judgementGrid(workspace(files).index.inspections()[0]!));
    const found = elements(parse(gridPage({ nonce, cspSource, scriptUri, styleUris, seq: 1, inspection: big.inspectionUri, grid: big, unsaved: [] })));
    assert.equal(found.filter((e) => e.tagName === 'th' && attr(e, 'class') === 'case').length, firstWindow);
    assert.equal(found.filter((e) => e.tagName === 'col' && attr(e, 'class') === 'case').length, 100, 'every case has its column');
    const spacer = found.find((e) => e.tagName === 'th' && attr(e, 'class') === 'spacer')!;
    assert.deepEqual([attr(spacer, 'colspan'), attr(spacer, 'role')], [String(100 - firstWindow), 'presentation']);
    const table = found.find((e) => e.tagName === 'table')!;
    assert.deepEqual([attr(table, 'aria-colcount'), attr(table, 'aria-rowcount')], ['102', String(big.rows.length + 1)]);
    // A later window: the cells carry their place among all the columns, and their case.
    const later = elements(parse(gridTable(big, new Set(), { shown: big.columns.map((_, j) => j), from: 80, to: 100, hiddenRows: new Set([0]) })));
    const first = later.find((e) => e.tagName === 'td' && attr(e, 'data-c') !== undefined && attr(e, 'data-c') !== 'tally')!;
    assert.deepEqual([attr(first, 'data-c'), attr(first, 'aria-colindex')], ['80', '82']);
    assert.notEqual(
      attr(
        later.find((e) => e.tagName === 'tr' && attr(e, 'data-row') === '0')!,
        'hidden',
      ),
      undefined,
    );
  });

  it('brings a grid up to date with the columns the server says changed', () => {
    const { grid: held } = build();
    const changed = { ...held.columns[1]!, cells: held.columns[1]!.cells.replace(/./, cellLetters['not-sufficient']) };
    const merged = withDelta(held, { ...held, revision: held.revision + 1, columns: [changed], delta: { since: held.revision, indices: [1] } });
    assert.equal(merged.revision, held.revision + 1);
    assert.deepEqual(merged.columns, [held.columns[0], changed]);
    assert.equal(merged.delta, undefined);
    assert.equal(withDelta(held, merged), merged, 'a whole grid replaces the one held');
  });

  it('reads the cell letters of the wire as protocol.ts writes them', () => {
    assert.deepEqual(Object.fromEntries(cellStates.map((s) => [cellLetters[s], s])), stateOfLetter);
    assert.equal(new Set(Object.values(cellLetters)).size, cellStates.length);
  });

  it('says something when there is no grid', () => {
    const empty = gridPage({
      nonce,
      cspSource,
      scriptUri,
      styleUris,
      seq: 1,
      inspection: 'file:///i/inspection.sqs.yaml',
      grid: undefined,
      message: `Gone ${evil}`,
      unsaved: [],
    });
    assert.ok(empty.includes(`Gone &lt;img`));
    assert.ok(!empty.includes('<table'));
  });
});

describe('messages from the grid webview', () => {
  const inspection = 'file:///ws/i/inspection.sqs.yaml';
  const kase = 'file:///ws/i/cases/a.case.sqs.yaml';

  it('accepts what the webview sends', () => {
    assert.deepEqual(parseFromGrid({ type: 'set', inspection, case: kase, question: '1.1/report', value: 'not-sufficient' }), {
      type: 'set',
      inspection,
      case: kase,
      question: '1.1/report',
      value: 'not-sufficient',
    });
    assert.deepEqual(parseFromGrid({ type: 'set', inspection, case: kase, question: 'OM/impact', value: null })?.type, 'set');
    assert.deepEqual(parseFromGrid({ type: 'open', inspection, case: kase }), { type: 'open', inspection, case: kase });
    assert.deepEqual(parseFromGrid({ type: 'save', inspection }), { type: 'save', inspection });
    assert.deepEqual(parseFromGrid({ type: 'ready', seq: 4 }), { type: 'ready', seq: 4 });
  });

  it('takes the files of the browser build and remote windows (vscode-remote:) as files', () => {
    const remote = (u: string) => u.replace('file://', 'vscode-remote://127.0.0.1%3A8765');
    const m = { type: 'set', inspection: remote(inspection), case: remote(kase), question: '2.4/review', value: 'not-sufficient' } as const;
    assert.deepEqual(parseFromGrid(m), m);
    assert.deepEqual(parseGridState({ inspection: remote(inspection) }), { inspection: remote(inspection) });
  });

  it('refuses anything else', () => {
    const bad: unknown[] = [
      null,
      'set',
      { type: 'set', inspection, case: kase, question: '1.1/report', value: 'Sufficient' },
      { type: 'set', inspection, case: 'untitled:Untitled-1', question: '1.1/report', value: 'sufficient' },
      { type: 'set', inspection, case: kase, question: '1.1 report', value: 'sufficient' },
      { type: 'set', inspection, case: kase, question: '1.1/report' },
      { type: 'set', inspection, case: kase, question: '1.1/report', value: 'sufficient', extra: 1 },
      { type: 'open', inspection: 'https://example.com/', case: kase },
      { type: 'delete', inspection },
      { type: 'ready', seq: -1 },
    ];
    for (const m of bad) assert.equal(parseFromGrid(m), undefined, JSON.stringify(m));
  });

  it('restores a panel only from a state naming a file', () => {
    assert.deepEqual(parseGridState({ inspection, inspector: 'JS', unjudgedOnly: true }), { inspection, inspector: 'JS', unjudgedOnly: true });
    assert.equal(parseGridState({ inspection: 'http://x/' }), undefined);
    assert.equal(parseGridState(undefined), undefined);
  });
});
