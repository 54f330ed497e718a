import type { Phrasebook } from '../../commentary/phrasebook';
import type { Criterion, Question } from '../../criteria/catalogue';
import { finding, inFile, type LocalFinding, type LocalRelated } from '../../findings';
import type { Inspection } from '../../index/inspectionIndex';
import type { InspectionFile } from '../../model/sqsFile';
import { quoted } from '../../text/quote';
import type { Finding, Range } from '../../types';
import { scalarOffsets } from '../../yaml/scalarOffsets';
import { questionName } from '../../criteria/names';
import { analyse, type Analysis, type Claim } from './analyse';
import { figuresFor, type Figures } from './figures';

// SQS060/SQS061: hand-written commentary (`commentary:` in the inspection file) held against the numbers.
// The phrasebook finds the quantifiers and says which proportions each accepts (data, not code); this
// check decides what each quantifier is about and compares. Only what it can attribute is compared, so
// it errs towards silence: every sentence of the Liverpool report passes against the Liverpool counts.

interface Analysed {
  criterionId: string;
  text: string;
  analysis: Analysis;
  /** Source offsets of each character of the text, when they could be aligned. */
  offsets: number[] | undefined;
  range: Range;
}

const analyses = new WeakMap<InspectionFile, Map<Phrasebook, Analysed[]>>();

/**
 * Readings by text, per phrasebook and criterion: typing anywhere else in the inspection file leaves the
 * commentary as it was, so it is not read again. A few recent texts per criterion are kept, enough for
 * undo and redo while typing in one paragraph.
 */
const analysisCache = new WeakMap<Phrasebook, WeakMap<Criterion, Map<string, Analysis>>>();
const textsKept = 4;

function analysisOf(book: Phrasebook, criterion: Criterion, text: string): Analysis {
  let byCriterion = analysisCache.get(book);
  if (!byCriterion) analysisCache.set(book, (byCriterion = new WeakMap()));
  let texts = byCriterion.get(criterion);
  if (!texts) byCriterion.set(criterion, (texts = new Map()));
  let analysis = texts.get(text);
  if (analysis) texts.delete(text);
  else analysis = analyse(criterion, text, book);
  texts.set(text, analysis);
  if (texts.size > textsKept) texts.delete(texts.keys().next().value!);
  return analysis;
}

/**
 * The commentary's findings, read with `book`: the phrasebook the report is worded with (choosePhrasebook,
 * given the editor's default), so the check never accepts what the preview would not write.
 */
export function prose(inspection: Inspection, book: Phrasebook): Finding[] {
  const file = inspection.file;
  const out: LocalFinding[] = [];
  for (const a of analysedCommentary(file, book)) {
    if ('notAnalysed' in a.analysis) {
      // On the key: underlining all of a 20 kB paste would hide everything else in the file.
      const at = file.parsed.source.keyRange(['commentary', a.criterionId]) ?? a.range;
      out.push(finding('SQS062', at, `${a.criterionId}: this commentary is not checked against the numbers: ${a.analysis.notAnalysed}.`));
      continue;
    }
    for (const claim of a.analysis.claims) {
      const f = judge(inspection, book, a, claim);
      if (f) out.push(f);
    }
  }
  return out.map((f) => inFile(file.uri, f));
}

/** The claims of every criterion's commentary, read once per inspection file and phrasebook (numbers change, text does not). */
function analysedCommentary(file: InspectionFile, book: Phrasebook): Analysed[] {
  let byBook = analyses.get(file);
  if (!byBook) analyses.set(file, (byBook = new Map()));
  const cached = byBook.get(book);
  if (cached) return cached;
  const out: Analysed[] = [];
  for (const [criterionId, override] of file.model.commentary) {
    const criterion = file.catalogue.criterion(criterionId);
    const text = override.text;
    if (!criterion || !text) continue;
    const path = file.parsed.source.has(['commentary', criterionId, 'text']) ? ['commentary', criterionId, 'text'] : ['commentary', criterionId];
    const span = file.parsed.source.spansOf(path)?.value;
    out.push({
      criterionId,
      text: text.value,
      analysis: analysisOf(book, criterion, text.value),
      offsets: span && scalarOffsets(file.parsed.text, span, text.value),
      range: text.range,
    });
  }
  byBook.set(book, out);
  return out;
}

