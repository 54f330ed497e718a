import * as vscode from 'vscode';
import type { MarkFinding, PreviewSources, Range, SourceLink } from '../../../server/src/protocol';

// Going from a sentence of the preview to where it came from (or from a marked paragraph to its findings).
// One file: open it with the places selected. Several files (a tally over case files and a count stated in
// the inspection file): the inspector picks which, each shown as the pick moves.

/** A place to open: where a sentence was made from, or a finding that marks a paragraph. */
export interface Place {
  uri: string;
  range: Range;
  label: string;
  /** What the place is ("stated count", "finding"). */
  kind: string;
}

const roleWords: Record<SourceLink['role'], string> = {
  judgement: 'judgement',
  reason: 'reason',
  stated: 'stated count',
  quote: 'quote',
  narrative: 'narrative',
  override: 'hand-written commentary',
  field: 'inspection detail',
};

export function sourcePlaces(sources: readonly SourceLink[]): Place[] {
  return sources.map((s) => ({ uri: s.uri, range: s.range, label: s.label, kind: roleWords[s.role] }));
}

export function findingPlaces(findings: readonly MarkFinding[]): Place[] {
  return findings.map((f) => ({
    uri: f.uri,
    range: f.range,
    label: `${f.code} ${f.message}`,
    kind: `${f.severity === 'error' ? 'error' : 'warning'} ${f.code}`,
  }));
}

/** Everything a part of the report is about: its findings, then the places it was made from or concerns. */
export function placesOf(about: PreviewSources): Place[] {
  return [...findingPlaces(about.findings), ...sourcePlaces(about.sources)];
}

/** Where a place opens: beside the preview, in the editor group the inspector last typed in. */
export type ColumnChooser = (uri: vscode.Uri) => vscode.ViewColumn;

export async function revealPlaces(places: readonly Place[], column: ColumnChooser, what = 'This sentence comes from'): Promise<void> {
  if (places.length === 0) {
    vscode.window.setStatusBarMessage('SQS: this part of the report comes from no place in the files', 4000);
    return;
  }
  const files = new Set(places.map((p) => p.uri)).size;
  if (files === 1) {
    await open(places, column);
    return;
  }
  interface Item extends vscode.QuickPickItem {
    place: Place;
  }
  const items: Item[] = places.map((place) => ({
    label: place.label,
    description: vscode.workspace.asRelativePath(vscode.Uri.parse(place.uri), false),
    detail: `${place.kind}, line ${place.range.start.line + 1}`,
    place,
  }));
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = `${what} ${files} files`;
  pick.placeholder = 'Pick the place to open (each is shown as you move through the list)';
  pick.items = items;
  pick.matchOnDescription = true;
  const chosen = await new Promise<Item | undefined>((resolve) => {
    pick.onDidChangeActive(([item]) => {
      // A glimpse only: the file may be gone, or the pick closed meanwhile; the accepted choice says so if it fails.
      if (item) show([item.place], column, true).catch(() => undefined);
    });
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]);
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (chosen) await open([chosen.place], column);
}

/** Opens the places, saying so when the file cannot be opened (deleted or moved since the report was made). */
async function open(places: readonly Place[], column: ColumnChooser): Promise<void> {
  try {
    await show(places, column, false);
  } catch (e) {
    void vscode.window.showWarningMessage(
      `Could not open ${vscode.workspace.asRelativePath(vscode.Uri.parse(places[0]!.uri))}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** Opens the file of `places` (all in one file) with their ranges selected, the first in view. */
async function show(places: readonly Place[], column: ColumnChooser, peek: boolean): Promise<void> {
  const uri = vscode.Uri.parse(places[0]!.uri);
  const ranges = places.map((l) => new vscode.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character));
  const editor = await vscode.window.showTextDocument(uri, {
    viewColumn: column(uri),
    preserveFocus: peek,
    preview: peek,
    selection: ranges[0],
  });
  editor.selections = ranges.map((r) => new vscode.Selection(r.start, r.end));
  editor.revealRange(ranges[0]!, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
