import { parseArgs } from 'node:util';
import { check } from './check';
import { UsageError } from './files';

const usage = `Usage: sqs <command> [options]

Commands:
  sqs check <file-or-folder>...   Check SQS files (inspection.sqs.yaml, *.case.sqs.yaml)
      --format human|json         Output format (default: human)

Options:
  -h, --help      Show this help
  -v, --version   Show the version

Exit status: 0 no errors, 1 errors found, 2 usage or file-system problem.`;

declare const SQS_VERSION: string | undefined;

export function main(argv: string[], out: (s: string) => void = console.log, err: (s: string) => void = console.error): number {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      (command ? out : err)(usage);
      return command ? 0 : 2;
    }
    if (command === '-v' || command === '--version') {
      out(typeof SQS_VERSION === 'string' ? SQS_VERSION : 'development');
      return 0;
    }
    if (command === 'check') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { format: { type: 'string', default: 'human' } },
      });
      if (values.format !== 'human' && values.format !== 'json') throw new UsageError(`--format must be human or json, not ${values.format}.`);
      if (positionals.length === 0) throw new UsageError('sqs check: name a file or folder, e.g. sqs check examples/liverpool-2013');
      return check(positionals, { format: values.format }, out);
    }
    throw new UsageError(`Unknown command "${command}".\n\n${usage}`);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      err(`sqs: ${e.message}`);
      return 2;
    }
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) {
      err(`sqs: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
