import type { Connection } from 'vscode-languageserver/node';
import { judgementEdit, judgementGrid, judgementRange, workspaceOverview, type JudgementGrid, type ProblemCount } from '../core/api';
import {
  cellLetters,
  GridRequest,
  JudgementPlaceRequest,
  SetJudgementRequest,
  WorkspaceOverviewRequest,
  type Range,
  type GridColumn,
  type SetJudgementResult,
  type WireGrid,
  type WorkspaceOverview,
  type JudgementWord,
} from '../protocol';

const judgementWords: readonly (JudgementWord | null)[] = ['sufficient', 'not-sufficient', 'not-applicable'];
import { guarded, type Logger } from './safe';
import type { SettingsStore } from './settings';
import { applySettings } from './severity';
import type { Workspace } from './workspace';

// The inspection at a glance: the cases view's overview, the judgement grid and the grid's edits. The core
// computes them (core/service/overview.ts, grid.ts, judgementEdit.ts); here they are mapped to protocol.ts.

/** `workspaceRead`: settles once the workspace folders have been read first (the overview waits for it). */
export function registerGlance(connection: Connection, ws: Workspace, settings: SettingsStore, log: Logger, workspaceRead: () => Promise<void>): void {
  /** The last grid sent per inspection file: a client naming its revision gets the columns changed since. */
  const sent = new Map<string, JudgementGrid>();
  connection.onRequest(
    WorkspaceOverviewRequest,
    guarded(
      log,
      WorkspaceOverviewRequest.method,
      (): WorkspaceOverview => ({ inspections: [], outside: [] }),
      async () => {
        await workspaceRead();
        ws.sync();
        const files = ws.index.all().map((f) => f.uri);
        const each = await Promise.all(files.map((u) => settings.get(ws.clientUri(u))));
        const bySettings = new Map(files.map((u, i) => [u, each[i]!]));
        const problems: ProblemCount = (uri) => {
          const fileSettings = bySettings.get(uri);
          let errors = 0;
          let warnings = 0;
          if (!fileSettings) return { errors, warnings };
          for (const f of applySettings(ws.checker.findingsFor(uri, { phrasebook: fileSettings.phrasebook }), fileSettings)) {
            if (f.severity === 'error') errors++;
            else if (f.severity === 'warning') warnings++;
          }
          return { errors, warnings };
        };
        return workspaceOverview(ws.index, problems);
      },
    ),
  );

  connection.onRequest(
    GridRequest,
    guarded(
      log,
      GridRequest.method,
      (): WireGrid | null => null,
      ({ uri, since }) => {
        const file = ws.file(uri);
        const inspection = file && ws.index.inspectionOf(file.uri);
        if (!inspection) return null;
        const grid = judgementGrid(inspection);
        const held = typeof since === 'number' ? sent.get(inspection.file.uri) : undefined;
        sent.set(inspection.file.uri, grid);
        return held && held.revision === since ? wireDelta(grid, held) : wireGrid(grid);
      },
    ),
  );

  connection.onRequest(
    JudgementPlaceRequest,
    guarded(
      log,
      JudgementPlaceRequest.method,
      (): Range | null => null,
      ({ uri, question }) => {
        const file = ws.file(uri);
        const q = file?.kind === 'case' && typeof question === 'string' ? file.catalogue.questions.get(question) : undefined;
        return file?.kind === 'case' && q ? judgementRange(file, q) : null;
      },
    ),
  );

  connection.onRequest(
    SetJudgementRequest,
    guarded(
      log,
      SetJudgementRequest.method,
      (): SetJudgementResult => ({ problem: 'The language server could not work out the change; see the SQS Findings output.' }),
      ({ uri, text, question, value }) => {
        if (typeof uri !== 'string' || typeof text !== 'string' || typeof question !== 'string' || !(value === null || judgementWords.includes(value)))
          return { problem: 'sqs/setJudgement needs a case file, its text, a question and a judgement (or null).' };
        ws.sync();
        return judgementEdit(ws.index, ws.canonical(uri), text, question, value);
      },
    ),
  );
}

/** The grid as it travels: each column's cells as one string of letters (cellLetters). */
export function wireGrid(grid: JudgementGrid): WireGrid {
  return { ...wireHead(grid), columns: grid.columns.map(wireColumn) };
}

/**
 * Against the grid last sent: the columns that are not the same objects as then (the core keeps a case's column while
 * nothing it is made from changes), when the cases are the same ones in the same order; else the whole grid.
 */
function wireDelta(grid: JudgementGrid, held: JudgementGrid): WireGrid {
  if (grid.columns.length !== held.columns.length || grid.columns.some((c, i) => c.uri !== held.columns[i]!.uri)) return wireGrid(grid);
  const indices = grid.columns.flatMap((c, i) => (c === held.columns[i] ? [] : [i]));
  return { ...wireHead(grid), columns: indices.map((i) => wireColumn(grid.columns[i]!)), delta: { since: held.revision, indices } };
}

function wireHead(grid: JudgementGrid): Omit<WireGrid, 'columns'> {
  return {
    inspectionUri: grid.inspectionUri,
    revision: grid.revision,
    ...(grid.area !== undefined && { area: grid.area }),
    rows: grid.rows.map((r) => ({
      question: r.question,
      label: r.label,
      wording: r.wording,
      criterionTitle: r.criterionTitle,
      reasons: r.reasons,
      tally: r.tally,
      stated: r.stated,
    })),
  };
}

/** Mapped once per column the core makes: a column the core keeps is the same on the wire. */
const wired = new WeakMap<JudgementGrid['columns'][number], GridColumn>();

function wireColumn(c: JudgementGrid['columns'][number]): GridColumn {
  let w = wired.get(c);
  if (!w) {
    w = {
      uri: c.uri,
      label: c.label,
      ...(c.sentence !== undefined && { sentence: c.sentence }),
      ...(c.inspector !== undefined && { inspector: c.inspector }),
      counted: c.counted,
      cells: c.cells.map((s) => cellLetters[s]).join(''),
      reasons: c.reasons,
    };
    wired.set(c, w);
  }
  return w;
}