/**
 * What the commentary's findings depend on besides the inspection file's text and the phrasebook: the
 * figures of the questions of every criterion with commentary. Equal strings, equal findings (for one
 * file text and phrasebook), so a case edit that leaves them alone leaves the findings alone.
 */
export function proseInputs(inspection: Inspection): string {
  const figures: unknown[] = [];
  for (const criterionId of inspection.file.model.commentary.keys()) {
    for (const q of inspection.catalogue.criterion(criterionId)?.questions ?? []) {
      const f = figuresFor(inspection, q);
      figures.push(f && [f.from, f.relevant, f.sufficient, (q.reasons?.codes ?? []).map((r) => f.reason(r.code))]);
    }
  }
  return figures.length === 0 ? '' : JSON.stringify(figures);
}

function judge(inspection: Inspection, book: Phrasebook, a: Analysed, claim: Claim): LocalFinding | undefined {
  const m = claim.match;
  const known: { count: number; total: number; question: Question; figures: Figures; what: string; related: LocalRelated[] }[] = [];
  if (claim.kind === 'reason') {
    for (const { question, code } of claim.reasons) {
      const figures = figuresFor(inspection, question);
      const n = figures?.reason(code);
      if (!figures || n === undefined) continue;
      const at = figures.place({ reason: code });
      // A bare count is judged on the count alone; the phrasebook only asks that the total can hold it.
      known.push({
        count: n,
        total: Math.max(n, m.count ?? 0, 1),
        question,
        figures,
        what: `giving the reason ${code}`,
        related: at ? [{ range: at, message: `${code}: ${n}` }] : [],
      });
    }
  } else {
    for (const question of claim.questions) {
      const figures = figuresFor(inspection, question);
      if (!figures || figures.relevant === undefined || figures.sufficient === undefined || figures.relevant === 0) continue;
      const count = claim.framing === 'sufficient' ? figures.sufficient : figures.relevant - figures.sufficient;
      const related: LocalRelated[] = [];
      const rel = figures.place('relevant');
      const suf = figures.place('sufficient');
      if (rel) related.push({ range: rel, message: `relevant ${figures.relevant}` });
      if (suf) related.push({ range: suf, message: `sufficient ${figures.sufficient}` });
      known.push({ count, total: figures.relevant, question, figures, what: claim.framing === 'sufficient' ? 'sufficient' : 'not sufficient', related });
    }
  }
  if (known.length === 0 || known.some((k) => book.accepts(m, k.count, k.total))) return undefined;
  const k = known[0]!;
  const replacement = book.replacement(m, k.count, k.total);
  const range = rangeOf(inspection, a, m.start, m.end) ?? a.range;
  const fixable =
    replacement !== undefined && a.offsets !== undefined && inspection.file.parsed.text.slice(a.offsets[m.start], a.offsets[m.end - 1]! + 1) === m.text;
  const share =
    claim.kind === 'reason'
      ? `${k.count} case${k.count === 1 ? '' : 's'} ${k.what}`
      : `${k.count} of ${k.total} ${k.what} (${Math.round((100 * k.count) / k.total)}%)`;
  const writes = replacement !== undefined ? `; the phrasebook writes "${replacement}"` : '';
  return finding(
    m.kind === 'band' ? 'SQS061' : 'SQS060',
    range,
    `${questionName(k.question)}: ${quoted(m.text)} does not fit ${k.figures.from}: ${share}${writes}.`,
    {
      related: k.related,
      fixes: fixable ? [{ title: `Write "${replacement}"`, edits: [{ range, newText: replacement }], preferred: true }] : [],
    },
  );
}

function rangeOf(inspection: Inspection, a: Analysed, start: number, end: number): Range | undefined {
  if (!a.offsets) return undefined;
  const s = a.offsets[start];
  const e = a.offsets[end - 1];
  if (s === undefined || e === undefined) return undefined;
  return inspection.file.parsed.source.range([s, e + 1]);
}
