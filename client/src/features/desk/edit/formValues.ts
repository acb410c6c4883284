// The event form's values and what they become: the record the shared rules check as the editor types
// (shared/src/event-record.ts, the server's own definition), and the GraphQL input the server is sent. Errors are
// keyed by the record's field paths ("title", "participants[0].role", "citations[1].url"), whether they come from
// the check in the page or from the server's answer.
import { EVENT_RECORDS, formatRecordIssues } from '@detente/shared/event-record';
import { goldsteinFor } from '@detente/shared/cameo';
import { EventKind } from '@detente/shared/enums';
import type { EditableEvent } from './eventEdit.queries';

export interface ActorRef {
  id: string;
  slug: string;
  name: string;
  country?: string | null;
}

export interface ParticipantValue {
  actor: ActorRef | null;
  role: string;
  side: string;
}

export interface CitationValue {
  url: string;
  title: string;
  publisher: string;
  publishedAt: string;
  language: string;
  excerpt: string;
}

/** Every field of every kind, as form controls hold them (text as typed; '' is "left out"). */
export interface FormValues {
  kind: EventKind;
  title: string;
  summary: string;
  startDate: string;
  endDate: string;
  datePrecision: string;
  locationName: string;
  locationCountry: string;
  direction: string;
  cameoCode: string;
  tone: string;
  toneNote: string;
  importance: string;
  tags: string[];
  verification: string;
  participants: ParticipantValue[];
  citations: CitationValue[];
  // STATEMENT
  medium: string;
  quote: string;
  quoteLanguage: string;
  quoteType: string;
  translatedFrom: string;
  translatedBy: string;
  outlet: ActorRef | null;
  // MEETING
  format: string;
  level: string;
  outcome: string;
  // SANCTION, MISSION, AGREEMENT: each kind's own `action`
  action: string;
  program: string;
  measures: string[];
  actingCountry: string;
  affectedCountry: string;
  facility: string;
  city: string;
  personnelCount: string;
  instrument: string;
}

export const EVENT_KINDS = Object.values(EventKind);

/** The fields the form shows for each kind, beyond the common ones: the record schema's own list. */
export const KIND_FIELDS: Record<EventKind, (keyof FormValues)[]> = {
  [EventKind.STATEMENT]: ['medium', 'quote', 'quoteLanguage', 'quoteType', 'translatedFrom', 'translatedBy', 'outlet'],
  [EventKind.MEETING]: ['format', 'level', 'outcome'],
  [EventKind.SANCTION]: ['action', 'program', 'measures'],
  [EventKind.MISSION]: ['action', 'actingCountry', 'affectedCountry', 'facility', 'city', 'personnelCount'],
  [EventKind.AGREEMENT]: ['action', 'instrument'],
};

export const COMMON_FIELDS: (keyof FormValues)[] = [
  'title',
  'summary',
  'startDate',
  'endDate',
  'datePrecision',
  'locationName',
  'locationCountry',
  'direction',
  'cameoCode',
  'tone',
  'toneNote',
  'importance',
  'tags',
  'verification',
  'participants',
  'citations',
];

export const emptyCitation = (): CitationValue => ({ url: '', title: '', publisher: '', publishedAt: '', language: '', excerpt: '' });

export function emptyValues(kind: EventKind): FormValues {
  return {
    kind,
    title: '',
    summary: '',
    startDate: '',
    endDate: '',
    datePrecision: 'DAY',
    locationName: '',
    locationCountry: '',
    direction: '',
    cameoCode: '',
    tone: '',
    toneNote: '',
    importance: '3',
    tags: [],
    verification: 'CONFIRMED',
    participants: [],
    citations: [emptyCitation()],
    medium: '',
    quote: '',
    quoteLanguage: '',
    quoteType: '',
    translatedFrom: '',
    translatedBy: '',
    outlet: null,
    format: '',
    level: '',
    outcome: '',
    action: '',
    program: '',
    measures: [],
    actingCountry: '',
    affectedCountry: '',
    facility: '',
    city: '',
    personnelCount: '',
    instrument: '',
  };
}

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** The form's values for a stored event. The tone is shown only when it overrides the CAMEO code's default. */
export function valuesFromEvent(event: EditableEvent): FormValues {
  const values = emptyValues(event.kind as EventKind);
  const goldstein = event.cameoCode ? goldsteinFor(event.cameoCode) : undefined;
  const toneOverridden =
    event.tone !== null && event.tone !== undefined && (goldstein === undefined || Math.abs(event.tone - goldstein) > 1e-6);
  Object.assign(values, {
    title: event.title,
    summary: text(event.summary),
    startDate: event.startDate,
    endDate: text(event.endDate),
    datePrecision: event.datePrecision,
    locationName: text(event.location?.name),
    locationCountry: text(event.location?.country),
    direction: text(event.direction),
    cameoCode: text(event.cameoCode),
    tone: toneOverridden ? text(event.tone) : '',
    toneNote: text(event.toneNote),
    importance: String(event.importance),
    tags: [...event.tags],
    verification: event.verification,
    participants: event.participants.map((p) => ({ actor: { ...p.actor }, role: p.role, side: text(p.side) })),
    citations: event.citations.length
      ? event.citations.map((c) => ({
          url: c.source.url,
          title: text(c.source.title),
          publisher: text(c.source.publisher),
          publishedAt: text(c.source.publishedAt),
          language: text(c.source.language),
          excerpt: text(c.excerpt),
        }))
      : [emptyCitation()],
  } satisfies Partial<FormValues>);
  switch (event.__typename) {
    case 'Statement':
      Object.assign(values, {
        medium: text(event.medium),
        quote: text(event.quote),
        quoteLanguage: text(event.quoteLanguage),
        quoteType: text(event.quoteType),
        translatedFrom: text(event.translatedFrom),
        translatedBy: text(event.translatedBy),
        outlet: event.outlet ? { ...event.outlet } : null,
      });
      break;
    case 'Meeting':
      Object.assign(values, { format: text(event.format), level: text(event.level), outcome: text(event.outcome) });
      break;
    case 'Sanction':
      Object.assign(values, { action: text(event.sanctionAction), program: text(event.program), measures: [...event.measures] });
      break;
    case 'MissionAction':
      Object.assign(values, {
        action: text(event.missionAction),
        actingCountry: text(event.actingCountry),
        affectedCountry: text(event.affectedCountry),
        facility: text(event.facility),
        city: text(event.city),
        personnelCount: text(event.personnelCount),
      });
      break;
    case 'Agreement':
      Object.assign(values, { action: text(event.agreementAction), instrument: text(event.instrument) });
      break;
  }
  return values;
}

