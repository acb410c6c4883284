// "Export" for the view on screen: the server's files for the same query string (the whole view, not one page),
// and Print, which lays the view out as a list with its sources.
import { useRef } from 'react';
import styles from './ExportMenu.module.css';
// The page's print rules travel with the menu that offers Print, so a Ctrl+P before any Print has them too.
import './print.css';

export const EXPORT_FILES = [
  { extension: 'csv', label: 'CSV', hint: 'spreadsheet, every field' },
  { extension: 'json', label: 'JSON', hint: 'every field, sources nested' },
  { extension: 'ics', label: 'Calendar (ICS)', hint: 'events dated to the day' },
  { extension: 'bib', label: 'BibTeX', hint: 'events and their sources' },
  { extension: 'csl.json', label: 'CSL-JSON', hint: 'for Zotero, pandoc' },
] as const;

export function exportUrl(extension: string, query: string): string {
  return `/export/events.${extension}${query}`;
}

export function ExportMenu({ query, onPrint }: { query: string; onPrint: () => void }) {
  const details = useRef<HTMLDetailsElement>(null);
  const close = () => details.current?.removeAttribute('open');
  return (
    <details ref={details} className={styles.menu} data-testid="export-menu">
      <summary className={`button ${styles.summary}`}>Export</summary>
      <div className={styles.panel}>
        <p className={styles.caption}>Everything in this view, with its sources:</p>
        <ul className={styles.list}>
          {EXPORT_FILES.map((file) => (
            <li key={file.extension}>
              <a className={styles.item} href={exportUrl(file.extension, query)} download onClick={close}>
                {file.label} <span className={styles.hint}>{file.hint}</span>
              </a>
            </li>
          ))}
          <li>
            <button
              type="button"
              className={styles.item}
              onClick={() => {
                close();
                onPrint();
              }}
            >
              Print <span className={styles.hint}>a list with sources</span>
            </button>
          </li>
        </ul>
      </div>
    </details>
  );
}
