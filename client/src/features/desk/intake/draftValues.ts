// From a draft to the values of the desk's event form (edit/EventForm.tsx), with the article as the event's citation.
// The draft gives the common fields; each kind's own required fields are guessed from the evidence's words, and the
// editor checks them all in the form before anything is written.
import { EventKind } from '@detente/shared/enums';
import type {
  AgreementAction,
  CitationInput,
  Direction,
  MeetingFormat,
  MeetingLevel,
  MissionActionType,
  SanctionAction,
  StatementMedium,
} from '../../../graphql/types';
import { emptyValues, type CitationValue, type FormValues, type ParticipantValue } from '../edit/formValues';
import type { EventDraftResult } from './intake.queries';

/** The article as the form collected it; it becomes every created event's citation. */
export interface ArticleSource {
  url: string;
  title: string;
  publisher: string;
  publishedAt: string;
}

const firstMatch = <T>(text: string, rules: readonly [RegExp, T][], fallback: T): T =>
  rules.find(([pattern]) => pattern.test(text))?.[1] ?? fallback;

function guessMedium(text: string): StatementMedium {
  return firstMatch<StatementMedium>(
    text,
    [
      [/\b(letter|wrote)\b|письм/i, 'LETTER'],
      [/\b(told|interview)\b|интервью/i, 'INTERVIEW'],
      [/\bbriefing\b|брифинг/i, 'BRIEFING'],
      [/\b(tweet|posted|telegram|x\.com)\b/i, 'SOCIAL_POST'],
      [/\b(speech|address)\b|выступ/i, 'SPEECH'],
      [/\btestif/i, 'TESTIMONY'],
    ],
    'PRESS_RELEASE',
  );
}

function guessSanctionAction(text: string): SanctionAction {
  return firstMatch<SanctionAction>(
    text,
    [
      [/\blift|снял|отмен/i, 'LIFTED'],
      [/\beas(e|ed|ing)\b|смягч/i, 'EASED'],
      [/\bexpand|widen|расшир/i, 'EXPANDED'],
      [/\bextend|продл/i, 'EXTENDED'],
      [/\bthreat|пригроз/i, 'THREATENED'],
    ],
    'IMPOSED',
  );
}

function guessMissionAction(text: string): MissionActionType {
  return firstMatch<MissionActionType>(
    text,
    [
      [/\bexpel|высыл|выслал/i, 'EXPULSION'],
      [/\brecall|отозва/i, 'AMBASSADOR_RECALL'],
      [/\breopen/i, 'REOPENING'],
      [/\bclos|закры/i, 'CLOSURE'],
      [/\bvisa|виз/i, 'VISA_RESTRICTION'],
      [/\bcap\b|ceiling|limit/i, 'STAFF_CAP'],
      [/\bhir(e|ing)\b/i, 'HIRING_BAN'],
      [/\bsuspend/i, 'SERVICE_SUSPENSION'],
    ],
    'EXPULSION',
  );
}

function guessAgreementAction(text: string): AgreementAction {
  return firstMatch<AgreementAction>(
    text,
    [
      [/\bexchang|swap|обмен/i, 'EXCHANGED'],
      [/\bextend|продл/i, 'EXTENDED'],
      [/\bsuspend|приостанов/i, 'SUSPENDED'],
      [/\bwithdr[ae]w|выход|вышл/i, 'WITHDRAWN'],
    ],
    'SIGNED',
  );
}

function guessFormat(text: string): MeetingFormat {
  return firstMatch<MeetingFormat>(
    text,
    [
      [/\bphone|call(ed)?\b|телефон/i, 'PHONE'],
      [/\bvideo|видео/i, 'VIDEO'],
      [/\bsummit|саммит/i, 'SUMMIT'],
      [/\bsidelines?\b|на полях/i, 'MULTILATERAL_SIDELINE'],
    ],
    'IN_PERSON',
  );
}

function guessLevel(text: string): MeetingLevel {
  return firstMatch<MeetingLevel>(
    text,
    [
      [/\bpresident|президент/i, 'HEAD_OF_STATE'],
      [/\b(deputy|under secretary|vice)\b|замминистр|заместител/i, 'DEPUTY_MINISTER'],
      [/\b(secretary of state|foreign minister|minister)\b|министр/i, 'MINISTERIAL'],
    ],
    'WORKING',
  );
}

/** The country that acted and the one affected, from the draft's direction (RU_TO_US: Russia acted on the US). */
function countriesFor(direction: Direction | null | undefined): { acting: string; affected: string } {
  if (direction === 'US_TO_RU') return { acting: 'US', affected: 'RU' };
  return direction === 'RU_TO_US' ? { acting: 'RU', affected: 'US' } : { acting: '', affected: '' };
}

/** The kind's own required fields, guessed from the evidence's words. */
function kindFields(draft: EventDraftResult): Partial<FormValues> {
  const words = draft.evidence.join(' ');
  switch (draft.kind) {
    case 'STATEMENT':
      return {
        medium: guessMedium(words),
        ...(draft.quote ? { quote: draft.quote, quoteLanguage: draft.quoteLanguage ?? 'en', quoteType: 'DIRECT' } : {}),
      };
    case 'MEETING':
      return { format: guessFormat(words), level: guessLevel(words) };
    case 'SANCTION':
      return { action: guessSanctionAction(words) };
    case 'MISSION': {
      const countries = countriesFor(draft.direction);
      return { action: guessMissionAction(words), actingCountry: countries.acting, affectedCountry: countries.affected };
    }
    case 'AGREEMENT':
      return { action: guessAgreementAction(words) };
  }
}

/**
 * The desk's event form filled from a draft, citing the article. Matched participants come once each; a name the
 * record does not know stays as a participant without an actor, so the form asks for one (or a new actor).
 */
export function draftToFormValues(draft: EventDraftResult, citation: CitationInput): FormValues {
  const seen = new Set<string>();
  const participants: ParticipantValue[] = [];
  for (const p of draft.participants) {
    if (p.actor && seen.has(p.actor.id)) continue;
    if (p.actor) seen.add(p.actor.id);
    participants.push({ actor: p.actor ? { ...p.actor } : null, role: p.role, side: p.side ?? '' });
  }
  return {
    ...emptyValues(draft.kind as EventKind),
    title: draft.title,
    summary: draft.summary ?? '',
    startDate: draft.startDate,
    endDate: draft.endDate ?? '',
    datePrecision: draft.datePrecision,
    direction: draft.direction ?? '',
    cameoCode: draft.cameoCode ?? '',
    participants,
    citations: [citationValue(citation)],
    ...kindFields(draft),
  };
}

const citationValue = (c: CitationInput): CitationValue => ({
  url: c.url,
  title: c.title,
  publisher: c.publisher,
  publishedAt: c.publishedAt ?? '',
  language: c.language ?? '',
  excerpt: c.excerpt ?? '',
});

/** The article as a citation; the server matches sources by URL, so a stored one is cited rather than copied. */
export function articleCitation(article: ArticleSource, excerpt?: string | null): CitationInput {
  return {
    url: article.url.trim(),
    title: article.title.trim(),
    publisher: article.publisher.trim(),
    publishedAt: article.publishedAt,
    ...(excerpt ? { excerpt } : {}),
  };
}
