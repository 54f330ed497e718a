// The baseline of the scale benchmark: a fresh Node process that walks a folder and runs yaml's parseDocument, with a
// LineCounter as the project parses, on each SQS file in turn. Prints its wall time in milliseconds.
//   node bench/scale/bareParse.cjs <folder>
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { LineCounter, parseDocument } = require('yaml');

const start = process.hrtime.bigint();
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.sqs\.ya?ml$/i.test(e.name)) parseDocument(readFileSync(p, 'utf8'), { lineCounter: new LineCounter() });
  }
};
walk(process.argv[2]);
console.log(Number(process.hrtime.bigint() - start) / 1e6);
