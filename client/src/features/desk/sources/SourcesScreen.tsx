// /desk/sources: find a source by title, publisher or URL and correct it (URL, title, publisher, date, language).
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import ui from '../../../components/ui.module.css';
import { EditorFooter } from '../components/EditorFooter';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SearchRow, SearchStatus } from '../components/SearchRow';
import { useDebounced } from '../components/useDebounced';
import { useRecordEditor } from '../components/useRecordEditor';
import styles from '../actors/ActorsScreen.module.css';
import { FormField } from '../intake/FormField';
import { DESK_SOURCES_QUERY, UPDATE_SOURCE, type DeskSource } from './sources.queries';

const PAGE = 50;
const FIELDS = ['url', 'title', 'publisher', 'publishedAt', 'language'] as const;

export default function SourcesScreen() {
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim());
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(DESK_SOURCES_QUERY, { variables: { search: debounced || null, first: PAGE } });
  const sources = data?.sources.nodes ?? [];
  return (
    <div className={styles.screen}>
      <header>
        <h2 className={styles.title}>Sources</h2>
        <p className={ui.muted}>The documents events cite, newest first. A correction here shows on every event citing the source.</p>
      </header>
      <SearchRow id="source-search" label="Search sources (title, publisher or URL)" value={search} onChange={setSearch} />
      <SearchStatus notice={notice} loading={loading} total={data?.sources.totalCount} noun={['source', 'sources']} page={PAGE} />
      {error && <ErrorMessage what="the sources" error={error} onRetry={() => void refetch()} />}
      <ul className={styles.list} aria-label="Sources">
        {sources.map((source) => (
          <li key={source.id} className={styles.row} data-testid="source-row">
            <div className={styles.summary}>
              <h3 className={styles.name}>{source.title ?? source.url}</h3>
              <p className={ui.muted}>
                {[
                  source.publisher,
                  source.publishedAt,
                  source.language,
                  `cited by ${source.events.length} ${source.events.length === 1 ? 'event' : 'events'}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p className={styles.url}>{source.url}</p>
            </div>
            {editing === source.id ? (
              <SourceEditor
                source={source}
                onDone={(saved) => {
                  setEditing(null);
                  if (saved) setNotice(`Saved ${saved.title ?? saved.url}.`);
                }}
              />
            ) : (
              <div className={styles.actions}>
                <button
                  type="button"
                  className={ui.button}
                  onClick={() => setEditing(source.id)}
                  aria-label={`Edit ${source.title ?? source.url}`}
                >
                  Edit
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface SourceValues {
  url: string;
  title: string;
  publisher: string;
  publishedAt: string;
  language: string;
}

function check(values: SourceValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(values.url.trim())) errors.url = 'The URL must start with http:// or https://.';
  if (values.language.trim() && !/^[a-z]{2}$/i.test(values.language.trim()))
    errors.language = 'A two-letter ISO 639-1 code, e.g. en or ru.';
  return errors;
}

function SourceEditor({ source, onDone }: { source: DeskSource; onDone: (saved: DeskSource | null) => void }) {
  const [updateSource, { loading }] = useMutation(UPDATE_SOURCE);
  const { values, set, errors, general, save } = useRecordEditor<SourceValues>({
    initial: () => ({
      url: source.url,
      title: source.title ?? '',
      publisher: source.publisher ?? '',
      publishedAt: source.publishedAt ?? '',
      language: source.language ?? '',
    }),
    check,
    fields: FIELDS,
    async write(values) {
      const { data } = await updateSource({
        variables: {
          id: source.id,
          input: {
            url: values.url.trim(),
            title: values.title.trim() || null,
            publisher: values.publisher.trim() || null,
            publishedAt: values.publishedAt || null,
            language: values.language.trim().toLowerCase() || null,
          },
        },
      });
      onDone(data?.updateSource ?? null);
    },
  });

  const headingId = `edit-source-${source.id}`;
  return (
    <form className={styles.editor} onSubmit={save} noValidate aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.editorHeading}>
        Edit this source
      </h4>
      <FormField label="URL" required error={errors.url}>
        <input type="url" value={values.url} onChange={(e) => set('url', e.target.value)} />
      </FormField>
      <FormField label="Title" error={errors.title}>
        <input type="text" value={values.title} onChange={(e) => set('title', e.target.value)} />
      </FormField>
      <div className={styles.editorGrid}>
        <FormField label="Publisher" error={errors.publisher}>
          <input type="text" value={values.publisher} onChange={(e) => set('publisher', e.target.value)} />
        </FormField>
        <FormField label="Publication date" error={errors.publishedAt}>
          <input type="date" value={values.publishedAt} onChange={(e) => set('publishedAt', e.target.value)} />
        </FormField>
        <FormField label="Language" error={errors.language} hint="ISO 639-1, e.g. en.">
          <input type="text" value={values.language} onChange={(e) => set('language', e.target.value)} maxLength={2} />
        </FormField>
      </div>
      <EditorFooter general={general} loading={loading} saveLabel="Save source" onCancel={() => onDone(null)} />
    </form>
  );
}
