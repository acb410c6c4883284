// The one definition of an event record. The dataset files, the revision snapshots, data:check, the write service's
// validation, the event table's column map (server/src/events/event.record.ts), server/data/event.schema.json and the
// desk's form in the page, which checks as the editor types with these same rules, all come from the schemas below;
// server/src/events/record-classes.test.ts fails when the GraphQL classes disagree with them. A new plain field is one
// line in a kind's fields plus a migration adding its column (named after the field in snake_case). Pure: the page
// imports it as '@detente/shared/event-record', in the desk's lazy chunk only.
import { z } from 'zod';
import {
  AgreementAction,
  DatePrecision,
  Direction,
  EventKind,
  LinkType,
  MeetingFormat,
  MeetingLevel,
  MissionActionType,
  ParticipantRole,
  QuoteType,
  SanctionAction,
  SanctionMeasure,
  Side,
  StatementMedium,
  Verification,
} from './enums';
import { isCameoCode } from './cameo';
import { isIsoDate } from './dates';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,119}$/;
export const MAX_TITLE_LENGTH = 200;
export const MAX_SUMMARY_LENGTH = 2000;
export const MAX_QUOTE_LENGTH = 4000;
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
export const LANGUAGE_PATTERN = /^[a-z]{2}$/;
export const URL_PATTERN = /^https?:\/\/\S+$/;
/** A string checked against this pattern is a date: GraphQL gives it the Date scalar, the table a date column. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What the GraphQL API says of a field where it says it differently from the dataset's description: `description`
 * on the type, `input` on the mutations' input, and `nullable` where the API keeps a required field nullable so
 * that rows written before the dataset rules still answer. events/record-fields.ts reads it; the JSON Schema does not.
 */
export const apiDocs = z.registry<{ description?: string; input?: string; nullable?: true }>();

// Messages are relative to the field ("must be …"); formatRecordIssues puts the field's path in front.
type StringEnum = Record<string, string>;
const oneOf = <E extends StringEnum>(e: E, message = `must be one of ${Object.values(e).join(', ')}`) =>
  z.enum(Object.values(e) as [`${E[keyof E]}`, ...`${E[keyof E]}`[]], { error: message });
const text = (max: number, message: string) =>
  z
    .string({ error: message })
    .min(1, { error: message })
    .max(max, { error: message })
    .refine((v) => v.trim().length > 0, { error: message });
const isoDate = (message = 'must be a real date in YYYY-MM-DD form') =>
  z.string({ error: message }).regex(ISO_DATE_PATTERN, { error: message }).refine(isIsoDate, { error: message });
const country = (message = 'must be an ISO 3166-1 alpha-2 code such as "US"') =>
  z.string({ error: message }).regex(COUNTRY_PATTERN, { error: message });
const language = (message = 'must be an ISO 639-1 code such as "ru" or "en"') =>
  z.string({ error: message }).regex(LANGUAGE_PATTERN, { error: message });
const slugRef = (message: string) => z.string({ error: message }).min(1, { error: message }).max(120, { error: message });

export const LocationRecord = z
  .strictObject({
    name: text(200, 'is required when location is given').meta({ description: 'Place name, e.g. "Moscow" or "Geneva".' }),
    country: country('must be an ISO 3166-1 alpha-2 code').optional().meta({ description: 'ISO 3166-1 alpha-2 code of the place.' }),
  })
  .meta({ description: 'Where the event took place.' });

export const ParticipantRecord = z.strictObject({
  actor: slugRef('must be an actor id').meta({ description: 'Actor id (slug) from server/data/actors.' }),
  role: oneOf(ParticipantRole).meta({ description: "The actor's role in the event." }),
  side: oneOf(Side, 'must be US, RU or OTHER')
    .optional()
    .meta({ description: "The side the actor stood for; defaults from the actor's country (US, RU, else OTHER)." }),
});

export const CitationRecord = z.strictObject({
  url: z
    .string({ error: 'must be an http(s) URL' })
    .max(2000, { error: 'must be an http(s) URL of at most 2000 characters' })
    .regex(URL_PATTERN, { error: 'must be an http(s) URL' })
    .meta({
      description: 'Where to read the source; the same URL carries the same title, publisher and date everywhere.',
    }),
  title: text(500, 'is required').meta({ description: 'Title of the document.' }),
  publisher: text(200, 'is required').meta({ description: 'Who published it.' }),
  publishedAt: isoDate('must be YYYY-MM-DD').optional().meta({ description: 'Publication date, YYYY-MM-DD.' }),
  language: language().optional().meta({ description: 'Language of the document (ISO 639-1).' }),
  excerpt: text(2000, 'must be text of at most 2000 characters').optional().meta({ description: 'The passage that supports the event.' }),
});