const present = (value: string) => (value.trim() === '' ? undefined : value);
const numberOrText = (value: string) => {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  // A value that is not a number is passed on as typed, so the shared rule names it ("must be a number …").
  return Number.isFinite(n) ? n : value;
};

/** The kind's own fields, in record form (undefined = left out). */
function kindFields(values: FormValues, outlet: (actor: ActorRef) => string): Record<string, unknown> {
  switch (values.kind) {
    case EventKind.STATEMENT:
      return {
        medium: present(values.medium),
        quote: present(values.quote),
        quoteLanguage: present(values.quoteLanguage),
        quoteType: present(values.quoteType),
        translatedFrom: present(values.translatedFrom),
        translatedBy: present(values.translatedBy),
        outlet: values.outlet ? outlet(values.outlet) : undefined,
      };
    case EventKind.MEETING:
      return { format: present(values.format), level: present(values.level), outcome: present(values.outcome) };
    case EventKind.SANCTION:
      return { action: present(values.action), program: present(values.program), measures: values.measures };
    case EventKind.MISSION:
      return {
        action: present(values.action),
        actingCountry: present(values.actingCountry),
        affectedCountry: present(values.affectedCountry),
        facility: present(values.facility),
        city: present(values.city),
        personnelCount: numberOrText(values.personnelCount),
      };
    case EventKind.AGREEMENT:
      return { action: present(values.action), instrument: present(values.instrument) };
  }
}

const withoutUndefined = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

function citationRecord(c: CitationValue) {
  return withoutUndefined({
    url: c.url.trim(),
    title: present(c.title),
    publisher: present(c.publisher),
    publishedAt: present(c.publishedAt),
    language: present(c.language),
    excerpt: present(c.excerpt),
  });
}

/** The values as a record in the dataset's form, for the shared rules. `slug` is the event's own (or a stand-in). */
export function toRecord(values: FormValues, slug: string): Record<string, unknown> {
  return withoutUndefined({
    id: slug,
    kind: values.kind,
    title: values.title,
    summary: present(values.summary),
    startDate: values.startDate,
    endDate: present(values.endDate),
    datePrecision: values.datePrecision,
    location:
      present(values.locationName) || present(values.locationCountry)
        ? withoutUndefined({ name: values.locationName, country: present(values.locationCountry) })
        : undefined,
    direction: present(values.direction),
    cameoCode: values.cameoCode,
    tone: numberOrText(values.tone),
    toneNote: present(values.toneNote),
    importance: numberOrText(values.importance),
    tags: values.tags,
    verification: values.verification,
    participants: values.participants.map((p) =>
      withoutUndefined({ actor: p.actor?.slug ?? '', role: present(p.role), side: present(p.side) }),
    ),
    citations: values.citations.map(citationRecord),
    ...withoutUndefined(kindFields(values, (actor) => actor.slug)),
  });
}

export type FieldErrors = Record<string, string[]>;

/** Every field name the form knows, in record form: where a message that starts with one of them belongs. */
const RECORD_FIELDS = [...new Set(Object.values(EVENT_RECORDS).flatMap((schema) => Object.keys(schema.shape)))];
const PATH_AT_START = /^([a-zA-Z]+(?:\[\d+\])?(?:\.[a-zA-Z]+)?)(?=[\s:]|$)/;

