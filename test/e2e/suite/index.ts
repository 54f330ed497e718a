// The entry point VS Code's extension host loads as extensionTestsPath: runs every *.e2e.js bundle next to it
// with mocha and resolves only when all passed. Used unchanged by both runners (code-server and test-electron).
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hasPageDriver, PAGE_TAG } from './page';

export interface SuiteResult {
  passed: number;
  failed: number;
  /** Tests this runner could not run because they need the page (see page.ts). */
  notRun: string[];
  failures: { title: string; error: string }[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // Tests that look at the rendered page (webview DOM) need the code-server driver; another runner leaves them
  // out by name and says so, rather than reporting them passed or skipped.
  if (!hasPageDriver()) mocha.fgrep(PAGE_TAG).invert();
  // E2E_GREP (a regular expression over full titles) runs a part of the suite while working on it.
  else if (process.env.E2E_GREP) mocha.grep(new RegExp(process.env.E2E_GREP));
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.e2e.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const result: SuiteResult = { passed: 0, failed: 0, notRun: [], failures: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      if (!hasPageDriver()) {
        mocha.suite.eachTest((t) => {
          if (t.fullTitle().includes(PAGE_TAG)) result.notRun.push(t.fullTitle());
        });
      }
      report(result);
      if (result.failed > 0) reject(new Error(`${result.failed} of ${result.passed + result.failed} tests failed.`));
      else if (result.passed === 0) reject(new Error('No test ran.'));
      else resolve();
    });
    runner.on('pass', () => result.passed++);
    runner.on('fail', (test, err: Error) => {
      result.failed++;
      result.failures.push({ title: test.fullTitle(), error: String(err?.stack ?? err) });
    });
    // A skipped test is not a pass: the project keeps none, so one that appears counts as a failure.
    runner.on('pending', (test) => {
      result.failed++;
      result.failures.push({ title: test.fullTitle(), error: 'skipped (pending) tests are not allowed' });
    });
  });
}

function report(result: SuiteResult): void {
  if (result.notRun.length > 0) {
    console.log(`Not run by the ${process.env.E2E_RUNNER ?? 'current'} runner (they need the page driver of the code-server runner):`);
    for (const t of result.notRun) console.log(`  - ${t}`);
  }
  const dir = process.env.E2E_SYNC_DIR;
  if (dir) writeFileSync(path.join(dir, 'result.json'), JSON.stringify(result, null, 2));
  console.log(`E2E-RESULT passed=${result.passed} failed=${result.failed}`);
}
