// The form for one event of any kind, every field, checked as the editor types with the server's own rules
// (shared/src/event-record.ts). The server's answer lands on the same fields; a CONFLICT shows the stored version
// beside the editor's, field by field, and keeps the editor's edits to re-apply onto it. Intake reuses it with
// drafted values (initialValues).
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { CAMEO_CODES, goldsteinFor } from '@detente/shared/cameo';
import {
  AgreementAction,
  DatePrecision,
  Direction,
  EventKind,
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
  enumValues,
} from '@detente/shared/enums';
import { ActorPicker } from '../components/ActorPicker';
import { FieldError, describedBy } from '../components/FieldError';
import { SourcePicker } from '../components/SourcePicker';
import { TagInput } from '../components/TagInput';
import { directionLabel, humanize, kindLabel } from '../intake/labels';
import { ConflictPanel } from './ConflictPanel';
import {
  checkValues,
  emptyCitation,
  reapply,
  type ActorRef,
  type CitationValue,
  type FieldErrors,
  type FormValues,
  type ParticipantValue,
} from './formValues';
import type { SaveOutcome } from './useEventWriter';
import styles from './EventForm.module.css';

export interface EventFormProps {
  initialValues: FormValues;
  /** The version the values were read at (edits); a create has none. */
  initialVersion?: number;
  /** The event's slug, which the shared rules check; a new event is checked with a stand-in. */
  slug?: string;
  mode: 'create' | 'edit';
  onSave: (values: FormValues, note: string, version: number | undefined) => Promise<SaveOutcome>;
  onSaved: (outcome: Extract<SaveOutcome, { status: 'saved' }>) => void;
}

