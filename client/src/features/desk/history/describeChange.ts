// Turns a revision's field changes (JSON values in the dataset format, server/data/README.md) into words an editor
// reads at a glance: "old → new" for one value, and what was added or removed for lists such as participants.

/** One field a revision changed, as the API gives it. */
export interface FieldChangeInput {
  field: string;
  before?: unknown;
  after?: unknown;
}

export type DescribedChange =
  | { field: string; label: string; kind: 'value'; before: string | null; after: string | null; long: boolean }
  | { field: string; label: string; kind: 'list'; added: string[]; removed: string[]; unchanged: number };

const LABELS: Record<string, string> = {
  id: 'Identifier',
  kind: 'Kind',
  title: 'Title',
  summary: 'Summary',
  startDate: 'Start date',
  endDate: 'End date',
  datePrecision: 'Date precision',
  location: 'Location',
  direction: 'Direction',
  cameoCode: 'CAMEO code',
  tone: 'Tone',
  toneNote: 'Tone note',
  importance: 'Importance',
  tags: 'Tags',
  verification: 'Verification',
  participants: 'Participants',
  citations: 'Citations',
  links: 'Links',
  medium: 'Medium',
  quote: 'Quote',
  quoteLanguage: 'Quote language',
  quoteType: 'Quote type',
  translatedFrom: 'Translated from',
  translatedBy: 'Translated by',
  outlet: 'Outlet',
  format: 'Format',
  level: 'Level',
  outcome: 'Outcome',
  action: 'Action',
  program: 'Program',
  measures: 'Measures',
  actingCountry: 'Acting country',
  affectedCountry: 'Affected country',
  facility: 'Facility',
  city: 'City',
  personnelCount: 'Personnel',
  instrument: 'Instrument',
};

const DIRECTIONS: Record<string, string> = {
  US_TO_RU: 'US → Russia',
  RU_TO_US: 'Russia → US',
  MUTUAL: 'Mutual',
  DOMESTIC_US: 'Domestic (US)',
  DOMESTIC_RU: 'Domestic (Russia)',
};

/** Free text that reads better as a block than squeezed onto one line. */
const LONG_FIELDS = new Set(['summary', 'quote', 'outcome', 'toneNote']);

export function fieldLabel(field: string): string {
  if (LABELS[field]) return LABELS[field];
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "IN_PERSON" → "In person"; values that are not enum-like stay as they are. */
function humanize(value: string): string {
  if (!/^[A-Z][A-Z_]+$/.test(value)) return value;
  const words = value.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

function describeParticipant(value: unknown): string {
  if (!isRecord(value)) return describeValue('', value) ?? '';
  const details = [value.role ? humanize(text(value.role)).toLowerCase() : '', text(value.side)].filter(Boolean).join(', ');
  return details ? `${text(value.actor)} (${details})` : text(value.actor);
}

function describeCitation(value: unknown): string {
  if (!isRecord(value)) return describeValue('', value) ?? '';
  const title = text(value.title) || text(value.url);
  const publisher = text(value.publisher);
  const date = text(value.publishedAt);
  const head = [title, publisher && `— ${publisher}`, date && `(${date})`].filter(Boolean).join(' ');
  const url = value.url && title !== value.url ? ` <${text(value.url)}>` : '';
  const excerpt = value.excerpt ? `: “${text(value.excerpt)}”` : '';
  return `${head}${url}${excerpt}`;
}

function describeLink(value: unknown): string {
  if (!isRecord(value)) return describeValue('', value) ?? '';
  return `${humanize(text(value.type))}: ${text(value.to)}`;
}

function describeItem(field: string, value: unknown): string {
  switch (field) {
    case 'participants':
      return describeParticipant(value);
    case 'citations':
      return describeCitation(value);
    case 'links':
      return describeLink(value);
    default:
      return describeValue(field, value) ?? '';
  }
}

/** One value in words; null when there is none. */
export function describeValue(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return field === 'tone' && value > 0 ? `+${value}` : String(value);
  if (typeof value === 'string') {
    if (field === 'direction') return DIRECTIONS[value] ?? humanize(value);
    return humanize(value);
  }
  if (Array.isArray(value)) return value.length ? value.map((item) => describeItem(field, item)).join('; ') : null;
  if (field === 'location' && isRecord(value)) return [text(value.name), text(value.country)].filter(Boolean).join(', ');
  return JSON.stringify(value);
}

const key = (value: unknown) => JSON.stringify(value);

const FIELD_ORDER = Object.keys(LABELS);
const rank = (field: string) => {
  const at = FIELD_ORDER.indexOf(field);
  return at < 0 ? FIELD_ORDER.length : at;
};

/** Changes in the order an event is read (title, dates, … the kind's own fields), whatever order they came in. */
export function inReadingOrder<T extends FieldChangeInput>(changes: readonly T[]): T[] {
  return [...changes].sort((a, b) => rank(a.field) - rank(b.field));
}

export function describeChange(change: FieldChangeInput): DescribedChange {
  const label = fieldLabel(change.field);
  const { before, after } = change;
  if (Array.isArray(before) || Array.isArray(after)) {
    const was = Array.isArray(before) ? before : [];
    const now = Array.isArray(after) ? after : [];
    const wasKeys = new Set(was.map(key));
    const nowKeys = new Set(now.map(key));
    return {
      field: change.field,
      label,
      kind: 'list',
      added: now.filter((item) => !wasKeys.has(key(item))).map((item) => describeItem(change.field, item)),
      removed: was.filter((item) => !nowKeys.has(key(item))).map((item) => describeItem(change.field, item)),
      unchanged: now.filter((item) => wasKeys.has(key(item))).length,
    };
  }
  return {
    field: change.field,
    label,
    kind: 'value',
    before: describeValue(change.field, before),
    after: describeValue(change.field, after),
    long: LONG_FIELDS.has(change.field),
  };
}
