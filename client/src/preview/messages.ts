import * as z from 'zod/mini';
import { reportFormats, type ReportFormatId } from '../../../server/src/protocol';
import { fileUriSchema } from '../fileUriSchema';

// The messages between the report preview's webview and the extension host. The webview imports the types
// only (its bundle must stay free of zod); the extension validates everything the webview sends, because a
// webview is a web page and its messages are input like any other. zod/mini, not zod: the client bundle
// needs a few small schemas, not the whole library.

export type { ReportFormatId };

const formatIds = reportFormats.map((f) => f.id) as [ReportFormatId, ...ReportFormatId[]];

export type RevealOn = 'click' | 'doubleClick';

/** Extension → webview. */
export type ToWebview =
  | {
      type: 'render';
      /**
       * Increases with every render of the panel, and with every change of its lock or title: the webview ignores
       * anything older than what it shows, and a page rebuilt from older HTML reports its number to be caught up.
       */
      seq: number;
      /** The inspection file's URI: kept in the webview's state so the panel can be restored after a reload. */
      inspection: string;
      title: string;
      locked: boolean;
      revealOn: RevealOn;
      /** BCP 47: the language the report is worded in (the page's chrome stays English). */
      language: string;
      /** The report's body: the HTML renderer's output for the preview, every user string escaped. */
      html: string;
    }
  | {
      /** Paragraphs fed by the place the cursor is at; `scroll` brings the first into view. */
      type: 'highlight';
      paragraphs: string[];
      scroll: boolean;
    };

/**
 * Webview → extension. What a click or an export button acts on carries the inspection the page shows: the panel
 * may have moved on to another inspection (it follows the editor) before the message arrives, and a paragraph id
 * or an export must not be applied to a report the inspector was not looking at.
 */
export type FromWebview =
  | { type: 'ready'; seq: number }
  | { type: 'reveal'; inspection: string; paragraph: string; sentence?: number }
  /** The mark on a paragraph: its findings and warnings, and the places they concern. */
  | { type: 'revealMark'; inspection: string; paragraph: string }
  /** The notes before the report: the places they concern (cases still to judge, …). */
  | { type: 'revealNotes'; inspection: string }
  | { type: 'export'; inspection: string; format: ReportFormatId }
  /** The data behind the report (*SQS: Export Data…*). */
  | { type: 'exportData'; inspection: string }
  | { type: 'toggleLock' };

/** The state the webview keeps with `setState`, handed to the serializer after a window reload. */
export interface PreviewState {
  inspection: string;
  locked: boolean;
  /** The paragraph at the top of the view, to scroll back to. */
  topParagraph?: string;
}

// Paragraph ids are DOM ids chosen by the report model: short, of a known alphabet.
const paragraphId = z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[\w.:-]+$/));
const seq = z.int().check(z.nonnegative());
// Only ever compared with the panel's own inspection, never opened.
const inspection = fileUriSchema;

const fromWebview = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), seq }),
  z.strictObject({ type: z.literal('reveal'), inspection, paragraph: paragraphId, sentence: z.optional(z.int().check(z.nonnegative(), z.maximum(10_000))) }),
  z.strictObject({ type: z.literal('revealMark'), inspection, paragraph: paragraphId }),
  z.strictObject({ type: z.literal('revealNotes'), inspection }),
  z.strictObject({ type: z.literal('export'), inspection, format: z.enum(formatIds) }),
  z.strictObject({ type: z.literal('exportData'), inspection }),
  z.strictObject({ type: z.literal('toggleLock') }),
]);

const previewState = z.object({
  inspection,
  locked: z.boolean(),
  topParagraph: z.optional(paragraphId),
});

/** A message from the webview, or undefined when it is not one the extension understands. */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  const r = fromWebview.safeParse(raw);
  return r.success ? r.data : undefined;
}

/** The serializer's state, or undefined when it is missing or malformed (the panel then cannot be restored). */
export function parsePreviewState(raw: unknown): PreviewState | undefined {
  const r = previewState.safeParse(raw);
  if (!r.success) return undefined;
  const { inspection, locked, topParagraph } = r.data;
  return topParagraph === undefined ? { inspection, locked } : { inspection, locked, topParagraph };
}
