// The event a draft would become, to check before it is created: the common fields, the kind's own required
// fields (guessed from the evidence) and the matched participants. The article is its citation. Server errors show
// on their fields. (Interim: desk-core's EventForm replaces this once it is merged, with the same values.)
import type { FormEvent } from 'react';
import ui from '../../../components/ui.module.css';
import type {
  AgreementAction,
  DatePrecision,
  Direction,
  MeetingFormat,
  MeetingLevel,
  MissionActionType,
  SanctionAction,
  StatementMedium,
} from '../../../graphql/types';
import type { DraftEventValues } from './draftValues';
import { FormField } from './FormField';
import { directionLabel, humanize, kindLabel } from './labels';
import styles from './IntakeScreen.module.css';

const PRECISIONS: DatePrecision[] = ['DAY', 'MONTH', 'YEAR'];
const DIRECTIONS: Direction[] = ['US_TO_RU', 'RU_TO_US', 'MUTUAL', 'DOMESTIC_US', 'DOMESTIC_RU'];
const MEDIUMS: StatementMedium[] = ['BRIEFING', 'INTERVIEW', 'LETTER', 'PRESS_RELEASE', 'SOCIAL_POST', 'SPEECH', 'TESTIMONY'];
const FORMATS: MeetingFormat[] = ['IN_PERSON', 'PHONE', 'VIDEO', 'SUMMIT', 'MULTILATERAL_SIDELINE'];
const LEVELS: MeetingLevel[] = ['HEAD_OF_STATE', 'MINISTERIAL', 'DEPUTY_MINISTER', 'WORKING'];
const SANCTION_ACTIONS: SanctionAction[] = ['IMPOSED', 'EXPANDED', 'EXTENDED', 'EASED', 'LIFTED', 'THREATENED'];
const MISSION_ACTIONS: MissionActionType[] = [
  'EXPULSION',
  'CLOSURE',
  'STAFF_CAP',
  'VISA_RESTRICTION',
  'HIRING_BAN',
  'SERVICE_SUSPENSION',
  'AMBASSADOR_RECALL',
  'AMBASSADOR_RETURN',
  'REOPENING',
];
const AGREEMENT_ACTIONS: AgreementAction[] = ['SIGNED', 'EXTENDED', 'SUSPENDED', 'WITHDRAWN', 'EXCHANGED'];

export const DRAFT_FORM_FIELDS = [
  'title',
  'summary',
  'startDate',
  'endDate',
  'datePrecision',
  'direction',
  'cameoCode',
  'importance',
  'participants',
  'citations',
  'quote',
  'quoteLanguage',
  'quoteType',
  'medium',
  'format',
  'level',
  'action',
  'actingCountry',
  'affectedCountry',
  'instrument',
] as const;

export interface DraftEventFormProps {
  idPrefix: string;
  values: DraftEventValues;
  onChange: (values: DraftEventValues) => void;
  onSubmit: () => void;
  onCancel: () => void;
  errors: Record<string, string>;
  general: string | null;
  busy: boolean;
}

function Options<T extends string>({ values }: { values: readonly T[] }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {humanize(value)}
    </option>
  ));
}