export const LinkRecord = z.strictObject({
  type: oneOf(LinkType).meta({ description: 'How this event relates to the other one.' }),
  to: slugRef('must be an event id').meta({ description: 'Id (slug) of the earlier event this one points at.' }),
});

/** Fields every kind has. */
export const COMMON_FIELDS = {
  id: z
    .string({ error: 'must be a slug of lowercase letters, digits and dashes' })
    .regex(SLUG_PATTERN, { error: 'must be a slug of lowercase letters, digits and dashes' })
    .meta({ description: 'Slug `YYYY-MM-DD-short-words`, unique across the dataset.' }),
  title: text(MAX_TITLE_LENGTH, `is required (at most ${MAX_TITLE_LENGTH} characters)`)
    .meta({
      description: 'Short headline, plain text, in our own words.',
    })
    .register(apiDocs, {
      description: 'Short headline, plain text.',
      input: `Short headline, plain text, at most ${MAX_TITLE_LENGTH} characters. Required to create.`,
    }),
  summary: text(MAX_SUMMARY_LENGTH, `must be text of at most ${MAX_SUMMARY_LENGTH} characters`)
    .optional()
    .meta({ description: 'A few sentences of context, plain text; mention date disagreements here.' })
    .register(apiDocs, {
      description: 'A few sentences of context, plain text.',
      input: `A few sentences, plain text, at most ${MAX_SUMMARY_LENGTH} characters.`,
    }),
  startDate: isoDate().meta({ description: 'First day, YYYY-MM-DD; for MONTH precision the 1st, for YEAR 1 January.' }).register(apiDocs, {
    description: 'First day of the event (for MONTH precision the 1st of the month).',
    input: 'First day. Required to create.',
  }),
  endDate: isoDate()
    .optional()
    .meta({ description: 'Last day, for spans; not before startDate.' })
    .register(apiDocs, { description: 'Last day, for events that span several days; null for single-day events.' }),
  datePrecision: oneOf(DatePrecision, 'must be DAY, MONTH or YEAR')
    .default(DatePrecision.DAY)
    .meta({ description: 'How precisely the date is known.' })
    .register(apiDocs, {
      description: 'How precisely the date is known: DAY, MONTH ("Oct 2021") or YEAR.',
      input: 'DAY (default), MONTH (startDate on the 1st) or YEAR (on 1 January).',
    }),
  location: LocationRecord.optional(),
  direction: oneOf(Direction).meta({ description: 'Who acted towards whom.' }).register(apiDocs, {
    description: 'Who acted towards whom: US_TO_RU, RU_TO_US, MUTUAL, or a domestic step.',
    input: 'Who acted towards whom. Required to create.',
    nullable: true,
  }),
  cameoCode: z
    .string({ error: (issue) => `"${String(issue.input)}" is not a CAMEO code` })
    .refine(isCameoCode, { error: (issue) => `"${String(issue.input)}" is not a CAMEO code` })
    .meta({ description: 'A CAMEO code known to shared/src/cameo.ts, e.g. "042", "163", "166".' })
    .register(apiDocs, {
      description: 'CAMEO event code, e.g. "042" (make a visit), "163" (impose sanctions), "166" (expel).',
      input: 'CAMEO event code, e.g. "042". Required to create.',
      nullable: true,
    }),
  tone: z
    .number({ error: 'must be a number from -10 to 10' })
    .min(-10, { error: 'must be a number from -10 to 10' })
    .max(10, { error: 'must be a number from -10 to 10' })
    .optional()
    .meta({ description: "−10…+10; left out, the CAMEO code's Goldstein value applies. Needs toneNote." })
    .register(apiDocs, {
      description: "Conflict (−10) to cooperation (+10) score; the CAMEO code's Goldstein value unless overridden.",
      input: 'Override of the Goldstein tone, −10…10; needs toneNote.',
    }),
  toneNote: text(1000, 'must be text of at most 1000 characters')
    .optional()
    .meta({ description: 'Why tone overrides the Goldstein value of the CAMEO code.' })
    .register(apiDocs, {
      description: 'Why the tone differs from the Goldstein value of the CAMEO code, when it does.',
      input: 'Why the tone is overridden.',
    }),
  importance: z
    .number({ error: 'must be an integer from 1 to 5' })
    .int({ error: 'must be an integer from 1 to 5' })
    .min(1, { error: 'must be an integer from 1 to 5' })
    .max(5, { error: 'must be an integer from 1 to 5' })
    .meta({ description: '1 (minor) to 5 (must be seen at any zoom).' })
    .register(apiDocs, {
      description: '1 (minor) to 5 (must be seen at any zoom); drives what the timeline shows when zoomed out.',
      input: 'Importance 1–5. Required to create.',
    }),
  tags: z
    .array(
      z
        .string({ error: 'must be a list of lowercase words' })
        .refine((t) => t.length > 0 && t.length <= 60 && t === t.trim().toLowerCase(), { error: 'must be a list of lowercase words' }),
      { error: 'must be a list of lowercase words' },
    )
    .max(20, { error: 'must hold at most 20 tags' })
    .meta({ description: 'Topic tags, lowercase, e.g. "diplomatic missions", "visas", "arms control".' })
    .register(apiDocs, { input: 'Lowercase topic tags.' }),
  verification: oneOf(Verification, 'must be CONFIRMED, REPORTED or DISPUTED')
    .default(Verification.CONFIRMED)
    .meta({ description: 'CONFIRMED by sources, REPORTED by one source, or DISPUTED between sources.' })
    .register(apiDocs, { input: 'CONFIRMED (default), REPORTED or DISPUTED.' }),
  participants: z
    .array(ParticipantRecord, { error: 'must be a list' })
    .max(50, { error: 'must hold at most 50 participants' })
    .meta({ description: 'Who took part, spoke, was addressed or targeted.' }),
  citations: z
    .array(CitationRecord, { error: 'must be a list of sources' })
    .min(1, { error: 'needs at least one source: every event does' })
    .max(20, { error: 'must hold at most 20 sources' })
    .meta({ description: 'The sources, at least one.' }),
  links: z.array(LinkRecord, { error: 'must be a list' }).optional().meta({ description: 'Outgoing typed edges to earlier events.' }),
};

