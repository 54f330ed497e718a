import { parseArgs } from 'node:util';
import { PhrasebookRegistry, readSeverityOverrides, type SeverityOverrides } from '../core/api';
import { check } from './check';
import { UsageError } from './files';
import { reportFormat, reportFormats, shortFormatName, type ReportFormat } from '../protocol';
import { render, type RenderOptions } from './render';
import { terminalText } from './terminal';
import { exportData } from './export';
import { dataFormat, dataFormats, dataLevels } from '../protocol';

// The report formats as the command line names them (protocol.ts's list, in its order).
const list = (names: string[], separator = ', ', last = ' or ') =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(separator)}${last}${names.at(-1)}`;
const formats: readonly ReportFormat[] = reportFormats;
const formatNames = formats.map(shortFormatName);
const binaryNames = list(formats.filter((f) => f.binary).map(shortFormatName));
const textNames = list(formats.filter((f) => !f.binary).map(shortFormatName), ', ', ' and ');
const annotations = list(
  formats.flatMap((f) => (f.annotation ? [`${shortFormatName(f)} (${f.annotation})`] : [])),
  ', ',
  ' and ',
);

const usage = `Usage: sqs <command> [options]

Commands:
  sqs check <file-or-folder>...   Check SQS files (inspection.sqs.yaml, *.case.sqs.yaml)
      --format human|json         Output format (default: human)
      --severity CODE=LEVEL       Change a finding's severity: CODE is a code (SQS051) or name
                                  (not-yet-judged), LEVEL is error, warning, information, hint
                                  or off. Repeat for several codes. Codes: docs/checks.md
      --show-ignored              Also list findings silenced by "# sqs-ignore CODE: reason"
      --phrasebook ID             The phrasebook for inspections whose file names none
                                  (sqs, education-scotland; default: the catalogue's choice)
  sqs render <inspection-folder>  Write the report of an inspection
      --format ${formatNames.join('|')}       Output format (default: md)
      --out FILE                  Write to FILE (required for ${binaryNames}; ${textNames} go to stdout without it)
      --force                     Render even when the inspection has errors
      --annotate                  Say where the text comes from, for the inspectors' own copy (not for
                                  publication: it names the case files):
