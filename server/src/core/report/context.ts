import type { Phrasebook } from '../commentary/phrasebook';
import { capitalise, fill, placeholders, type Agreement } from '../commentary/template';
import type { InspectionVariable } from '../commentary/variables';
import type { Catalogue } from '../criteria/catalogue';
import type { Inspection } from '../index/inspectionIndex';
import type { InspectionModel } from '../model/inspectionModel';
import type { Located } from '../model/reader';
import type { ReportWarning, SourceLink } from './document';
import { caseLabels } from './figures';

export interface Filled {
  text: string;
  sources: SourceLink[];
}

/** A value of a figure placeholder; `capital` is asked for by {Name}. */
export type FigureValue = (name: string, form: string | undefined, capital: boolean) => string | undefined;

/** What every part of the report builder needs: the inspection, its catalogue and phrasebook, and the warnings so far. */
export class ReportContext {
  readonly catalogue: Catalogue;
  readonly model: InspectionModel;
  readonly uri: string;
  readonly warnings: ReportWarning[] = [];
  /** The inspection's cases by URI, named and in the order reports list them. */
  readonly caseLabels: ReadonlyMap<string, string>;
  private readonly values: Map<InspectionVariable, { text: string; sources: SourceLink[] }>;

  constructor(
    readonly inspection: Inspection,
    readonly phrasebook: Phrasebook,
  ) {
    this.catalogue = inspection.catalogue;
    this.model = inspection.file.model;
    this.uri = inspection.file.uri;
    this.values = this.readValues();
    this.caseLabels = caseLabels(inspection);
  }

  /** A link to a value of the inspection file: to its text, without a block scalar's header or quotes. */
  link(located: Pick<Located<unknown>, 'range' | 'textRange'>, role: SourceLink['role'], label: string): SourceLink {
    return { uri: this.uri, range: located.textRange ?? located.range, role, label };
  }

  /**
   * Fills one of the report's fixed templates (letterhead, header, opening, closing…); when a value it needs
   * is missing, warns (`what` names the part left out) rather than drop the part in silence.
   */
  fillOrWarn(template: string, what: string): Filled | undefined {
    // These templates count one thing, the sample: "a sample of {sample} recent {case|cases}".
    const filled = this.fill(template, undefined, this.model.sample?.value);
    if (filled) return filled;
    const missing = [...new Set(placeholders(template).map((p) => p.name))].filter((n) => !this.values.has(n as InspectionVariable));
    const why = missing.map((n) => (n === 'fieldwork' ? 'the fieldwork dates (start and end, the end not before the start)' : `{${n}}`));
    this.warnings.push({ message: `The ${what} is left out: it needs ${why.join(', ') || 'a value'}, which the inspection file does not give.`, sources: [] });
    return undefined;
  }

  /**
   * Fills a template from the inspection's values and, for figure sentences, the figures. Undefined when a
   * required value is missing: the sentence is left out rather than printed with a hole. `agreement`
   * picks {one|many} choices; `sentence` capitalises the first letter.
   */
  fill(template: string, figure?: FigureValue, agreement?: Agreement, options: { sentence?: boolean } = {}): Filled | undefined {
    const sources: SourceLink[] = [];
    const text = fill(
      template,
      (name, form, capital) => {
        const fromFigures = figure?.(name, form, capital);
        if (fromFigures !== undefined) return fromFigures;
        const v = this.values.get(name as InspectionVariable);
        if (!v) return undefined;
        for (const s of v.sources) if (!sources.some((x) => x.range === s.range)) sources.push(s);
        return v.text;
      },
      agreement,
    );
    // A sentence starts with a capital even when a template opens with a lower-case value.
    return text === undefined ? undefined : { text: options.sentence ? capitalise(text) : text, sources };
  }

  private readValues(): Map<InspectionVariable, { text: string; sources: SourceLink[] }> {
    const m = this.model;
    const book = this.phrasebook;
    const values = new Map<InspectionVariable, { text: string; sources: SourceLink[] }>();
    const set = (name: InspectionVariable, located: Located<unknown> | undefined, label: string, text?: string) => {
      if (located) values.set(name, { text: text ?? String(located.value), sources: [this.link(located, 'field', label)] });
    };
    set('area', m.area, 'inspection');
    set('service', m.service, 'service');
    set('serviceShort', m.serviceShort ?? m.service, m.serviceShort ? 'service_short' : 'service');
    set('sample', m.sample, 'sample', m.sample && book.number(m.sample.value));
    if (m.fieldworkStart && m.fieldworkEnd && m.fieldworkStart.value <= m.fieldworkEnd.value) {
      values.set('fieldwork', {
        text: book.dateRange(m.fieldworkStart.value, m.fieldworkEnd.value),
        sources: [this.link(m.fieldworkStart, 'field', 'fieldwork start'), this.link(m.fieldworkEnd, 'field', 'fieldwork end')],
      });
    }
    set('published', m.published, 'published', m.published && book.date(m.published.value));
    set('addressee', m.addressee?.name, 'addressee');
    set('addresseeRole', m.addressee?.role, 'addressee role');
    set('from', m.from?.name, 'from');
    set('fromRole', m.from?.role, 'from role');
    const lead = m.leadInspector;
    set('leadInspector', lead?.name, 'lead inspector');
    // Without a pronoun the closing still reads: "They can be contacted …".
    if (lead)
      values.set(
        'pronoun',
        lead.pronoun ? { text: lead.pronoun.value, sources: [this.link(lead.pronoun, 'field', 'lead inspector pronoun')] } : { text: 'they', sources: [] },
      );
    set('phone', lead?.phone, 'lead inspector phone');
    set('email', lead?.email, 'lead inspector email');
    if (!lead?.phone) set('emailOnly', lead?.email, 'lead inspector email');
    return values;
  }
}
