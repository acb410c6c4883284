// /desk/intake: paste a news article, let the API draft the events it reports, and decide for each draft: dismiss
// it, add the article as a citation to an event already in the record, or create the event citing the article.
// Everything pasted and decided is kept in sessionStorage, so an error or a reload loses nothing.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useRef, useState } from 'react';
import ui from '../../../components/ui.module.css';
import { ARTICLE_FIELDS, ArticleForm, checkArticle, EMPTY_ARTICLE, type ArticleFieldErrors, type ArticleFields } from './ArticleForm';
import { ArticleText } from './ArticleText';
import { DraftCard } from './DraftCard';
import { EventForm } from '../edit/EventForm';
import { useEventWriter } from '../edit/useEventWriter';
import { articleCitation, draftToFormValues } from './draftValues';
import { DRAFT_EVENTS_FROM_ARTICLE, type ArticleDraftsResult } from './intake.queries';
import { addArticleAsCitation, INTAKE_NOTE } from './intakeActions';
import { INTAKE_STORAGE_KEY, type DraftDecision, type IntakeState } from './intakeState';
import { eventDate } from './labels';
import { serverFieldErrors } from './serverFieldErrors';
import { useSessionState } from './useSessionState';
import styles from './IntakeScreen.module.css';

const initialState = (): IntakeState => ({ article: EMPTY_ARTICLE, result: null, decisions: {}, openForm: null });

export default function IntakeScreen() {
  const client = useApolloClient();
  const [state, setState] = useSessionState<IntakeState>(INTAKE_STORAGE_KEY, initialState);
  const [articleErrors, setArticleErrors] = useState<ArticleFieldErrors>({});
  const [draftError, setDraftError] = useState<string | null>(null);
  const [activeDraft, setActiveDraft] = useState<number | null>(null);
  const [pending, setPending] = useState<number | null>(null);
  const [citationErrors, setCitationErrors] = useState<Record<number, string>>({});
  const writer = useEventWriter();
  /** The title each draft was last saved with, for the note that says it was created. */
  const savedTitles = useRef<Record<number, string>>({});
  const [draftEvents, { loading: drafting }] = useMutation(DRAFT_EVENTS_FROM_ARTICLE);

  const setArticle = (article: ArticleFields) => setState((s) => ({ ...s, article }));
  const decide = (index: number, decision: DraftDecision) =>
    setState((s) => {
      return { ...s, decisions: { ...s.decisions, [index]: decision }, openForm: s.openForm === index ? null : s.openForm };
    });

  async function draft() {
    const errors = checkArticle(state.article);
    setArticleErrors(errors);
    setDraftError(null);
    if (Object.keys(errors).length) return;
    const { format, body, url, title, publisher, publishedAt } = state.article;
    try {
      const { data } = await draftEvents({
        variables: { article: { [format]: body, url: url.trim(), title: title.trim(), publisher: publisher.trim(), publishedAt } },
      });
      if (!data) return;
      setState((s) => ({ ...s, result: { drafts: data.draftEventsFromArticle, article: s.article }, decisions: {}, openForm: null }));
      setCitationErrors({});
    } catch (error) {
      const { fields, general } = serverFieldErrors(error, ARTICLE_FIELDS);
      // The text and HTML fields share one box: an error on either shows there.
      const placed: ArticleFieldErrors = { ...fields };
      if (placed.text || placed.html) placed[format] = placed.text ?? placed.html;
      setArticleErrors(placed);
      setDraftError(general);
    }
  }

  const result = state.result;
  const citationFor = (index: number) => {
    const drafted = result!.drafts.drafts[index];
    return articleCitation(result!.article, drafted.quote ?? drafted.evidence[0]);
  };

  async function addCitation(index: number, eventId: string) {
    setPending(index);
    setCitationErrors((e) => ({ ...e, [index]: '' }));
    try {
      const outcome = await addArticleAsCitation(client, eventId, citationFor(index));
      decide(index, { status: 'cited', event: { id: outcome.id, title: outcome.title }, alreadyCited: outcome.alreadyCited });
    } catch (error) {
      const { fields, general } = serverFieldErrors(error, ['citations', 'url', 'title', 'publisher', 'publishedAt']);
      setCitationErrors((e) => ({ ...e, [index]: [general, ...Object.values(fields)].filter(Boolean).join('; ') }));
    } finally {
      setPending(null);
    }
  }

  const openForm = (index: number) => setState((s) => ({ ...s, openForm: index }));
  const closeForm = () => setState((s) => ({ ...s, openForm: null }));
  const createForm = (index: number) => (
    // desk-core's event form, the same as for any event: the draft's values, the article as the citation.
    <div className={styles.createForm}>
      <EventForm
        key={index}
        mode="create"
        initialValues={draftToFormValues(result!.drafts.drafts[index], citationFor(index))}
        onSave={(values, note) => {
          savedTitles.current[index] = values.title;
          return writer.create(values, note || `${INTAKE_NOTE}: ${result!.article.url}`);
        }}
        onSaved={(outcome) => decide(index, { status: 'created', event: { id: outcome.id, title: savedTitles.current[index] ?? '' } })}
      />
      <button type="button" className={ui.button} onClick={closeForm}>
        Cancel: don&apos;t create it
      </button>
    </div>
  );

  function startOver() {
    setState(initialState());
    setArticleErrors({});
    setDraftError(null);
  }

  const form = <ArticleForm article={state.article} onChange={setArticle} onSubmit={draft} errors={articleErrors} busy={drafting} />;
  return (
    <div className={styles.screen}>
      <header className={styles.screenHeader}>
        <h2 className={styles.screenTitle}>Article intake</h2>
        <p className={ui.muted}>
          Paste a news article; the machine drafts the events it reports, and you decide what goes into the record.
        </p>
      </header>
      {result ? (
        // Once drafted, the form folds away so the review has the room; it opens again to change and re-draft.
        <details className={styles.articleDetails}>
          <summary>
            The article: {result.article.title} — {result.article.publisher}, {eventDate(result.article.publishedAt, 'DAY')} (change it and
            draft again)
          </summary>
          {form}
        </details>
      ) : (
        form
      )}
      {draftError && (
        <p className={styles.fieldError} role="alert">
          Could not draft: {draftError}
        </p>
      )}
      {result && (
        <Review
          result={result.drafts}
          state={state}
          activeDraft={activeDraft}
          pending={pending}
          citationErrors={citationErrors}
          onActivate={setActiveDraft}
          onDismiss={(i) => decide(i, { status: 'dismissed' })}
          onRestore={(i) => decide(i, { status: 'open' })}
          onAddCitation={addCitation}
          onOpenForm={openForm}
          createForm={createForm}
          onStartOver={startOver}
        />
      )}
    </div>
  );
}

