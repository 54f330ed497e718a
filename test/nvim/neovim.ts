// Runs headless Neovim as an LSP client of the bundled server (test/nvim/lsp-diagnostics.lua) and returns what
// it received. Neovim comes from Debian (test/e2e/setup.sh installs it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const serverBundle = path.join(root, 'server/out/server.js');

export interface NeovimDiagnostic {
  code?: string | number;
  message: string;
  severity: number;
  line: number;
  character: number;
}

export interface NeovimRun {
  ok: boolean;
  mode?: 'pull' | 'push';
  /** Diagnostics by document URI. */
  files: Record<string, NeovimDiagnostic[]>;
  errors: string[];
  /** workspace/diagnostic/refresh requests the server sent. */
  refreshes: number;
  server_exit?: { code: number; signal: number };
  status: number | null;
  stderr: string;
}

export function hasNeovim(): boolean {
  return spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
}

export interface NeovimJob {
  /** Files to open (absolute paths). */
  open: string[];
  /** Lines to replace in the open buffers once every file has had diagnostics, as typing would (not saved). */
  edits?: { file: string; line: number; text: string }[];
  /** Diagnostics to wait for: a code in a file, with a message containing `message`. */
  expect?: { file: string; code: string; message?: string }[];
  timeoutMs?: number;
}

/**
 * Opens files in Neovim with the server started as `node server/out/server.js --stdio` in `workspace`, applies
 * the edits, and waits until the expected diagnostics arrived (or, expecting none, until every file had a report).
 */
export function neovimDiagnostics(workspace: string, { open, edits = [], expect = [], timeoutMs = 30_000 }: NeovimJob): NeovimRun {
  if (!existsSync(serverBundle)) throw new Error(`no server bundle at ${serverBundle}: npm run build`);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sqs-nvim-'));
  try {
    const resultFile = path.join(scratch, 'result.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-S', path.join(root, 'test/nvim/lsp-diagnostics.lua')], {
      cwd: workspace,
      encoding: 'utf8',
      timeout: timeoutMs + 20_000, // the script has its own deadline; this one is for a Neovim that hangs
      env: {
        ...process.env,
        // Neovim's state, shada and lsp.log stay out of the home directory.
        XDG_CONFIG_HOME: scratch,
        XDG_DATA_HOME: scratch,
        XDG_STATE_HOME: scratch,
        XDG_CACHE_HOME: scratch,
        SQS_RESULT: resultFile,
        SQS_ROOT: workspace,
        SQS_FILES: open.join('\n'),
        SQS_EDITS: JSON.stringify(edits),
        SQS_EXPECT: JSON.stringify(expect),
        SQS_SERVER_CMD: [process.execPath, serverBundle, '--stdio'].join('\n'),
        SQS_TIMEOUT_MS: String(timeoutMs),
      },
    });
    let result: Omit<NeovimRun, 'status' | 'stderr'>;
    try {
      result = JSON.parse(readFileSync(resultFile, 'utf8'));
    } catch {
      const log = (() => {
        try {
          return readFileSync(path.join(scratch, 'nvim/lsp.log'), 'utf8').slice(-3000);
        } catch {
          return '';
        }
      })();
      throw new Error(
        `Neovim wrote no result (status ${run.status}, signal ${run.signal}${run.error ? `, ${run.error.message}` : ''}):\n${run.stderr}\n${log}`,
      );
    }
    // An empty Lua table encodes as [] rather than {}.
    if (Array.isArray(result.files)) result.files = {};
    return { ...result, status: run.status, stderr: run.stderr };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