/** Each kind's own fields, in the order the dataset files write them. */
export const KIND_FIELDS = {
  [EventKind.STATEMENT]: {
    medium: oneOf(StatementMedium).meta({ description: 'How it was said.' }).register(apiDocs, {
      description: 'How it was said: interview, briefing, speech, press release, social post, letter, testimony.',
      input: 'How it was said. Required to create.',
      nullable: true,
    }),
    quote: text(MAX_QUOTE_LENGTH, `must be text of at most ${MAX_QUOTE_LENGTH} characters`)
      .optional()
      .meta({ description: 'The words, verbatim, where a source gives them; needs quoteType and quoteLanguage.' })
      .register(apiDocs, {
        description: 'The words as spoken or written, verbatim, in the original language; null when no source gives them.',
        input: 'The words, verbatim, in the original language; needs quoteType and quoteLanguage.',
      }),
    quoteLanguage: language('must be an ISO 639-1 code such as "ru"')
      .optional()
      .meta({ description: 'Language of the quote as given (ISO 639-1, e.g. "ru", "en").' })
      .register(apiDocs, {
        description: 'Language of the quote (ISO 639-1, e.g. "ru", "en").',
        input: 'Language of the quote (ISO 639-1).',
      }),
    quoteType: oneOf(QuoteType, 'must be DIRECT, INDIRECT or PARAPHRASE')
      .optional()
      .meta({ description: 'DIRECT (verbatim), INDIRECT (reported speech) or PARAPHRASE.' })
      .register(apiDocs, { input: 'DIRECT, INDIRECT or PARAPHRASE.' }),
    translatedFrom: language('must be an ISO 639-1 code such as "ru"')
      .optional()
      .meta({
        description: 'When the quote is a translation: the language it was translated from (ISO 639-1); differs from quoteLanguage.',
      })
      .register(apiDocs, {
        description:
          "When the quote is a translation: the language it was translated from (ISO 639-1); quoteLanguage is the translation's.",
        input: 'When the quote is a translation: the language it was translated from (ISO 639-1), not quoteLanguage; needs a quote.',
      }),
    translatedBy: text(200, 'must be text of at most 200 characters')
      .optional()
      .meta({ description: 'Who translated the quote: the outlet or body that made the translation, plain text (e.g. "TASS").' })
      .register(apiDocs, {
        description: 'Who translated the quote: the outlet or body that made the translation.',
        input: 'Who translated the quote: the outlet or body, plain text; needs translatedFrom.',
      }),
    outlet: slugRef('must be an actor id').optional().meta({ description: 'Actor id of the outlet, e.g. "interfax".' }),
  },
  [EventKind.MEETING]: {
    format: oneOf(MeetingFormat)
      .meta({ description: 'In person, phone, video, summit, or on the sidelines of a multilateral meeting.' })
      .register(apiDocs, { input: 'Required to create.', nullable: true }),
    level: oneOf(MeetingLevel).meta({ description: 'The highest level present.' }).register(apiDocs, {
      description: 'The highest level present: heads of state, ministers, deputy ministers, working level.',
      input: 'Required to create.',
      nullable: true,
    }),
    outcome: text(MAX_SUMMARY_LENGTH, `must be text of at most ${MAX_SUMMARY_LENGTH} characters`)
      .optional()
      .meta({ description: 'What came of it, plain text.' })
      .register(apiDocs, { description: 'What came of it, in plain text.', input: 'What came of it.' }),
  },
  [EventKind.SANCTION]: {
    action: oneOf(SanctionAction)
      .meta({ description: 'What was done to the sanctions.' })
      .register(apiDocs, { input: 'Required to create.', nullable: true }),
    program: text(200, 'must be text of at most 200 characters')
      .optional()
      .meta({ description: 'Legal basis or programme, e.g. "EO 14024", "CAATSA".' })
      .register(apiDocs, {
        description: 'Legal basis or programme, e.g. "EO 14024", "CAATSA", "Russian entry-ban list".',
        input: 'Legal basis, e.g. "EO 14024".',
      }),
    measures: z
      .array(oneOf(SanctionMeasure), { error: `must be a list of ${Object.values(SanctionMeasure).join(', ')}` })
      .max(20, { error: 'must hold at most 20 measures' })
      .default([])
      .meta({ description: 'The measures involved.' })
      .register(apiDocs, {
        description: 'The measures involved: asset freezes, travel bans, export controls, …',
        input: 'Measures involved.',
      }),
  },
  [EventKind.MISSION]: {
    action: oneOf(MissionActionType)
      .meta({ description: 'What was done to the mission or its people.' })
      .register(apiDocs, { input: 'Required to create.', nullable: true }),
    actingCountry: country('is required (ISO code such as "RU")')
      .meta({ description: 'Country that acted (ISO 3166-1 alpha-2).' })
      .register(apiDocs, { input: 'Country that acted (ISO). Required to create.', nullable: true }),
    affectedCountry: country('is required (ISO code such as "US")')
      .meta({
        description: 'Country whose mission was affected (ISO 3166-1 alpha-2).',
      })
      .register(apiDocs, { input: 'Country whose mission was affected (ISO). Required to create.', nullable: true }),
    facility: text(300, 'must be text of at most 300 characters')
      .optional()
      .meta({ description: 'The facility, e.g. "Consulate General of Russia in San Francisco".' })
      .register(apiDocs, { input: 'The facility.' }),
    city: text(200, 'must be text of at most 200 characters').optional().meta({ description: 'City of the facility.' }),
    personnelCount: z
      .number({ error: 'must be a whole number ≥ 0' })
      .int({ error: 'must be a whole number ≥ 0' })
      .min(0, { error: 'must be a whole number ≥ 0' })
      .max(100000, { error: 'must be at most 100000' })
      .optional()
      .meta({ description: 'People affected: diplomats expelled, staff positions cut.' })
      .register(apiDocs, { input: 'People affected.' }),
  },
  [EventKind.AGREEMENT]: {
    action: oneOf(AgreementAction)
      .meta({ description: 'What happened to the agreement.' })
      .register(apiDocs, { input: 'Required to create.', nullable: true }),
    instrument: text(200, 'is required, e.g. "New START"')
      .meta({ description: 'The instrument, e.g. "New START", "prisoner exchange".' })
      .register(apiDocs, {
        description: 'The instrument, e.g. "New START", "INF Treaty", "prisoner exchange".',
        input: 'The instrument, e.g. "New START". Required to create.',
        nullable: true,
      }),
  },
} as const;