const NEW_EVENT_SLUG = 'new-event';
const ACTIONS: Partial<Record<EventKind, Record<string, string>>> = {
  [EventKind.SANCTION]: SanctionAction,
  [EventKind.MISSION]: MissionActionType,
  [EventKind.AGREEMENT]: AgreementAction,
};
const CAMEO_OPTIONS = Object.values(CAMEO_CODES).sort((a, b) => a.code.localeCompare(b.code));
export const fieldId = (path: string) => `field-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

export function EventForm({ initialValues, initialVersion, slug, mode, onSave, onSaved }: EventFormProps) {
  const [values, setValues] = useState(initialValues);
  /** The version the editor's edits started from: what "your edits" are measured against in a conflict. */
  const [base, setBase] = useState(initialValues);
  const [version, setVersion] = useState(initialVersion);
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<{ theirs: FormValues; version: number } | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const checkErrors = useMemo(() => checkValues(values, slug ?? NEW_EVENT_SLUG), [values, slug]);
  const noteErrors = mode === 'edit' && !note.trim() ? ['note: say why you made this change'] : [];
  const visible = (path: string) => submitted || touched.has(path.split(/[[.]/)[0]);
  const errorsFor = (path: string): string[] | undefined => {
    const messages = [...(visible(path) ? (checkErrors[path] ?? []) : []), ...(serverErrors[path] ?? [])];
    return messages.length ? messages : undefined;
  };
  const allErrors: FieldErrors = { ...checkErrors };
  for (const [path, messages] of Object.entries(serverErrors)) allErrors[path] = [...(allErrors[path] ?? []), ...messages];
  if (noteErrors.length) allErrors.note = noteErrors;

  function set<K extends keyof FormValues>(field: K, value: FormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setTouched((current) => (current.has(field) ? current : new Set(current).add(field)));
    // A server problem is about what was sent; once the field changes it may no longer hold.
    setServerErrors((current) => {
      const next = Object.fromEntries(Object.entries(current).filter(([path]) => path.split(/[[.]/)[0] !== field));
      return Object.keys(next).length === Object.keys(current).length ? current : next;
    });
  }

  useEffect(() => {
    if (submitted && Object.keys(allErrors).length) summaryRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per attempt to save
  }, [submitted, serverErrors]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(checkErrors).length || noteErrors.length) {
      summaryRef.current?.focus();
      return;
    }
    setSaving(true);
    const outcome = await onSave(values, note.trim(), version);
    setSaving(false);
    if (outcome.status === 'saved') onSaved(outcome);
    else if (outcome.status === 'invalid') setServerErrors(outcome.errors);
    else setConflict({ theirs: outcome.theirs, version: outcome.version });
  };

  const errorCount = Object.values(allErrors).reduce((n, messages) => n + messages.length, 0);
  const field = (path: string, help?: string) => ({ id: fieldId(path), ...describedBy(path, errorsFor(path), help) });
  const bind: Bind = (key, path = key) => ({
    path,
    value: values[key] as string,
    onChange: (v: string) => set(key, v as never),
    field,
    errors: errorsFor(path),
  });

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={mode === 'edit' ? 'Edit event' : 'New event'}
    >
      {conflict && (
        <ConflictPanel
          base={base}
          yours={values}
          theirs={conflict.theirs}
          theirVersion={conflict.version}
          onReapply={() => {
            setValues(reapply(base, values, conflict.theirs));
            setBase(conflict.theirs);
            setVersion(conflict.version);
            setConflict(null);
            setServerErrors({});
          }}
          onTakeTheirs={() => {
            setValues(conflict.theirs);
            setBase(conflict.theirs);
            setVersion(conflict.version);
            setConflict(null);
            setServerErrors({});
          }}
        />
      )}
      {submitted && errorCount > 0 && (
        <div className={styles.summary} ref={summaryRef} tabIndex={-1} role="alert" data-testid="form-errors">
          <p>
            <strong>Nothing was saved.</strong> {errorCount === 1 ? 'One field needs' : `${errorCount} problems need`} attention:
          </p>
          <ul>
            {Object.entries(allErrors).flatMap(([path, messages]) =>
              messages.map((message) => <li key={`${path}:${message}`}>{path ? <a href={`#${fieldId(path)}`}>{message}</a> : message}</li>),
            )}
          </ul>
        </div>
      )}

      <Section title={`${kindLabel(values.kind)}: what happened`}>
        <Text label="Title" {...bind('title')} />
        <Area label="Summary" {...bind('summary')} />
      </Section>

      <Section title="When and where">
        <div className={styles.grid}>
          <Text label="Start date" {...bind('startDate')} type="date" />
          <Text label="End date (for spans)" {...bind('endDate')} type="date" />
          <Choice label="Date precision" {...bind('datePrecision')} options={enumValues(DatePrecision)} />
          <Text label="Place" {...bind('locationName', 'location')} errors={errorsFor('location') ?? errorsFor('location.name')} />
          <Text
            label="Place's country (ISO code)"
            {...bind('locationCountry', 'location.country')}
            onChange={(v) => set('locationCountry', v.toUpperCase())}
          />
        </div>
      </Section>

      <Section title="Coding">
        <div className={styles.grid}>
          <Choice label="Direction" {...bind('direction')} options={enumValues(Direction)} labels={directionLabel} allowEmpty />
          <Choice
            label="CAMEO code"
            {...bind('cameoCode')}
            options={CAMEO_OPTIONS.map((c) => c.code)}
            labels={(code) => `${code} ${CAMEO_CODES[code].name}`}
          />
          <Text label="Tone override (−10 to +10)" {...bind('tone')} inputMode="decimal" help={toneHelp(values.cameoCode)} />
          <Text label="Why the tone differs from the default" {...bind('toneNote')} />
          <Choice label="Importance (1–5)" {...bind('importance')} options={['1', '2', '3', '4', '5']} />
          <Choice label="Verification" {...bind('verification')} options={enumValues(Verification)} />
        </div>
        <TagInput tags={values.tags} onChange={(tags) => set('tags', tags)} describedBy={describedBy('tags', errorsFor('tags'))} />
        <FieldError path="tags" messages={errorsFor('tags')} />
      </Section>

      <Section title={`${kindLabel(values.kind)} details`}>
        <KindFields values={values} set={set} bind={bind} errorsFor={errorsFor} />
      </Section>

      <Section title="Participants">
        <Participants items={values.participants} onChange={(p) => set('participants', p)} errorsFor={errorsFor} field={field} />
      </Section>

      <Section title="Sources">
        <Citations items={values.citations} onChange={(c) => set('citations', c)} errorsFor={errorsFor} field={field} />
      </Section>

      <Section title={mode === 'edit' ? 'Why this change' : 'Note'}>
        <Area
          label={mode === 'edit' ? 'Note: why you made this change (kept in the history)' : 'Note for the history (optional)'}
          path="note"
          value={note}
          onChange={(v) => {
            setNote(v);
            setTouched((current) => new Set(current).add('note'));
          }}
          field={field}
          errors={(submitted || touched.has('note')) && noteErrors.length ? noteErrors : undefined}
          rows={2}
        />
      </Section>

      {errorsFor('') && <FieldError path="form" messages={errorsFor('')} />}
      <div className={styles.submitRow}>
        <button type="submit" className={styles.primary} disabled={saving || !!conflict}>
          {saving ? 'Saving…' : mode === 'edit' ? 'Save changes' : 'Create event'}
        </button>
        {conflict && <span className={styles.muted}>Resolve the conflict above first.</span>}
      </div>
    </form>
  );
}

