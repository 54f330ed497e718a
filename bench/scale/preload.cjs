// Loaded into a process the scale benchmark measures (node --expose-gc --require …): on SIGUSR2 it collects garbage
// and writes a line "sqs-bench-memory <json>" with the heap in use to stderr; at exit it writes its peak resident set
// to $SQS_BENCH_PEAK.
// The code measured is the shipped bundle, unchanged.
const { writeFileSync } = require('node:fs');

process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') {
    global.gc();
    global.gc();
  }
  process.stderr.write(`sqs-bench-memory ${JSON.stringify(process.memoryUsage())}\n`);
});
process.on('exit', () => {
  if (process.env.SQS_BENCH_PEAK) writeFileSync(process.env.SQS_BENCH_PEAK, String(process.resourceUsage().maxRSS * 1024));
});