type Issue = { message: string; path?: string[] };
type Common = {
  startDate: string;
  endDate?: string;
  datePrecision?: string;
  tone?: number;
  toneNote?: string;
  participants: { actor: string; role: string }[];
};

/** Rules between fields of one record; rules between records (ids, actors, sources, links) are in dataset.validate.ts. */
function commonRules(e: Common): Issue[] {
  const issues: Issue[] = [];
  // Zod runs these even when a field failed its own check: each rule looks only at fields of the right type.
  if (isIsoDate(e.startDate)) {
    if (isIsoDate(e.endDate) && e.endDate < e.startDate) issues.push({ message: 'is before startDate', path: ['endDate'] });
    if (e.datePrecision === DatePrecision.MONTH && !e.startDate.endsWith('-01'))
      issues.push({ message: 'a MONTH-precision startDate must be the 1st of the month' });
    if (e.datePrecision === DatePrecision.YEAR && !e.startDate.endsWith('-01-01'))
      issues.push({ message: 'a YEAR-precision startDate must be 1 January' });
  }
  if (e.tone !== undefined && e.toneNote === undefined)
    issues.push({ message: 'toneNote must say why tone overrides the Goldstein value of the CAMEO code' });
  const seen = new Set<string>();
  (Array.isArray(e.participants) ? e.participants : []).forEach((p, i) => {
    const key = `${p.actor}/${p.role}`;
    if (seen.has(key)) issues.push({ message: `participants[${i}] repeats ${key}` });
    seen.add(key);
  });
  return issues;
}

