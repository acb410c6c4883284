// The article to draft from: its text or HTML, and the four facts that make it a citation (URL, title, publisher,
// publication date). Every field is required and checked here first, with the server's answer shown on its field.
import type { FormEvent } from 'react';
import ui from '../../../components/ui.module.css';
import { FormField } from './FormField';
import styles from './IntakeScreen.module.css';

export const MAX_ARTICLE_LENGTH = 100_000;

export interface ArticleFields {
  format: 'text' | 'html';
  body: string;
  url: string;
  title: string;
  publisher: string;
  publishedAt: string;
}

export const EMPTY_ARTICLE: ArticleFields = { format: 'text', body: '', url: '', title: '', publisher: '', publishedAt: '' };

/** The form's field names, as the server names them (`article.text` → text); text and html share the body field. */
export const ARTICLE_FIELDS = ['text', 'html', 'url', 'title', 'publisher', 'publishedAt'] as const;
export type ArticleFieldErrors = Partial<Record<(typeof ARTICLE_FIELDS)[number], string>>;

/** The same rules as the server's, plus what a citation needs (URL, title and publisher). */
export function checkArticle(article: ArticleFields): ArticleFieldErrors {
  const errors: ArticleFieldErrors = {};
  const body = article.body;
  if (!body.trim()) errors[article.format] = `Paste the article's ${article.format === 'html' ? 'HTML' : 'text'}.`;
  else if (body.length > MAX_ARTICLE_LENGTH)
    errors[article.format] =
      `The article is ${body.length.toLocaleString('en')} characters; the limit is ${MAX_ARTICLE_LENGTH.toLocaleString('en')}.`;
  if (!article.url.trim()) errors.url = 'Give the address the article was published at.';
  else if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(article.url.trim())) errors.url = 'The URL must start with http:// or https://.';
  if (!article.title.trim()) errors.title = "Give the article's headline.";
  if (!article.publisher.trim()) errors.publisher = 'Give who published it, e.g. "The Hill" or "Interfax".';
  if (!article.publishedAt) errors.publishedAt = 'Give the publication date: "on Tuesday" and "last week" are counted from it.';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(article.publishedAt)) errors.publishedAt = 'The date must be a day, e.g. 2021-10-12.';
  return errors;
}

export interface ArticleFormProps {
  article: ArticleFields;
  onChange: (article: ArticleFields) => void;
  onSubmit: () => void;
  errors: ArticleFieldErrors;
  busy: boolean;
}

export function ArticleForm({ article, onChange, onSubmit, errors, busy }: ArticleFormProps) {
  const set = <K extends keyof ArticleFields>(key: K, value: ArticleFields[K]) => onChange({ ...article, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className={styles.articleForm} onSubmit={submit} noValidate aria-labelledby="intake-article-heading">
      <h3 id="intake-article-heading" className={styles.sectionHeading}>
        The article
      </h3>
      <p className={styles.formNote}>
        Every field is required: the article becomes the citation of the events you keep. Nothing is written until you add or create an
        event.
      </p>
      <fieldset className={styles.formatChoice}>
        <legend>Pasted as</legend>
        <label>
          <input type="radio" name="article-format" checked={article.format === 'text'} onChange={() => set('format', 'text')} /> Text
        </label>
        <label>
          <input type="radio" name="article-format" checked={article.format === 'html'} onChange={() => set('format', 'html')} /> HTML (the
          article is read out of the page)
        </label>
      </fieldset>
      <FormField
        label={article.format === 'html' ? 'Article HTML' : 'Article text'}
        required
        error={errors[article.format]}
        hint={`${article.body.length.toLocaleString('en')} of ${MAX_ARTICLE_LENGTH.toLocaleString('en')} characters`}
      >
        <textarea rows={10} value={article.body} onChange={(e) => set('body', e.target.value)} spellCheck={false} />
      </FormField>
      <div className={styles.articleFacts}>
        <FormField label="URL" required error={errors.url}>
          <input type="url" inputMode="url" value={article.url} onChange={(e) => set('url', e.target.value)} placeholder="https://…" />
        </FormField>
        <FormField label="Title" required error={errors.title}>
          <input type="text" value={article.title} onChange={(e) => set('title', e.target.value)} />
        </FormField>
        <FormField label="Publisher" required error={errors.publisher}>
          <input type="text" value={article.publisher} onChange={(e) => set('publisher', e.target.value)} />
        </FormField>
        <FormField label="Publication date" required error={errors.publishedAt}>
          <input type="date" value={article.publishedAt} onChange={(e) => set('publishedAt', e.target.value)} />
        </FormField>
      </div>
      <div className={styles.formActions}>
        <button type="submit" className={`${ui.button} ${ui.primary}`} disabled={busy}>
          {busy ? 'Drafting…' : 'Draft events'}
        </button>
      </div>
    </form>
  );
}