interface ReviewProps {
  result: ArticleDraftsResult;
  state: IntakeState;
  activeDraft: number | null;
  pending: number | null;
  citationErrors: Record<number, string>;
  onActivate: (index: number) => void;
  onDismiss: (index: number) => void;
  onRestore: (index: number) => void;
  onAddCitation: (index: number, eventId: string) => void;
  onOpenForm: (index: number) => void;
  createForm: (index: number) => React.ReactNode;
  onStartOver: () => void;
}

function Review(props: ReviewProps) {
  const { result, state, activeDraft, pending } = props;
  const decided = Object.values(state.decisions).filter((d) => d.status !== 'open').length;
  return (
    <section className={styles.review} aria-labelledby="intake-review-heading">
      <div className={styles.reviewHeader}>
        <h3 id="intake-review-heading" className={styles.sectionHeading}>
          Review: {result.drafts.length} {result.drafts.length === 1 ? 'draft' : 'drafts'}, {decided} decided
        </h3>
        <button type="button" className={ui.button} onClick={props.onStartOver}>
          Start over with another article
        </button>
      </div>
      <SourceSummary source={result.source} />
      <div className={styles.reviewColumns}>
        <ArticleText text={result.text} drafts={result.drafts} activeDraft={activeDraft} />
        <div className={styles.drafts}>
          {result.drafts.length === 0 && (
            <p className={styles.formNote}>
              The article reports no meeting, statement, sanction, mission action or agreement the drafting could find: background sentences
              (“relations have been strained since 2014”) give no drafts.
            </p>
          )}
          {result.drafts.map((drafted, index) => (
            <DraftCard
              key={index}
              index={index}
              draft={drafted}
              decision={state.decisions[index]}
              busy={pending !== null}
              citationError={props.citationErrors[index] || null}
              active={activeDraft === index}
              onActivate={() => props.onActivate(index)}
              onDismiss={() => props.onDismiss(index)}
              onRestore={() => props.onRestore(index)}
              onAddCitation={(eventId) => props.onAddCitation(index, eventId)}
              onCreate={() => props.onOpenForm(index)}
            >
              {state.openForm === index && props.createForm(index)}
            </DraftCard>
          ))}
        </div>
      </div>
    </section>
  );
}

function SourceSummary({ source }: { source: ArticleDraftsResult['source'] }) {
  return (
    <section className={styles.source} aria-labelledby="intake-source-heading">
      <h4 id="intake-source-heading" className={styles.sourceHeading}>
        The source the events will cite
      </h4>
      <p>
        <strong>{source.title}</strong> — {source.publisher}, {eventDate(source.publishedAt, 'DAY')}.{' '}
        <span className={styles.url}>{source.url}</span>
      </p>
      {source.existing ? (
        <p data-testid="existing-source">
          Already in the record as “{source.existing.title ?? source.existing.url}” ({source.existing.publisher ?? 'no publisher'}
          {source.existing.publishedAt ? `, ${eventDate(source.existing.publishedAt, 'DAY')}` : ''}): that source is cited, not a copy.
        </p>
      ) : (
        <p className={ui.muted}>Not in the record yet: it is stored with the first event that cites it.</p>
      )}
    </section>
  );
}