type StatementFields = { quote?: string; quoteLanguage?: string; quoteType?: string; translatedFrom?: string; translatedBy?: string };
function statementRules(e: StatementFields): Issue[] {
  const issues: Issue[] = [];
  if (e.quote !== undefined) {
    if (e.quoteType === undefined) issues.push({ message: 'a quote needs quoteType DIRECT, INDIRECT or PARAPHRASE' });
    if (e.quoteLanguage === undefined) issues.push({ message: 'a quote needs quoteLanguage, e.g. "ru" or "en"' });
  }
  if (e.translatedFrom !== undefined) {
    if (e.quote === undefined) issues.push({ message: 'translatedFrom is only for a quote, and this statement has none' });
    else if (e.translatedFrom === e.quoteLanguage)
      issues.push({
        message: `translatedFrom "${e.translatedFrom}" is the quote's own language (quoteLanguage); a translation comes from another`,
      });
  }
  if (e.translatedBy !== undefined && e.translatedFrom === undefined)
    issues.push({ message: 'translatedBy needs translatedFrom, the language the quote was translated from' });
  return issues;
}

const addAll = (issues: Issue[], ctx: z.RefinementCtx, input: unknown) => {
  for (const issue of issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path ?? [], input });
};

function kindSchema<K extends EventKind, F extends z.ZodRawShape>(kind: K, fields: F, description: string) {
  const schema = z
    .strictObject({ ...COMMON_FIELDS, kind: z.literal(kind as unknown as `${K}`).meta({ description: 'The kind of event.' }), ...fields })
    .superRefine((e, ctx) => {
      addAll(commonRules(e as unknown as Common), ctx, e);
      if (kind === EventKind.STATEMENT) addAll(statementRules(e as StatementFields), ctx, e);
    })
    .meta({ title: kind, description });
  return schema;
}

export const EVENT_RECORDS = {
  [EventKind.STATEMENT]: kindSchema(
    EventKind.STATEMENT,
    KIND_FIELDS.STATEMENT,
    'Who said what. Speakers are participants with role SPEAKER, addressees ADDRESSEE.',
  ),
  [EventKind.MEETING]: kindSchema(EventKind.MEETING, KIND_FIELDS.MEETING, 'A meeting, call, video conference or summit.'),
  [EventKind.SANCTION]: kindSchema(
    EventKind.SANCTION,
    KIND_FIELDS.SANCTION,
    'Sanctions imposed, changed or lifted; the imposing body is an AUTHORITY participant, those sanctioned TARGET.',
  ),
  [EventKind.MISSION]: kindSchema(EventKind.MISSION, KIND_FIELDS.MISSION, 'An action against embassies, consulates or diplomats.'),
  [EventKind.AGREEMENT]: kindSchema(EventKind.AGREEMENT, KIND_FIELDS.AGREEMENT, 'A treaty step or a prisoner exchange.'),
};