export function DraftEventForm({ idPrefix, values, onChange, onSubmit, onCancel, errors, general, busy }: DraftEventFormProps) {
  const set = <K extends keyof DraftEventValues>(key: K, value: DraftEventValues[K]) => onChange({ ...values, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const headingId = `${idPrefix}-form-heading`;
  return (
    <form className={styles.draftForm} onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h5 id={headingId} className={styles.formHeading}>
        New {kindLabel(values.kind).toLowerCase()}, citing this article
      </h5>
      <FormField label="Title" required error={errors.title}>
        <input type="text" value={values.title} onChange={(e) => set('title', e.target.value)} maxLength={200} />
      </FormField>
      <FormField label="Summary" error={errors.summary}>
        <textarea rows={3} value={values.summary} onChange={(e) => set('summary', e.target.value)} maxLength={2000} />
      </FormField>
      <div className={styles.formRow}>
        <FormField label="Start date" required error={errors.startDate}>
          <input type="date" value={values.startDate} onChange={(e) => set('startDate', e.target.value)} />
        </FormField>
        <FormField label="End date" error={errors.endDate}>
          <input type="date" value={values.endDate} onChange={(e) => set('endDate', e.target.value)} />
        </FormField>
        <FormField label="Date precision" error={errors.datePrecision}>
          <select value={values.datePrecision} onChange={(e) => set('datePrecision', e.target.value as DatePrecision)}>
            <Options values={PRECISIONS} />
          </select>
        </FormField>
      </div>
      <div className={styles.formRow}>
        <FormField label="Direction" required error={errors.direction}>
          <select value={values.direction} onChange={(e) => set('direction', e.target.value as Direction | '')}>
            <option value="">Choose…</option>
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {directionLabel(d)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="CAMEO code" required error={errors.cameoCode}>
          <input type="text" inputMode="numeric" value={values.cameoCode} onChange={(e) => set('cameoCode', e.target.value)} />
        </FormField>
        <FormField label="Importance" required error={errors.importance}>
          <select value={values.importance} onChange={(e) => set('importance', Number(e.target.value))}>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      {values.kind === 'STATEMENT' && (
        <>
          <FormField label="Medium" required error={errors.medium}>
            <select value={values.medium} onChange={(e) => set('medium', e.target.value as StatementMedium)}>
              <Options values={MEDIUMS} />
            </select>
          </FormField>
          <FormField label="Quote" error={errors.quote} hint="Verbatim, in the original language.">
            <textarea rows={3} value={values.quote} onChange={(e) => set('quote', e.target.value)} />
          </FormField>
          <FormField label="Quote language" error={errors.quoteLanguage} hint="ISO 639-1, e.g. en, ru.">
            <input type="text" value={values.quoteLanguage} onChange={(e) => set('quoteLanguage', e.target.value)} maxLength={2} />
          </FormField>
        </>
      )}
      {values.kind === 'MEETING' && (
        <div className={styles.formRow}>
          <FormField label="Format" required error={errors.format}>
            <select value={values.format} onChange={(e) => set('format', e.target.value as MeetingFormat)}>
              <Options values={FORMATS} />
            </select>
          </FormField>
          <FormField label="Level" required error={errors.level}>
            <select value={values.level} onChange={(e) => set('level', e.target.value as MeetingLevel)}>
              <Options values={LEVELS} />
            </select>
          </FormField>
        </div>
      )}
      {values.kind === 'SANCTION' && (
        <FormField label="Action" required error={errors.action}>
          <select value={values.sanctionAction} onChange={(e) => set('sanctionAction', e.target.value as SanctionAction)}>
            <Options values={SANCTION_ACTIONS} />
          </select>
        </FormField>
      )}
      {values.kind === 'MISSION' && (
        <div className={styles.formRow}>
          <FormField label="Action" required error={errors.action}>
            <select value={values.missionAction} onChange={(e) => set('missionAction', e.target.value as MissionActionType)}>
              <Options values={MISSION_ACTIONS} />
            </select>
          </FormField>
          <FormField label="Acting country" required error={errors.actingCountry} hint="ISO code, e.g. RU.">
            <input
              type="text"
              value={values.actingCountry}
              onChange={(e) => set('actingCountry', e.target.value.toUpperCase())}
              maxLength={2}
            />
          </FormField>
          <FormField label="Affected country" required error={errors.affectedCountry} hint="ISO code, e.g. US.">
            <input
              type="text"
              value={values.affectedCountry}
              onChange={(e) => set('affectedCountry', e.target.value.toUpperCase())}
              maxLength={2}
            />
          </FormField>
        </div>
      )}
      {values.kind === 'AGREEMENT' && (
        <div className={styles.formRow}>
          <FormField label="Action" required error={errors.action}>
            <select value={values.agreementAction} onChange={(e) => set('agreementAction', e.target.value as AgreementAction)}>
              <Options values={AGREEMENT_ACTIONS} />
            </select>
          </FormField>
          <FormField label="Instrument" required error={errors.instrument} hint='e.g. "New START".'>
            <input type="text" value={values.instrument} onChange={(e) => set('instrument', e.target.value)} />
          </FormField>
        </div>
      )}
      <fieldset className={styles.participantsField}>
        <legend>Participants</legend>
        {values.participants.length === 0 ? (
          <p className={ui.muted}>None matched to the record.</p>
        ) : (
          <ul className={ui.chipRow}>
            {values.participants.map((p) => (
              <li key={p.actorId} className={ui.chip}>
                {p.name} · {humanize(p.role)}
                <button
                  type="button"
                  className={ui.chipRemove}
                  aria-label={`Remove ${p.name}`}
                  onClick={() =>
                    set(
                      'participants',
                      values.participants.filter((other) => other.actorId !== p.actorId),
                    )
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {errors.participants && <p className={styles.fieldError}>{errors.participants}</p>}
      </fieldset>
      {errors.citations && <p className={styles.fieldError}>Citation: {errors.citations}</p>}
      {general && (
        <p className={styles.fieldError} role="alert">
          Not created: {general}
        </p>
      )}
      <div className={styles.formActions}>
        <button type="submit" className={`${ui.button} ${styles.primary}`} disabled={busy}>
          {busy ? 'Creating…' : 'Create event'}
        </button>
        <button type="button" className={ui.button} onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
