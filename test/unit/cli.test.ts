import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { loadWorkspace, toPath, toUri } from '../../server/src/cli/files';
import { minimalCase, minimalInspection } from '../helpers/index';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'server/out/cli.js');

function sqs(args: string[], cwd = root, timeout?: number) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', ...(timeout && { timeout }) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sqs-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('sqs check (the bundled CLI)', () => {
  before(() => {
    // The CLI under test is the bundle users run; build it when a test run starts from sources only.
    if (!existsSync(cli)) spawnSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
  });

  it('exits 0 with a clean summary for a consistent inspection', () => {
    const dir = folder({ 'inspection.sqs.yaml': minimalInspection, 'cases/a.case.sqs.yaml': minimalCase('T-1'), 'cases/b.case.sqs.yaml': minimalCase('T-2') });
    const r = sqs(['check', dir]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    // What is left to judge in the minimal cases is reported as notes, which do not fail the check.
    assert.match(r.stdout, /0 errors, 0 warnings, \d+ notes in 3 files\./);
  });

  it('exits 1 and prints path:line:col severity code message', () => {
    const dir = folder({
      'inspection.sqs.yaml': minimalInspection,
      'cases/a.case.sqs.yaml': minimalCase('T-1').replace('psr: yes', 'psr: perhaps'),
      'cases/b.case.sqs.yaml': minimalCase('T-2'),
    });
    const r = sqs(['check', '.'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^cases\/a\.case\.sqs\.yaml:3:6 error SQS011 "perhaps" is not yes or no\.$/m);
  });

  it('reports the sample mismatch when a case file is missing', () => {
    const dir = folder({ 'inspection.sqs.yaml': minimalInspection, 'cases/a.case.sqs.yaml': minimalCase('T-1') });
    const r = sqs(['check', dir]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /inspection\.sqs\.yaml:8:9 error SQS040 The sample is 2 cases but this inspection has 1 case file/);
  });

  it('--format json gives 0-based ranges, codes and related places', () => {
    const text = `${minimalCase('T-1')}  "1.2": no\n`;
    const dir = folder({ 'a.case.sqs.yaml': text });
    const r = sqs(['check', '--format', 'json', path.join(dir, 'a.case.sqs.yaml')], dir);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as {
      file: string;
      range: { start: { line: number; character: number } };
      severity: string;
      code: string;
      related: { file: string }[];
    }[];
    const dup = out.find((f) => f.code === 'SQS005')!;
    assert.deepEqual(dup.range.start, { line: 10, character: 2 });
    assert.equal(dup.severity, 'error');
    assert.equal(dup.file, 'a.case.sqs.yaml');
    assert.equal(dup.related[0]!.file, 'a.case.sqs.yaml');
  });

  it('checking one case file brings in its inspection for context but reports only that file', () => {
    const dir = folder({
      'inspection.sqs.yaml': minimalInspection.replace('lead_inspector', 'lead_inspecter'),
      'cases/a.case.sqs.yaml': minimalCase('T-1'),
      'cases/b.case.sqs.yaml': minimalCase('T-2'),
    });
    const r = sqs(['check', 'cases/a.case.sqs.yaml'], dir);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /in 1 file\./);
  });

  it('finds the inspection of a case file whatever the case of its name', () => {
    const dir = folder({ 'Inspection.SQS.yaml': minimalInspection, 'cases/a.case.sqs.yaml': minimalCase('T-1') });
    const { index, requested } = loadWorkspace([path.join(dir, 'cases/a.case.sqs.yaml')]);
    assert.equal(requested.length, 1);
    assert.ok(index.inspectionOf(requested[0]!), 'the case file was checked inside its inspection');
    const all = sqs(['check', '.'], dir);
    assert.match(all.stdout, /Inspection\.SQS\.yaml:\d+:\d+ error SQS040/);
  });

  it('exits 2 with a clear message for usage and file-system problems', () => {
    const empty = folder({ 'notes.txt': 'hello' });
    const cases: [string[], RegExp][] = [
      [['check', path.join(empty, 'missing')], /no such file or folder/],
      [['check', empty], /no SQS files here/],
      [['check', path.join(empty, 'notes.txt')], /not an SQS file/],
      [['check'], /name a file or folder/],
      [['check', '--format', 'xml', empty], /--format must be human or json/],
      [['frobnicate'], /Unknown command "frobnicate"/],
      [[], /Usage: sqs/],
    ];
    for (const [args, message] of cases) {
      const r = sqs(args);
      assert.equal(r.code, 2, `${args.join(' ')} → ${r.code}`);
      assert.match(r.stderr, message);
    }
  });

  it('--severity takes no name of the object prototype as a code or a level (exit 2, naming it)', () => {
    const dir = folder({ 'a.case.sqs.yaml': minimalCase('T-1') });
    for (const [entry, message] of [
      ['SQS042=constructor', /SQS042: "constructor" is not a severity/],
      ['__proto__=off', /"__proto__" is not a finding code or name/],
      ['toString=error', /"toString" is not a finding code or name/],
    ] as const) {
      const r = sqs(['check', '--severity', entry, dir]);
      assert.equal(r.code, 2, `${entry}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stdout + r.stderr, /native code/);
    }
  });

  it('escapes terminal controls from a file or its name in the human output and on stderr, as the JSON output does', () => {
    // An ESC sequence that erases the line above, an OSC that sets the window title, a C1 CSI, a right-to-left override.
    const hostile = 'x\\e[2K\\e[1A\\e]0;owned\\a\\x9b31m\\u202Ey';
    const dir = folder({
      [`cases/a\x1b[31m.case.sqs.yaml`]: minimalCase('T-1').replace('referral order', `"${hostile}"`),
      'cases/b.case.sqs.yaml': minimalCase('T-2').replace('psr: yes', 'psr: "\u202Eon\\r\\non"'),
    });
    // eslint-disable-next-line no-control-regex -- what must never reach the terminal
    const controls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
    const human = sqs(['check', '.'], dir);
    assert.equal(human.code, 1, human.stdout + human.stderr);
    assert.doesNotMatch(human.stdout, controls);
    assert.match(
      human.stdout,
      /^cases\/a\\u001b\[31m\.case\.sqs\.yaml:2:11 error SQS016 "x\\u001b\[2K\\u001b\[1A\\u001b\]0;owned\\u0007\\u009b31m\\u202ey" is not a sentence/m,
    );
    assert.match(human.stdout, /^cases\/b\.case\.sqs\.yaml:3:6 error SQS011 "\\u202eon\\r\\non" is not yes or no\.$/m, 'one finding, one line');
    // The JSON output carries the same text, escaped as JSON.
    const json = sqs(['check', '--format', 'json', '.'], dir);
    assert.doesNotMatch(json.stdout, controls);
    assert.ok((JSON.parse(json.stdout) as { message: string }[]).some((f) => f.message.includes('\u202eon\r\non')));
    // stderr names paths as typed: a usage error about such a file.
    const usage = sqs(['check', `cases/a\x1b[31m.case.sqs.yaml`, 'missing\x1b]0;t\x07'], dir);
    assert.equal(usage.code, 2);
    assert.doesNotMatch(usage.stderr, controls);
    assert.match(usage.stderr, /missing\\u001b\]0;t\\u0007: no such file or folder/);
  });

  it('reads a file with lone CR line ends line by line, as the editor numbers its lines', () => {
    const dir = folder({ 'a.case.sqs.yaml': `# T-1\n${minimalCase('T-1').replace('psr: yes', 'psr: perhaps')}`.replace(/\n/g, '\r') });
    const r = sqs(['check', '.'], dir);
    assert.match(r.stdout, /^a\.case\.sqs\.yaml:4:6 error SQS011 "perhaps" is not yes or no\.$/m);
  });

  it('reports a binary file named as a case file as an error, not a crash', () => {
    const dir = folder({ 'x.case.sqs.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) });
    const r = sqs(['check', dir]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /x\.case\.sqs\.yaml:1:1 error SQS004 This is a binary file/);
  });

  it('appending `bad: [unclosed` to a case file gives a syntax error on that line', () => {
    const text = `${minimalCase('T-1')}bad: [unclosed\n`;
    const dir = folder({ 'a.case.sqs.yaml': text });
    const r = sqs(['check', dir]);
    const line = text.split('\n').indexOf('bad: [unclosed') + 1;
    assert.equal(r.code, 1);
    assert.match(r.stdout, new RegExp(`a\\.case\\.sqs\\.yaml:${line}:\\d+ error SQS001 `));
  });
});

describe('sqs check and the file system', () => {
  it('a mistaken multi-gigabyte file is read only as far as needed: a finding, not a crash', () => {
    const dir = folder({ 'inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 1'), 'big.case.sqs.yaml': 'case: BIG-1\n' });
    // Sparse: 3 GiB long on paper, nothing on the disk. Read whole it is past Node's 2 GiB buffer limit.
    truncateSync(path.join(dir, 'big.case.sqs.yaml'), 3 * 2 ** 30);
    const r = sqs(['check', '.'], dir);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /^big\.case\.sqs\.yaml:1:1 error SQS00[34] /m);
  });

  it('follows symbolic links inside the folder checked, as the server does, without walking a loop forever', () => {
    // The files linked to are in a hidden folder, which the walk itself passes over: found only through the links.
    const base = folder({
      'insp/inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 4'),
      'insp/cases/a.case.sqs.yaml': minimalCase('T-1'),
      'insp/.store/b.case.sqs.yaml': minimalCase('T-2'),
      'insp/.store/more/c.case.sqs.yaml': minimalCase('T-3'),
      'insp/.store/more/d.case.sqs.yaml': minimalCase('T-4'),
    });
    symlinkSync(path.join(base, 'insp/.store/b.case.sqs.yaml'), path.join(base, 'insp/cases/linked.case.sqs.yaml'));
    symlinkSync(path.join(base, 'insp/.store/more'), path.join(base, 'insp/more'));
    // A loop back up the tree, and a second way into a folder already walked: neither counts a case twice.
    symlinkSync('..', path.join(base, 'insp/cases/loop'));
    symlinkSync(path.join(base, 'insp/cases'), path.join(base, 'insp/again'));
    const r = sqs(['check', '--format', 'json', '.'], path.join(base, 'insp'));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file).filter((f) => f.endsWith('.case.sqs.yaml')));
    assert.deepEqual([...files].sort(), [
      path.join('cases', 'a.case.sqs.yaml'),
      path.join('cases', 'linked.case.sqs.yaml'),
      path.join('more', 'c.case.sqs.yaml'),
      path.join('more', 'd.case.sqs.yaml'),
    ]);
  });

  it('reads nothing a link leads to outside the folder checked: SQS008 on the link, no byte of the file printed', () => {
    const key =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n';
    const base = folder({
      'd/inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 4'),
      'd/cases/a.case.sqs.yaml': minimalCase('T-1'),
      'home/.ssh/id_ed25519': key,
      'elsewhere/b.case.sqs.yaml': minimalCase('T-2'),
      'elsewhere/more/c.case.sqs.yaml': minimalCase('T-3'),
    });
    symlinkSync(path.join(base, 'home/.ssh/id_ed25519'), path.join(base, 'd/cases/key.case.sqs.yaml'));
    symlinkSync('/etc/passwd', path.join(base, 'd/cases/passwd.case.sqs.yaml'));
    symlinkSync(path.join(base, 'elsewhere/b.case.sqs.yaml'), path.join(base, 'd/cases/b.case.sqs.yaml'));
    symlinkSync(path.join(base, 'elsewhere/more'), path.join(base, 'd/more'));
    for (const [args, cwd] of [
      [['check', 'd'], base],
      [['check', '--format', 'json', 'd'], base],
      [['check', 'cases'], path.join(base, 'd')],
      [['check', path.join('d', 'cases', 'key.case.sqs.yaml')], base],
    ] as const) {
      const r = sqs([...args], cwd);
      const said = r.stdout + r.stderr;
      assert.equal(r.code, 1, said);
      assert.doesNotMatch(said, /PRIVATE KEY|b3BlbnNz|root:|T-3/, 'nothing of what the links lead to');
      assert.match(said, /key\.case\.sqs\.yaml.*SQS008|"code": "SQS008"/);
    }
    const human = sqs(['check', 'd'], base);
    for (const name of ['key', 'passwd', 'b'])
      assert.match(human.stdout, new RegExp(`^d/cases/${name}\\.case\\.sqs\\.yaml:1:1 error SQS008 This file leads outside d, the folder being checked`, 'm'));
    assert.match(human.stderr, /^sqs: d\/more: a symbolic link to a folder outside d, not read\.$/m);
  });

  it('exits 2 with a clear message for a broken link, a link loop or something that is not a file', () => {
    const dir = folder({ 'inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 1'), 'a.case.sqs.yaml': minimalCase('T-1') });
    symlinkSync(path.join(dir, 'gone.yaml'), path.join(dir, 'ghost.case.sqs.yaml'));
    let r = sqs(['check', '.'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^sqs: ghost\.case\.sqs\.yaml: a symbolic link to something that does not exist \(ENOENT\)/m);

    rmSync(path.join(dir, 'ghost.case.sqs.yaml'));
    symlinkSync('self.case.sqs.yaml', path.join(dir, 'self.case.sqs.yaml'));
    r = sqs(['check', '.'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^sqs: self\.case\.sqs\.yaml: .*\(ELOOP\)/m);

    rmSync(path.join(dir, 'self.case.sqs.yaml'));
    spawnSync('mkfifo', [path.join(dir, 'pipe.case.sqs.yaml')]);
    // Named directly, a pipe was read until something wrote to it: forever.
    r = sqs(['check', 'pipe.case.sqs.yaml'], dir, 10_000);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^sqs: pipe\.case\.sqs\.yaml: not a regular file/m);
    r = sqs(['check', '.'], dir);
    assert.equal(r.code, 0, `a pipe met in a folder is no SQS file: ${r.stdout}${r.stderr}`);
  });
});

