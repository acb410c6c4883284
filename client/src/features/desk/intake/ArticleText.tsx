// The article's text as the drafts read it (HTML already reduced to text), with each draft's evidence marked and
// numbered; the draft the editor is looking at stands out.
import { useMemo } from 'react';
import type { EventDraftResult } from './intake.queries';
import { highlight } from './highlight';
import styles from './IntakeScreen.module.css';

export function ArticleText({
  text,
  drafts,
  activeDraft,
}: {
  text: string;
  drafts: readonly EventDraftResult[];
  activeDraft: number | null;
}) {
  // Phrase i belongs to draft owners[i]; the active draft's sentences go first so they win where drafts share one.
  const { pieces, owners } = useMemo(() => {
    const order = drafts.map((_, i) => i);
    if (activeDraft !== null) order.sort((a, b) => Number(b === activeDraft) - Number(a === activeDraft));
    const phrases: string[] = [];
    const owners: number[] = [];
    for (const i of order) {
      for (const sentence of drafts[i].evidence) {
        phrases.push(sentence);
        owners.push(i);
      }
    }
    return { pieces: highlight(text, phrases), owners };
  }, [text, drafts, activeDraft]);
  return (
    <section className={styles.articleText} aria-labelledby="intake-text-heading">
      <h3 id="intake-text-heading" className={styles.sectionHeading}>
        The article as read
      </h3>
      <p className={styles.formNote}>Marked: the sentences each draft rests on (numbered by draft).</p>
      <div className={styles.articleBody} tabIndex={0} aria-label="Article text with the drafts' evidence marked">
        {pieces.map((piece, i) => {
          if (piece.mark === null) return <span key={i}>{piece.text}</span>;
          const draft = owners[piece.mark];
          return (
            <mark key={i} className={draft === activeDraft ? styles.activeEvidence : styles.evidenceMark} title={`Draft ${draft + 1}`}>
              <sup className={styles.markNumber}>{draft + 1}</sup>
              {piece.text}
            </mark>
          );
        })}
      </div>
    </section>
  );
}
