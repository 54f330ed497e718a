import type { Connection } from 'vscode-languageserver/node';
import { judgementEdit, judgementGrid, judgementRange, workspaceOverview, type JudgementGrid, type ProblemCount } from '../core/api';
import {
  cellLetters,
  GridRequest,
  JudgementPlaceRequest,
  SetJudgementRequest,
  WorkspaceOverviewRequest,
  type Range,
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
      ({ uri }) => {
        const file = ws.file(uri);
        const inspection = file && ws.index.inspectionOf(file.uri);
        return inspection ? wireGrid(judgementGrid(inspection)) : null;
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
    columns: grid.columns.map((c) => ({
      uri: c.uri,
      label: c.label,
      ...(c.sentence !== undefined && { sentence: c.sentence }),
      ...(c.inspector !== undefined && { inspector: c.inspector }),
      counted: c.counted,
      cells: c.cells.map((s) => cellLetters[s]).join(''),
      reasons: c.reasons,
    })),
  };
}
