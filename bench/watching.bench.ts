import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'vscode-uri';
import type { FileSystemHost } from '../server/src/fileSystemHost';
import { handWorkspace } from '../test/helpers/handFs';

// What deleting a big folder costs the server: the `**/*` watcher reports every path in it (a deleted
// node_modules is tens of thousands of events), and each must be checked for indexed files below it. The
// index keeps, per folder, the files below it, so a path with nothing below is one map lookup; the old way
// was a scan of every indexed file per event (events × files). In-process, on a workspace of the Liverpool
// example's cases copied 100 times (3,401 files).

const root = path.resolve(__dirname, '..');
const example = path.join(root, 'examples/liverpool-2013');

/** A disk in memory that answers at once. */
class MemoryFs implements FileSystemHost {
  constructor(readonly files: Map<string, string>) {}
  readFile(uri: string) {
    const text = this.files.get(uri);
    return Promise.resolve(text === undefined ? undefined : new TextEncoder().encode(text));
  }
  findSqsFiles(folderUri: string) {
    return Promise.resolve([...this.files.keys()].filter((uri) => uri.startsWith(`${folderUri}/`)).sort());
  }
  findInspectionNear() {
    return Promise.resolve(undefined);
  }
}

async function median(runs: number, fn: () => Promise<void>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

async function main() {
  const files = new Map<string, string>();
  const base = URI.file(example).toString();
  files.set(`${base}/inspection.sqs.yaml`, readFileSync(path.join(example, 'inspection.sqs.yaml'), 'utf8'));
  for (const name of readdirSync(path.join(example, 'cases'))) {
    const text = readFileSync(path.join(example, 'cases', name), 'utf8');
    for (let c = 0; c < 100; c++) files.set(`${base}/cases/${c}/${name}`, text.replace(/^case: (\S+)/m, `case: $1-${c}`));
  }
  const { ws } = handWorkspace(new MemoryFs(files));
  await ws.indexFolders(
    [base],
    () => undefined,
    () => false,
  );
  const indexed = ws.index.all().length;

  const events = Array.from({ length: 10_000 }, (_, i) => ({ uri: `${base}/node_modules/pkg${i % 500}/file${i}.js`, type: 'deleted' as const }));
  const now = await median(9, () => ws.diskChanged(events));
  // The old handling of each deleted path, for the ratio: a pass over every indexed file looking for its prefix.
  const old = await median(3, async () => {
    for (const e of events) {
      const prefix = `${e.uri}/`;
      for (const f of ws.index.all()) if (f.uri.startsWith(prefix)) throw new Error('nothing is indexed there');
    }
  });
  console.log(`${indexed} files indexed; 10,000 deletions reported under node_modules (nothing indexed there):`);
  console.log(`  now (one lookup per path)          ${now.toFixed(1).padStart(8)} ms`);
  console.log(`  a scan of the index per path (old) ${old.toFixed(1).padStart(8)} ms  (${(old / now).toFixed(0)}× slower)`);

  // `npm install`: everything it creates is reported (the `**/*` watcher sees creations, for folders moved in).
  const installed = events.map((e) => ({ ...e, type: 'created' as const }));
  const install = await median(9, () => ws.diskChanged(installed));
  console.log(`10,000 creations reported under node_modules (never walked, so never listed): ${install.toFixed(1)} ms`);

  const folder = await median(9, async () => {
    await ws.diskChanged([{ uri: `${base}/cases/7`, type: 'deleted' }]);
    await ws.diskChanged(readdirSync(path.join(example, 'cases')).map((name) => ({ uri: `${base}/cases/7/${name}`, type: 'created' as const })));
  });
  console.log(`a case folder deleted (34 files dropped) and restored (34 read):  ${folder.toFixed(1)} ms`);

  // Moved out and back in, as VS Code reports it: the folder alone, each way.
  const moved = await median(9, async () => {
    await ws.diskChanged([{ uri: `${base}/cases/7`, type: 'deleted' }]);
    await ws.diskChanged([{ uri: `${base}/cases/7`, type: 'created' }]);
  });
  console.log(`a case folder moved out and back in (34 dropped; listed, 34 read): ${moved.toFixed(1)} ms`);
  if (ws.index.filesUnder(`${base}/cases/7`).length !== 34) throw new Error('the folder moved back in is not indexed');
}

void main();
