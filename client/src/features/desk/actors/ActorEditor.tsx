// Correct an actor: its name, kind, title, country, Wikidata id and aliases (one per line, Cyrillic welcome). The
// slug stays fixed. The server's errors show on their fields; on an error the edits stay in the form.
import { useMutation } from '@apollo/client/react';
import ui from '../../../components/ui.module.css';
import { EditorFooter } from '../components/EditorFooter';
import { useRecordEditor } from '../components/useRecordEditor';
import type { ActorKind } from '../../../graphql/types';
import { FormField } from '../intake/FormField';
import { humanize } from '../intake/labels';
import { UPDATE_ACTOR, type DeskActor } from './actors.queries';
import styles from './ActorsScreen.module.css';

const KINDS: ActorKind[] = ['PERSON', 'GOVERNMENT_BODY', 'LEGISLATURE', 'ORGANIZATION', 'MEDIA_OUTLET'];
const FIELDS = ['name', 'kind', 'title', 'country', 'wikidataId', 'aliases'] as const;

interface ActorValues {
  name: string;
  kind: ActorKind;
  title: string;
  country: string;
  wikidataId: string;
  aliases: string;
}

const valuesOf = (actor: DeskActor): ActorValues => ({
  name: actor.name,
  kind: actor.kind,
  title: actor.title ?? '',
  country: actor.country ?? '',
  wikidataId: actor.wikidataId ?? '',
  aliases: actor.aliases.join('\n'),
});

/** The client's own checks, the same as the server's, so most mistakes are caught before the round trip. */
function check(values: ActorValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'An actor needs a name.';
  if (values.country.trim() && !/^[A-Za-z]{2}$/.test(values.country.trim())) errors.country = 'A two-letter ISO code, e.g. RU or US.';
  if (values.wikidataId.trim() && !/^Q\d+$/.test(values.wikidataId.trim())) errors.wikidataId = 'A Wikidata item id, e.g. Q7747.';
  return errors;
}

export function ActorEditor({ actor, onDone }: { actor: DeskActor; onDone: (saved: DeskActor | null) => void }) {
  const [updateActor, { loading }] = useMutation(UPDATE_ACTOR);
  const { values, set, errors, general, save } = useRecordEditor<ActorValues>({
    initial: () => valuesOf(actor),
    check,
    fields: FIELDS,
    async write(values) {
      const aliases = [
        ...new Set(
          values.aliases
            .split('\n')
            .map((a) => a.trim())
            .filter(Boolean),
        ),
      ];
      const { data } = await updateActor({
        variables: {
          id: actor.id,
          input: {
            name: values.name.trim(),
            kind: values.kind,
            title: values.title.trim() || null,
            country: values.country.trim().toUpperCase() || null,
            wikidataId: values.wikidataId.trim() || null,
            aliases,
          },
        },
      });
      onDone(data?.updateActor ?? null);
    },
  });

  const headingId = `edit-${actor.id}-heading`;
  return (
    <form className={styles.editor} onSubmit={save} noValidate aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.editorHeading}>
        Edit {actor.name} <span className={ui.muted}>({actor.slug})</span>
      </h4>
      <div className={styles.editorGrid}>
        <FormField label="Name" required error={errors.name}>
          <input type="text" value={values.name} onChange={(e) => set('name', e.target.value)} />
        </FormField>
        <FormField label="Kind" required error={errors.kind}>
          <select value={values.kind} onChange={(e) => set('kind', e.target.value as ActorKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {humanize(k)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Title or office" error={errors.title}>
          <input type="text" value={values.title} onChange={(e) => set('title', e.target.value)} />
        </FormField>
        <FormField label="Country" error={errors.country} hint="ISO code, e.g. RU.">
          <input type="text" value={values.country} onChange={(e) => set('country', e.target.value)} maxLength={2} />
        </FormField>
        <FormField label="Wikidata id" error={errors.wikidataId} hint="e.g. Q7747.">
          <input type="text" value={values.wikidataId} onChange={(e) => set('wikidataId', e.target.value)} />
        </FormField>
      </div>
      <FormField label="Aliases" error={errors.aliases} hint="One per line, any script (e.g. Сергей Рябков).">
        <textarea rows={4} value={values.aliases} onChange={(e) => set('aliases', e.target.value)} />
      </FormField>
      <EditorFooter general={general} loading={loading} saveLabel="Save actor" onCancel={() => onDone(null)} />
    </form>
  );
}
