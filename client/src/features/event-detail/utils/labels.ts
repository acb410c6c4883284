// Words for the API's codes: enum values, country codes, link types.

/** "HEAD_OF_STATE" → "Head of state". */
export function humanizeEnum(value: string | null | undefined): string {
  if (!value) return '';
  const words = value.toLowerCase().split('_');
  words[0] = words[0].charAt(0).toUpperCase() + words[0].slice(1);
  return words.join(' ');
}

const COUNTRY_OVERRIDES: Record<string, string> = { US: 'United States', RU: 'Russia' };

const displayNames: Partial<Record<'region' | 'language', Intl.DisplayNames | null>> = {};

/** The English name of a region or language code, or the code as it came where the runtime has no name for it. */
function displayName(type: 'region' | 'language', code: string): string {
  if (displayNames[type] === undefined) {
    try {
      displayNames[type] = new Intl.DisplayNames(['en'], { type });
    } catch {
      displayNames[type] = null;
    }
  }
  try {
    return displayNames[type]?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "ru" → "Russian"; unknown codes are shown as they came. */
export const languageName = (code: string): string => displayName('language', code);

/** "RU" → "Russia"; unknown codes are shown as they came. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  const upper = code.toUpperCase();
  return COUNTRY_OVERRIDES[upper] ?? displayName('region', upper);
}

const SIDE_LABELS: Record<string, string> = { US: 'US side', RU: 'Russian side', OTHER: 'Other' };

export function sideLabel(side: string | null | undefined): string {
  return side ? (SIDE_LABELS[side] ?? humanizeEnum(side)) : '';
}

/** How a link reads from this event's point of view. */
const OUTGOING_LINK_LABELS: Record<string, string> = {
  RESPONDS_TO: 'In response to',
  RETALIATES_FOR: 'In retaliation for',
  FOLLOWS_UP: 'Follows up on',
  PART_OF: 'Part of',
  REVERSES: 'Reverses',
};
const INCOMING_LINK_LABELS: Record<string, string> = {
  RESPONDS_TO: 'Response',
  RETALIATES_FOR: 'Retaliation',
  FOLLOWS_UP: 'Follow-up',
  PART_OF: 'Includes',
  REVERSES: 'Reversed by',
};

export function linkLabel(type: string, direction: string): string {
  const labels = direction === 'INCOMING' ? INCOMING_LINK_LABELS : OUTGOING_LINK_LABELS;
  return labels[type] ?? humanizeEnum(type);
}

/** Only http(s) links are made clickable: a `javascript:` URL in the data must never run. */
export function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
