// /desk/intake: paste a news article, let the API draft the events it reports, and decide for each draft: dismiss
// it, add the article as a citation to an event already in the record, or create the event citing the article.
// Everything pasted and decided is kept in sessionStorage, so an error or a reload loses nothing.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import ui from '../../../components/ui.module.css';
import { ARTICLE_FIELDS, ArticleForm, checkArticle, EMPTY_ARTICLE, type ArticleFieldErrors, type ArticleFields } from './ArticleForm';
import { ArticleText } from './ArticleText';
import { DraftCard } from './DraftCard';
import { DRAFT_FORM_FIELDS, DraftEventForm } from './DraftEventForm';
import { articleCitation, createInput, draftToValues, type DraftEventValues } from './draftValues';
import { DRAFT_EVENTS_FROM_ARTICLE, type ArticleDraftsResult } from './intake.queries';
import { addArticleAsCitation, createEventFromDraft } from './intakeActions';
import { INTAKE_STORAGE_KEY, type DraftDecision, type IntakeState } from './intakeState';
import { eventDate } from './labels';
import { serverFieldErrors } from './serverFieldErrors';
import { useSessionState } from './useSessionState';
import styles from './IntakeScreen.module.css';

const initialState = (): IntakeState => ({ article: EMPTY_ARTICLE, result: null, decisions: {}, forms: {} });

export default function IntakeScreen() {
  const client = useApolloClient();
  const [state, setState] = useSessionState<IntakeState>(INTAKE_STORAGE_KEY, initialState);
  const [articleErrors, setArticleErrors] = useState<ArticleFieldErrors>({});
  const [draftError, setDraftError] = useState<string | null>(null);
  const [activeDraft, setActiveDraft] = useState<number | null>(null);
  const [pending, setPending] = useState<number | null>(null);
  const [citationErrors, setCitationErrors] = useState<Record<number, string>>({});
  const [formErrors, setFormErrors] = useState<Record<number, { fields: Record<string, string>; general: string | null }>>({});
  const [draftEvents, { loading: drafting }] = useMutation(DRAFT_EVENTS_FROM_ARTICLE);

  const setArticle = (article: ArticleFields) => setState((s) => ({ ...s, article }));
  const decide = (index: number, decision: DraftDecision) =>
    setState((s) => {
      const forms = { ...s.forms };
      delete forms[index];
      return { ...s, decisions: { ...s.decisions, [index]: decision }, forms };
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
      setState((s) => ({ ...s, result: { drafts: data.draftEventsFromArticle, article: s.article }, decisions: {}, forms: {} }));
      setCitationErrors({});
      setFormErrors({});
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

  const openForm = (index: number) =>
    setState((s) => ({ ...s, forms: { ...s.forms, [index]: s.forms[index] ?? draftToValues(s.result!.drafts.drafts[index]) } }));
  const closeForm = (index: number) =>
    setState((s) => {
      const forms = { ...s.forms };
      delete forms[index];
      return { ...s, forms };
    });
  const setForm = (index: number, values: DraftEventValues) => setState((s) => ({ ...s, forms: { ...s.forms, [index]: values } }));

  async function create(index: number) {
    const values = state.forms[index];
    if (!values) return;
    const missing: Record<string, string> = {};
    if (!values.title.trim()) missing.title = 'Give the event a title.';
    if (!values.startDate) missing.startDate = 'Give the first day.';
    if (!values.direction) missing.direction = 'Choose who acted towards whom.';
    if (!values.cameoCode.trim()) missing.cameoCode = 'Give a CAMEO code, e.g. 042.';
    if (values.endDate && values.endDate < values.startDate) missing.endDate = 'The end date cannot be before the start date.';
    if (Object.keys(missing).length) {
      setFormErrors((e) => ({ ...e, [index]: { fields: missing, general: null } }));
      return;
    }
    setPending(index);
    setFormErrors((e) => ({ ...e, [index]: { fields: {}, general: null } }));
    try {
      const event = await createEventFromDraft(client, createInput(values, citationFor(index)));
      decide(index, { status: 'created', event: { id: event.id, title: event.title } });
    } catch (error) {
      setFormErrors((e) => ({ ...e, [index]: serverFieldErrors(error, DRAFT_FORM_FIELDS) }));
    } finally {
      setPending(null);
    }
  }

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
          formErrors={formErrors}
          onActivate={setActiveDraft}
          onDismiss={(i) => decide(i, { status: 'dismissed' })}
          onRestore={(i) => decide(i, { status: 'open' })}
          onAddCitation={addCitation}
          onOpenForm={openForm}
          onCloseForm={closeForm}
          onFormChange={setForm}
          onCreate={create}
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
  formErrors: Record<number, { fields: Record<string, string>; general: string | null }>;
  onActivate: (index: number) => void;
  onDismiss: (index: number) => void;
  onRestore: (index: number) => void;
  onAddCitation: (index: number, eventId: string) => void;
  onOpenForm: (index: number) => void;
  onCloseForm: (index: number) => void;
  onFormChange: (index: number, values: DraftEventValues) => void;
  onCreate: (index: number) => void;
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
          {result.drafts.map((drafted, index) => {
            const form = state.forms[index];
            const errors = props.formErrors[index];
            return (
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
                {form && (
                  <DraftEventForm
                    idPrefix={`draft-${index + 1}`}
                    values={form}
                    onChange={(values) => props.onFormChange(index, values)}
                    onSubmit={() => props.onCreate(index)}
                    onCancel={() => props.onCloseForm(index)}
                    errors={errors?.fields ?? {}}
                    general={errors?.general ?? null}
                    busy={pending === index}
                  />
                )}
              </DraftCard>
            );
          })}
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
