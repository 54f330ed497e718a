import { spawnSync } from 'node:child_process';

const packageName = 'libreoffice-writer-nogui';

/**
 * The path of LibreOffice's `soffice`, installing it from Debian when it is missing and we may (root with
 * apt-get, as on CI and the project's machines). Throws, failing the test loudly, when it cannot: the DOCX
 * export is only done when LibreOffice opens it.
 */
export function ensureLibreOffice(): string {
  const found = which('soffice') ?? which('libreoffice');
  if (found) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !which('apt-get')) {
    throw new Error(
      `LibreOffice is not installed, so the DOCX → PDF check cannot run. Install it: sudo apt-get install -y --no-install-recommends ${packageName}`,
    );
  }
  console.warn(`\n*** LibreOffice is not installed: installing ${packageName} from Debian for the DOCX → PDF check (about a minute) ***\n`);
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
  if (r.status !== 0 || !installed) throw new Error(`Installing ${packageName} failed (exit ${r.status}):\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return installed;
}

function which(command: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}
