// The event record as the server uses it. The record itself (its zod schemas, types and checks) is defined once in
// shared/src/event-record.ts, so the desk's form in the page checks with the same rules; it is re-exported here so
// server code keeps importing it from '../events/event.record'. What is the server's own stays here: the event
// table's column map and the JSON Schema of the dataset files.
import { z } from 'zod';
import { TenureRecord } from '../actors/tenure.record';
import { EventKind, goldsteinFor } from '@detente/shared';
import {
  EVENT_RECORDS,
  EventRecordSchema,
  FIELDS_BY_KIND,
  type CitationRecordType,
  type EventRecord,
  type LinkRecordType,
  type ParticipantRecordType,
} from '@detente/shared';

export {
  COMMON_FIELDS,
  COUNTRY_PATTERN,
  ISO_DATE_PATTERN,
  KIND_FIELDS,
  apiDocs,
  CitationRecord,
  EVENT_RECORDS,
  EventRecordSchema,
  FIELDS_BY_KIND,
  LANGUAGE_PATTERN,
  LinkRecord,
  LocationRecord,
  MAX_QUOTE_LENGTH,
  MAX_SUMMARY_LENGTH,
  MAX_TITLE_LENGTH,
  ParticipantRecord,
  SLUG_PATTERN,
  URL_PATTERN,
  checkRecord,
  datasetForm,
  defaultedFields,
  formatRecordIssues,
  fullRecord,
  optionalFields,
} from '@detente/shared';
export type {
  CitationRecordType,
  EventRecord,
  EventRecordInput,
  LinkRecordType,
  ParticipantRecordType,
  RecordProblem,
} from '@detente/shared';

// ---- The event table ----

export const columnName = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The column holding each kind's `action`. */
export const ACTION_COLUMN: Partial<Record<EventKind, string>> = {
  [EventKind.SANCTION]: 'sanction_action',
  [EventKind.MISSION]: 'mission_action',
  [EventKind.AGREEMENT]: 'agreement_action',
};
/** Fields that are not one column named after them: they have their own mapping below, and their own GraphQL fields. */
export const MAPPED_FIELDS = ['id', 'kind', 'location', 'action', 'outlet', 'participants', 'citations', 'links'] as const;
const MAPPED = new Set<string>(MAPPED_FIELDS);

function columnsOf(kind: EventKind): string[] {
  return FIELDS_BY_KIND[kind].flatMap((field) => {
    if (field === 'location') return ['location_name', 'location_country'];
    if (field === 'action') return [ACTION_COLUMN[kind]!];
    if (field === 'outlet') return ['outlet_id'];
    return MAPPED.has(field) ? [] : [columnName(field)];
  });
}

/** Columns an update writes (every record column but slug and kind, which are fixed once created). */
export const WRITABLE_COLUMNS: string[] = [...new Set(Object.values(EventKind).flatMap(columnsOf))];
const unwrapped = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? unwrapped(schema.unwrap() as z.ZodType) : schema;
const ARRAY_COLUMNS = new Set(
  Object.values(EventKind).flatMap((kind) =>
    Object.entries(EVENT_RECORDS[kind].shape as Record<string, z.ZodType>)
      .filter(([field, schema]) => !MAPPED.has(field) && unwrapped(schema) instanceof z.ZodArray)
      .map(([field]) => columnName(field)),
  ),
);
const emptyValue = (column: string) => (ARRAY_COLUMNS.has(column) ? [] : null);

/** The event table's row for a full record; columns of other kinds are emptied. Tone defaults to the CAMEO Goldstein value. */
export function toEventRow(record: EventRecord, actorIdBySlug: Map<string, string>): Record<string, unknown> {
  const kind = record.kind as EventKind;
  const row: Record<string, unknown> = { slug: record.id, kind };
  for (const column of WRITABLE_COLUMNS) row[column] = emptyValue(column);
  const values = record as unknown as Record<string, unknown>;
  for (const field of FIELDS_BY_KIND[kind]) if (!MAPPED.has(field)) row[columnName(field)] = values[field] ?? emptyValue(columnName(field));
  row.location_name = record.location?.name ?? null;
  row.location_country = record.location?.country ?? null;
  if (ACTION_COLUMN[kind]) row[ACTION_COLUMN[kind]!] = record.action;
  row.outlet_id = record.outlet ? (actorIdBySlug.get(record.outlet) ?? null) : null;
  row.tone = record.tone ?? goldsteinFor(record.cameoCode) ?? null;
  return row;
}

/** A row of the event table as `to_jsonb(event)` gives it, with the outlet's slug and the relations beside it. */
export interface EventRowWithRelations {
  [column: string]: unknown;
  outlet_slug: string | null;
  participants: ParticipantRecordType[];
  citations: CitationRecordType[];
  links: LinkRecordType[];
}

/** The full record a row holds: every field of its kind, defaults included; a null column is a field left out. */
export function recordFromRow(row: EventRowWithRelations): EventRecord {
  const kind = row.kind as EventKind;
  const record: Record<string, unknown> = { id: row.slug, kind };
  for (const field of FIELDS_BY_KIND[kind]) {
    if (MAPPED.has(field)) continue;
    const value = row[columnName(field)];
    if (value !== null && value !== undefined) record[field] = value;
  }
  if (row.location_name)
    record.location = row.location_country ? { name: row.location_name, country: row.location_country } : { name: row.location_name };
  if (ACTION_COLUMN[kind]) record.action = row[ACTION_COLUMN[kind]!];
  if (row.outlet_slug) record.outlet = row.outlet_slug;
  // The table keeps the tone in force; the record keeps it only when it overrides the CAMEO code's Goldstein value.
  const goldstein = goldsteinFor(row.cameo_code as string);
  const tone = row.tone as number | null;
  if (tone === null || (goldstein !== undefined && Math.abs(tone - goldstein) < 1e-6)) delete record.tone;
  record.participants = row.participants;
  record.citations = row.citations;
  record.links = row.links;
  return record as unknown as EventRecord;
}

/** JSON Schema of a dataset file, written to server/data/event.schema.json by `npm run schema`. */
export function datasetJsonSchema(): Record<string, unknown> {
  const file = z
    .strictObject({
      $schema: z.string().optional().meta({ description: 'Path of this JSON Schema, for editors.' }),
      events: z.array(EventRecordSchema).optional().meta({ description: 'Events, sorted by startDate.' }),
      actors: z
        .array(
          z.looseObject({ tenures: z.array(TenureRecord).optional().meta({ description: 'Offices held (actors/tenure.record.ts).' }) }),
        )
        .optional()
        .meta({ description: 'Actors: people, bodies, outlets (server/data/README.md).' }),
    })
    .meta({
      title: 'Détente dataset file',
      description: 'A file of server/data/events (or an import document). Generated from server/src/events/event.record.ts.',
    });
  return z.toJSONSchema(file, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** server/data/event.schema.json as committed. */
export const printDatasetJsonSchema = (): string => `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`;
