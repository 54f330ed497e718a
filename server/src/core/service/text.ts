import { Utils, URI } from 'vscode-uri';
import type { InspectionIndex } from '../index/inspectionIndex';
import type { Range } from '../types';

/** User text inside Markdown (hovers, documentation): no character may start markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}

/** How a case file is named to an inspector: its case id, or its file name while it has none. */
export function caseLabel(index: InspectionIndex, uri: string): string {
  const file = index.get(uri);
  if (file?.kind === 'case' && file.model.id) return file.model.id.value;
  return Utils.basename(URI.parse(uri));
}

/** A Markdown link that opens a file at a line (editors understand the `#L` fragment). */
export function fileLink(label: string, uri: string, range?: Range): string {
  const target = range ? `${uri}#L${range.start.line + 1}` : uri;
  return `[${escapeMarkdown(label)}](${target.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** At most `limit` items, then "and N more". */
export function listSome(items: string[], limit: number): string {
  if (items.length <= limit) return items.join(', ');
  return `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`;
}
