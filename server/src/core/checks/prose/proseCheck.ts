import type { Phrasebook } from '../../commentary/phrasebook';
import type { Criterion, Question } from '../../criteria/catalogue';
import { finding, inFile, type LocalFinding, type LocalRelated } from '../../findings';
import type { Inspection } from '../../index/inspectionIndex';
import type { InspectionFile } from '../../model/sqsFile';
import { quoted } from '../../text/quote';
import type { Finding, Range } from '../../types';
import { questionName } from '../../criteria/names';
import { analyse, type Analysis, type Claim } from './analyse';
import { figuresFor, type Figures } from './figures';
import { proseTexts, type ProseText } from './texts';
import { agreementEdits } from './agreement';

// SQS060/SQS061: the inspector's own words about a criterion (its commentary, the text after it, a narrative
// paragraph holding its marker: texts.ts) held against the numbers. The phrasebook finds the quantifiers and
// says which proportions each accepts (data, not code); this check decides what each quantifier is about and
// compares. Only what it can attribute is compared, so it errs towards silence: every sentence of the
// Liverpool report passes against the Liverpool counts.

interface Analysed extends ProseText {
  analysis: Analysis;
}

const analyses = new WeakMap<InspectionFile, Map<Phrasebook, Analysed[]>>();

/**
 * Readings by text, per phrasebook and the criteria a text speaks of: typing anywhere else in the inspection
 * file leaves the commentary as it was, so it is not read again. A few recent texts per criterion are kept,
 * enough for undo and redo while typing in one paragraph.
 */
const analysisCache = new WeakMap<Phrasebook, WeakMap<Criterion, Map<string, Analysis>>>();
const textsKept = 4;

function analysisOf(book: Phrasebook, criteria: readonly Criterion[], text: string): Analysis {
  let byCriterion = analysisCache.get(book);
  if (!byCriterion) analysisCache.set(book, (byCriterion = new WeakMap()));
  let texts = byCriterion.get(criteria[0]!);
  if (!texts) byCriterion.set(criteria[0]!, (texts = new Map()));
  const key = `${criteria.map((c) => c.id).join(' ')}\u0000${text}`;
  let analysis = texts.get(key);
  if (analysis) texts.delete(key);
  else
    analysis = analyse(
      criteria.flatMap((c) => c.questions),
      text,
      book,
    );
  texts.set(key, analysis);
  if (texts.size > textsKept) texts.delete(texts.keys().next().value!);
  return analysis;
}

/**
 * The findings on the inspector's prose, read with `book`: the phrasebook the report is worded with
 * (choosePhrasebook, given the editor's default), so the check never accepts what the preview would not write.
 */
export function prose(inspection: Inspection, book: Phrasebook): Finding[] {
  const file = inspection.file;
  const out: LocalFinding[] = [];
  for (const a of analysedProse(file, book)) {
    if ('notAnalysed' in a.analysis) {
      // On the key: underlining all of a 20 kB paste would hide everything else in the file.
      out.push(finding('SQS062', a.keyRange, `${a.label} is not checked against the numbers: ${a.analysis.notAnalysed}.`));
      continue;
    }
    for (const claim of a.analysis.claims) {
      const f = judge(inspection, book, a, claim);
      if (f) out.push(f);
    }
  }
  return out.map((f) => inFile(file.uri, f));
}

/** The claims of every text about a criterion, read once per inspection file and phrasebook (numbers change, text does not). */
function analysedProse(file: InspectionFile, book: Phrasebook): Analysed[] {
  let byBook = analyses.get(file);
  if (!byBook) analyses.set(file, (byBook = new Map()));
  const cached = byBook.get(book);
  if (cached) return cached;
  const out = proseTexts(file).map((t) => ({ ...t, analysis: analysisOf(book, t.criteria, t.text) }));
  byBook.set(book, out);
  return out;
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
      // A number is judged on the count alone (the phrasebook only asks that the total can hold it); a vague
      // one ("several") also on its share of the relevant cases, so it needs them.
      if (m.kind !== 'count' && (figures.relevant === undefined || figures.relevant < n || figures.relevant === 0)) continue;
      known.push({
        count: n,
        total: m.kind === 'count' ? Math.max(n, m.count ?? 0, 1) : figures.relevant!,
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
  // A sentence opening with "12 reviews" gets "Five reviews", not "five reviews".
  const opens = /^["“(]?$/.test(a.text.slice(claim.sentenceStart, m.start));
  const fix = book.fix(m, k.count, k.total, opens ? { capital: true } : {});
  const replacement = fix?.text;
  const range = rangeOf(inspection, a, m.start, m.end) ?? a.range;
  const edits = fix ? [{ start: m.start, end: m.end, newText: fix.text }, ...agreementEdits(a.text, m, fix, claim.sentenceStart)] : [];
  // Each edit must land on the very words it replaces in the file (a YAML escape or fold inside them would not).
  const placed = edits.map((e) => {
    const at = rangeOf(inspection, a, e.start, e.end);
    const s = a.offsets?.[e.start];
    const written = s === undefined ? undefined : inspection.file.parsed.text.slice(s, a.offsets![e.end - 1]! + 1);
    return at && written === a.text.slice(e.start, e.end) ? { range: at, newText: e.newText } : undefined;
  });
  const fixable = edits.length > 0 && placed.every((e): e is { range: Range; newText: string } => e !== undefined);
  const share =
    claim.kind === 'reason'
      ? `${k.count} case${k.count === 1 ? '' : 's'} ${k.what}`
      : `${k.count} of ${k.total} ${k.what} (${Math.round((100 * k.count) / k.total)}%)`;
  const writes = replacement !== undefined ? `; the phrasebook writes "${replacement}"` : '';
  return finding(
    m.kind === 'band' || m.kind === 'adverb' ? 'SQS061' : 'SQS060',
    range,
    `${questionName(k.question)}: ${quoted(m.text)} does not fit ${k.figures.from}: ${share}${writes}.`,
    {
      related: k.related,
      fixes: fixable ? [{ title: `Write "${replacement}"`, edits: placed, preferred: true }] : [],
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