describe('file URIs in the CLI', () => {
  // Spaces and `#` in folder names are common on shared drives; `@`, `=` and brackets are where Node's
  // pathToFileURL and vscode-uri (the editor's and the server's spelling) part ways.
  const awkward = 'SQS #2 @ Liverpool [draft] = final';

  it('are spelt as the editor and the server spell them, and map back to the path', () => {
    const dir = path.join(folder({}), awkward);
    const file = path.join(dir, 'cases', 'a.case.sqs.yaml');
    assert.equal(toUri(file), URI.file(file).toString());
    assert.match(toUri(file), /\/SQS%20%232%20%40%20Liverpool%20%5Bdraft%5D%20%3D%20final\/cases\/a\.case\.sqs\.yaml$/);
    assert.equal(toPath(toUri(file)), file);
    assert.equal(toPath('untitled:Untitled-1'), 'untitled:Untitled-1', 'other schemes are left alone');
  });

  it('a case file named alone finds its inspection where the documented layouts put it, and nowhere further up', () => {
    const home = folder({
      'inspection.sqs.yaml': minimalInspection, // a stray one, in what stands for a home folder
      'Downloads/d.case.sqs.yaml': minimalCase('D-1'),
      'Downloads/deeper/e.case.sqs.yaml': minimalCase('E-1'),
      'insp/inspection.sqs.yaml': minimalInspection,
      'insp/beside.case.sqs.yaml': minimalCase('B-1'),
      'insp/cases/a.case.sqs.yaml': minimalCase('A-1'),
      'insp/cases/day-1/g.case.sqs.yaml': minimalCase('G-1'),
      'insp/cases/day-1/am/h.case.sqs.yaml': minimalCase('H-1'),
      'insp/sample/s.case.sqs.yaml': minimalCase('S-1'),
    });
    const inspectionOf = (file: string) => {
      const { index, requested } = loadWorkspace([path.join(home, file)]);
      const found = index.inspectionOf(requested[0]!)?.file.uri;
      return found === undefined ? undefined : path.relative(home, toPath(found));
    };
    const insp = path.join('insp', 'inspection.sqs.yaml');
    assert.deepEqual(['insp/beside.case.sqs.yaml', 'insp/cases/a.case.sqs.yaml', 'insp/cases/day-1/g.case.sqs.yaml'].map(inspectionOf), [insp, insp, insp]);
    assert.deepEqual(
      ['Downloads/d.case.sqs.yaml', 'Downloads/deeper/e.case.sqs.yaml', 'insp/cases/day-1/am/h.case.sqs.yaml', 'insp/sample/s.case.sqs.yaml'].map(inspectionOf),
      [undefined, undefined, undefined, undefined],
      'the folder above would be read whole',
    );
    // A folder named on the command line is looked up from as its case files are.
    const { index, requested } = loadWorkspace([path.join(home, 'insp/cases/day-1')]);
    assert.ok(requested.every((uri) => index.inspectionOf(uri)?.file.uri === toUri(path.join(home, insp))));
  });

  it('a case file in a folder with a space and a # finds its inspection, and its findings name it as typed', () => {
    const base = folder({});
    const dir = path.join(base, awkward);
    mkdirSync(path.join(dir, 'cases'), { recursive: true });
    writeFileSync(path.join(dir, 'inspection.sqs.yaml'), minimalInspection);
    writeFileSync(path.join(dir, 'cases/a.case.sqs.yaml'), minimalCase('T-1').replace('psr: yes', 'psr: perhaps'));
    writeFileSync(path.join(dir, 'cases/b.case.sqs.yaml'), minimalCase('T-2'));
    const { index, requested } = loadWorkspace([path.join(dir, 'cases/a.case.sqs.yaml')]);
    assert.deepEqual(requested, [URI.file(path.join(dir, 'cases/a.case.sqs.yaml')).toString()]);
    assert.ok(index.inspectionOf(requested[0]!), 'counted in its inspection');

    const r = sqs(['check', '--format', 'json', '.'], dir);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout) as { file: string; uri: string; code: string; severity: string }[];
    assert.deepEqual(
      out.filter((f) => f.severity !== 'information').map((f) => [f.file, f.uri, f.code]),
      [[path.join('cases', 'a.case.sqs.yaml'), URI.file(path.join(dir, 'cases/a.case.sqs.yaml')).toString(), 'SQS011']],
    );
  });
});