type FieldProps = (path: string, help?: string) => { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };
type Setter = <K extends keyof FormValues>(field: K, value: FormValues[K]) => void;
type ErrorsFor = (path: string) => string[] | undefined;
/** A text-valued form field's wiring: its error path (the field's own name unless given), value, setter and errors. */
type Bind = (key: keyof FormValues & string, path?: string) => Omit<ControlProps, 'label'>;

/** What a list of rows (participants, citations) is edited with. */
interface RowsProps<T> {
  items: T[];
  onChange: (items: T[]) => void;
  errorsFor: ErrorsFor;
  field: FieldProps;
}
const rowEdits = <T,>(items: T[], onChange: (items: T[]) => void) => ({
  update: (index: number, patch: Partial<T>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item))),
  remove: (index: number) => onChange(items.filter((_, i) => i !== index)),
  add: (item: T) => onChange([...items, item]),
});

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className={styles.section}>
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

interface ControlProps {
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  field: FieldProps;
  errors: string[] | undefined;
}

function Text({
  label,
  path,
  value,
  onChange,
  field,
  errors,
  type = 'text',
  help,
  inputMode,
}: ControlProps & { type?: string; help?: string; inputMode?: 'numeric' | 'decimal' }) {
  const helpId = useId();
  return (
    <div className={styles.control}>
      <label htmlFor={fieldId(path)}>{label}</label>
      <input
        type={type}
        inputMode={inputMode}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...field(path, help ? helpId : undefined)}
      />
      {help && (
        <p id={helpId} className={styles.help}>
          {help}
        </p>
      )}
      <FieldError path={path} messages={errors} />
    </div>
  );
}

function Area({ label, path, value, onChange, field, errors, rows = 4 }: ControlProps & { rows?: number }) {
  return (
    <div className={styles.control}>
      <label htmlFor={fieldId(path)}>{label}</label>
      <textarea rows={rows} value={value} onChange={(event) => onChange(event.target.value)} {...field(path)} />
      <FieldError path={path} messages={errors} />
    </div>
  );
}

function Choice({
  label,
  path,
  value,
  onChange,
  field,
  errors,
  options,
  allowEmpty,
  labels,
}: ControlProps & { options: readonly string[]; allowEmpty?: boolean; labels?: (value: string) => string }) {
  return (
    <div className={styles.control}>
      <label htmlFor={fieldId(path)}>{label}</label>
      <select value={value} onChange={(event) => onChange(event.target.value)} {...field(path)}>
        {(allowEmpty || !options.includes(value)) && <option value="">— choose —</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {labels ? labels(option) : /^\d+$/.test(option) ? option : humanize(option)}
          </option>
        ))}
      </select>
      <FieldError path={path} messages={errors} />
    </div>
  );
}

