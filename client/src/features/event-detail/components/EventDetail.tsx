// The panel beside the timeline: one event in full, its sources, and the events it answers or that answer it.
import { useEffect, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { formatEventDate } from '@detente/shared/dates';
import { kindAppearance } from '../../../domain/eventKinds';
import { describeTone, toneClassNames } from '../../../domain/tone';
import {
  EVENT_DETAIL_QUERY,
  type ActorSummary,
  type AgreementDetail,
  type CitationDetail,
  type EventDetailData,
  type EventLinkDetail,
  type LinkedEventSummary,
  type MeetingDetail,
  type MissionActionDetail,
  type ParticipantDetail,
  type SanctionDetail,
  type StatementDetail,
} from '../api/event.queries';
import { countryName, humanizeEnum, languageName, linkLabel, safeHttpUrl, sideLabel } from '../utils/labels';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SkeletonLines } from '../../../components/Placeholders';
import ui from '../../../components/ui.module.css';
import styles from './EventDetail.module.css';
import { CopyCitation } from './CopyCitation';
import { EditorActions } from './EditorActions';
import { EventCoding, QuoteSource, RevisionHistory } from './EventProvenance';

export interface EventDetailProps {
  eventId: string;
  onClose: () => void;
  /** A linked event was chosen: select it and bring it into view. */
  onSelectEvent: (event: LinkedEventSummary) => void;
  /** A participant chip was chosen: filter the page by that actor. */
  onFilterActor?: (actor: ActorSummary) => void;
  /** A tag was chosen: filter the page by it. */
  onFilterTag?: (tag: string) => void;
  /** The event arrived (a slug in the URL resolves to its id here). */
  onLoaded?: (event: EventDetailData) => void;
}

type FilterHandlers = Pick<EventDetailProps, 'onFilterActor' | 'onFilterTag'>;

