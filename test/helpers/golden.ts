import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../server/src/cli/main';

// What `sqs render` prints for the bundled examples, the way the golden files under test/fixtures/golden/ hold it:
// Markdown and HTML as printed, a Word document as the text of its paragraphs (its XML carries dates and ids).

export const goldenDir = path.resolve(__dirname, '../fixtures/golden');
export const goldenExamples = ['liverpool-2013', 'liverpool-2013-tallies-only'] as const;
const examples = path.resolve(__dirname, '../../examples');

async function sqs(args: string[]): Promise<string> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    args,
    (s) => (stdout += `${s}\n`),
    (s) => (stderr += `${s}\n`),
  );
  if (code !== 0) throw new Error(`sqs ${args.join(' ')} exited ${code}: ${stderr}`);
  return stdout;
}

/** The paragraphs of a Word document's body, their runs' text joined, tabs kept. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)]
    .map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
        .map((m) => (m[0] === '<w:tab/>' ? '\t' : m[1]!))
        .join('')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .join('\n');
}

/** An example's report in each golden form: file name → content. */
export async function renderedForms(example: (typeof goldenExamples)[number]): Promise<Map<string, string>> {
  const folder = path.join(examples, example);
  const out = new Map<string, string>();
  out.set(`${example}.md`, await sqs(['render', folder, '--format', 'md']));
  out.set(`${example}.html`, await sqs(['render', folder, '--format', 'html']));
  const dir = mkdtempSync(path.join(tmpdir(), 'sqs-golden-'));
  try {
    const file = path.join(dir, 'report.docx');
    await sqs(['render', folder, '--format', 'docx', '--out', file]);
    out.set(`${example}.docx.txt`, `${await docxText(readFileSync(file))}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