function toneHelp(cameoCode: string) {
  const goldstein = cameoCode ? goldsteinFor(cameoCode) : undefined;
  return goldstein === undefined
    ? 'Choose a CAMEO code: its Goldstein value is the default tone.'
    : `Default from CAMEO ${cameoCode}: ${goldstein > 0 ? '+' : ''}${goldstein}. Leave empty to use it.`;
}

function KindFields({ values, set, bind, errorsFor }: { values: FormValues; set: Setter; bind: Bind; errorsFor: ErrorsFor }) {
  const text = (label: string, key: keyof FormValues & string, extra: { inputMode?: 'numeric' } = {}) => (
    <Text label={label} {...bind(key)} {...extra} />
  );
  const choice = (label: string, key: keyof FormValues & string, options: readonly string[], allowEmpty = false) => (
    <Choice label={label} {...bind(key)} options={options} allowEmpty={allowEmpty} />
  );
  const actions = ACTIONS[values.kind];
  // Sanctions, mission actions and agreements each start with what was done.
  const action = actions && choice('Action', 'action', Object.values(actions));
  switch (values.kind) {
    case EventKind.STATEMENT:
      return (
        <>
          <Area label="Quote (verbatim, in the original language)" {...bind('quote')} />
          <div className={styles.grid}>
            {text('Quote language (ISO code, e.g. ru)', 'quoteLanguage')}
            {choice('Quote type', 'quoteType', enumValues(QuoteType), true)}
            {choice('Medium', 'medium', enumValues(StatementMedium))}
            {text('Translated from (ISO code)', 'translatedFrom')}
            {text('Translated by', 'translatedBy')}
          </div>
          <OutletField outlet={values.outlet} onChange={(outlet) => set('outlet', outlet)} errors={errorsFor('outlet')} />
        </>
      );
    case EventKind.MEETING:
      return (
        <>
          <div className={styles.grid}>
            {choice('Format', 'format', enumValues(MeetingFormat))}
            {choice('Level', 'level', enumValues(MeetingLevel))}
          </div>
          <Area label="Outcome" {...bind('outcome')} rows={2} />
        </>
      );
    case EventKind.SANCTION:
      return (
        <>
          <div className={styles.grid}>
            {action}
            {text('Program (legal basis, e.g. EO 14024)', 'program')}
          </div>
          <fieldset className={styles.checks} {...describedBy('measures', errorsFor('measures'))}>
            <legend>Measures</legend>
            {enumValues(SanctionMeasure).map((measure) => (
              <label key={measure}>
                <input
                  type="checkbox"
                  checked={values.measures.includes(measure)}
                  onChange={(event) =>
                    set('measures', event.target.checked ? [...values.measures, measure] : values.measures.filter((m) => m !== measure))
                  }
                />{' '}
                {humanize(measure)}
              </label>
            ))}
          </fieldset>
          <FieldError path="measures" messages={errorsFor('measures')} />
        </>
      );
    case EventKind.MISSION:
      return (
        <div className={styles.grid}>
          {action}
          {text('Acting country (ISO code)', 'actingCountry')}
          {text('Affected country (ISO code)', 'affectedCountry')}
          {text('Mission (facility)', 'facility')}
          {text('City', 'city')}
          {text('Personnel count', 'personnelCount', { inputMode: 'numeric' })}
        </div>
      );
    case EventKind.AGREEMENT:
      return (
        <div className={styles.grid}>
          {action}
          {text('Instrument (e.g. New START)', 'instrument')}
        </div>
      );
  }
}

function OutletField({
  outlet,
  onChange,
  errors,
}: {
  outlet: ActorRef | null;
  onChange: (outlet: ActorRef | null) => void;
  errors: string[] | undefined;
}) {
  return (
    <div className={styles.control} id={fieldId('outlet')} tabIndex={-1}>
      {outlet ? (
        <p>
          Outlet: <strong>{outlet.name}</strong>{' '}
          <button type="button" className={styles.quiet} onClick={() => onChange(null)}>
            Remove outlet
          </button>
        </p>
      ) : (
        <ActorPicker label="Outlet (a media actor, optional)" onPick={(actor) => onChange(actor)} />
      )}
      <FieldError path="outlet" messages={errors} />
    </div>
  );
}

