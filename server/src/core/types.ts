// Shapes shared by every part of the core. Positions are 0-based lines and UTF-16 code-unit characters,
// the same convention as LSP's default position encoding, so adapters map them without conversion.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A place in a file. `uri` is a URI string (file:// for files on disk); the core never touches the disk. */
export interface Location {
  uri: string;
  range: Range;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedLocation extends Location {
  message: string;
}

/**
 * A text edit a quick fix can apply without recomputing anything. Edits are expressed as ranges in the
 * file the finding is on (or another file, when `uri` is set) so adapters can apply them verbatim.
 */
export interface FixEdit {
  uri?: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: FixEdit[];
  /** The fix an editor should offer first. */
  preferred?: boolean;
}

/** One problem found in one file. `code` is stable (documented in docs/checks.md). */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  uri: string;
  range: Range;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** Set when an inline `# sqs-ignore CODE: reason` silenced the finding. */
  ignored?: { reason: string; range: Range };
}

export const zeroRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
