// Tone is the −10 … +10 conflict/cooperation score (Goldstein scale); the page shows it as colour.

export type ToneBand = 'conflict' | 'neutral' | 'cooperation';

/** Scores within ±TONE_NEUTRAL_LIMIT read as neutral: small Goldstein values are routine diplomacy. */
export const TONE_NEUTRAL_LIMIT = 2;
/** Scores at or beyond ±TONE_STRONG_LIMIT are drawn in the stronger shade. */
export const TONE_STRONG_LIMIT = 6;

export function toneBand(tone: number | null | undefined): ToneBand {
  if (tone == null || Number.isNaN(tone)) return 'neutral';
  if (tone <= -TONE_NEUTRAL_LIMIT) return 'conflict';
  if (tone >= TONE_NEUTRAL_LIMIT) return 'cooperation';
  return 'neutral';
}

/** CSS classes for a tone: `tone-conflict`, `tone-neutral` or `tone-cooperation`, plus `tone-strong`. */
export function toneClassNames(tone: number | null | undefined): string[] {
  const classes = [`tone-${toneBand(tone)}`];
  if (tone != null && Math.abs(tone) >= TONE_STRONG_LIMIT) classes.push('tone-strong');
  return classes;
}

/** "−7.0 (conflict)" for people; the sign is a true minus. */
export function describeTone(tone: number | null | undefined): string | null {
  if (tone == null || Number.isNaN(tone)) return null;
  const sign = tone > 0 ? '+' : tone < 0 ? '\u2212' : '';
  return `${sign}${Math.abs(tone).toFixed(1)} (${toneBand(tone)})`;
}