function Participants({ items: participants, onChange, errorsFor, field }: RowsProps<ParticipantValue>) {
  const { update, remove, add } = rowEdits(participants, onChange);
  return (
    <>
      <FieldError path="participants" messages={errorsFor('participants')} />
      {participants.length === 0 && <p className={styles.muted}>No participants yet.</p>}
      <ol className={styles.rows}>
        {participants.map((participant, index) => {
          const path = `participants[${index}]`;
          return (
            <li key={index} className={styles.rowItem} data-testid="participant-row">
              {participant.actor ? (
                <p className={styles.actorName} id={fieldId(`${path}.actor`)} tabIndex={-1}>
                  <strong>{participant.actor.name}</strong>
                  {participant.actor.country && ` (${participant.actor.country})`}
                </p>
              ) : (
                <div id={fieldId(`${path}.actor`)} tabIndex={-1}>
                  <ActorPicker label={`Participant ${index + 1}: actor`} onPick={(actor) => update(index, { actor })} />
                </div>
              )}
              <FieldError path={`${path}.actor`} messages={errorsFor(`${path}.actor`)} />
              <div className={styles.grid}>
                <Choice
                  label={`Participant ${index + 1}: role`}
                  path={`${path}.role`}
                  options={enumValues(ParticipantRole)}
                  value={participant.role}
                  onChange={(role) => update(index, { role })}
                  field={field}
                  errors={errorsFor(`${path}.role`) ?? errorsFor(path)}
                />
                <Choice
                  label={`Participant ${index + 1}: side`}
                  path={`${path}.side`}
                  options={enumValues(Side)}
                  value={participant.side}
                  onChange={(side) => update(index, { side })}
                  field={field}
                  errors={errorsFor(`${path}.side`)}
                  allowEmpty
                  labels={(s) => (s === 'OTHER' ? 'Other' : s)}
                />
              </div>
              <button type="button" className={styles.quiet} onClick={() => remove(index)}>
                Remove participant {index + 1}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className={styles.quiet} onClick={() => add({ actor: null, role: 'PARTICIPANT', side: '' })}>
        Add participant
      </button>
    </>
  );
}

function Citations({ items: citations, onChange, errorsFor, field }: RowsProps<CitationValue>) {
  const { update, remove, add } = rowEdits(citations, onChange);
  return (
    <>
      <FieldError path="citations" messages={errorsFor('citations')} />
      <ol className={styles.rows}>
        {citations.map((citation, index) => {
          const path = `citations[${index}]`;
          const part = (label: string, key: keyof CitationValue, type = 'text') => (
            <Text
              label={`Source ${index + 1}: ${label}`}
              path={`${path}.${key}`}
              type={type}
              value={citation[key]}
              onChange={(v) => update(index, { [key]: v })}
              field={field}
              errors={errorsFor(`${path}.${key}`)}
            />
          );
          return (
            <li key={index} className={styles.rowItem} data-testid="citation-row">
              <SourcePicker
                label={`Source ${index + 1}: find a stored source`}
                onPick={(source) =>
                  update(index, {
                    url: source.url,
                    title: source.title ?? '',
                    publisher: source.publisher ?? '',
                    publishedAt: source.publishedAt ?? '',
                    language: source.language ?? '',
                  })
                }
              />
              <p className={styles.muted}>…or add a new one:</p>
              <div className={styles.grid}>
                {part('URL', 'url', 'url')}
                {part('title', 'title')}
                {part('publisher', 'publisher')}
                {part('date published', 'publishedAt', 'date')}
                {part('language (ISO code)', 'language')}
              </div>
              {part('excerpt that supports the event', 'excerpt')}
              <FieldError path={path} messages={errorsFor(path)} />
              {citations.length > 1 && (
                <button type="button" className={styles.quiet} onClick={() => remove(index)}>
                  Remove source {index + 1}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" className={styles.quiet} onClick={() => add(emptyCitation())}>
        Add source
      </button>
    </>
  );
}
