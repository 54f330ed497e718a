import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** LibreOffice's parts, by the Debian package that brings each and a library of its own in the program folder. */
const parts = {
  writer: { packageName: 'libreoffice-writer-nogui', library: 'libswlo.so', check: 'DOCX → PDF' },
  calc: { packageName: 'libreoffice-calc-nogui', library: 'libsclo.so', check: 'XLSX → CSV' },
} as const;

/**
 * The path of LibreOffice's `soffice` with the part a test needs (Writer for documents, Calc for workbooks),
 * installing it from Debian when it is missing and we may (root with apt-get, as on CI and the project's machines).
 * Throws, failing the test loudly, when it cannot: an export is only done when LibreOffice opens it.
 */
export function ensureLibreOffice(part: keyof typeof parts = 'writer'): string {
  const { packageName, library, check } = parts[part];
  const found = which('soffice') ?? which('libreoffice');
  if (found && existsSync(path.join(path.dirname(realpathSync(found)), library))) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !which('apt-get')) {
    throw new Error(
      `LibreOffice's ${part} is not installed, so the ${check} check cannot run. Install it: sudo apt-get install -y --no-install-recommends ${packageName}`,
    );
  }
  console.warn(`\n*** LibreOffice's ${part} is not installed: installing ${packageName} from Debian for the ${check} check (about a minute) ***\n`);
  const apt = (...args: string[]) =>
    spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
      encoding: 'utf8',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 480_000,
    });
  let r = apt('install', '-y', '--no-install-recommends', packageName);
  if (r.status !== 0) {
    // A fresh machine may have no package lists yet.
    apt('update');
    r = apt('install', '-y', '--no-install-recommends', packageName);
  }
  const installed = which('soffice');
  if (r.status !== 0 || !installed || !existsSync(path.join(path.dirname(realpathSync(installed)), library)))
    throw new Error(`Installing ${packageName} failed (exit ${r.status}):\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return installed;
}

function which(command: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}
