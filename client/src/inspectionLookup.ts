import { fileSchemes, type InspectionStatus } from '../../server/src/protocol';

// Which inspection a file belongs to, for the commands that need one (preview, export), and what to tell the
// inspector when there is none. Free of `vscode`, so each answer is tested. Three different reasons, which
// once all read "belongs to no inspection": the file is in no folder (the server reads inspections from folders),
// the server is not running or did not answer, or there really is no inspection.sqs.yaml for it.

export type Inspection = NonNullable<InspectionStatus['inspection']>;
export type Lookup = { inspection: Inspection } | { problem: string };

/** The parts of a URI this needs (vscode.Uri and vscode-uri's URI both have them). */
interface FileUri {
  readonly scheme: string;
  readonly path: string;
  toString(): string;
}

/**
 * @param ask the server's sqs/inspectionStatus for a URI; undefined when the server is not running
 * @param what what the inspector wanted ("to preview", "to export")
 */
export async function lookupInspection(uri: FileUri, ask: ((uri: string) => Promise<InspectionStatus | null>) | undefined, what: string): Promise<Lookup> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
  if (!(fileSchemes as readonly string[]).includes(uri.scheme)) {
    return {
      problem: `${name} is not a file in a folder (${uri.scheme}:), so there is no report ${what}: the language server reads an inspection's files from its folder. Save it in a folder first.`,
    };
  }
  const notRunning = `The SQS language server is not running, so there is no report ${what}. Restart it (SQS: Restart Language Server) or see the SQS Findings output.`;
  if (!ask) return { problem: notRunning };
  let status: InspectionStatus | null;
  try {
    status = await ask(uri.toString());
  } catch (e) {
    return { problem: `${notRunning} (${e instanceof Error ? e.message : String(e)})` };
  }
  if (status?.inspection) return { inspection: status.inspection };
  return {
    problem: `${name} belongs to no inspection: there is no inspection.sqs.yaml in its folder or above it, so there is no report ${what}.`,
  };
}