${formats.flatMap((f) => (f.annotation ? [`                                    ${shortFormatName(f)}: ${f.annotation}`] : [])).join('\n')}
      --phrasebook ID             As for check: the report is worded with it, and the commentary
                                  held to it, unless the inspection file names its own
      --figures, --no-figures     Print the figures table and chart, or not (default: as the
                                  inspection file's figures: says, else only with --annotate)
      --compare FOLDER            Set each question's % sufficient beside the mean of the other
                                  inspections under FOLDER (same criteria, no errors); repeatable
  sqs export <file-or-folder>...  Write the data behind the reports of the inspections there, for analysts
      --format ${dataFormats.map((f) => f.id).join('|')}      Output format (default: csv); ${dataFormats
        .filter((f) => f.binary)
        .map((f) => f.id)
        .join(', ')} needs --out
      --level ${dataLevels.map((l) => l.id).join('|')}       cases: a row per case and question; tallies: a row per inspection
                                  and question (CSV holds one: default cases; the others both)
      --out FILE                  Write to FILE, whole or not at all (text formats go to stdout without it)
      --include-notes             Also the inspectors' notes and quotes (they can identify a child)

Options:
  -h, --help      Show this help
  -v, --version   Show the version

Exit status: 0 no errors, 1 errors found (render: nothing written; export: written, the errors
listed), 2 usage or file-system problem.`;

declare const SQS_VERSION: string | undefined;

/** Runs a command; `render` is asynchronous (a DOCX is zipped asynchronously), the others are not. */
export function main(argv: string[], out: (s: string) => void = console.log, toStderr: (s: string) => void = console.error): number | Promise<number> {
  // Whatever goes to stderr may name a file or quote it: no control of it reaches the terminal.
  const err = (s: string) => toStderr(terminalText(s));
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
        options: {
          format: { type: 'string', default: 'human' },
          severity: { type: 'string', multiple: true, default: [] },
          'show-ignored': { type: 'boolean', default: false },
          phrasebook: { type: 'string' },
        },
      });
      if (values.format !== 'human' && values.format !== 'json') throw new UsageError(`--format must be human or json, not ${values.format}.`);
      if (positionals.length === 0) throw new UsageError('sqs check: name a file or folder, e.g. sqs check examples/liverpool-2013');
      return check(
        positionals,
        { format: values.format, severity: severityOption(values.severity), showIgnored: values['show-ignored'], ...phrasebookOption(values.phrasebook) },
        out,
        err,
      );
    }
    if (command === 'render') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        allowNegative: true,
        options: {
          figures: { type: 'boolean' },
          compare: { type: 'string', multiple: true, default: [] },
          format: { type: 'string', default: 'md' },
          out: { type: 'string' },
          force: { type: 'boolean', default: false },
          annotate: { type: 'boolean', default: false },
          phrasebook: { type: 'string' },
        },
      });
      const format = reportFormat(values.format);
      if (!format) throw new UsageError(`--format must be ${list(formatNames)}, not ${values.format}.`);
      if (positionals.length !== 1) throw new UsageError('sqs render: name one inspection folder, e.g. sqs render examples/liverpool-2013');
      if (values.annotate && !format.annotation) throw new UsageError(`--annotate is for --format ${annotations}; ${format.label} has no place for it.`);
      const options: RenderOptions = {
        format,
        force: values.force,
        annotate: values.annotate,
        ...(values.figures !== undefined && { figures: values.figures }),
        ...(values.compare.length > 0 && { compare: values.compare }),
        ...(values.out !== undefined && { out: values.out }),
        ...phrasebookOption(values.phrasebook),
      };
      return render(positionals[0]!, options, out, err).catch((e: unknown) => failure(e, err));
    }
    if (command === 'export') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          format: { type: 'string', default: 'csv' },
          level: { type: 'string' },
          out: { type: 'string' },
          'include-notes': { type: 'boolean', default: false },
        },
      });
      const format = dataFormat(values.format);
      if (!format) throw new UsageError(`--format must be ${list(dataFormats.map((f) => f.id))}, not ${values.format}.`);
      const level = values.level === undefined ? undefined : dataLevels.find((l) => l.id === values.level)?.id;
      if (values.level !== undefined && !level) throw new UsageError(`--level must be ${list(dataLevels.map((l) => l.id))}, not ${values.level}.`);
      if (positionals.length === 0) throw new UsageError('sqs export: name an inspection folder or a folder of them, e.g. sqs export examples --format csv');
      return exportData(
        positionals,
        { format, includeNotes: values['include-notes'], ...(level && { level: level }), ...(values.out !== undefined && { out: values.out }) },
        out,
        err,
      ).catch((e: unknown) => failure(e, err));
    }
    throw new UsageError(`Unknown command "${command}".\n\n${usage}`);
  } catch (e) {
    return failure(e, err);
  }
}

/** Usage and file-system problems: a message and exit code 2. Anything else is a bug and is rethrown. */
function failure(e: unknown, err: (s: string) => void): number {
  if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
    err(`sqs: ${e.message}`);
    return 2;
  }
  // Any other file-system error (writing --out, say): Node's own message, which names the path.
  if (e instanceof Error && 'code' in e && typeof e.code === 'string' && /^(E[A-Z]+|ERR_FS_\w+)$/.test(e.code)) {
    err(`sqs: ${e.message}`);
    return 2;
  }
  throw e;
}

/** `--phrasebook ID`: a known phrasebook, or a usage error naming them. */
function phrasebookOption(id: string | undefined): { phrasebook?: string } {
  if (id === undefined) return {};
  const ids = PhrasebookRegistry.builtIn().ids;
  if (!ids.includes(id)) throw new UsageError(`--phrasebook: "${id}" is not a phrasebook; use ${ids.join(' or ')}.`);
  return { phrasebook: id };
}

/** `--severity SQS051=off --severity missing-reason=error`; any bad entry is a usage error. */
function severityOption(entries: string[]): SeverityOverrides {
  const pairs = entries.map((entry): [string, string] => {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(`--severity takes CODE=LEVEL (e.g. SQS051=off), not "${entry}".`);
    return [entry.slice(0, eq), entry.slice(eq + 1)];
  });
  // fromEntries defines each code as the object's own key: assigning `__proto__` would set the prototype instead, and the entry vanish.
  const { overrides, problems } = readSeverityOverrides(Object.fromEntries(pairs));
  if (problems.length > 0) throw new UsageError(`--severity: ${problems.join(' ')}`);
  return overrides;
}

if (require.main === module) {
  void Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
