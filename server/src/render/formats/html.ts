import type { RenderReport } from '../renderer';
import { renderHtml } from '../html';

/**
 * A standalone page that prints as the report. The HTML renderer itself (../html.ts) also serves the preview, with
 * options of its own; an export names no file unless annotated (the case files' names can identify children).
 */
export const render: RenderReport = (doc, { marks, annotate }) =>
  renderHtml(doc, { title: doc.title, ...(marks && { marks }), sourceLinks: annotate ? 'full' : 'none' });
