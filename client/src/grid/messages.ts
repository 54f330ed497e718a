import * as z from 'zod/mini';
import type { JudgementWord, WireGrid } from '../../../server/src/protocol';
import { fileUriSchema } from '../fileUriSchema';

// The messages between the judgement grid's webview and the extension host. The webview imports the types only;
// the extension validates everything the webview sends (a webview is a web page: its messages are input), as the
// report preview does (preview/messages.ts).

/** Extension → webview. */
export type ToGrid =
  | {
      type: 'grid';
      /** Increases with every grid sent: the webview ignores anything older than what it shows. */
      seq: number;
      grid: WireGrid;
      /** Case files of the inspection changed in the editor and not saved. */
      unsaved: string[];
    }
  | { type: 'unsaved'; unsaved: string[] }
  /** Said in the grid's live region (an edit the grid could not make, a file saved). */
  | { type: 'notice'; text: string };

/**
 * Webview → extension. What acts on a case carries the inspection the page shows, so a message that arrives after
 * the panel moved on is not applied to another inspection's files.
 */
export type FromGrid =
  | { type: 'ready'; seq: number }
  | { type: 'set'; inspection: string; case: string; question: string; value: JudgementWord | null }
  | { type: 'open'; inspection: string; case: string; question?: string }
  | { type: 'save'; inspection: string };

/** The state the webview keeps with `setState`, handed to the serializer after a window reload. */
export interface GridState {
  inspection: string;
  inspector?: string;
  unjudgedOnly?: boolean;
}

// Only compared with the grid's own files, never opened as they are.
const fileUri = fileUriSchema;
const questionId = z.string().check(z.minLength(3), z.maxLength(100), z.regex(/^[\w.-]+\/[\w-]+$/));

const fromGrid = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), seq: z.int().check(z.nonnegative()) }),
  z.strictObject({
    type: z.literal('set'),
    inspection: fileUri,
    case: fileUri,
    question: questionId,
    value: z.nullable(z.enum(['sufficient', 'not-sufficient', 'not-applicable'])),
  }),
  z.strictObject({ type: z.literal('open'), inspection: fileUri, case: fileUri, question: z.optional(questionId) }),
  z.strictObject({ type: z.literal('save'), inspection: fileUri }),
]);

const gridState = z.object({
  inspection: fileUri,
  inspector: z.optional(z.string().check(z.maxLength(200))),
  unjudgedOnly: z.optional(z.boolean()),
});

/** A message from the webview, or undefined when it is not one the extension understands. */
export function parseFromGrid(raw: unknown): FromGrid | undefined {
  const r = fromGrid.safeParse(raw);
  if (!r.success) return undefined;
  const m = r.data;
  if (m.type === 'open' && m.question === undefined) return { type: 'open', inspection: m.inspection, case: m.case };
  return m;
}

/** The serializer's state, or undefined when it is missing or malformed (the panel then cannot be restored). */
export function parseGridState(raw: unknown): GridState | undefined {
  const r = gridState.safeParse(raw);
  if (!r.success) return undefined;
  const { inspection, inspector, unjudgedOnly } = r.data;
  return { inspection, ...(inspector !== undefined && { inspector }), ...(unjudgedOnly !== undefined && { unjudgedOnly }) };
}
