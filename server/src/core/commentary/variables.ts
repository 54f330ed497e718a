import { formNames } from './phrasebook';

// The values templates may use, in one place so the catalogue's templates are checked against what the
// generator offers (a misspelt {quantiy} is a catalogue error, not a silently dropped sentence).

/** Values from the inspection file, available to every template. */
export const inspectionVariables = [
  'area',
  'service',
  'serviceShort',
  'sample',
  'fieldwork',
  'published',
  'addressee',
  'addresseeRole',
  'from',
  'fromRole',
  'leadInspector',
  'pronoun',
  'phone',
  'email',
  /** The email address when no phone number is given (so a template can word that case). */
  'emailOnly',
] as const;

/** Values of one question's figures, available to its sentences. */
export const figureVariables = ['quantity', 'count', 'total', 'relevant', 'missing', 'sufficient', 'notSufficient'] as const;

/** What an `adverbSentence` may use besides the figures: the phrasebook's adverb for the share. */
export const adverbVariable = 'adverb';

/** The forms `{quantity:…}` accepts: the phrasebook's forms and the phrase alone. */
export const quantityForms: readonly string[] = [...formNames, 'phrase'];

export type InspectionVariable = (typeof inspectionVariables)[number];
