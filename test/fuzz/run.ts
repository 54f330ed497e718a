import fc from 'fast-check';
import { diskLayout, diskStep } from './disk';
import { fuzzDocument, type FuzzDocument } from './documents';
import { longRunStep } from './pipeline';

// One worker of `npm run fuzz`: `--documents N --seed S [--render-every K] [--disk N]`. Prints one JSON line of
// counts at the end; failures (with the document that failed, to replay) as they come.

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const documents = option('documents', 1000);
const seed = option('seed', 11);
const renderEvery = option('render-every', 100);
const twiceEvery = option('twice-every', 10);
const disks = option('disk', 0);
const limitMs = 1000;
/** Stop taking new documents after this many minutes (0: never), and say how many were done. */
const minutes = option('minutes', 0);

async function main(): Promise<void> {
  const counts = { documents: 0, rendered: 0, twice: 0, failures: 0, slow: 0, slowestMs: 0, disks: 0, diskFailures: 0, seconds: 0 };
  // Warm: the example indexed and every renderer loaded once, outside the timed steps.
  await longRunStep(fc.sample(fuzzDocument, { seed, numRuns: 1 })[0]!, { renderers: true, twice: false });
  const started = performance.now();
  const batch = 500;
  const deadline = minutes > 0 ? started + minutes * 60_000 : Infinity;
  for (let done = 0; done < documents && performance.now() < deadline; done += batch) {
    const docs: FuzzDocument[] = fc.sample(fuzzDocument, { seed: seed * 1_000_003 + done, numRuns: Math.min(batch, documents - done) });
    for (const doc of docs) {
      const render = counts.documents % renderEvery === 0;
      const twice = counts.documents % twiceEvery === 0;
      try {
        let ms = await longRunStep(doc, { renderers: render, twice });
        // On a shared machine a step can stall (another build, a collection of the heap): one over the limit is run
        // again, and its fastest of three is what counts.
        for (let again = 0; again < 3 && ms > limitMs; again++) ms = Math.min(ms, await longRunStep(doc, { renderers: render, twice: false }));
        counts.slowestMs = Math.max(counts.slowestMs, Math.round(ms));
        if (ms > limitMs) {
          counts.slow++;
          console.log(`SLOW ${Math.round(ms)} ms: ${JSON.stringify(doc)}`);
        }
      } catch (e) {
        counts.failures++;
        console.log(`FAIL ${e instanceof Error ? e.message.slice(0, 300) : String(e)}: ${JSON.stringify(doc)}`);
      }
      counts.documents++;
      if (render) counts.rendered++;
      if (twice) counts.twice++;
    }
  }
  for (const layout of disks > 0 ? fc.sample(diskLayout, { seed, numRuns: disks }) : []) {
    try {
      diskStep(layout);
    } catch (e) {
      counts.diskFailures++;
      console.log(`FAIL disk ${e instanceof Error ? e.message.slice(0, 300) : String(e)}: ${JSON.stringify(layout)}`);
    }
    counts.disks++;
  }
  counts.seconds = Math.round((performance.now() - started) / 1000);
  console.log(`COUNTS ${JSON.stringify(counts)}`);
}

void main();