/** Any event record, chosen by `kind`. */
export const EventRecordSchema = z.discriminatedUnion('kind', [
  EVENT_RECORDS.STATEMENT,
  EVENT_RECORDS.MEETING,
  EVENT_RECORDS.SANCTION,
  EVENT_RECORDS.MISSION,
  EVENT_RECORDS.AGREEMENT,
]);

type Records = (typeof EVENT_RECORDS)[EventKind];
type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type ValueIn<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
/** One type with every kind's fields, each optional outside the common ones: what code reads without narrowing on kind. */
type Flat<T> = Pick<T, keyof T> & { [K in Exclude<KeysOfUnion<T>, keyof T>]?: ValueIn<T, K> };

/** An event as the dataset files write it: defaults may be left out. */
export type EventRecordInput = Flat<z.input<Records>>;
/** An event with every field its kind has, defaults filled in: what a revision's snapshot holds. */
export type EventRecord = Flat<z.output<Records>>;
export type ParticipantRecordType = z.output<typeof ParticipantRecord>;
export type CitationRecordType = z.output<typeof CitationRecord>;
export type LinkRecordType = z.output<typeof LinkRecord>;

/** The field names of each kind, in schema order (common fields first). */
export const FIELDS_BY_KIND: Record<EventKind, string[]> = Object.fromEntries(
  Object.values(EventKind).map((kind) => [kind, Object.keys(EVENT_RECORDS[kind].shape)]),
) as Record<EventKind, string[]>;

/** Fields with a default: a full record always has them. */
export function defaultedFields(kind: EventKind): string[] {
  const shape = EVENT_RECORDS[kind].shape as Record<string, z.ZodType>;
  return Object.keys(shape).filter((key) => shape[key] instanceof z.ZodDefault);
}

/** Fields that may be left out (no default): null in the table and in GraphQL. */
export function optionalFields(kind: EventKind): string[] {
  const shape = EVENT_RECORDS[kind].shape as Record<string, z.ZodType>;
  return Object.keys(shape).filter((key) => shape[key] instanceof z.ZodOptional);
}

export interface RecordProblem {
  /** Dotted path of the field, e.g. "participants[0].role"; empty for a rule about the whole record. */
  path: string;
  message: string;
}

const pathString = (path: PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

/** Issues as sentences that name their field. */
export function formatRecordIssues(issues: z.core.$ZodIssue[], kind: string): RecordProblem[] {
  const seen = new Set<string>();
  // One field failing several checks (empty and blank, say) is one problem.
  return issues.flatMap(describeIssue).filter((p) => !seen.has(p.message) && seen.add(p.message));

  function describeIssue(issue: z.core.$ZodIssue): RecordProblem[] {
    const path = pathString(issue.path);
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        message: path ? `${path} has unknown field "${key}"` : `field "${key}" is not allowed on a ${kind} event`,
      }));
    return [{ path, message: path ? `${path} ${issue.message}` : issue.message }];
  }
}

/** Checks one record on its own (no other records, no database): its kind, fields and the rules between them. */
export function checkRecord(record: unknown): { record?: EventRecord; problems: RecordProblem[] } {
  const kind = (record as { kind?: unknown })?.kind;
  if (typeof kind !== 'string' || !(Object.values(EventKind) as string[]).includes(kind))
    return { problems: [{ path: 'kind', message: `kind must be one of ${Object.values(EventKind).join(', ')}` }] };
  const parsed = EVENT_RECORDS[kind as EventKind].safeParse(record);
  if (parsed.success) return { record: parsed.data as EventRecord, problems: [] };
  return { problems: formatRecordIssues(parsed.error.issues, kind) };
}

/** The full record of a record known to be valid (a snapshot, or a record already checked): defaults filled in. */
export function fullRecord(record: EventRecordInput | EventRecord): EventRecord {
  return EVENT_RECORDS[record.kind as EventKind].parse(record) as EventRecord;
}

/** The record as the dataset files write it: defaults left out, so exports diff cleanly against hand-written files. */
export function datasetForm(record: EventRecord): EventRecordInput {
  const out: Record<string, unknown> = { ...record };
  if (out.datePrecision === DatePrecision.DAY) delete out.datePrecision;
  if (out.verification === Verification.CONFIRMED) delete out.verification;
  if (Array.isArray(out.measures) && out.measures.length === 0) delete out.measures;
  if (Array.isArray(out.links) && out.links.length === 0) delete out.links;
  return out as EventRecordInput;
}