export function EventDetail({ eventId, onClose, onSelectEvent, onFilterActor, onFilterTag, onLoaded }: EventDetailProps) {
  const { data, loading, error, refetch } = useQuery(EVENT_DETAIL_QUERY, { variables: { id: eventId } });
  const loadedEvent = data?.event;
  useEffect(() => {
    if (loadedEvent) onLoaded?.(loadedEvent);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per event that arrives
  }, [loadedEvent]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  const event = data?.event;
  let body: ReactNode;
  if (event) body = <EventBody event={event} onSelectEvent={onSelectEvent} onFilterActor={onFilterActor} onFilterTag={onFilterTag} />;
  else if (loading)
    body = (
      <div>
        <p className={styles.message}>Loading event…</p>
        <SkeletonLines count={5} />
      </div>
    );
  else if (error) body = <ErrorMessage what="this event" error={error} onRetry={() => void refetch()} />;
  else body = <p className={styles.message}>This event was not found. It may have been removed.</p>;

  return (
    <aside className={styles.panel} aria-label="Event details" data-testid="event-detail" aria-busy={loading}>
      <button type="button" className={styles.close} onClick={onClose} aria-label="Close event details" title="Close (Esc)">
        <span aria-hidden="true">&#x2715;</span>
      </button>
      {body}
    </aside>
  );
}

function EventBody({
  event,
  onSelectEvent,
  onFilterActor,
  onFilterTag,
}: { event: EventDetailData; onSelectEvent: EventDetailProps['onSelectEvent'] } & FilterHandlers) {
  const appearance = kindAppearance(event.kind);
  const tone = describeTone(event.tone);
  return (
    <article>
      <header>
        <p className={`${styles.kind} kind-${event.kind}`}>
          <span className={styles.icon} aria-hidden="true">
            {appearance.icon}
          </span>
          {appearance.label}
          {event.verification !== 'CONFIRMED' && <span className={styles.verification}> {humanizeEnum(event.verification)}</span>}
        </p>
        <h2 className={styles.title}>{event.title}</h2>
        <p className={styles.meta}>
          <time dateTime={event.startDate}>{formatEventDate(event.startDate, event.datePrecision, event.endDate)}</time>
          {event.location && (
            <>
              {' · '}
              {event.location.name}
              {event.location.country && `, ${countryName(event.location.country)}`}
            </>
          )}
        </p>
        {tone && (
          <p className={styles.meta}>
            Tone <span className={[styles.toneChip, ...toneClassNames(event.tone)].join(' ')}>{tone}</span>
          </p>
        )}
        <EditorActions eventId={event.id} kind={event.kind} />
      </header>

      {event.summary && <p className={styles.summary}>{event.summary}</p>}

      <KindFields event={event} />
      <Participants participants={event.participants} onFilterActor={onFilterActor} />
      <Tags tags={event.tags} onFilterTag={onFilterTag} />
      <Sources citations={event.citations} />
      <LinkedEvents links={event.links} onSelectEvent={onSelectEvent} />
      <EventCoding event={event} />
      <RevisionHistory revisions={event.revisions} />
      <CopyCitation eventId={event.id} />
    </article>
  );
}

function KindFields({ event }: { event: EventDetailData }) {
  switch (event.__typename) {
    case 'Statement':
      return <StatementFields event={event} />;
    case 'Meeting':
      return <MeetingFields event={event} />;
    case 'Sanction':
      return <SanctionFields event={event} />;
    case 'MissionAction':
      return <MissionActionFields event={event} />;
    case 'Agreement':
      return <AgreementFields event={event} />;
    default:
      return null;
  }
}

/** One labelled value; absent values are left out rather than shown as blanks. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '' || children === false) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function actorsWithRole(participants: readonly ParticipantDetail[], ...roles: string[]): ParticipantDetail[] {
  return participants.filter((participant) => roles.includes(participant.role));
}

function actorNames(participants: readonly ParticipantDetail[]): string | null {
  if (participants.length === 0) return null;
  return participants.map((participant) => participant.actor.name).join(', ');
}

function StatementFields({ event }: { event: StatementDetail }) {
  const speakers = actorsWithRole(event.participants, 'SPEAKER');
  const attribution = [actorNames(speakers), event.outlet ? `via ${event.outlet.name}` : null].filter(Boolean).join(', ');
  return (
    <section className={styles.section} aria-label="Statement">
      {event.quote && (
        <figure className={styles.quote}>
          <blockquote lang={event.quoteLanguage ?? undefined}>{event.quote}</blockquote>
          {attribution && <figcaption>— {attribution}</figcaption>}
          {event.translatedFrom && (
            <p className={ui.muted} data-testid="quote-translation">
              Translated from {languageName(event.translatedFrom)}
              {event.translatedBy ? ` by ${event.translatedBy}` : ''}: not the speaker&apos;s own words.
            </p>
          )}
        </figure>
      )}
      <QuoteSource quote={event.quote} citations={event.citations} />
      <dl className={styles.fields}>
        <Field label={speakers.length > 1 ? 'Speakers' : 'Speaker'}>{actorNames(speakers)}</Field>
        <Field label="Outlet">{event.outlet?.name}</Field>
        <Field label="Medium">{humanizeEnum(event.medium)}</Field>
        <Field label="Quote">{humanizeEnum(event.quoteType)}</Field>
      </dl>
    </section>
  );
}

function MeetingFields({ event }: { event: MeetingDetail }) {
  const attendees = actorsWithRole(event.participants, 'PARTICIPANT', 'HOST');
  return (
    <section className={styles.section} aria-label="Meeting">
      <dl className={styles.fields}>
        <Field label="Participants">
          {attendees.length > 0 &&
            attendees.map((participant) => `${participant.actor.name}${participant.side ? ` (${participant.side})` : ''}`).join(', ')}
        </Field>
        <Field label="Place">{event.location?.name}</Field>
        <Field label="Format">{humanizeEnum(event.format)}</Field>
        <Field label="Level">{humanizeEnum(event.level)}</Field>
        <Field label="Outcome">{event.outcome}</Field>
      </dl>
    </section>
  );
}

function SanctionFields({ event }: { event: SanctionDetail }) {
  return (
    <section className={styles.section} aria-label="Sanction">
      <dl className={styles.fields}>
        <Field label="Action">{humanizeEnum(event.sanctionAction)}</Field>
        <Field label="Imposed by">{actorNames(actorsWithRole(event.participants, 'AUTHORITY'))}</Field>
        <Field label="Targets">{actorNames(actorsWithRole(event.participants, 'TARGET'))}</Field>
        <Field label="Program">{event.program}</Field>
        <Field label="Measures">{event.measures.length > 0 && event.measures.map(humanizeEnum).join(', ')}</Field>
      </dl>
    </section>
  );
}

function MissionActionFields({ event }: { event: MissionActionDetail }) {
  return (
    <section className={styles.section} aria-label="Mission action">
      <dl className={styles.fields}>
        <Field label="Action">{humanizeEnum(event.missionAction)}</Field>
        <Field label="Acting country">{countryName(event.actingCountry)}</Field>
        <Field label="Affected country">{countryName(event.affectedCountry)}</Field>
        <Field label="Facility">{event.facility}</Field>
        <Field label="City">{event.city}</Field>
        <Field label="Personnel affected">{event.personnelCount ?? null}</Field>
      </dl>
    </section>
  );
}

function AgreementFields({ event }: { event: AgreementDetail }) {
  return (
    <section className={styles.section} aria-label="Agreement">
      <dl className={styles.fields}>
        <Field label="Action">{humanizeEnum(event.agreementAction)}</Field>
        <Field label="Instrument">{event.instrument}</Field>
      </dl>
    </section>
  );
}

function Participants({ participants, onFilterActor }: { participants: readonly ParticipantDetail[] } & FilterHandlers) {
  if (participants.length === 0) return null;
  return (
    <section className={styles.section}>
      <h3>Who</h3>
      <ul className={`${styles.list} ${styles.participants}`}>
        {participants.map((participant) => {
          const role = [humanizeEnum(participant.role), participant.side && sideLabel(participant.side)].filter(Boolean).join(' · ');
          return (
            <li key={`${participant.actor.id}-${participant.role}`}>
              {onFilterActor ? (
                <button
                  type="button"
                  className={`${ui.chip} ${ui.chipButton} ${styles.participantChip}`}
                  onClick={() => onFilterActor(participant.actor)}
                  title={`Show only events with ${participant.actor.name}`}
                  data-testid="participant-chip"
                >
                  <span>{participant.actor.name}</span>
                  <span className="visually-hidden">: show only events with this actor</span>
                </button>
              ) : (
                <span>{participant.actor.name}</span>
              )}
              <span className={styles.role}>
                {participant.actor.title && <span>{participant.actor.title} · </span>}
                {role}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Tags({ tags, onFilterTag }: { tags: readonly string[] } & FilterHandlers) {
  if (tags.length === 0) return null;
  return (
    <ul className={styles.tags} aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          {onFilterTag ? (
            <button
              type="button"
              className={`${ui.tag} ${ui.tagButton}`}
              onClick={() => onFilterTag(tag)}
              title={`Show only events tagged “${tag}”`}
            >
              {tag}
            </button>
          ) : (
            <span className={ui.tag}>{tag}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function Sources({ citations }: { citations: readonly CitationDetail[] }) {
  return (
    <section className={styles.section} data-testid="event-sources">
      <h3>Sources</h3>
      {citations.length === 0 ? (
        <p className={styles.message}>No source recorded.</p>
      ) : (
        <ul className={`${styles.list} ${styles.sources}`}>
          {citations.map(({ source, excerpt }) => {
            const href = safeHttpUrl(source.url);
            const label = source.title ?? source.publisher ?? source.url;
            const byline = [source.publisher, source.publishedAt && formatEventDate(source.publishedAt, 'DAY')].filter(Boolean).join(', ');
            return (
              <li key={source.id}>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {label}
                  </a>
                ) : (
                  <span>{label}</span>
                )}
                {byline && <span className={styles.muted}> — {byline}</span>}
                {excerpt && <q className={styles.excerpt}>{excerpt}</q>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function LinkedEvents({ links, onSelectEvent }: { links: readonly EventLinkDetail[]; onSelectEvent: EventDetailProps['onSelectEvent'] }) {
  if (links.length === 0) return null;
  // What this event answers first ("In response to …"), then what answered it ("Response").
  const ordered = [...links.filter((link) => link.direction === 'OUTGOING'), ...links.filter((link) => link.direction !== 'OUTGOING')];
  return (
    <section className={styles.section}>
      <h3>Linked events</h3>
      <ul className={`${styles.list} ${styles.links}`}>
        {ordered.map((link) => (
          <li key={`${link.direction}-${link.type}-${link.event.id}`}>
            <span className={styles.linkType}>{linkLabel(link.type, link.direction)}</span>
            <button type="button" className={styles.linkEvent} onClick={() => onSelectEvent(link.event)}>
              <span aria-hidden="true">{kindAppearance(link.event.kind).icon}</span>
              <span className={styles.linkTitle}>{link.event.title}</span>
              <span className={styles.linkDate}>{formatEventDate(link.event.startDate, link.event.datePrecision, link.event.endDate)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