/**
 * Where a problem's sentence belongs: the path it starts with ("participants[0] refers to …", "endDate is before
 * startDate"), else the first field it names ("a quote needs quoteType …"), else the form as a whole ('').
 */
export function fieldOfMessage(message: string): string {
  const start = PATH_AT_START.exec(message)?.[1];
  if (start && RECORD_FIELDS.includes(start.split(/[[.]/)[0])) return start;
  const named = RECORD_FIELDS.map((field) => ({ field, at: message.search(new RegExp(`\\b${field}\\b`)) }))
    .filter((hit) => hit.at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  return named?.field ?? '';
}

const add = (errors: FieldErrors, path: string, message: string) => {
  const messages = (errors[path] ??= []);
  if (!messages.includes(message)) messages.push(message);
};

/** The shared record rules (the server's own) over the form's values: problems by field path. */
export function checkValues(values: FormValues, slug: string): FieldErrors {
  const errors: FieldErrors = {};
  const parsed = EVENT_RECORDS[values.kind].safeParse(toRecord(values, slug));
  if (!parsed.success)
    for (const problem of formatRecordIssues(parsed.error.issues, values.kind))
      add(errors, problem.path || fieldOfMessage(problem.message), problem.message);
  // A row with no actor chosen yet: the page says what to do rather than the rule's "must be an actor id".
  values.participants.forEach((p, i) => {
    if (!p.actor) errors[`participants[${i}].actor`] = [`participants[${i}] needs an actor: search for one or add a new one`];
  });
  return errors;
}

/** A BAD_USER_INPUT answer as problems by field: its `problems` sentences, a `field` or the `fields` it names. */
export function serverErrorsByField(extensions: Record<string, unknown> | undefined, message: string): FieldErrors {
  const errors: FieldErrors = {};
  const problems = Array.isArray(extensions?.problems) ? (extensions.problems as string[]) : [];
  for (const problem of problems) add(errors, fieldOfMessage(problem), problem);
  if (typeof extensions?.field === 'string') add(errors, extensions.field.replace(/^input\./, ''), message);
  if (Array.isArray(extensions?.fields)) for (const field of extensions.fields as string[]) add(errors, fieldOfMessage(field), message);
  if (!Object.keys(errors).length) add(errors, '', message);
  return errors;
}

const nullable = (value: string) => (value.trim() === '' ? null : value);
const nullableNumber = (value: string) => (value.trim() === '' ? null : Number(value));

/**
 * The GraphQL input for the form's values. Every field is sent: a field left empty is null, which clears it on
 * update, so what is saved is exactly what the form shows. For a create the nulls are left out.
 */
export function toInput(values: FormValues, { create }: { create: boolean }): Record<string, unknown> {
  const input: Record<string, unknown> = {
    title: values.title,
    summary: nullable(values.summary),
    startDate: values.startDate,
    endDate: nullable(values.endDate),
    datePrecision: values.datePrecision,
    location: present(values.locationName) ? { name: values.locationName, country: nullable(values.locationCountry) } : null,
    direction: nullable(values.direction),
    cameoCode: values.cameoCode,
    tone: nullableNumber(values.tone),
    toneNote: nullable(values.toneNote),
    importance: Number(values.importance),
    tags: values.tags,
    verification: values.verification,
    participants: values.participants.map((p) => ({ actorId: p.actor!.id, role: p.role, side: nullable(p.side) })),
    citations: values.citations.map((c) => ({
      url: c.url.trim(),
      title: c.title,
      publisher: c.publisher,
      publishedAt: nullable(c.publishedAt),
      language: nullable(c.language),
      excerpt: nullable(c.excerpt),
    })),
  };
  const own = kindFields(values, (actor) => actor.id);
  for (const [key, value] of Object.entries(own))
    input[key] = value === undefined ? null : key === 'personnelCount' ? Number(value) : key === 'outlet' ? undefined : value;
  if (values.kind === EventKind.STATEMENT) {
    delete input.outlet;
    input.outletId = values.outlet?.id ?? null;
  }
  return create ? Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined)) : input;
}

/** The form's fields that differ between two sets of values (for conflicts: what each side changed). */
export function changedFields(a: FormValues, b: FormValues): (keyof FormValues)[] {
  const fields = [...COMMON_FIELDS, ...KIND_FIELDS[a.kind]];
  return fields.filter((field) => comparable(a[field]) !== comparable(b[field]));
}

// Actors compare by id alone: a name fetched later (or a country added) is not an edit.
const comparable = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && 'slug' in v && 'id' in v ? (v as ActorRef).id : v));

/** Your edits (the fields you changed from the version you started on) applied onto the current version. */
export function reapply(base: FormValues, yours: FormValues, theirs: FormValues): FormValues {
  const next: FormValues = { ...theirs };
  for (const field of changedFields(base, yours)) (next as unknown as Record<string, unknown>)[field] = yours[field];
  return next;
}
