import { codeInfo, type Code } from './codes';
import type { Finding, Fix, Range, RelatedLocation, Severity } from './types';

/** A finding before it is attached to a file: parsers and validators work on text, not URIs. */
export interface LocalFinding {
  code: Code;
  severity: Severity;
  message: string;
  range: Range;
  /** Related places; without `uri` they are in the same file. */
  related?: LocalRelated[];
  fixes?: Fix[];
}

export type LocalRelated = Omit<RelatedLocation, 'uri'> & { uri?: string };

export function finding(code: Code, range: Range, message: string, extra?: Pick<LocalFinding, 'related' | 'fixes'>): LocalFinding {
  const f: LocalFinding = { code, severity: codeInfo(code).severity, message, range };
  if (extra?.related?.length) f.related = extra.related;
  if (extra?.fixes?.length) f.fixes = extra.fixes;
  return f;
}

export function inFile(uri: string, f: LocalFinding): Finding {
  const { related, ...rest } = f;
  const out: Finding = { ...rest, uri };
  if (related) out.related = related.map((r) => ({ ...r, uri: r.uri || uri }));
  return out;
}
