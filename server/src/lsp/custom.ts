import { LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { fileKindOf } from '../core/api';
import { inspectionProgress, scaffoldCase, scaffoldInspection } from '../core/api';
import {
  ExportRequest,
  InspectionsChangedNotification,
  InspectionStatusRequest,
  ParagraphsAtRequest,
  PreviewRequest,
  PreviewSourcesRequest,
  ReportRequest,
  ScaffoldRequest,
  type ExportResult,
  type InspectionStatus,
  type PreviewRender,
  type PreviewSources,
  type ReportPayload,
} from '../protocol';
import { exportReport, paragraphsAt, previewRender, previewSources, reportPayload } from './report';
import { guarded, type Logger } from './safe';
import type { SettingsStore } from './settings';
import { applySettings } from './severity';
import type { Workspace } from './workspace';

/** The SQS requests of protocol.ts, and the change notification the status item and the preview follow. */
export function registerCustomRequests(connection: Connection, ws: Workspace, settings: SettingsStore, log: Logger): void {
  connection.onRequest(
    InspectionStatusRequest,
    guarded(
      log,
      InspectionStatusRequest.method,
      (): InspectionStatus | null => null,
      async ({ uri }, token) => {
        // Which inspection a file is in, once its folder is read: the grid, the preview and export ask it first, and a
        // case file asked about before its inspection file is read is in none yet (the web build reads slowly).
        if (!(await ws.whenSettled(ws.canonical(uri), token))) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        const file = ws.file(uri);
        if (!file) return null;
        const progress = inspectionProgress(ws.index, file.uri);
        if (!progress) return { kind: file.kind };
        const { inspection } = progress;
        let errors = 0;
        let warnings = 0;
        for (const u of inspection.uris) {
          const fileSettings = await settings.get(ws.clientUri(u));
          const findings = applySettings(ws.checker.findingsFor(u, { phrasebook: fileSettings.phrasebook }), fileSettings);
          for (const f of findings) {
            if (f.severity === 'error') errors++;
            else if (f.severity === 'warning') warnings++;
          }
        }
        const model = inspection.file.model;
        return {
          kind: file.kind,
          inspection: {
            uri: inspection.file.uri,
            folder: inspection.folder,
            ...(model.area && { area: model.area.value }),
            ...(model.sample && { sample: model.sample.value }),
            cases: progress.cases,
            casesJudged: progress.casesJudged,
            errors,
            warnings,
            revision: inspection.revision,
          },
        };
      },
    ),
  );

  /** The inspection a file of it names (the inspection file or a case file), after the pending edits. */
  const inspectionFor = (uri: string) => {
    const file = ws.file(uri);
    return file && ws.index.inspectionOf(file.uri);
  };

  connection.onRequest(
    ReportRequest,
    guarded(
      log,
      ReportRequest.method,
      (): ReportPayload | null => null,
      async ({ uri }) => {
        const inspection = inspectionFor(uri);
        return inspection ? reportPayload(ws, settings, inspection) : null;
      },
    ),
  );

  connection.onRequest(
    PreviewRequest,
    guarded(
      log,
      PreviewRequest.method,
      (): PreviewRender | null => null,
      async ({ uri }) => {
        const inspection = inspectionFor(uri);
        return inspection ? previewRender(ws, settings, inspection) : null;
      },
    ),
  );

  connection.onRequest(
    PreviewSourcesRequest,
    guarded(
      log,
      PreviewSourcesRequest.method,
      (): PreviewSources | null => null,
      async ({ uri, part }) => {
        const inspection = inspectionFor(uri);
        return inspection ? previewSources(ws, settings, inspection, part) : null;
      },
    ),
  );

  connection.onRequest(
    ParagraphsAtRequest,
    guarded(
      log,
      ParagraphsAtRequest.method,
      (): string[] | null => null,
      async ({ uri, at }) => {
        const inspection = inspectionFor(uri);
        const file = ws.file(at.uri);
        return inspection && file ? paragraphsAt(ws, settings, inspection, file.uri, at.range) : null;
      },
    ),
  );

  connection.onRequest(
    ExportRequest,
    guarded(
      log,
      ExportRequest.method,
      (): ExportResult | null => null,
      async ({ uri, format }) => {
        const file = ws.file(uri);
        const inspection = file && ws.index.inspectionOf(file.uri);
        return inspection ? exportReport(ws, settings, inspection, format) : null;
      },
    ),
  );

  connection.onRequest(
    ScaffoldRequest,
    guarded(
      log,
      ScaffoldRequest.method,
      () => scaffoldInspection(ws.index.registry.latest),
      async (params, token) => {
        if (params.kind === 'inspection') return scaffoldInspection(ws.index.registry.latest);
        // The next case id and the way the cases are named, from the whole inspection: not from the cases read so far.
        if (!(await ws.whenSettled(ws.canonical(params.folder), token))) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        ws.sync();
        return scaffoldCase(ws.index, params.folder, params.caseId);
      },
    ),
  );

  // One notification per burst of changes, naming the inspections touched.
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const notifySoon = () => {
    if (pending.size === 0 || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      const inspections = [...pending];
      pending = new Set();
      void connection.sendNotification(InspectionsChangedNotification, { inspections });
    }, 100);
  };
  ws.onDidChange(({ affected, edited }) => {
    for (const uri of [...affected, ...edited]) {
      const inspection = ws.index.inspectionOf(uri);
      if (inspection) pending.add(inspection.file.uri);
      // An inspection file that was deleted belongs to no inspection any more, but its followers must hear.
      else if (fileKindOf(uri) === 'inspection') pending.add(uri);
    }
    notifySoon();
  });
  // The settings (a phrasebook, a severity) shape every report and status. An editor's own settings listener
  // runs before its language client forwards the change here, so whatever it asked for then was answered with
  // the old settings: only the server knows when the new ones apply, so it says so, for every inspection.
  settings.onDidChange(() => {
    for (const inspection of ws.index.inspections()) pending.add(inspection.file.uri);
    notifySoon();
  });
}
